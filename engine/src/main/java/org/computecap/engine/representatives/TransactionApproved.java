package org.computecap.engine.representatives;

import org.computecap.engine.Event;

/** A second representative approved a waiting transaction. */
public record TransactionApproved(long transactionId, long approverId) implements Event {}
