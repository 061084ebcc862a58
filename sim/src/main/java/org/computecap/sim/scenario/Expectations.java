package org.computecap.sim.scenario;

/**
 * The price agents plan with before trading opens. {@code RATIONAL}: the economics library's
 * equilibrium for the permits available (the intertemporal one when permits can be banked), which
 * every agent can compute from public data (the registry's totals and the population's published
 * distribution), the assumption of P2's equilibrium. {@code ADAPTIVE}: last period's clearing
 * price. {@code GIVEN}: one price per period from the scenario ({@code expectations: [cents,
 * ...]}). Either way the price that clears on the exchange is the engine's, set by the agents'
 * orders; the expectation decides where their quotes are dense, what they bid in the primary
 * auction and what a banked permit is worth.
 */
public enum Expectations {
  RATIONAL,
  ADAPTIVE,
  GIVEN
}
