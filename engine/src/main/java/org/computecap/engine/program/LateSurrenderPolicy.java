package org.computecap.engine.program;

/**
 * What the registry does with a surrender for a period that has already closed (issue 15's
 * compliance calendar). Either way the permits are never retired for nothing.
 */
public enum LateSurrenderPolicy {
  /** Refused with {@code SURRENDER_DEADLINE_PASSED}; the permits stay with the participant. */
  REFUSED,
  /**
   * Accepted up to the make-good the participant still owes, and credited against it (the penalty
   * charged at the close stays charged); more than that is refused.
   */
  CREDIT_MAKE_GOOD
}
