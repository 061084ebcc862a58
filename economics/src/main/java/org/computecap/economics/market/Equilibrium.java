package org.computecap.economics.market;

/**
 * Competitive equilibrium of the permit market (P2 Sec 5.1): the clearing price, whether the cap
 * binds, and each developer's compute. Developer i retires {@code lambdaBar_i·c_i} permits (see
 * {@link #permits(Population)}).
 *
 * <p>The compute array is handed over, not copied: at 10^7 developers a copy per access would cost
 * more than the solve. Treat it as read-only.
 */
public record Equilibrium(double price, boolean capBinding, double[] compute) {

  /** Validates price >= 0 and finite, compute present. */
  public Equilibrium {
    if (!(price >= 0.0) || Double.isInfinite(price)) {
      throw new IllegalArgumentException("price must be finite and >= 0, was " + price);
    }
    if (compute == null) {
      throw new IllegalArgumentException("compute must not be null");
    }
  }

  /** Permits developer i retires: {@code lambdaBar_i·c_i}. */
  public double permits(Population pop, int i) {
    return pop.lambdaBar[i] * compute[i];
  }

  /** Permits every developer retires, in developer order. */
  public double[] permits(Population pop) {
    if (pop.size() != compute.length) {
      throw new IllegalArgumentException(
          "population size "
              + pop.size()
              + " must equal the number of allocations "
              + compute.length);
    }
    double[] permits = new double[compute.length];
    for (int i = 0; i < permits.length; i++) {
      permits[i] = pop.lambdaBar[i] * compute[i];
    }
    return permits;
  }
}
