package org.computecap.sim.agent;

import org.computecap.economics.market.BenefitFamily;
import org.computecap.economics.market.Demand;
import org.computecap.economics.market.Population;

/**
 * A developer's value of permits at a given permit weight {@code w} (permits per unit of compute:
 * intensity times the expected risk multiplier). Demand comes from the economics library ({@link
 * Demand}, P2 Eq. 5, with lambdaBar = w); the inverse, the marginal value of the last permit held,
 * is {@code v'(h/w)·M/w} cents with M cents per unit of benefit. A price-taking agent quotes
 * exactly this marginal value, which is why a uniform-price auction over such quotes clears at the
 * competitive price.
 */
public final class Valuation {
  private final Population one;
  private final BenefitFamily family;
  private final double theta;
  private final double beta;
  private final double k;
  private final double a;
  private final double weight;
  private final double centsPerUtil;

  /** The valuation of {@code d} when each unit of compute needs {@code weight} permits. */
  public Valuation(Developer d, double weight, double centsPerUtil) {
    // Above 0, not 1: efficiency effort can bring a developer below one permit per unit.
    if (!(weight > 0.0) || !Double.isFinite(weight)) {
      throw new IllegalArgumentException("weight must be finite and > 0, was " + weight);
    }
    this.one =
        Population.builder(1).add(d.family(), d.theta(), d.beta(), d.k(), d.a(), weight).build();
    this.family = d.family();
    this.theta = d.theta();
    this.beta = d.beta();
    this.k = d.k();
    this.a = d.a();
    this.weight = weight;
    this.centsPerUtil = centsPerUtil;
  }

  public double weight() {
    return weight;
  }

  /** This developer alone, with its weight, as the economics library's population. */
  Population population() {
    return one;
  }

  /** Compute demanded at a permit price in cents (P2 Eq. 5); needs price &gt; 0 unless P1. */
  public double computeAt(double priceCents) {
    return Demand.compute(one, 0, priceCents / centsPerUtil);
  }

  /** Permits demanded at a permit price in cents: {@code w·c(p)}. */
  public double permitsAt(double priceCents) {
    return weight * computeAt(priceCents);
  }

  /**
   * Marginal value in cents of the last of {@code permits} permits, never negative; the largest
   * double for no permits (POWER and LOG value the first unit infinitely).
   */
  public double marginalValueCents(double permits) {
    if (!(permits > 0)) {
      return Double.MAX_VALUE;
    }
    double c = permits / weight;
    double marginal;
    switch (family) {
      case POWER:
        marginal = theta * Math.pow(c, beta - 1.0);
        break;
      case LOG:
        marginal = theta / c;
        break;
      case P1:
        marginal = k * Math.pow(c, -k - 1.0) - a;
        break;
      default:
        throw new AssertionError("unknown family " + family);
    }
    return Math.max(0.0, marginal * centsPerUtil / weight);
  }

  /** Benefit {@code v(c)} in utility units. */
  public double benefit(double compute) {
    double c = Math.max(compute, 1e-300);
    switch (family) {
      case POWER:
        return theta * Math.pow(c, beta) / beta;
      case LOG:
        return theta * Math.log(c);
      case P1:
        return -Math.pow(c, -k) - a * c;
      default:
        throw new AssertionError("unknown family " + family);
    }
  }
}
