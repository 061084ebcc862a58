package org.computecap.engine.compliance;

import org.computecap.engine.Event;

/**
 * An audit measured a participant's quantity: the shortfall it adds to what close found, the extra
 * penalty {@code phi(D_total) - phi(D_close)} (charged up to free cash, the rest unpaid) and the
 * make-good now owed. It shows the three figures an audit compares (issue 17): what the participant
 * reported, what its signed meters attested for the period ({@code attestedQuantity}, in covered
 * units rounded down; -1 when the program has no metering or no reading came), and the audited
 * truth ({@code measuredQuantity}).
 */
public record AuditFindingRecorded(
    long accountId,
    int period,
    long measuredQuantity,
    long additionalShortfallPermits,
    long penaltyCents,
    long penaltyUnpaidCents,
    long makeGoodOwedPermits,
    long reportedQuantity,
    long attestedQuantity)
    implements Event {}
