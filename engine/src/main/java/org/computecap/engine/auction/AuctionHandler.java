package org.computecap.engine.auction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.computecap.engine.EngineState;
import org.computecap.engine.Event;
import org.computecap.engine.Rejection;
import org.computecap.engine.Result;
import org.computecap.engine.WriteAccess;
import org.computecap.engine.command.AuctionCommand;
import org.computecap.engine.command.BuyAtCeiling;
import org.computecap.engine.command.ClearAuction;
import org.computecap.engine.command.ClearReserveSale;
import org.computecap.engine.command.OpenAuction;
import org.computecap.engine.command.OpenReserveSale;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.SubmitBid;
import org.computecap.engine.command.SubmitReserveBid;
import org.computecap.engine.command.WithdrawBid;
import org.computecap.engine.command.WithdrawReserveBid;
import org.computecap.engine.program.AccountRule;
import org.computecap.engine.program.PeriodRule;
import org.computecap.engine.program.Ppm;
import org.computecap.engine.program.Program;
import org.computecap.engine.program.UnsoldPolicy;
import org.computecap.engine.registry.Hold;
import org.computecap.engine.registry.HoldingLimitRule;
import org.computecap.engine.registry.Ledger;
import org.computecap.engine.registry.Registry;
import org.computecap.engine.registry.SystemAccount;
import org.computecap.engine.stability.StabilityReserveHandler;
import org.computecap.engine.stability.StabilityState;

/**
 * Applies the primary-auction commands (§5). An auction sells permits of the current vintage out of
 * the period's auction volume (cap less free budget less the cost containment reserve). Its own
 * supply is issued into the {@code AUCTION_RESERVE} account when it opens, so nothing issued later
 * can take its room under the cap and clearing can never fail. A bid reserves {@code quantity ·
 * limit} cents of the bidder's cash under {@link Hold#AUCTION}, so clearing can always pay: the
 * winners' permits move from the reserve to them, each pays the clearing price from its reservation
 * into the treasury and the rest is released. The purchase limit is {@code floor(supply ·
 * purchaseLimitPpm / 10^6)} permits (at least 1) per bidder and auction, checked on the sum of the
 * bidder's bids when it bids, so no accepted bid can break it.
 *
 * <p>Issue 14's supply rules (all off by default, docs/rules.md): the reserve price escalates per
 * period; under policy REOFFER an opening auction adds unsold permits waiting in the reserve to its
 * supply; at clearing {@link AuctionSupply} decides whether the auction is cancelled, releases cost
 * containment permits (issued at clearing) or withholds emissions containment permits (cancelled);
 * under policy TO_STABILITY_RESERVE the unsold rest moves to the stability reserve. Clearing
 * decides everything before its first mutation.
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
    if (command instanceof OpenReserveSale c) {
      return PriceControlHandler.open(access, s, c);
    }
    if (command instanceof SubmitReserveBid c) {
      return PriceControlHandler.submit(access, s, c);
    }
    if (command instanceof ClearReserveSale c) {
      return PriceControlHandler.clear(access, s, c);
    }
    if (command instanceof BuyAtCeiling c) {
      return PriceControlHandler.buyAtCeiling(access, s, c);
    }
    if (command instanceof WithdrawReserveBid c) {
      return PriceControlHandler.withdraw(access, s, c);
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
    long offered =
        rejection == null ? s.offered(c.period()) + stabilityWithheld(state, c.period()) : 0;
    if (rejection == null && c.quantity() > program.auctionVolumePermits(c.period()) - offered) {
      rejection = Rejection.AUCTION_VOLUME_EXCEEDED;
    }
    if (rejection == null && c.quantity() > state.registry().remainingCap(c.period())) {
      rejection = Rejection.CAP_EXCEEDED;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    TreeMap<Integer, Long> reoffer = reofferLots(state, s, c.period(), c.quantity());
    TreeMap<Integer, Long> fromStability = StabilityReserveHandler.releaseLots(state, c.period());
    long supply = c.quantity();
    for (long q : reoffer.values()) {
      supply += q;
    }
    for (long q : fromStability.values()) {
      supply += q;
    }
    List<Event> events = new ArrayList<>(1 + reoffer.size() + fromStability.size());
    access.ledger().issue(SystemAccount.AUCTION_RESERVE.id(), c.period(), c.quantity());
    StabilityReserveHandler.release(access, c.auctionId(), c.period(), fromStability, events);
    AuctionState.Auction a =
        new AuctionState.Auction(c.period(), supply, program.reservePriceCents(c.period()));
    a.reoffered.putAll(reoffer);
    a.fromStabilityReserve.putAll(fromStability);
    s.opened(c.auctionId(), a);
    events.add(
        0,
        new AuctionOpened(
            c.auctionId(),
            c.period(),
            supply,
            a.reservePriceCents,
            purchaseLimit(program, supply)));
    reoffer.forEach((v, q) -> events.add(new UnsoldPermitsReoffered(c.auctionId(), v, q)));
    return Result.accepted(events);
  }

  /**
   * Permits withheld from {@code period}'s auction volume into the stability reserve at the
   * previous period's close (0 without a stability reserve).
   */
  private static long stabilityWithheld(EngineState state, int period) {
    StabilityState stability = state.featureOrNull(StabilityState.class);
    return stability == null ? 0L : stability.withheldFrom(period);
  }

  /**
   * Policy REOFFER: the unsold permits an opening auction of {@code own} permits re-offers, by
   * vintage, oldest first, at most {@code floor(own · reofferMaxSharePpm / 10^6)}. Unsold permits
   * are what the auction reserve holds beyond the supply of the auctions still open.
   */
  private static TreeMap<Integer, Long> reofferLots(
      EngineState state, AuctionState s, int period, long own) {
    Program program = state.program();
    TreeMap<Integer, Long> lots = new TreeMap<>();
    Program.Unsold unsold = program.auction().unsold();
    if (unsold.policy() != UnsoldPolicy.REOFFER) {
      return lots;
    }
    long left = Ppm.floorOf(own, unsold.reofferMaxSharePpm());
    long reserve = SystemAccount.AUCTION_RESERVE.id();
    for (int v = program.firstPeriod(); v <= period && left > 0; v++) {
      long waiting = state.registry().freePermits(reserve, v) - s.openHeld(v);
      long take = Math.min(waiting, left);
      if (take > 0) {
        lots.put(v, take);
        left -= take;
      }
    }
    return lots;
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
    if (rejection == null) {
      rejection = AccountRule.maySend(state, c.accountId());
    }
    if (rejection == null && a.bid(c.bidId()) != null) {
      rejection = Rejection.DUPLICATE_BID_ID;
    }
    if (rejection == null && c.limitPriceCents() < a.reservePriceCents) {
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
    if (rejection == null) {
      rejection = HoldingLimitRule.mayAcquire(state, c.accountId(), c.quantity());
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
    EngineState state = access.state();
    Program program = state.program();
    AuctionState.Auction a = s.auctions.get(c.auctionId());
    Rejection rejection = openAuctionRule(a);
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    // Everything is decided before the first mutation; the mutations cannot fail after it.
    List<SealedBid> bids = a.bidsInOrder();
    long limit = purchaseLimit(program, a.supplyPermits);
    long[] effective = AuctionClearing.effectiveQuantities(bids, a.reservePriceCents, limit);
    AuctionSupply.Rules rules = supplyRules(state, s, a);
    AuctionSupply.Plan plan = AuctionSupply.plan(bids, effective, a.supplyPermits, rules);
    AuctionClearing.Result r =
        AuctionClearing.clear(bids, plan.supplyPermits(), a.reservePriceCents, limit);
    long unsold =
        a.supplyPermits + plan.releasedPermits() - plan.withheldPermits() - r.soldPermits();
    TreeMap<Integer, Long> lots = a.lots();
    if (plan.releasedPermits() > 0) {
      lots.merge(a.period, plan.releasedPermits(), Math::addExact);
    }
    long[][] delivered = deliveries(bids, r, lots);
    List<Event> events = new ArrayList<>(bids.size() + 4);
    if (plan.cancelled()) {
      events.add(
          new AuctionCancelled(
              c.auctionId(), a.period, plan.demandAtReservePermits(), a.supplyPermits));
    }
    if (plan.releasedPermits() > 0) {
      access.ledger().issue(SystemAccount.AUCTION_RESERVE.id(), a.period, plan.releasedPermits());
      events.add(
          new CostContainmentReleased(
              c.auctionId(), a.period, rules.costTriggerCents(), plan.releasedPermits()));
    }
    // Every winner pays the clearing price for each permit it won.
    long revenue = r.soldPermits() * r.clearingPriceCents();
    events.add(
        new AuctionCleared(
            c.auctionId(), a.period, r.clearingPriceCents(), r.soldPermits(), unsold, revenue));
    settle(access.ledger(), c.auctionId(), a, bids, r, delivered, events);
    leftovers(access.ledger(), state.program(), c.auctionId(), a, lots, plan, rules, events);
    a.cleared = true;
    a.clearingPriceCents = r.clearingPriceCents();
    a.soldPermits = r.soldPermits();
    a.unsoldPermits = unsold;
    a.cancelled = plan.cancelled();
    a.releasedPermits = plan.releasedPermits();
    a.withheldPermits = plan.withheldPermits();
    a.clearBids();
    s.cleared(a);
    PriceControlHandler.auctionCleared(s, r.clearingPriceCents());
    return Result.accepted(events);
  }

  /** The containment and cancellation rules in force for {@code a}, with what is left of them. */
  private static AuctionSupply.Rules supplyRules(
      EngineState state, AuctionState s, AuctionState.Auction a) {
    Program program = state.program();
    Program.Auction rules = program.auction();
    long releasable = 0;
    if (rules.costContainment().isOn()) {
      long room = program.costContainmentPermits(a.period) - s.released(a.period);
      releasable = Math.max(0, Math.min(room, state.registry().remainingCap(a.period)));
    }
    long withholdable = 0;
    if (rules.emissionsContainment().isOn()) {
      withholdable = Math.max(0, rules.emissionsContainment().volume() - s.withheld(a.period));
    }
    return new AuctionSupply.Rules(
        rules.cancelWhenUndersubscribed(),
        program.costContainmentTriggerCents(a.period),
        releasable,
        program.emissionsContainmentTriggerCents(a.period),
        withholdable);
  }

  /**
   * Which lots each bid's won permits come from ({@code [bid][vintage - first lot]}): the winners
   * in clearing order (price descending, then submission) take the oldest vintage first; {@code
   * lots} is left holding what nobody won.
   */
  private static long[][] deliveries(
      List<SealedBid> bids, AuctionClearing.Result r, TreeMap<Integer, Long> lots) {
    long[][] delivered = new long[bids.size()][];
    int[] ranked = AuctionClearing.rankByPrice(AuctionClearing.limitPrices(bids));
    int first = lots.isEmpty() ? 0 : lots.firstKey();
    int span = lots.isEmpty() ? 0 : lots.lastKey() - first + 1;
    for (int i : ranked) {
      long won = r.fills().get(i).quantity();
      delivered[i] = new long[span];
      while (won > 0) {
        Map.Entry<Integer, Long> lot = lots.firstEntry();
        long take = Math.min(won, lot.getValue());
        delivered[i][lot.getKey() - first] += take;
        won -= take;
        if (take == lot.getValue()) {
          lots.pollFirstEntry();
        } else {
          lots.put(lot.getKey(), lot.getValue() - take);
        }
      }
    }
    return delivered;
  }

  private static void settle(
      Ledger ledger,
      long auctionId,
      AuctionState.Auction a,
      List<SealedBid> bids,
      AuctionClearing.Result r,
      long[][] delivered,
      List<Event> events) {
    int first = a.firstVintage();
    boolean spansVintages = !a.reoffered.isEmpty() || !a.fromStabilityReserve.isEmpty();
    for (int i = 0; i < bids.size(); i++) {
      SealedBid bid = bids.get(i);
      long won = r.fills().get(i).quantity();
      long reserved = bid.quantity() * bid.limitPriceCents();
      long paid = won * r.clearingPriceCents();
      for (int k = 0; k < delivered[i].length; k++) {
        long q = delivered[i][k];
        if (q > 0) {
          ledger.transfer(SystemAccount.AUCTION_RESERVE.id(), bid.account(), first + k, q);
          if (spansVintages) {
            events.add(
                new AuctionPermitsDelivered(auctionId, bid.bidId(), bid.account(), first + k, q));
          }
        }
      }
      if (paid > 0) {
        ledger.settleCash(bid.account(), SystemAccount.TREASURY.id(), paid, Hold.AUCTION);
      }
      if (reserved - paid > 0) {
        ledger.releaseCash(bid.account(), reserved - paid, Hold.AUCTION);
      }
      events.add(new BidSettled(auctionId, bid.bidId(), bid.account(), won, paid, reserved - paid));
    }
  }

  /**
   * What nobody won, oldest vintage first: the emissions containment withholding is cancelled, then
   * the unsold rest follows the unsold policy (under TO_STABILITY_RESERVE it moves to the stability
   * reserve; otherwise it stays in the auction reserve).
   */
  private static void leftovers(
      Ledger ledger,
      Program program,
      long auctionId,
      AuctionState.Auction a,
      TreeMap<Integer, Long> lots,
      AuctionSupply.Plan plan,
      AuctionSupply.Rules rules,
      List<Event> events) {
    long withhold = plan.withheldPermits();
    boolean move = program.auction().unsold().policy() == UnsoldPolicy.TO_STABILITY_RESERVE;
    long reserve = SystemAccount.AUCTION_RESERVE.id();
    long stability = SystemAccount.STABILITY_RESERVE.id();
    for (Map.Entry<Integer, Long> lot : lots.entrySet()) {
      int v = lot.getKey();
      long withheld = Math.min(withhold, lot.getValue());
      if (withheld > 0) {
        ledger.cancel(reserve, v, withheld);
        events.add(
            new EmissionsContainmentWithheld(
                auctionId, a.period, rules.emissionsTriggerCents(), v, withheld));
        withhold -= withheld;
      }
      long rest = lot.getValue() - withheld;
      if (move && rest > 0) {
        ledger.transfer(reserve, stability, v, rest);
        events.add(new UnsoldPermitsMoved(auctionId, stability, v, rest));
      }
    }
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
