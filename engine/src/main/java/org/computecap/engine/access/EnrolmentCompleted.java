package org.computecap.engine.access;

import org.computecap.engine.Event;

/** An enrolment code was exchanged for token {@code tokenId} of its account. */
public record EnrolmentCompleted(long enrolmentId, long accountId, long tokenId) implements Event {}
