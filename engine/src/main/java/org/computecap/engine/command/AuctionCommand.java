package org.computecap.engine.command;

/**
 * Commands of primary auctions (§5); owned by the rules feature: open an auction of the current
 * vintage, sealed bids (cash reserved), withdrawing a bid, and clearing; and issue 14's price
 * containment reserve sales (with withdrawing a reserve bid) and sales at the price ceiling.
 */
public sealed interface AuctionCommand extends Command
    permits OpenAuction,
        SubmitBid,
        WithdrawBid,
        ClearAuction,
        OpenReserveSale,
        SubmitReserveBid,
        ClearReserveSale,
        BuyAtCeiling,
        WithdrawReserveBid {}
