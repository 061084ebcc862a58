package org.computecap.engine.access;

import org.computecap.engine.Event;

/**
 * A regulator issued enrolment code {@code enrolmentId} (known by its SHA-256 {@code codeHash}) for
 * an account, valid until {@code expiresTick}.
 */
public record EnrolmentCodeIssued(
    long enrolmentId,
    long accountId,
    long issuedBy,
    String codeHash,
    long issuedTick,
    long expiresTick)
    implements Event {}
