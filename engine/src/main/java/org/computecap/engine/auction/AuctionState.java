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
import org.computecap.engine.registry.Registry;
import org.computecap.engine.registry.SystemAccount;
import org.computecap.engine.stability.StabilityState;

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

  /** period -> permits of its own auction volume offered in its auctions so far. */
  final TreeMap<Integer, Long> offeredByPeriod = new TreeMap<>();

  /** period -> permits its auctions released from the cost containment reserve. */
  final TreeMap<Integer, Long> releasedByPeriod = new TreeMap<>();

  /** period -> permits its auctions withheld for the emissions containment reserve. */
  final TreeMap<Integer, Long> withheldByPeriod = new TreeMap<>();

  /** period -> auctions of that period not yet cleared (derived from {@link #auctions}). */
  private final transient TreeMap<Integer, Integer> openByPeriod = new TreeMap<>();

  /**
   * vintage -> permits of that vintage in the auction reserve that open auctions offer (their own
   * supply and what they re-offer; derived from {@link #auctions}). What the reserve holds beyond
   * this is unsold permits waiting to be re-offered.
   */
  private final transient TreeMap<Integer, Long> openHeldByVintage = new TreeMap<>();

  /**
   * Whether the program uses any of issue 14's supply rules. Only then are the fields they need
   * written to the canonical encoding, so a program without them hashes as it always did.
   */
  private final transient boolean supplyRules;

  /**
   * Whether the program has a stability reserve: only then are the permits it releases into
   * auctions written to the canonical encoding.
   */
  private final transient boolean stabilityReserve;

  /** Issue 14's price containment reserve and ceiling; null for a program without them. */
  final PriceControlState priceControls;

  AuctionState(Program program) {
    this.supplyRules = program.auction().hasSupplyRules();
    this.stabilityReserve = program.hasStabilityReserve();
    this.priceControls = program.priceControls().isOn() ? new PriceControlState(program) : null;
  }

  /**
   * The permits the participant still needs for {@code period}: the obligation so far less what it
   * surrendered for the period, less every permit it holds (free or reserved) that may be
   * surrendered for it, less its open reserve bids; never negative.
   */
  public static long unmetObligation(EngineState state, long account, int period) {
    Registry registry = state.registry();
    long obligation = state.obligationSoFar(account, period);
    long covered = registry.surrendered(account, period);
    for (int v = state.oldestEligibleVintage(period); v <= period; v++) {
      covered += registry.freePermits(account, v) + registry.reservedPermits(account, v);
    }
    PriceControlState p = state.auction().priceControls;
    covered += p == null ? 0 : p.openBidQuantity(account);
    return Math.max(0, obligation - covered);
  }

  /** A new, empty auction state for {@code program}. */
  public static AuctionState open(Program program) {
    return new AuctionState(program);
  }

  /** One auction; bids stay in submission order, which breaks ties at the clearing price. */
  static final class Auction {
    final int period;

    /** Its base supply: its own volume plus the unsold permits it re-offers. */
    final long supplyPermits;

    /** vintage -> unsold permits of earlier auctions it re-offers (policy REOFFER). */
    final TreeMap<Integer, Long> reoffered = new TreeMap<>();

    /** vintage -> permits the stability reserve released into it (its period's first auction). */
    final TreeMap<Integer, Long> fromStabilityReserve = new TreeMap<>();

    /** Its period's reserve price (derived from the program). */
    final transient long reservePriceCents;

    /** Open bids by id, iterated in submission order. */
    private final LinkedHashMap<Long, SealedBid> bids = new LinkedHashMap<>();

    /** bidder -> permits of its open bids (derived from {@link #bids}). */
    private final transient LongLongMap quantityByBidder = new LongLongMap();

    boolean cleared;
    long clearingPriceCents;
    long soldPermits;
    long unsoldPermits;

    /** Cancelled at clearing because its bids did not cover its supply. */
    boolean cancelled;

    /** Permits released from the cost containment reserve into it. */
    long releasedPermits;

    /** Permits of its supply withheld for the emissions containment reserve (cancelled). */
    long withheldPermits;

    Auction(int period, long supplyPermits, long reservePriceCents) {
      this.period = period;
      this.supplyPermits = supplyPermits;
      this.reservePriceCents = reservePriceCents;
    }

    /** The permits it re-offers from earlier auctions. */
    long reofferedPermits() {
      long sum = 0;
      for (long q : reoffered.values()) {
        sum += q;
      }
      return sum;
    }

    /** The permits the stability reserve released into it. */
    long fromStabilityReservePermits() {
      long sum = 0;
      for (long q : fromStabilityReserve.values()) {
        sum += q;
      }
      return sum;
    }

    /** Its own volume, newly issued when it opened. */
    long ownPermits() {
      return supplyPermits - reofferedPermits() - fromStabilityReservePermits();
    }

    /** The oldest vintage it offers: its period's unless it offers older permits. */
    int firstVintage() {
      int first = period;
      if (!reoffered.isEmpty()) {
        first = Math.min(first, reoffered.firstKey());
      }
      if (!fromStabilityReserve.isEmpty()) {
        first = Math.min(first, fromStabilityReserve.firstKey());
      }
      return first;
    }

    /**
     * Its supply as lots, oldest vintage first: re-offered ones and those the stability reserve
     * released, then its own vintage.
     */
    TreeMap<Integer, Long> lots() {
      TreeMap<Integer, Long> lots = new TreeMap<>(reoffered);
      for (Map.Entry<Integer, Long> lot : fromStabilityReserve.entrySet()) {
        lots.merge(lot.getKey(), lot.getValue(), Math::addExact);
      }
      lots.merge(period, ownPermits(), Math::addExact);
      lots.values().removeIf(q -> q == 0);
      return lots;
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
      int openBids,
      long reservePriceCents,
      long reofferedPermits,
      boolean cancelled,
      long releasedPermits,
      long withheldPermits,
      long fromStabilityReservePermits) {}

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
            a.openBids(),
            a.reservePriceCents,
            a.reofferedPermits(),
            a.cancelled,
            a.releasedPermits,
            a.withheldPermits,
            a.fromStabilityReservePermits());
  }

  /** Records a newly opened auction. */
  void opened(long auctionId, Auction a) {
    auctions.put(auctionId, a);
    offeredByPeriod.merge(a.period, a.ownPermits(), Math::addExact);
    openByPeriod.merge(a.period, 1, Integer::sum);
    hold(a, 1);
  }

  /** Records that {@code a} was cleared. */
  void cleared(Auction a) {
    if (openByPeriod.merge(a.period, -1, Integer::sum) == 0) {
      openByPeriod.remove(a.period);
    }
    hold(a, -1);
    if (a.releasedPermits > 0) {
      releasedByPeriod.merge(a.period, a.releasedPermits, Math::addExact);
    }
    if (a.withheldPermits > 0) {
      withheldByPeriod.merge(a.period, a.withheldPermits, Math::addExact);
    }
  }

  private void hold(Auction a, int sign) {
    for (Map.Entry<Integer, Long> lot : a.lots().entrySet()) {
      if (openHeldByVintage.merge(lot.getKey(), sign * lot.getValue(), Math::addExact) == 0) {
        openHeldByVintage.remove(lot.getKey());
      }
    }
  }

  /** Permits of {@code vintage} in the auction reserve that open auctions offer. */
  long openHeld(int vintage) {
    return openHeldByVintage.getOrDefault(vintage, 0L);
  }

  /** Cost containment permits released by {@code period}'s auctions so far. */
  long released(int period) {
    return releasedByPeriod.getOrDefault(period, 0L);
  }

  /** Emissions containment permits withheld by {@code period}'s auctions so far. */
  long withheld(int period) {
    return withheldByPeriod.getOrDefault(period, 0L);
  }

  /** The account of open bid {@code bidId} of auction {@code auctionId}, or 0 when none is. */
  public long bidAccount(long auctionId, long bidId) {
    Auction a = auctions.get(auctionId);
    SealedBid b = a == null ? null : a.bid(bidId);
    return b == null ? 0 : b.account();
  }

  /**
   * Permits the account's open bids may still bring it: in every auction not yet cleared and in the
   * open reserve sale (issue 15's holding limit). It walks the auctions, which are few (a handful a
   * period), and runs only for a program with a holding limit.
   */
  public long openBidPermits(long account) {
    long sum = 0;
    for (Auction a : auctions.values()) {
      if (!a.cleared) {
        sum = Math.addExact(sum, a.quantityBidBy(account));
      }
    }
    return priceControls == null ? sum : Math.addExact(sum, priceControls.openBidQuantity(account));
  }

  /** Whether an auction of {@code period} is still open. */
  public boolean hasOpenAuction(int period) {
    if (priceControls != null) {
      PriceControlState.Sale sale = priceControls.openSale();
      if (sale != null && sale.period == period) {
        return true;
      }
    }
    return openByPeriod.containsKey(period);
  }

  /** What adapters and scripts may read of one reserve sale. */
  public record ReserveSaleSummary(
      int period, boolean cleared, int openBids, long soldPermits, long revenueCents) {}

  /** The reserve sale with this id, or null. */
  public ReserveSaleSummary reserveSale(long saleId) {
    PriceControlState.Sale s = priceControls == null ? null : priceControls.sales.get(saleId);
    return s == null
        ? null
        : new ReserveSaleSummary(s.period, s.cleared, s.bids.size(), s.soldPermits, s.revenueCents);
  }

  /** Permits left in the price containment reserve (0 without one). */
  public long priceContainmentRemaining() {
    return priceControls == null ? 0 : priceControls.remainingPermits();
  }

  /**
   * Whether a reserve sale may open now (issue 14): the program has a price containment reserve
   * with permits left, no sale is open, and the last auction cleared at or above the trigger share
   * of the lowest tier price. The simulator asks before it opens one, so it sends no command the
   * engine would refuse.
   */
  public boolean reserveSaleMayOpen(int period) {
    return priceControls != null && priceControls.saleMayOpen(period);
  }

  /** Permits left in price containment tier {@code tier} (0 without a reserve). */
  public long priceContainmentTierLeft(int tier) {
    return priceControls == null ? 0 : priceControls.tierLeft(tier);
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
    writeMap(w, offeredByPeriod);
    if (supplyRules) {
      for (Auction a : auctions.values()) {
        writeMap(w, a.reoffered);
        w.writeBoolean(a.cancelled).writeLong(a.releasedPermits).writeLong(a.withheldPermits);
      }
      writeMap(w, releasedByPeriod);
      writeMap(w, withheldByPeriod);
    }
    if (stabilityReserve) {
      for (Auction a : auctions.values()) {
        writeMap(w, a.fromStabilityReserve);
      }
    }
    if (priceControls != null) {
      priceControls.writeCanonical(w);
    }
  }

  private static void writeMap(CanonicalWriter w, TreeMap<Integer, Long> map) {
    w.writeInt(map.size());
    for (Map.Entry<Integer, Long> e : map.entrySet()) {
      w.writeInt(e.getKey()).writeLong(e.getValue());
    }
  }

  private static void readMap(CanonicalReader r, TreeMap<Integer, Long> map) {
    int size = r.readCount();
    for (int i = 0; i < size; i++) {
      map.put(r.readInt(), r.readLong());
    }
  }

  /** The auctions of a snapshot, read back from {@link #writeCanonical}; indexes rebuilt. */
  public static AuctionState readCanonical(CanonicalReader r, Program program) {
    AuctionState s = new AuctionState(program);
    int count = r.readCount();
    for (int i = 0; i < count; i++) {
      long id = r.readLong();
      int period = r.readInt();
      Auction a = new Auction(period, r.readLong(), program.reservePriceCents(period));
      a.cleared = r.readBoolean();
      a.clearingPriceCents = r.readLong();
      a.soldPermits = r.readLong();
      a.unsoldPermits = r.readLong();
      int bids = r.readCount();
      for (int b = 0; b < bids; b++) {
        a.addBid(new SealedBid(r.readLong(), r.readLong(), r.readLong(), r.readLong()));
      }
      s.auctions.put(id, a);
    }
    readMap(r, s.offeredByPeriod);
    if (s.supplyRules) {
      for (Auction a : s.auctions.values()) {
        readMap(r, a.reoffered);
        a.cancelled = r.readBoolean();
        a.releasedPermits = r.readLong();
        a.withheldPermits = r.readLong();
      }
      readMap(r, s.releasedByPeriod);
      readMap(r, s.withheldByPeriod);
    }
    if (s.stabilityReserve) {
      for (Auction a : s.auctions.values()) {
        readMap(r, a.fromStabilityReserve);
      }
    }
    if (s.priceControls != null) {
      s.priceControls.readCanonical(r);
    }
    for (Auction a : s.auctions.values()) {
      if (!a.cleared) {
        s.openByPeriod.merge(a.period, 1, Integer::sum);
        s.hold(a, 1);
      }
    }
    return s;
  }

  @Override
  public void checkInvariants(EngineState state) {
    TreeMap<Long, Long> reserved = new TreeMap<>();
    TreeMap<Integer, Long> openSupply = new TreeMap<>();
    for (Auction a : auctions.values()) {
      if (!a.cleared) {
        for (Map.Entry<Integer, Long> lot : a.lots().entrySet()) {
          openSupply.merge(lot.getKey(), lot.getValue(), Math::addExact);
        }
      }
      if (a.cleared) {
        if (!a.bids.isEmpty()
            || a.soldPermits + a.unsoldPermits + a.withheldPermits
                != a.supplyPermits + a.releasedPermits) {
          throw new AssertionError(
              "a cleared auction keeps no bids, and sold + unsold + withheld = its supply "
                  + a.supplyPermits
                  + " + released "
                  + a.releasedPermits);
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
    if (priceControls != null) {
      priceControls.addReservations(reserved);
      priceControls.checkInvariants(state);
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
    checkContainment(state.program());
    Program program = state.program();
    StabilityState stability = state.featureOrNull(StabilityState.class);
    for (Map.Entry<Integer, Long> e : offeredByPeriod.entrySet()) {
      long withheld = stability == null ? 0L : stability.withheldFrom(e.getKey());
      if (e.getValue() + withheld > program.auctionVolumePermits(e.getKey())) {
        throw new AssertionError(
            "period "
                + e.getKey()
                + " offered "
                + e.getValue()
                + " + withheld into the stability reserve "
                + withheld
                + " > auction volume "
                + program.auctionVolumePermits(e.getKey()));
      }
    }
  }

  /** Each period's released and withheld permits are its auctions' and within the volumes. */
  private void checkContainment(Program program) {
    TreeMap<Integer, Long> released = new TreeMap<>();
    TreeMap<Integer, Long> withheld = new TreeMap<>();
    for (Auction a : auctions.values()) {
      if (a.releasedPermits > 0) {
        released.merge(a.period, a.releasedPermits, Math::addExact);
      }
      if (a.withheldPermits > 0) {
        withheld.merge(a.period, a.withheldPermits, Math::addExact);
      }
    }
    if (!released.equals(releasedByPeriod) || !withheld.equals(withheldByPeriod)) {
      throw new AssertionError(
          "containment by period: released " + released + ", withheld " + withheld);
    }
    released.forEach(
        (period, q) -> {
          if (q > program.costContainmentPermits(period)) {
            throw new AssertionError("period " + period + " released " + q + " > its reserve");
          }
        });
    withheld.forEach(
        (period, q) -> {
          if (q > program.auction().emissionsContainment().volume()) {
            throw new AssertionError("period " + period + " withheld " + q + " > the volume");
          }
        });
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
    if (!open.equals(openByPeriod) || !openSupply.equals(openHeldByVintage)) {
      throw new AssertionError(
          "open auctions by period "
              + open
              + ", indexed "
              + openByPeriod
              + "; offered by vintage "
              + openSupply
              + ", indexed "
              + openHeldByVintage);
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
