package org.computecap.engine.auction;

import java.util.ArrayList;
import java.util.List;
import org.computecap.engine.EngineState;
import org.computecap.engine.Event;
import org.computecap.engine.Rejection;
import org.computecap.engine.Result;
import org.computecap.engine.WriteAccess;
import org.computecap.engine.command.BuyAtCeiling;
import org.computecap.engine.command.ClearReserveSale;
import org.computecap.engine.command.OpenReserveSale;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.SubmitReserveBid;
import org.computecap.engine.command.WithdrawReserveBid;
import org.computecap.engine.program.AccountRule;
import org.computecap.engine.program.PeriodRule;
import org.computecap.engine.program.PriceControls;
import org.computecap.engine.program.Program;
import org.computecap.engine.registry.Hold;
import org.computecap.engine.registry.HoldingLimitRule;
import org.computecap.engine.registry.Registry;
import org.computecap.engine.registry.SystemAccount;

/**
 * Issue 14's California-type price controls (docs/rules.md "Price containment and ceiling"). A
 * reserve sale opens in the current period when the last auction cleared at or above the trigger
 * share of the period's lowest tier price (tier prices escalate per period); participants bid
 * quantities up to their unmet obligation, with cash for them at the period's highest tier price
 * reserved, and may withdraw a bid while the sale is open; clearing sells the tiers in ascending
 * price order, each permit at its tier's price, a tier asked for beyond what it has left shared pro
 * rata to what the bids still want (largest remainder, then earliest bid, for the whole permits),
 * and leaves what nobody bought in the reserve. Once every tier is sold, a participant may buy up
 * to its unmet obligation at the price ceiling, issued above the cap. Every rule is checked before
 * the first mutation.
 */
public final class PriceControlHandler {
  private PriceControlHandler() {}

  static Result open(WriteAccess access, AuctionState s, OpenReserveSale c) {
    EngineState state = access.state();
    PriceControlState p = s.priceControls;
    PriceControls.Reserve reserve = state.program().priceControls().reserve();
    Rejection rejection = null;
    if (p == null || !reserve.isOn()) {
      rejection = Rejection.PRICE_CONTAINMENT_NOT_IN_PROGRAM;
    } else if (p.sales.containsKey(c.saleId())) {
      rejection = Rejection.RESERVE_SALE_ALREADY_EXISTS;
    }
    if (rejection == null) {
      rejection = PeriodRule.mustBeCurrent(state, c.period());
    }
    if (rejection == null && p.openSale() != null) {
      rejection = Rejection.RESERVE_SALE_ALREADY_OPEN;
    }
    if (rejection == null && p.remainingPermits() == 0) {
      rejection = Rejection.PRICE_CONTAINMENT_RESERVE_EXHAUSTED;
    }
    if (rejection == null && !p.triggered(c.period())) {
      rejection = Rejection.RESERVE_SALE_NOT_TRIGGERED;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    p.opened(c.saleId(), new PriceControlState.Sale(c.period()));
    return Result.accepted(new ReserveSaleOpened(c.saleId(), c.period(), p.lastClearingPriceCents));
  }

  static Result submit(WriteAccess access, AuctionState s, SubmitReserveBid c) {
    EngineState state = access.state();
    Registry registry = state.registry();
    PriceControlState p = s.priceControls;
    PriceControlState.Sale sale = p == null ? null : p.sales.get(c.saleId());
    Rejection rejection = saleRule(sale);
    if (rejection == null) {
      rejection = participantRule(registry, c.accountId());
    }
    if (rejection == null) {
      rejection = AccountRule.maySend(state, c.accountId());
    }
    if (rejection == null && sale.bids.containsKey(c.bidId())) {
      rejection = Rejection.DUPLICATE_BID_ID;
    }
    if (rejection == null) {
      rejection =
          obligationRule(
              AuctionState.unmetObligation(state, c.accountId(), sale.period), c.quantity());
    }
    long cents = rejection == null ? p.reservationCents(c.quantity(), sale.period) : 0;
    if (rejection == null && cents > registry.freeCash(c.accountId())) {
      rejection = Rejection.INSUFFICIENT_CASH;
    }
    if (rejection == null) {
      rejection = HoldingLimitRule.mayAcquire(state, c.accountId(), c.quantity());
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    access.ledger().reserveCash(c.accountId(), cents, Hold.AUCTION);
    sale.addBid(new PriceControlState.ReserveBid(c.bidId(), c.accountId(), c.quantity()));
    return Result.accepted(
        new ReserveBidSubmitted(c.saleId(), c.bidId(), c.accountId(), c.quantity(), cents));
  }

  static Result clear(WriteAccess access, AuctionState s, ClearReserveSale c) {
    EngineState state = access.state();
    PriceControlState p = s.priceControls;
    PriceControlState.Sale sale = p == null ? null : p.sales.get(c.saleId());
    Rejection rejection = saleRule(sale);
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    Program program = state.program();
    int tiers = program.priceControls().reserve().tiers().size();
    List<PriceControlState.ReserveBid> bids = new ArrayList<>(sale.bids.values());
    long[][] got = share(p, bids, tiers);
    int vintage = program.firstPeriod();
    long reserveAccount = SystemAccount.PRICE_CONTAINMENT_RESERVE.id();
    List<Event> events = new ArrayList<>(bids.size() + 1);
    for (int i = 0; i < bids.size(); i++) {
      PriceControlState.ReserveBid bid = bids.get(i);
      long permits = 0;
      long paid = 0;
      for (int t = 0; t < tiers; t++) {
        p.soldByTier[t] += got[i][t];
        permits += got[i][t];
        paid =
            Math.addExact(
                paid, Math.multiplyExact(got[i][t], program.tierPriceCents(t, sale.period)));
      }
      long reserved = p.reservationCents(bid.quantity(), sale.period);
      if (permits > 0) {
        access.ledger().transfer(reserveAccount, bid.account(), vintage, permits);
      }
      if (paid > 0) {
        access.ledger().settleCash(bid.account(), SystemAccount.TREASURY.id(), paid, Hold.AUCTION);
      }
      if (reserved > paid) {
        access.ledger().releaseCash(bid.account(), reserved - paid, Hold.AUCTION);
      }
      sale.soldPermits += permits;
      sale.revenueCents = Math.addExact(sale.revenueCents, paid);
      events.add(
          new ReserveBidSettled(
              c.saleId(), bid.bidId(), bid.account(), permits, paid, reserved - paid));
    }
    p.cleared(sale);
    events.add(
        0,
        new ReserveSaleCleared(
            c.saleId(), sale.period, sale.soldPermits, sale.revenueCents, p.remainingPermits()));
    return Result.accepted(events);
  }

  static Result buyAtCeiling(WriteAccess access, AuctionState s, BuyAtCeiling c) {
    EngineState state = access.state();
    Program program = state.program();
    Registry registry = state.registry();
    int period = state.currentPeriod();
    Rejection rejection = null;
    if (!program.priceControls().ceiling().isOn()) {
      rejection = Rejection.PRICE_CEILING_NOT_IN_PROGRAM;
    }
    if (rejection == null) {
      rejection = PeriodRule.mustBeCurrent(state, period);
    }
    if (rejection == null) {
      rejection = participantRule(registry, c.accountId());
    }
    if (rejection == null) {
      rejection = AccountRule.maySend(state, c.accountId());
    }
    if (rejection == null && s.priceControls.remainingPermits() > 0) {
      rejection = Rejection.PRICE_CONTAINMENT_NOT_EXHAUSTED;
    }
    if (rejection == null) {
      rejection =
          obligationRule(AuctionState.unmetObligation(state, c.accountId(), period), c.quantity());
    }
    long price = program.priceCeilingCents(period);
    long cents = rejection == null ? PriceControlState.saturatingProduct(c.quantity(), price) : 0;
    if (rejection == null && cents > registry.freeCash(c.accountId())) {
      rejection = Rejection.INSUFFICIENT_CASH;
    }
    if (rejection == null) {
      rejection = HoldingLimitRule.mayAcquire(state, c.accountId(), c.quantity());
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    access.ledger().issueAboveCap(c.accountId(), period, c.quantity());
    access.ledger().charge(c.accountId(), SystemAccount.TREASURY.id(), cents);
    return Result.accepted(
        new CeilingPermitsSold(c.accountId(), period, c.quantity(), price, cents));
  }

  /**
   * What each bid gets from each tier ({@code [bid][tier]}), deciding before anything moves: the
   * tiers in ascending price order, each filling what the bids still want when it has enough, else
   * shared pro rata to it ({@link AuctionClearing#shareProRata}: whole permits by largest
   * remainder, then the earliest bid), so an oversubscribed tier is sold out and the next one sees
   * the rest.
   */
  static long[][] share(PriceControlState p, List<PriceControlState.ReserveBid> bids, int tiers) {
    int n = bids.size();
    long[][] got = new long[n][tiers];
    long[] want = new long[n];
    long wanted = 0;
    for (int i = 0; i < n; i++) {
      want[i] = bids.get(i).quantity();
      wanted = Math.addExact(wanted, want[i]);
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    long[] won = new long[n];
    for (int t = 0; t < tiers && wanted > 0; t++) {
      long left = p.tierLeft(t);
      if (left == 0) {
        continue;
      }
      if (wanted <= left) {
        System.arraycopy(want, 0, won, 0, n);
      } else {
        AuctionClearing.shareProRata(order, 0, n, want, left, wanted, won);
      }
      for (int i = 0; i < n; i++) {
        got[i][t] = won[i];
        want[i] -= won[i];
        wanted -= won[i];
      }
    }
    return got;
  }

  static Result withdraw(WriteAccess access, AuctionState s, WithdrawReserveBid c) {
    PriceControlState p = s.priceControls;
    PriceControlState.Sale sale = p == null ? null : p.sales.get(c.saleId());
    Rejection rejection = saleRule(sale);
    PriceControlState.ReserveBid bid = rejection == null ? sale.bids.get(c.bidId()) : null;
    if (rejection == null && bid == null) {
      rejection = Rejection.UNKNOWN_BID;
    }
    if (rejection == null && bid.account() != c.accountId()) {
      rejection = Rejection.BID_NOT_OWNED_BY_ACCOUNT;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    long cents = p.reservationCents(bid.quantity(), sale.period);
    access.ledger().releaseCash(bid.account(), cents, Hold.AUCTION);
    sale.removeBid(bid);
    return Result.accepted(new ReserveBidWithdrawn(c.saleId(), c.bidId(), bid.account(), cents));
  }

  /** Records an auction's clearing price: the next reserve sale's trigger compares with it. */
  static void auctionCleared(AuctionState s, long clearingPriceCents) {
    if (s.priceControls != null) {
      s.priceControls.auctionCleared = true;
      s.priceControls.lastClearingPriceCents = clearingPriceCents;
    }
  }

  private static Rejection saleRule(PriceControlState.Sale sale) {
    if (sale == null) {
      return Rejection.UNKNOWN_RESERVE_SALE;
    }
    return sale.cleared ? Rejection.RESERVE_SALE_NOT_OPEN : null;
  }

  private static Rejection participantRule(Registry registry, long account) {
    Role role = registry.role(account);
    if (role == null) {
      return Rejection.UNKNOWN_ACCOUNT;
    }
    return role == Role.PARTICIPANT ? null : Rejection.ROLE_NOT_PERMITTED;
  }

  private static Rejection obligationRule(long unmet, long quantity) {
    if (unmet == 0) {
      return Rejection.NO_UNMET_OBLIGATION;
    }
    return quantity > unmet ? Rejection.ABOVE_UNMET_OBLIGATION : null;
  }
}
