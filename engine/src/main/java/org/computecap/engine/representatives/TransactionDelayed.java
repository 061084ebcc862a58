package org.computecap.engine.representatives;

import org.computecap.engine.Event;

/**
 * A transfer to an account off the sender's trusted list waits until {@code executeAtTick} and may
 * be cancelled until then.
 */
public record TransactionDelayed(
    long transactionId, long accountId, long initiatorId, String command, long executeAtTick)
    implements Event {}
