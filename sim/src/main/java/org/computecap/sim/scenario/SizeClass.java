package org.computecap.sim.scenario;

/**
 * The size classes of P1's motivation: one frontier provider, a handful of large labs, dozens of
 * small companies and academic labs. Reports group revenue by class, because P1's claim is that
 * small and efficient firms earn money from the market.
 */
public enum SizeClass {
  FRONTIER,
  LARGE,
  SMALL,
  ACADEMIC;

  /** Whether the class counts as a small firm in {@code revenueSmallFirms}. */
  public boolean small() {
    return this == SMALL || this == ACADEMIC;
  }
}
