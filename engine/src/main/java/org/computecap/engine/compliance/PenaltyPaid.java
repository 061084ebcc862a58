package org.computecap.engine.compliance;

import org.computecap.engine.Event;

/** A participant paid {@code paidCents} of its unpaid penalties; {@code stillOwedCents} remain. */
public record PenaltyPaid(long accountId, long paidCents, long stillOwedCents) implements Event {}
