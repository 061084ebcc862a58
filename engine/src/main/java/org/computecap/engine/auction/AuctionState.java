package org.computecap.engine.auction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.EngineState;
import org.computecap.engine.FeatureState;
import org.computecap.engine.program.Program;
import org.computecap.engine.registry.Hold;
import org.computecap.engine.registry.SystemAccount;

/**
 * Primary auctions inside the engine: each auction's supply, its open bids in submission order, and
 * once cleared its price and volumes; and how much of each period's auction volume has been
 * offered. Bids are few compared with exchange orders, so plain sorted collections.
 *
 * <p>Invariants: every account's {@code AUCTION} cash reservation in the registry equals the sum of
 * {@code quantity · limit price} over its open bids; a period's offered volume never exceeds its
 * auction volume; a cleared auction sold plus unsold equals its supply; the auction reserve holds
 * at least the supply of every open auction, in its vintage.
 */
public final class AuctionState implements FeatureState {
  static final String NAME = "auction";

  final TreeMap<Long, Auction> auctions = new TreeMap<>();

  /** period -> permits offered in its auctions so far. */
  final TreeMap<Integer, Long> offeredByPeriod = new TreeMap<>();

  /** One auction; bids stay in submission order, which breaks ties at the clearing price. */
  static final class Auction {
    final int period;
    final long supplyPermits;
    final List<SealedBid> bids = new ArrayList<>();
    boolean cleared;
    long clearingPriceCents;
    long soldPermits;
    long unsoldPermits;

    Auction(int period, long supplyPermits) {
      this.period = period;
      this.supplyPermits = supplyPermits;
    }

    SealedBid bid(long bidId) {
      for (SealedBid b : bids) {
        if (b.bidId() == bidId) {
          return b;
        }
      }
      return null;
    }

    long quantityBidBy(long account) {
      long sum = 0;
      for (SealedBid b : bids) {
        if (b.account() == account) {
          sum += b.quantity();
        }
      }
      return sum;
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * The engine's Auction state, or a detached empty one until the first accepted command {@link
   * #attach}es it: a rejected command must leave the state, and its hash, untouched.
   */
  static AuctionState of(EngineState state) {
    AuctionState s = state.featureOrNull(AuctionState.class);
    return s == null ? new AuctionState() : s;
  }

  /** Registers this state with the engine (no-op when it already is); call before mutating. */
  void attach(EngineState state) {
    state.feature(AuctionState.class, () -> this);
  }

  /** Whether an auction of {@code period} is still open. */
  public boolean hasOpenAuction(int period) {
    for (Auction a : auctions.values()) {
      if (!a.cleared && a.period == period) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void writeCanonical(CanonicalWriter w) {
    w.writeInt(auctions.size());
    for (Map.Entry<Long, Auction> e : auctions.entrySet()) {
      Auction a = e.getValue();
      w.writeLong(e.getKey())
          .writeInt(a.period)
          .writeLong(a.supplyPermits)
          .writeBoolean(a.cleared)
          .writeLong(a.clearingPriceCents)
          .writeLong(a.soldPermits)
          .writeLong(a.unsoldPermits)
          .writeInt(a.bids.size());
      for (SealedBid b : a.bids) {
        w.writeLong(b.bidId())
            .writeLong(b.account())
            .writeLong(b.quantity())
            .writeLong(b.limitPriceCents());
      }
    }
    w.writeInt(offeredByPeriod.size());
    for (Map.Entry<Integer, Long> e : offeredByPeriod.entrySet()) {
      w.writeInt(e.getKey()).writeLong(e.getValue());
    }
  }

  @Override
  public void checkInvariants(EngineState state) {
    TreeMap<Long, Long> reserved = new TreeMap<>();
    TreeMap<Integer, Long> openSupply = new TreeMap<>();
    for (Auction a : auctions.values()) {
      if (!a.cleared) {
        openSupply.merge(a.period, a.supplyPermits, Math::addExact);
      }
      if (a.cleared) {
        if (!a.bids.isEmpty() || a.soldPermits + a.unsoldPermits != a.supplyPermits) {
          throw new AssertionError(
              "a cleared auction keeps no bids and sells or reserves "
                  + "its whole supply "
                  + a.supplyPermits);
        }
        continue;
      }
      for (SealedBid b : a.bids) {
        reserved.merge(
            b.account(), Math.multiplyExact(b.quantity(), b.limitPriceCents()), Math::addExact);
      }
    }
    for (long id : state.registry().accountIds()) {
      long expected = reserved.getOrDefault(id, 0L);
      long actual = state.registry().reservedCash(id, Hold.AUCTION);
      if (expected != actual) {
        throw new AssertionError(
            "account "
                + id
                + " has "
                + actual
                + " cents reserved for auctions but its open bids need "
                + expected);
      }
    }
    for (Map.Entry<Integer, Long> e : openSupply.entrySet()) {
      long held = state.registry().freePermits(SystemAccount.AUCTION_RESERVE.id(), e.getKey());
      if (held < e.getValue()) {
        throw new AssertionError(
            "the auction reserve holds "
                + held
                + " permits of vintage "
                + e.getKey()
                + " but its open auctions offer "
                + e.getValue());
      }
    }
    Program program = Program.of(state);
    for (Map.Entry<Integer, Long> e : offeredByPeriod.entrySet()) {
      if (e.getValue() > program.auctionVolumePermits(e.getKey())) {
        throw new AssertionError(
            "period "
                + e.getKey()
                + " offered "
                + e.getValue()
                + " > auction volume "
                + program.auctionVolumePermits(e.getKey()));
      }
    }
  }

  @Override
  public void describe(SortedMap<String, Long> summary) {
    long open = 0;
    long sold = 0;
    for (Auction a : auctions.values()) {
      open += a.cleared ? 0 : 1;
      sold += a.soldPermits;
    }
    summary.put("auctionsOpen", open);
    summary.put("permitsAuctioned", sold);
  }
}
