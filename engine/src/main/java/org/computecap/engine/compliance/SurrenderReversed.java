package org.computecap.engine.compliance;

import java.util.List;
import org.computecap.engine.Event;

/**
 * A regulator reversed part of a participant's surrender for a period (issue 15). {@code
 * returnedByVintage} lists {@code [vintage, quantity]} pairs given back, newest first. For a closed
 * period, {@code reversedAssessedPermits} came off what the assessment counted (raising its
 * shortfall by {@code additionalShortfallPermits}, charged {@code additionalPenaltyCents} of which
 * {@code penaltyUnpaidCents} stay unpaid) and {@code reversedLatePermits} off late surrenders that
 * had been credited against the make-good; {@code makeGoodOwedPermits} is what it owes now.
 */
public record SurrenderReversed(
    long accountId,
    int period,
    long quantity,
    String reason,
    List<long[]> returnedByVintage,
    long reversedAssessedPermits,
    long reversedLatePermits,
    long additionalShortfallPermits,
    long additionalPenaltyCents,
    long penaltyUnpaidCents,
    long makeGoodOwedPermits)
    implements Event {}
