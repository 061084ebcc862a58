package org.computecap.sim.scenario;

/**
 * When the regulator's evaluation signal becomes known. {@code AFTER_USAGE} (issue 4's order, P2's
 * timing): developers plan and trade on the expected multiplier lambdaBar and learn their signal
 * after using the compute, so a high-risk rating leaves them short and a low one long, settled in a
 * true-up auction. {@code BEFORE_TRADING}: each model is evaluated before it is deployed
 * (pre-deployment testing), so developers trade for their known multiplier and no aggregate
 * surprise is left for the true-up.
 */
public enum EvaluationTiming {
  AFTER_USAGE,
  BEFORE_TRADING
}
