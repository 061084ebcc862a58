package org.computecap.engine.auction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.computecap.engine.CanonicalReader;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.EngineState;
import org.computecap.engine.collections.LongLongMap;
import org.computecap.engine.program.PriceControls;
import org.computecap.engine.program.Program;
import org.computecap.engine.registry.SystemAccount;

/**
 * The price containment reserve's sales and what they sold by tier, and the clearing price of the
 * last auction cleared (the reserve sale's trigger), part of the auction feature's state. Its
 * canonical encoding is written only for a program with price controls, so every other program
 * hashes as before. Bids reserve {@code quantity · highest tier price} cents under the auction
 * hold, which the auction state's invariant counts with its own bids.
 */
final class PriceControlState {
  /** sale id -> sale. */
  final TreeMap<Long, Sale> sales = new TreeMap<>();

  /** Permits sold from each tier so far, in tier order. */
  final long[] soldByTier;

  /** Whether an auction has cleared, and the last clearing price. */
  boolean auctionCleared;

  long lastClearingPriceCents;

  private final transient PriceControls controls;

  /** The program: the tiers' escalated prices and the trigger come from it. */
  private final transient Program program;

  PriceControlState(Program program) {
    this.program = program;
    this.controls = program.priceControls();
    this.soldByTier = new long[controls.reserve().tiers().size()];
  }

  /** One reserve sale: its period, its open bids in submission order, and what it sold. */
  static final class Sale {
    final int period;
    final LinkedHashMap<Long, ReserveBid> bids = new LinkedHashMap<>();

    /** bidder -> permits of its open bids (derived from {@link #bids}). */
    private final transient LongLongMap quantityByBidder = new LongLongMap();

    boolean cleared;
    long soldPermits;
    long revenueCents;

    Sale(int period) {
      this.period = period;
    }

    void addBid(ReserveBid b) {
      bids.put(b.bidId(), b);
      quantityByBidder.add(b.account(), b.quantity());
    }

    void removeBid(ReserveBid b) {
      bids.remove(b.bidId());
      quantityByBidder.add(b.account(), -b.quantity());
      if (quantityByBidder.get(b.account(), 0L) == 0) {
        quantityByBidder.remove(b.account());
      }
    }

    void clearBids() {
      bids.clear();
      quantityByBidder.clear();
    }

    long quantityBidBy(long account) {
      return quantityByBidder.get(account, 0L);
    }
  }

  /** A bid in a reserve sale. */
  record ReserveBid(long bidId, long account, long quantity) {}

  /**
   * The cents a bid of {@code quantity} in a sale of {@code period} reserves: at that period's
   * highest tier price ({@code Long.MAX_VALUE} when that does not fit, which no account can pay).
   */
  long reservationCents(long quantity, int period) {
    return saturatingProduct(quantity, program.topTierPriceCents(period));
  }

  /** {@code a · b} for non-negative a and b, or {@code Long.MAX_VALUE} when it does not fit. */
  static long saturatingProduct(long a, long b) {
    long high = Math.multiplyHigh(a, b);
    long low = a * b;
    return high != 0 || low < 0 ? Long.MAX_VALUE : low;
  }

  /** Permits left in the reserve, every tier together. */
  long remainingPermits() {
    long left = 0;
    List<PriceControls.Tier> tiers = controls.reserve().tiers();
    for (int i = 0; i < tiers.size(); i++) {
      left += tiers.get(i).volumePermits() - soldByTier[i];
    }
    return left;
  }

  /** Permits left in tier {@code tier}. */
  long tierLeft(int tier) {
    return controls.reserve().tiers().get(tier).volumePermits() - soldByTier[tier];
  }

  /** Whether the last auction cleared at or above {@code period}'s trigger price. */
  boolean triggered(int period) {
    return auctionCleared && program.reserveSaleTriggeredBy(lastClearingPriceCents, period);
  }

  /**
   * Whether a sale may open in {@code period}: none is open, permits are left and the last auction
   * triggered it.
   */
  boolean saleMayOpen(int period) {
    return openSale == null && remainingPermits() > 0 && triggered(period);
  }

  /** The open sale, or null (at most one is open; derived from {@link #sales}). */
  Sale openSale() {
    return openSale;
  }

  private transient Sale openSale;

  void opened(long saleId, Sale sale) {
    sales.put(saleId, sale);
    openSale = sale;
  }

  void cleared(Sale sale) {
    sale.clearBids();
    sale.cleared = true;
    openSale = null;
  }

  /** The account's permits in open reserve bids. */
  long openBidQuantity(long account) {
    Sale s = openSale();
    return s == null ? 0 : s.quantityBidBy(account);
  }

  void writeCanonical(CanonicalWriter w) {
    w.writeBoolean(auctionCleared).writeLong(lastClearingPriceCents);
    w.writeInt(soldByTier.length);
    for (long sold : soldByTier) {
      w.writeLong(sold);
    }
    w.writeInt(sales.size());
    for (Map.Entry<Long, Sale> e : sales.entrySet()) {
      Sale s = e.getValue();
      w.writeLong(e.getKey())
          .writeInt(s.period)
          .writeBoolean(s.cleared)
          .writeLong(s.soldPermits)
          .writeLong(s.revenueCents)
          .writeInt(s.bids.size());
      for (ReserveBid b : s.bids.values()) {
        w.writeLong(b.bidId()).writeLong(b.account()).writeLong(b.quantity());
      }
    }
  }

  /** Reads back what {@link #writeCanonical} wrote into this empty state; the index rebuilt. */
  void readCanonical(CanonicalReader r) {
    auctionCleared = r.readBoolean();
    lastClearingPriceCents = r.readLong();
    int tiers = r.readCount();
    if (tiers != soldByTier.length) {
      throw new IllegalArgumentException(
          "snapshot: " + tiers + " price containment tiers, the program has " + soldByTier.length);
    }
    for (int i = 0; i < tiers; i++) {
      soldByTier[i] = r.readLong();
    }
    int count = r.readCount();
    for (int i = 0; i < count; i++) {
      long id = r.readLong();
      Sale s = new Sale(r.readInt());
      s.cleared = r.readBoolean();
      s.soldPermits = r.readLong();
      s.revenueCents = r.readLong();
      int bids = r.readCount();
      for (int b = 0; b < bids; b++) {
        s.addBid(new ReserveBid(r.readLong(), r.readLong(), r.readLong()));
      }
      sales.put(id, s);
      if (!s.cleared) {
        openSale = s;
      }
    }
  }

  /** Adds each open reserve bid's reservation to {@code reserved} (account -> cents). */
  void addReservations(TreeMap<Long, Long> reserved) {
    for (Sale s : sales.values()) {
      for (ReserveBid b : s.bids.values()) {
        reserved.merge(b.account(), reservationCents(b.quantity(), s.period), Math::addExact);
      }
    }
  }

  /**
   * At most one sale is open and a cleared one keeps no bids; each tier sold at most its volume;
   * the reserve account holds exactly what the tiers have left, in the first vintage.
   */
  void checkInvariants(EngineState state) {
    List<Sale> open = new ArrayList<>();
    long sold = 0;
    for (Sale s : sales.values()) {
      if (!s.cleared) {
        open.add(s);
      } else if (!s.bids.isEmpty()) {
        throw new AssertionError("a cleared reserve sale keeps no bids");
      }
      sold += s.soldPermits;
    }
    if (open.size() > 1 || (open.isEmpty() ? null : open.get(0)) != openSale) {
      throw new AssertionError(open.size() + " reserve sales are open, not the one indexed");
    }
    for (Sale s : open) {
      LongLongMap quantities = new LongLongMap();
      for (ReserveBid b : s.bids.values()) {
        quantities.add(b.account(), b.quantity());
      }
      quantities.forEach(
          (account, q) -> {
            if (s.quantityBidBy(account) != q) {
              throw new AssertionError("reserve bids of " + account + " are " + q + " permits");
            }
          });
      if (quantities.size() != s.quantityByBidder.size()) {
        throw new AssertionError("the reserve sale indexes " + s.quantityByBidder.size());
      }
    }
    long byTier = 0;
    List<PriceControls.Tier> tiers = controls.reserve().tiers();
    for (int i = 0; i < tiers.size(); i++) {
      if (soldByTier[i] < 0 || soldByTier[i] > tiers.get(i).volumePermits()) {
        throw new AssertionError("tier " + i + " sold " + soldByTier[i]);
      }
      byTier += soldByTier[i];
    }
    if (byTier != sold) {
      throw new AssertionError("tiers sold " + byTier + " but the sales sold " + sold);
    }
    if (controls.reserve().isOn()) {
      long held = state.registry().freePermitsTotal(SystemAccount.PRICE_CONTAINMENT_RESERVE.id());
      if (held != remainingPermits()) {
        throw new AssertionError(
            "the price containment reserve holds "
                + held
                + " but its tiers have "
                + remainingPermits()
                + " left");
      }
    }
  }
}
