package org.computecap.engine.auction;

import java.util.ArrayList;
import java.util.List;
import org.computecap.engine.EngineState;
import org.computecap.engine.Event;
import org.computecap.engine.Rejection;
import org.computecap.engine.Result;
import org.computecap.engine.WriteAccess;
import org.computecap.engine.command.AuctionCommand;
import org.computecap.engine.command.ClearAuction;
import org.computecap.engine.command.OpenAuction;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.SubmitBid;
import org.computecap.engine.command.WithdrawBid;
import org.computecap.engine.program.PeriodRule;
import org.computecap.engine.program.Ppm;
import org.computecap.engine.program.Program;
import org.computecap.engine.registry.Hold;
import org.computecap.engine.registry.Ledger;
import org.computecap.engine.registry.Registry;
import org.computecap.engine.registry.SystemAccount;

/**
 * Applies the primary-auction commands (§5). An auction sells permits of the current vintage out of
 * the period's auction volume (cap less free budget). Its whole supply is issued into the {@code
 * AUCTION_RESERVE} account when it opens, so nothing issued later can take its room under the cap
 * and clearing can never fail. A bid reserves {@code quantity · limit} cents of the bidder's cash
 * under {@link Hold#AUCTION}, so clearing can always pay: the winners' permits move from the
 * reserve to them, each pays the clearing price from its reservation into the treasury and the rest
 * is released; unsold permits simply stay in the reserve. The purchase limit is {@code floor(supply
 * · purchaseLimitPpm / 10^6)} permits (at least 1) per bidder and auction, checked on the sum of
 * the bidder's bids when it bids, so no accepted bid can break it.
 */
public final class AuctionHandler {
  private AuctionHandler() {}

  public static Result apply(WriteAccess access, AuctionCommand command) {
    AuctionState s = access.state().auction();
    if (command instanceof OpenAuction c) {
      return open(access, s, c);
    }
    if (command instanceof SubmitBid c) {
      return submit(access, s, c);
    }
    if (command instanceof WithdrawBid c) {
      return withdraw(access, s, c);
    }
    if (command instanceof ClearAuction c) {
      return clear(access, s, c);
    }
    throw new AssertionError("no auction handler for " + command.getClass().getName());
  }

  private static long purchaseLimit(Program program, long supply) {
    return Math.max(1, Ppm.floorOf(supply, program.auction().purchaseLimitPpm()));
  }

  private static Result open(WriteAccess access, AuctionState s, OpenAuction c) {
    EngineState state = access.state();
    Program program = state.program();
    Rejection rejection = null;
    if (s.auctions.containsKey(c.auctionId())) {
      rejection = Rejection.AUCTION_ALREADY_EXISTS;
    }
    if (rejection == null) {
      rejection = PeriodRule.mustBeCurrent(state, c.period());
    }
    long offered = rejection == null ? s.offered(c.period()) : 0;
    if (rejection == null && c.quantity() > program.auctionVolumePermits(c.period()) - offered) {
      rejection = Rejection.AUCTION_VOLUME_EXCEEDED;
    }
    if (rejection == null && c.quantity() > state.registry().remainingCap(c.period())) {
      rejection = Rejection.CAP_EXCEEDED;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    access.ledger().issue(SystemAccount.AUCTION_RESERVE.id(), c.period(), c.quantity());
    s.opened(c.auctionId(), new AuctionState.Auction(c.period(), c.quantity()));
    return Result.accepted(
        new AuctionOpened(
            c.auctionId(),
            c.period(),
            c.quantity(),
            program.auction().reservePriceCents(),
            purchaseLimit(program, c.quantity())));
  }

  private static Result submit(WriteAccess access, AuctionState s, SubmitBid c) {
    EngineState state = access.state();
    Program program = state.program();
    Registry registry = state.registry();
    AuctionState.Auction a = s.auctions.get(c.auctionId());
    Rejection rejection = openAuctionRule(a);
    if (rejection == null) {
      Role role = registry.role(c.accountId());
      if (role == null) {
        rejection = Rejection.UNKNOWN_ACCOUNT;
      } else if (role != Role.PARTICIPANT) {
        rejection = Rejection.ROLE_NOT_PERMITTED;
      }
    }
    if (rejection == null && a.bid(c.bidId()) != null) {
      rejection = Rejection.DUPLICATE_BID_ID;
    }
    if (rejection == null && c.limitPriceCents() < program.auction().reservePriceCents()) {
      rejection = Rejection.BID_BELOW_RESERVE_PRICE;
    }
    if (rejection == null
        && c.quantity()
            > purchaseLimit(program, a.supplyPermits) - a.quantityBidBy(c.accountId())) {
      rejection = Rejection.PURCHASE_LIMIT_EXCEEDED;
    }
    long cents = saturatingProduct(c.quantity(), c.limitPriceCents());
    if (rejection == null
        && (cents == Long.MAX_VALUE || cents > registry.freeCash(c.accountId()))) {
      rejection = Rejection.INSUFFICIENT_CASH;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    access.ledger().reserveCash(c.accountId(), cents, Hold.AUCTION);
    a.addBid(new SealedBid(c.bidId(), c.accountId(), c.quantity(), c.limitPriceCents()));
    return Result.accepted(
        new BidSubmitted(
            c.auctionId(), c.bidId(), c.accountId(), c.quantity(), c.limitPriceCents(), cents));
  }

  private static Result withdraw(WriteAccess access, AuctionState s, WithdrawBid c) {
    AuctionState.Auction a = s.auctions.get(c.auctionId());
    Rejection rejection = openAuctionRule(a);
    SealedBid bid = rejection == null ? a.bid(c.bidId()) : null;
    if (rejection == null && bid == null) {
      rejection = Rejection.UNKNOWN_BID;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    long cents = bid.quantity() * bid.limitPriceCents();
    access.ledger().releaseCash(bid.account(), cents, Hold.AUCTION);
    a.removeBid(bid);
    return Result.accepted(new BidWithdrawn(c.auctionId(), c.bidId(), bid.account(), cents));
  }

  private static Result clear(WriteAccess access, AuctionState s, ClearAuction c) {
    Program program = access.state().program();
    Ledger ledger = access.ledger();
    AuctionState.Auction a = s.auctions.get(c.auctionId());
    Rejection rejection = openAuctionRule(a);
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    List<SealedBid> bids = a.bidsInOrder();
    AuctionClearing.Result r =
        AuctionClearing.clear(
            bids,
            a.supplyPermits,
            program.auction().reservePriceCents(),
            purchaseLimit(program, a.supplyPermits));
    List<Event> events = new ArrayList<>(bids.size() + 1);
    // Every winner pays the clearing price for each permit it won.
    long revenue = r.soldPermits() * r.clearingPriceCents();
    events.add(
        new AuctionCleared(
            c.auctionId(),
            a.period,
            r.clearingPriceCents(),
            r.soldPermits(),
            r.unsoldPermits(),
            revenue));
    for (int i = 0; i < bids.size(); i++) {
      SealedBid bid = bids.get(i);
      long won = r.fills().get(i).quantity();
      long reserved = bid.quantity() * bid.limitPriceCents();
      long paid = won * r.clearingPriceCents();
      if (won > 0) {
        ledger.transfer(SystemAccount.AUCTION_RESERVE.id(), bid.account(), a.period, won);
      }
      if (paid > 0) {
        ledger.settleCash(bid.account(), SystemAccount.TREASURY.id(), paid, Hold.AUCTION);
      }
      if (reserved - paid > 0) {
        ledger.releaseCash(bid.account(), reserved - paid, Hold.AUCTION);
      }
      events.add(
          new BidSettled(c.auctionId(), bid.bidId(), bid.account(), won, paid, reserved - paid));
    }
    a.cleared = true;
    a.clearingPriceCents = r.clearingPriceCents();
    a.soldPermits = r.soldPermits();
    a.unsoldPermits = r.unsoldPermits();
    a.clearBids();
    s.cleared(a);
    return Result.accepted(events);
  }

  /** {@code a · b} for positive a and b, or {@code Long.MAX_VALUE} when it does not fit. */
  private static long saturatingProduct(long a, long b) {
    long high = Math.multiplyHigh(a, b);
    long low = a * b;
    return high != 0 || low < 0 ? Long.MAX_VALUE : low;
  }

  private static Rejection openAuctionRule(AuctionState.Auction a) {
    if (a == null) {
      return Rejection.UNKNOWN_AUCTION;
    }
    return a.cleared ? Rejection.AUCTION_NOT_OPEN : null;
  }
}
