package org.computecap.engine.allocation;

/** Whole permits granted free to one account. */
public record Grant(long account, long permits) {}
