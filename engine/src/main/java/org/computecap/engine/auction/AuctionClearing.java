package org.computecap.engine.auction;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.computecap.engine.collections.LongLongMap;

/**
 * Sealed-bid, uniform-price clearing of one primary auction (SPEC §5), a pure function.
 *
 * <p>Bids below the reserve price are never filled. The rest are ranked by limit price, highest
 * first, then by submission order (the order of the list). Each bidder's bids count for at most its
 * purchase limit, taken from its best-ranked bids first. Price levels are filled whole while supply
 * lasts; the level where supply runs out is the marginal level and its price, the lowest accepted
 * bid, is the clearing price everyone pays. Bids at the marginal level share what is left pro rata
 * to their quantity in whole permits: each gets {@code floor(left · q_j / Q_level)} and the permits
 * lost to flooring go one each to the largest remainders, then to the earliest bid. When demand
 * falls short of supply the price is the lowest bid filled and the rest is unsold, returned to the
 * reserve.
 */
public final class AuctionClearing {
  private AuctionClearing() {}

  /** The outcome: one fill per bid in submission order; price 0 when nothing sold. */
  public record Result(
      long clearingPriceCents, long soldPermits, long unsoldPermits, List<AuctionFill> fills) {
    public Result {
      fills = List.copyOf(fills);
    }
  }

  /**
   * Clears {@code bids} (in submission order) against {@code supplyPermits}. O(n log n) in the
   * number of bids: one stable sort of their indexes by price, no boxing.
   *
   * @param purchaseLimitPermits the most permits one account may win
   */
  public static Result clear(
      List<SealedBid> bids, long supplyPermits, long reservePriceCents, long purchaseLimitPermits) {
    if (supplyPermits < 0) {
      throw new IllegalArgumentException("supplyPermits: " + supplyPermits + " is below 0");
    }
    int n = bids.size();
    long[] prices = limitPrices(bids);
    int[] ranked = rankByPrice(prices);
    long[] effective = effectiveQuantities(bids, ranked, reservePriceCents, purchaseLimitPermits);
    long[] won = new long[n];
    long sold = 0;
    long price = 0;
    int k = 0;
    while (k < n && sold < supplyPermits) {
      long levelPrice = prices[ranked[k]];
      int end = k;
      long levelDemand = 0;
      while (end < n && prices[ranked[end]] == levelPrice) {
        levelDemand = Math.addExact(levelDemand, effective[ranked[end]]);
        end++;
      }
      if (levelDemand > 0) {
        long left = supplyPermits - sold;
        if (levelDemand <= left) {
          for (int j = k; j < end; j++) {
            won[ranked[j]] = effective[ranked[j]];
          }
          sold += levelDemand;
        } else {
          shareProRata(ranked, k, end, effective, left, levelDemand, won);
          sold = supplyPermits;
        }
        price = levelPrice;
      }
      k = end;
    }
    List<AuctionFill> fills = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      fills.add(new AuctionFill(bids.get(i).bidId(), bids.get(i).account(), won[i]));
    }
    return new Result(price, sold, supplyPermits - sold, fills);
  }

  /**
   * Each bid's quantity (in submission order) after the reserve price and its bidder's purchase
   * limit, which takes the bidder's best-ranked bids first: what clearing may fill.
   */
  static long[] effectiveQuantities(
      List<SealedBid> bids, long reservePriceCents, long purchaseLimitPermits) {
    return effectiveQuantities(
        bids, rankByPrice(limitPrices(bids)), reservePriceCents, purchaseLimitPermits);
  }

  /** The bids' limit prices in submission order. */
  static long[] limitPrices(List<SealedBid> bids) {
    long[] prices = new long[bids.size()];
    for (int i = 0; i < prices.length; i++) {
      prices[i] = bids.get(i).limitPriceCents();
    }
    return prices;
  }

  /** Bid indexes by limit price, highest first; equal prices keep submission order. */
  static int[] rankByPrice(long[] prices) {
    int n = prices.length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    int[] buffer = new int[n];
    // Bottom-up merge sort: stable, and on primitives.
    for (int width = 1; width < n; width *= 2) {
      for (int from = 0; from < n - width; from += 2 * width) {
        merge(prices, order, buffer, from, from + width, Math.min(from + 2 * width, n));
      }
    }
    return order;
  }

  private static void merge(long[] prices, int[] order, int[] buffer, int from, int mid, int to) {
    if (prices[order[mid - 1]] >= prices[order[mid]]) {
      return;
    }
    System.arraycopy(order, from, buffer, from, to - from);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      if (j >= to || i < mid && prices[buffer[i]] >= prices[buffer[j]]) {
        order[k] = buffer[i++];
      } else {
        order[k] = buffer[j++];
      }
    }
  }

  /** Each bid's quantity after the reserve price and its bidder's purchase limit. */
  private static long[] effectiveQuantities(
      List<SealedBid> bids, int[] ranked, long reservePriceCents, long purchaseLimitPermits) {
    // Only looked up by account, never iterated, so its order cannot reach the result.
    LongLongMap limitUsed = new LongLongMap();
    long[] effective = new long[bids.size()];
    for (int i : ranked) {
      SealedBid b = bids.get(i);
      if (b.limitPriceCents() < reservePriceCents) {
        continue;
      }
      long left = purchaseLimitPermits - limitUsed.get(b.account(), 0L);
      effective[i] = Math.min(b.quantity(), left);
      limitUsed.add(b.account(), effective[i]);
    }
    return effective;
  }

  /**
   * Shares {@code left} permits among one price level's bids ({@code ranked[from..to)}), pro rata
   * to their quantities, largest remainder then earliest bid; also a reserve sale's tiers.
   */
  static void shareProRata(
      int[] ranked, int from, int to, long[] effective, long left, long levelDemand, long[] won) {
    int size = to - from;
    long[] remainder = new long[size];
    long given = 0;
    for (int j = 0; j < size; j++) {
      int i = ranked[from + j];
      long product = left * effective[i];
      if (Math.multiplyHigh(left, effective[i]) == 0 && product >= 0) {
        won[i] = product / levelDemand;
        remainder[j] = product % levelDemand;
      } else {
        BigInteger[] qr =
            BigInteger.valueOf(left)
                .multiply(BigInteger.valueOf(effective[i]))
                .divideAndRemainder(BigInteger.valueOf(levelDemand));
        won[i] = qr[0].longValueExact();
        remainder[j] = qr[1].longValueExact();
      }
      given += won[i];
    }
    // Largest remainder first; the level is in submission order and the sort is stable, so equal
    // remainders go to the earliest bid.
    int[] byRemainder = rankByPrice(remainder);
    for (int k = 0; given < left; k++) {
      won[ranked[from + byRemainder[k]]]++;
      given++;
    }
  }
}
