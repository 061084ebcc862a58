package org.computecap.engine.rules;

import java.util.List;
import java.util.SplittableRandom;
import org.computecap.engine.EngineState;
import org.computecap.engine.Event;
import org.computecap.engine.Result;
import org.computecap.engine.auction.AuctionState;
import org.computecap.engine.auction.CeilingPermitsSold;
import org.computecap.engine.auction.ReserveBidSettled;
import org.computecap.engine.auction.ReserveBidWithdrawn;
import org.computecap.engine.auction.ReserveSaleCleared;
import org.computecap.engine.command.BuyAtCeiling;
import org.computecap.engine.command.ClearReserveSale;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.OpenReserveSale;
import org.computecap.engine.command.SubmitReserveBid;
import org.computecap.engine.command.WithdrawReserveBid;
import org.computecap.engine.program.Program;

/**
 * Issue 14's price controls in the rules simulation, drawn from their own stream so that the rest
 * of a run's program and commands are what they were before the controls existed: for some seeds a
 * reserve of small tiers (it must run out, so the ceiling gets its turn) priced among the bids'
 * limits (1..1,000 cents), escalating for some seeds, and a ceiling above it escalating at least as
 * fast, and between the simulation's own commands the five price control commands, aimed at the
 * open sale, its bids and near each participant's unmet obligation.
 */
final class PriceControlDraws {
  private final SplittableRandom r;

  /**
   * The tiers' escalation and reserve bids' withdrawals come from a stream of their own, so the
   * rest of a run (its program, its commands, and so what it covers) is what it was before.
   */
  private final SplittableRandom later;

  private final int accounts;
  private long nextSaleId = 1;
  private long nextBidId = 1;
  private long openSale;

  /** The open sale's accepted bids: bid id -> bidder. */
  private final java.util.TreeMap<Long, Long> openBids = new java.util.TreeMap<>();

  PriceControlDraws(long seed, int accounts) {
    this.r = new SplittableRandom(seed ^ 0xa9c214L);
    this.later = new SplittableRandom(seed ^ 0x5e14b7L);
    this.accounts = accounts;
  }

  /**
   * The program's price controls, or "" for one seed in three; a reserve only with banking and
   * within the first period's auction volume.
   */
  String yaml(long seed, Program program) {
    if (Math.floorMod(seed, 3) == 2) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    long volume = program.auctionVolumePermits(program.firstPeriod());
    long top = 0;
    int tierEscalation = 0;
    if (program.banking() && volume >= 2) {
      long low = 1 + r.nextInt(600);
      top = low + 1 + r.nextInt(400);
      tierEscalation = later.nextBoolean() ? 0 : later.nextInt(80_000);
      b.append("priceContainment:\n  triggerSharePpm: ")
          .append(r.nextInt(1_000_001))
          .append("\n  escalationPpm: ")
          .append(tierEscalation)
          .append("\n  tiers:\n    - {volumePermits: ")
          .append(1 + r.nextLong(Math.min(200, volume / 2)))
          .append(", priceCents: ")
          .append(low)
          .append("}\n    - {volumePermits: ")
          .append(1 + r.nextLong(Math.min(200, volume / 2)))
          .append(", priceCents: ")
          .append(top)
          .append("}\n");
    }
    if (r.nextInt(4) != 0) {
      b.append("priceCeiling:\n  priceCents: ")
          .append(top + 1 + r.nextInt(1_000))
          .append("\n  escalationPpm: ")
          .append(tierEscalation + Math.max(0, r.nextInt(80_000) - tierEscalation))
          .append('\n');
    }
    return b.toString();
  }

  /** The next price control command, or null to leave this turn to the simulation. */
  Command next(EngineState state, boolean closing) {
    if (openSale != 0 && (closing || r.nextInt(30) == 0)) {
      return new ClearReserveSale(r.nextInt(20) == 0 ? 1 + r.nextLong(nextSaleId) : openSale);
    }
    if (openSale != 0 && later.nextInt(40) == 0) {
      return withdrawal(1 + later.nextInt(accounts + 1));
    }
    if (r.nextInt(5) != 0) {
      return null;
    }
    int period = state.currentPeriod() + (r.nextInt(20) == 0 ? 1 : 0);
    long account = 1 + r.nextInt(accounts + 1);
    if (r.nextBoolean()) {
      // Half the time a participant that is short, when there is one.
      for (long a = 1; a <= accounts; a++) {
        long candidate = 1 + Math.floorMod(account + a, accounts);
        if (unmet(state, candidate) > 0) {
          account = candidate;
          break;
        }
      }
    }
    long unmet = unmet(state, account);
    long quantity = unmet > 0 && r.nextInt(3) != 0 ? 1 + r.nextLong(unmet + 1) : 1 + r.nextInt(50);
    // Mostly a bid while a sale is open, mostly an opening while none is.
    int kind = openSale == 0 ? (r.nextInt(3) != 0 ? 0 : 3) : 1 + r.nextInt(3);
    switch (kind) {
      case 0:
        return new OpenReserveSale(nextSaleId++, Math.max(0, period));
      case 1:
      case 2:
        long sale = openSale != 0 && r.nextInt(10) != 0 ? openSale : 1 + r.nextLong(nextSaleId);
        return new SubmitReserveBid(sale, nextBidId++, account, quantity);
      default:
        return new BuyAtCeiling(account, quantity);
    }
  }

  // Mostly an open bid by its bidder; else an unknown bid, or someone else's.
  private Command withdrawal(long account) {
    long bid = 1 + later.nextLong(nextBidId);
    long bidder = account;
    if (!openBids.isEmpty() && later.nextInt(4) != 0) {
      Long key = openBids.ceilingKey(bid);
      bid = key != null ? key : openBids.firstKey();
      bidder = later.nextInt(5) != 0 ? openBids.get(bid) : account;
    }
    return new WithdrawReserveBid(openSale, bid, bidder);
  }

  private static long unmet(EngineState state, long account) {
    return state.program().hasPeriod(state.currentPeriod())
            && state.registry().role(account) != null
        ? AuctionState.unmetObligation(state, account, state.currentPeriod())
        : 0;
  }

  /** Tracks the open sale and checks accepted sales and purchases against their arithmetic. */
  void after(EngineState state, Command c, Result result, long reserveBefore) {
    if (!result.isAccepted()) {
      return;
    }
    List<Event> events = result.events();
    if (c instanceof OpenReserveSale o) {
      openSale = o.saleId();
      openBids.clear();
    } else if (c instanceof SubmitReserveBid s) {
      openBids.put(s.bidId(), s.accountId());
    } else if (c instanceof WithdrawReserveBid w) {
      ReserveBidWithdrawn x = (ReserveBidWithdrawn) events.get(0);
      expect(
          openBids.remove(w.bidId()) == w.accountId() && x.accountId() == w.accountId(),
          "only the bidder withdraws its own open bid: " + x);
    } else if (c instanceof ClearReserveSale) {
      openSale = 0;
      openBids.clear();
      long sold = 0;
      long paid = 0;
      ReserveSaleCleared cleared = null;
      for (Event e : events) {
        if (e instanceof ReserveBidSettled s) {
          sold += s.permits();
          paid += s.paidCents();
        } else if (e instanceof ReserveSaleCleared x) {
          cleared = x;
        }
      }
      expect(
          cleared != null
              && cleared.soldPermits() == sold
              && cleared.revenueCents() == paid
              && cleared.remainingPermits() == reserveBefore - sold,
          "a reserve sale sells what its bids got, from the reserve: " + events);
      // At the sale period's escalated tier prices.
      long low = state.program().tierPriceCents(0, cleared.period());
      long high = state.program().topTierPriceCents(cleared.period());
      expect(
          paid >= sold * low && paid <= sold * high,
          "every reserve permit is paid at a tier price: " + events);
    } else if (c instanceof BuyAtCeiling b) {
      CeilingPermitsSold s = (CeilingPermitsSold) events.get(0);
      expect(
          reserveBefore == 0
              && s.permits() == b.quantity()
              && s.priceCents() == state.program().priceCeilingCents(s.period())
              && s.paidCents() == b.quantity() * s.priceCents(),
          "the ceiling sells at its price after the reserve is empty: " + s);
    }
  }

  private static void expect(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError(what);
    }
  }
}
