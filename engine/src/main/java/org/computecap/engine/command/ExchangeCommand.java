package org.computecap.engine.command;

/**
 * Commands of the secondary exchange (§6), owned by the exchange feature: place and cancel orders,
 * and open and run a call auction on a book. Handled by {@code
 * org.computecap.engine.exchange.ExchangeHandler}, encoded by {@link ExchangeCodec} (tags 64-127).
 */
public sealed interface ExchangeCommand extends Command
    permits PlaceOrder, CancelOrder, StartCallAuction, RunCallAuction {}
