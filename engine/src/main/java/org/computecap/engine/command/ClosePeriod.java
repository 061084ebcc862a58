package org.computecap.engine.command;

/**
 * Closes the current period (§7.4-7.6): assesses every participant's obligation against what it
 * surrendered, charges penalties and carries make-good, draws the audits, expires permits when
 * banking is off, and starts the next period.
 */
public record ClosePeriod(int period) implements ComplianceCommand {
  public ClosePeriod {
    Fields.period("period", period);
  }
}
