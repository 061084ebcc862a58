package org.computecap.engine.compliance;

/**
 * A participant entering a period's audit lottery: what it reported and, when one was recorded, its
 * meter reading ({@code hasMeterReading} false means none); {@code attestedSignal} is attested
 * metering's signal (issue 17: the report lies below what its signed meters attest beyond their
 * uncertainty), which targets it like an excessive meter reading.
 */
public record AuditCandidate(
    long account,
    long reportedQuantity,
    boolean hasMeterReading,
    long meterReading,
    boolean attestedSignal) {

  /** A candidate without attested metering's signal. */
  public AuditCandidate(
      long account, long reportedQuantity, boolean hasMeterReading, long meterReading) {
    this(account, reportedQuantity, hasMeterReading, meterReading, false);
  }
}
