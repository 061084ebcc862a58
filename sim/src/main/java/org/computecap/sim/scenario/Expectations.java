package org.computecap.sim.scenario;

/**
 * The price agents plan with before trading opens. {@code RATIONAL}: the competitive price of the
 * permits in circulation, which every agent can compute from public data (the registry's totals and
 * the population's published distribution), the assumption of P2's equilibrium. {@code ADAPTIVE}:
 * last period's clearing price. Either way the price that clears is the engine's, set by the
 * agents' orders; the expectation only decides where their quotes are dense.
 */
public enum Expectations {
  RATIONAL,
  ADAPTIVE
}
