package org.computecap.economics.power;

/**
 * A linear permit demand: marginal value {@code intercept - slope·x} of the x-th permit, so {@code
 * D(p) = (intercept - p)/slope} for p below the intercept and 0 above, and benefit {@code
 * intercept·x - slope·x²/2} up to saturation at {@code intercept/slope} (free disposal beyond). The
 * families of the market library ({@code BenefitFamily}) have no linear member; this is the
 * textbook case of Hahn (1984) in which the dominant firm's equilibrium has a closed form, kept to
 * check the general solver against it.
 *
 * @param intercept the marginal value of the first permit, &gt; 0
 * @param slope how much the marginal value falls per permit, &gt; 0
 */
public record LinearDemand(double intercept, double slope) implements PermitDemand {

  /** Validates both parameters finite and &gt; 0. */
  public LinearDemand {
    if (!(intercept > 0.0) || Double.isInfinite(intercept)) {
      throw new IllegalArgumentException("intercept must be finite and > 0, was " + intercept);
    }
    if (!(slope > 0.0) || Double.isInfinite(slope)) {
      throw new IllegalArgumentException("slope must be finite and > 0, was " + slope);
    }
  }

  @Override
  public double permits(double price) {
    return Math.max(0.0, (intercept - price) / slope);
  }

  @Override
  public double slope(double price) {
    return price < intercept ? -1.0 / slope : 0.0;
  }

  @Override
  public double marginalValue(double permits) {
    return Math.max(0.0, intercept - slope * permits);
  }

  @Override
  public double benefit(double permits) {
    double used = Math.min(permits, intercept / slope);
    return intercept * used - 0.5 * slope * used * used;
  }
}
