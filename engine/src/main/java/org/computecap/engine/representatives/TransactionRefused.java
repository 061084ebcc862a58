package org.computecap.engine.representatives;

import org.computecap.engine.Event;

/** A waiting transaction was executed under the rules of its moment and refused by them. */
public record TransactionRefused(long transactionId, String rejection) implements Event {}
