package org.computecap.sim.scenario;

/**
 * Demand that moves (issue 14): each period after the first, every developer type's demand is
 * multiplied by a growth trend and a seeded random shock, so prices move and stability mechanisms
 * have work to do. The log of a type's multiplier is a random walk: {@code log m(t) = log m(t-1) +
 * log(1 + growth) + sigma·z - sigma^2/2}, with {@code z = sqrt(rho)·Z_t + sqrt(1 - rho)·Z_type,t}
 * standard normal (Z_t common to all types, Z_type,t the type's own), so a shock is mean one and
 * persists, and rho is the correlation of two types' shocks.
 *
 * <p>What a multiplier m does to a developer's benefit: POWER theta times m^(1-beta) and LOG theta
 * times m multiply its compute at every price by m; P1's a divided by m^(k+1) multiplies its no-cap
 * compute by m (P1 has no benefit scale of its own). Both workloads of a developer move together.
 *
 * @param growthPpm the trend a period, parts per million (negative shrinks), in (-10^6, 10^7]
 * @param sigma standard deviation of a period's log shock, in [0, 2]
 * @param correlation share of the shock common to all types, in [0, 1]
 */
public record DemandShocks(long growthPpm, double sigma, double correlation) {

  /** Demand that never moves: every multiplier stays 1. */
  public static final DemandShocks NONE = new DemandShocks(0, 0.0, 0.0);

  /** Whether demand ever moves. */
  public boolean moves() {
    return growthPpm != 0 || sigma > 0;
  }
}
