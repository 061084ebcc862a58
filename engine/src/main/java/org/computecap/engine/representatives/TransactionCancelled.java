package org.computecap.engine.representatives;

import org.computecap.engine.Event;

/** A representative rejected or cancelled a waiting transaction. */
public record TransactionCancelled(long transactionId, long personId) implements Event {}
