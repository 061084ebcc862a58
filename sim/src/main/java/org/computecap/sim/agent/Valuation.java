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
 *
 * <p>A developer whose program covers both its workloads (issue 13) holds one stock of permits for
 * two independent demands: at a price each workload runs its own Eq. 5 demand, the permits it wants
 * are their sum, and the marginal value of its last permit is the price at which that sum equals
 * its holdings (the workloads' marginal values per permit are then equal, which is the firm's
 * optimal split), found by bisection since the sum has no closed-form inverse.
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
  private final double intensity;
  // The covered second workload of a composite developer, null otherwise.
  private final Population second;
  private final double secondWeight;
  private final double secondIntensity;

  /**
   * The valuation of {@code d} when each unit of its first workload's compute needs {@code weight}
   * permits (its intensity times the risk multiplier, which applies to both workloads alike).
   */
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
    this.intensity = d.permitsPerUnit();
    if (d.composite()) {
      Part p = d.second();
      this.secondIntensity = p.permitsPerUnit();
      this.secondWeight = weight / d.permitsPerUnit() * secondIntensity;
      this.second =
          Population.builder(1)
              .add(p.family(), p.theta(), p.beta(), p.k(), p.a(), secondWeight)
              .build();
    } else {
      this.second = null;
      this.secondWeight = 0.0;
      this.secondIntensity = 0.0;
    }
  }

  /** Whether two covered workloads share the permits. */
  public boolean composite() {
    return second != null;
  }

  /** Compute of the covered second workload at a price in cents (0 without one). */
  public double secondComputeAt(double priceCents) {
    return second == null ? 0.0 : Demand.compute(second, 0, priceCents / centsPerUtil);
  }

  /** Compute of the first workload at a price in cents. */
  public double firstComputeAt(double priceCents) {
    return Demand.compute(one, 0, priceCents / centsPerUtil);
  }

  /**
   * The covered quantity (compute times intensity, before the risk multiplier) the developer uses
   * at a price: what it would report.
   */
  public double baseAt(double priceCents) {
    if (second == null) {
      return intensity * computeAt(priceCents);
    }
    return intensity * firstComputeAt(priceCents) + secondIntensity * secondComputeAt(priceCents);
  }

  /** Permits per unit of the second workload's compute, 0 without one. */
  public double secondIntensity() {
    return secondIntensity;
  }

  public double weight() {
    return weight;
  }

  /** This developer alone, with its weight, as the economics library's population. */
  Population population() {
    return one;
  }

  /**
   * Covered compute demanded at a permit price in cents (P2 Eq. 5; both workloads' when composite);
   * needs price &gt; 0 unless P1.
   */
  public double computeAt(double priceCents) {
    double first = Demand.compute(one, 0, priceCents / centsPerUtil);
    return second == null ? first : first + secondComputeAt(priceCents);
  }

  /** Permits demanded at a permit price in cents: {@code w·c(p)}, summed over both workloads. */
  public double permitsAt(double priceCents) {
    if (second == null) {
      return weight * computeAt(priceCents);
    }
    return weight * firstComputeAt(priceCents) + secondWeight * secondComputeAt(priceCents);
  }

  /**
   * Marginal value in cents of the last of {@code permits} permits, never negative; the largest
   * double for no permits (POWER and LOG value the first unit infinitely).
   */
  public double marginalValueCents(double permits) {
    if (!(permits > 0)) {
      return Double.MAX_VALUE;
    }
    if (second != null) {
      return inversePermits(permits);
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

  // The price in cents at which the two workloads together want {@code permits}: permitsAt is
  // decreasing in the price, so bisection on it, to a relative width of 1e-12.
  private double inversePermits(double permits) {
    if (permitsAt(0.0) <= permits) {
      return 0.0;
    }
    double lo = 0.0;
    double hi = 1.0;
    while (permitsAt(hi) > permits) {
      lo = hi;
      hi *= 2.0;
      if (hi > 1e300) {
        return Double.MAX_VALUE;
      }
    }
    while (hi - lo > 1e-12 * hi) {
      double mid = 0.5 * (lo + hi);
      if (permitsAt(mid) > permits) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  /** Benefit {@code v(c)} of the first workload's compute, in utility units. */
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
