package org.computecap.engine.compliance;

import org.computecap.engine.Event;

/**
 * An audit measured a participant's quantity: the shortfall it adds to what close found, the extra
 * penalty {@code phi(D_total) - phi(D_close)} (charged up to free cash, the rest unpaid) and the
 * make-good now owed.
 */
public record AuditFindingRecorded(
    long accountId,
    int period,
    long measuredQuantity,
    long additionalShortfallPermits,
    long penaltyCents,
    long penaltyUnpaidCents,
    long makeGoodOwedPermits)
    implements Event {}
