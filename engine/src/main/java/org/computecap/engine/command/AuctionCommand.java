package org.computecap.engine.command;

/**
 * Commands of primary auctions (§5); owned by the rules feature: open an auction of the current
 * vintage, sealed bids (cash reserved), withdrawing a bid, and clearing.
 */
public sealed interface AuctionCommand extends Command
    permits OpenAuction, SubmitBid, WithdrawBid, ClearAuction {}
