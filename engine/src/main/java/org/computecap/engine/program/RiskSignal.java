package org.computecap.engine.program;

/**
 * An evaluation's outcome (P2 Sec 3.1): L (low risk, multiplier 1) or H (high risk, multiplier
 * alpha). The regulator's evaluator and an insurer each record their own.
 */
public enum RiskSignal {
  L,
  H
}
