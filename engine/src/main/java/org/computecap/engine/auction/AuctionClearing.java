package org.computecap.engine.auction;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
   * Clears {@code bids} (in submission order) against {@code supplyPermits}.
   *
   * @param purchaseLimitPermits the most permits one account may win
   */
  public static Result clear(
      List<SealedBid> bids, long supplyPermits, long reservePriceCents, long purchaseLimitPermits) {
    if (supplyPermits < 0) {
      throw new IllegalArgumentException("supplyPermits: " + supplyPermits + " is below 0");
    }
    int n = bids.size();
    long[] effective = effectiveQuantities(bids, reservePriceCents, purchaseLimitPermits);
    Integer[] ranked = new Integer[n];
    Arrays.setAll(ranked, i -> i);
    Arrays.sort(
        ranked,
        Comparator.<Integer>comparingLong(i -> -bids.get(i).limitPriceCents())
            .thenComparingInt(i -> i));
    long[] won = new long[n];
    long sold = 0;
    long price = 0;
    int k = 0;
    while (k < n && sold < supplyPermits) {
      long levelPrice = bids.get(ranked[k]).limitPriceCents();
      int end = k;
      long levelDemand = 0;
      while (end < n && bids.get(ranked[end]).limitPriceCents() == levelPrice) {
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
          shareProRata(Arrays.copyOfRange(ranked, k, end), effective, left, levelDemand, won);
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

  /** Each bid's quantity after the reserve price and its bidder's purchase limit. */
  private static long[] effectiveQuantities(
      List<SealedBid> bids, long reservePriceCents, long purchaseLimitPermits) {
    int n = bids.size();
    Integer[] ranked = new Integer[n];
    Arrays.setAll(ranked, i -> i);
    Arrays.sort(
        ranked,
        Comparator.<Integer>comparingLong(i -> -bids.get(i).limitPriceCents())
            .thenComparingInt(i -> i));
    // Only looked up by account, never iterated, so its order cannot reach the result.
    Map<Long, Long> limitLeft = new HashMap<>();
    long[] effective = new long[n];
    for (int i : ranked) {
      SealedBid b = bids.get(i);
      if (b.limitPriceCents() < reservePriceCents) {
        continue;
      }
      long left = limitLeft.getOrDefault(b.account(), purchaseLimitPermits);
      effective[i] = Math.min(b.quantity(), left);
      limitLeft.put(b.account(), left - effective[i]);
    }
    return effective;
  }

  /** Shares {@code left} permits among one price level's bids (ranked) pro rata. */
  private static void shareProRata(
      Integer[] level, long[] effective, long left, long levelDemand, long[] won) {
    long[] remainder = new long[effective.length];
    long given = 0;
    BigInteger demand = BigInteger.valueOf(levelDemand);
    for (int i : level) {
      BigInteger[] qr =
          BigInteger.valueOf(left)
              .multiply(BigInteger.valueOf(effective[i]))
              .divideAndRemainder(demand);
      won[i] = qr[0].longValueExact();
      remainder[i] = qr[1].longValueExact();
      given += won[i];
    }
    Integer[] byRemainder = level.clone();
    // Largest remainder first; the sort is stable so equal remainders keep submission order.
    Arrays.sort(byRemainder, Comparator.<Integer>comparingLong(i -> -remainder[i]));
    for (int j = 0; given < left; j++) {
      won[byRemainder[j]]++;
      given++;
    }
  }
}
