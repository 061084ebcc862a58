package org.computecap.engine;

/** The market opened under a program whose first period is {@code firstPeriod}. */
public record MarketOpened(int firstPeriod, long seed) implements Event {}
