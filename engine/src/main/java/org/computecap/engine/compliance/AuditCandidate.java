package org.computecap.engine.compliance;

/**
 * A participant entering a period's audit lottery: what it reported and, when one was recorded, its
 * meter reading ({@code hasMeterReading} false means none).
 */
public record AuditCandidate(
    long account, long reportedQuantity, boolean hasMeterReading, long meterReading) {}
