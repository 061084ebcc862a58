package org.computecap.engine.command;

/** Commands that set up the market itself; the genesis command {@link OpenMarket} is one. */
public sealed interface MarketCommand extends Command permits OpenMarket {}
