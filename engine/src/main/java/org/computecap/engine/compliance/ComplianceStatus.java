package org.computecap.engine.compliance;

/** A participant's standing at period close (§7.4). */
public enum ComplianceStatus {
  /** Surrendered at least its obligation. */
  COMPLIANT,
  /** Surrendered less than its obligation: charged phi(D), and D is carried as make-good. */
  SHORTFALL
}
