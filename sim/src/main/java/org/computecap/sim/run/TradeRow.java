package org.computecap.sim.run;

/** One trade from the engine's {@code TradeExecuted} events, for trades.csv. */
public record TradeRow(
    int period,
    String session,
    long buyAccountId,
    long sellAccountId,
    long priceCents,
    long quantity) {}
