package org.computecap.engine.auction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.computecap.engine.CanonicalReader;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.EngineState;
import org.computecap.engine.FeatureState;
import org.computecap.engine.collections.LongLongMap;
import org.computecap.engine.program.Program;
import org.computecap.engine.registry.Hold;
import org.computecap.engine.registry.SystemAccount;

/**
 * Primary auctions inside the engine: each auction's supply, its open bids in submission order, and
 * once cleared its price and volumes; and how much of each period's auction volume has been
 * offered.
 *
 * <p>Every command costs O(log n) or less in the number of auctions and bids: auctions are found in
 * a sorted map; an auction keeps its open bids in a hash map ordered by submission (a bid is found
 * or withdrawn by id in O(1), and clearing still sees submission order, which breaks ties at the
 * clearing price), with each bidder's open quantity beside it (the purchase limit is checked
 * against it without scanning the bids); the number of open auctions per period is kept, so a
 * period close asks in O(log n) whether one is still open. Those two indexes are derived from the
 * bids and auctions, so they are not written to the canonical encoding.
 *
 * <p>Invariants: every account's {@code AUCTION} cash reservation in the registry equals the sum of
 * {@code quantity · limit price} over its open bids; each bidder's indexed quantity is the sum of
 * its open bids; a period's offered volume never exceeds its auction volume; a cleared auction sold
 * plus unsold equals its supply; the auction reserve holds at least the supply of every open
 * auction, in its vintage.
 */
public final class AuctionState implements FeatureState {
  static final String NAME = "auction";

  final TreeMap<Long, Auction> auctions = new TreeMap<>();

  /** period -> permits offered in its auctions so far. */
  final TreeMap<Integer, Long> offeredByPeriod = new TreeMap<>();

  /** period -> auctions of that period not yet cleared (derived from {@link #auctions}). */
  private final transient TreeMap<Integer, Integer> openByPeriod = new TreeMap<>();

  /** One auction; bids stay in submission order, which breaks ties at the clearing price. */
  static final class Auction {
    final int period;
    final long supplyPermits;

    /** Open bids by id, iterated in submission order. */
    private final LinkedHashMap<Long, SealedBid> bids = new LinkedHashMap<>();

    /** bidder -> permits of its open bids (derived from {@link #bids}). */
    private final transient LongLongMap quantityByBidder = new LongLongMap();

    boolean cleared;
    long clearingPriceCents;
    long soldPermits;
    long unsoldPermits;

    Auction(int period, long supplyPermits) {
      this.period = period;
      this.supplyPermits = supplyPermits;
    }

    /** The open bid with this id, or null. */
    SealedBid bid(long bidId) {
      return bids.get(bidId);
    }

    /** Permits of the account's open bids in this auction. */
    long quantityBidBy(long account) {
      return quantityByBidder.get(account, 0L);
    }

    int openBids() {
      return bids.size();
    }

    /** The open bids in submission order. */
    List<SealedBid> bidsInOrder() {
      return new ArrayList<>(bids.values());
    }

    void addBid(SealedBid b) {
      bids.put(b.bidId(), b);
      quantityByBidder.add(b.account(), b.quantity());
    }

    void removeBid(SealedBid b) {
      bids.remove(b.bidId());
      if (quantityByBidder.add(b.account(), -b.quantity()) == 0) {
        quantityByBidder.remove(b.account());
      }
    }

    void clearBids() {
      bids.clear();
      quantityByBidder.clear();
    }
  }

  /** What adapters and scripts may read of one auction. */
  public record Summary(
      int period,
      long supplyPermits,
      boolean cleared,
      long clearingPriceCents,
      long soldPermits,
      long unsoldPermits,
      int openBids) {}

  /** The auction with this id, or null. */
  public Summary auction(long auctionId) {
    Auction a = auctions.get(auctionId);
    return a == null
        ? null
        : new Summary(
            a.period,
            a.supplyPermits,
            a.cleared,
            a.clearingPriceCents,
            a.soldPermits,
            a.unsoldPermits,
            a.openBids());
  }

  /** Records a newly opened auction. */
  void opened(long auctionId, Auction a) {
    auctions.put(auctionId, a);
    offeredByPeriod.merge(a.period, a.supplyPermits, Math::addExact);
    openByPeriod.merge(a.period, 1, Integer::sum);
  }

  /** Records that {@code a} was cleared. */
  void cleared(Auction a) {
    if (openByPeriod.merge(a.period, -1, Integer::sum) == 0) {
      openByPeriod.remove(a.period);
    }
  }

  /** Whether an auction of {@code period} is still open. */
  public boolean hasOpenAuction(int period) {
    return openByPeriod.containsKey(period);
  }

  /** Permits of {@code period}'s auction volume already offered. */
  long offered(int period) {
    return offeredByPeriod.getOrDefault(period, 0L);
  }

  @Override
  public String name() {
    return NAME;
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
      for (SealedBid b : a.bids.values()) {
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

  /** The auctions of a snapshot, read back from {@link #writeCanonical}; indexes rebuilt. */
  public static AuctionState readCanonical(CanonicalReader r) {
    AuctionState s = new AuctionState();
    int count = r.readCount();
    for (int i = 0; i < count; i++) {
      long id = r.readLong();
      Auction a = new Auction(r.readInt(), r.readLong());
      a.cleared = r.readBoolean();
      a.clearingPriceCents = r.readLong();
      a.soldPermits = r.readLong();
      a.unsoldPermits = r.readLong();
      int bids = r.readCount();
      for (int b = 0; b < bids; b++) {
        a.addBid(new SealedBid(r.readLong(), r.readLong(), r.readLong(), r.readLong()));
      }
      s.auctions.put(id, a);
      if (!a.cleared) {
        s.openByPeriod.merge(a.period, 1, Integer::sum);
      }
    }
    int periods = r.readCount();
    for (int i = 0; i < periods; i++) {
      s.offeredByPeriod.put(r.readInt(), r.readLong());
    }
    return s;
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
      LongLongMap quantities = new LongLongMap();
      for (SealedBid b : a.bids.values()) {
        reserved.merge(
            b.account(), Math.multiplyExact(b.quantity(), b.limitPriceCents()), Math::addExact);
        quantities.add(b.account(), b.quantity());
      }
      checkBidderIndex(a, quantities);
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
    checkOpenIndex(openSupply);
    Program program = state.program();
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

  private static void checkBidderIndex(Auction a, LongLongMap quantities) {
    if (quantities.size() != a.quantityByBidder.size()) {
      throw new AssertionError("an auction indexes " + a.quantityByBidder.size() + " bidders");
    }
    quantities.forEach(
        (account, quantity) -> {
          if (a.quantityBidBy(account) != quantity) {
            throw new AssertionError(
                "account "
                    + account
                    + " bid "
                    + quantity
                    + " permits, the index says "
                    + a.quantityBidBy(account));
          }
        });
  }

  private void checkOpenIndex(TreeMap<Integer, Long> openSupply) {
    TreeMap<Integer, Integer> open = new TreeMap<>();
    for (Auction a : auctions.values()) {
      if (!a.cleared) {
        open.merge(a.period, 1, Integer::sum);
      }
    }
    if (!open.equals(openByPeriod) || !open.keySet().equals(openSupply.keySet())) {
      throw new AssertionError("open auctions by period " + open + ", indexed " + openByPeriod);
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
