package org.computecap.engine.representatives;

import org.computecap.engine.Event;

/**
 * A command initiated by a person waits for a second representative's approval until {@code
 * expiresTick}.
 */
public record TransactionAwaitingApproval(
    long transactionId, long accountId, long initiatorId, String command, long expiresTick)
    implements Event {}
