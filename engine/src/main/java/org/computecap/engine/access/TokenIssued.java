package org.computecap.engine.access;

import org.computecap.engine.Event;

/**
 * Token {@code tokenId} (known by its SHA-256 {@code tokenHash}) may act for {@code accountId}
 * until {@code expiresTick}; issued by {@code issuedBy}, through enrolment {@code enrolmentId} (0
 * when the holder issued it with a token it had).
 */
public record TokenIssued(
    long tokenId,
    long accountId,
    long issuedBy,
    long enrolmentId,
    String tokenHash,
    long issuedTick,
    long expiresTick)
    implements Event {}
