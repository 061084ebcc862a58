package org.computecap.engine.access;

import org.computecap.engine.Event;

/** A regulator issued enrolment code {@code enrolmentId} for an account. */
public record EnrolmentCodeIssued(long enrolmentId, long accountId, long issuedBy, long expiresTick)
    implements Event {}
