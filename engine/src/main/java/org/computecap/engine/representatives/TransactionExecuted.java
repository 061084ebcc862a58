package org.computecap.engine.representatives;

import org.computecap.engine.Event;

/** A waiting transaction executed; its command's events follow. */
public record TransactionExecuted(long transactionId) implements Event {}
