package org.computecap.engine.representatives;

import org.computecap.engine.Event;

/** A transaction's approval window passed without approval. */
public record TransactionExpired(long transactionId) implements Event {}
