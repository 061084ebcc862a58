package org.computecap.engine.compliance;

/**
 * A participant's compliance status for a closed period, in the codes the UK ETS (and the EU's
 * Union Registry) publish, computed from what the engine recorded: the reports, the surrenders
 * counted at the deadline (the period's close) and the audit findings. A period that has not closed
 * has no code yet.
 */
public enum ComplianceCode {
  /** Surrendered at least the obligation by the deadline. */
  A,
  /** Surrendered less than the obligation by the deadline (a shortfall was charged). */
  B,
  /**
   * No report was submitted for the period by the deadline (the obligation was then only the
   * make-good owed). Takes precedence over A and B, as in the UK ETS.
   */
  C,
  /**
   * The regulator corrected the obligation after the deadline: an audit finding added a shortfall
   * (the EU's and UK's D, "emissions figure determined by the regulator").
   */
  D;

  /**
   * The code of a closed period from what was recorded: C without a report, D when an audit finding
   * added a shortfall, else A when the deadline's shortfall is 0 and B when it is not.
   */
  public static ComplianceCode of(
      boolean reported, long shortfallPermits, long auditShortfallPermits) {
    if (!reported) {
      return C;
    }
    if (auditShortfallPermits > 0) {
      return D;
    }
    return shortfallPermits == 0 ? A : B;
  }
}
