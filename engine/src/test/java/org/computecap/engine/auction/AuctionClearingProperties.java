package org.computecap.engine.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class AuctionClearingProperties {

  @Property(tries = 300)
  void no_bid_is_overfilled_and_every_filled_bid_is_at_or_above_the_clearing_price(
      @ForAll @Size(max = 20) List<@IntRange(min = 1, max = 50) Integer> quantities,
      @ForAll @LongRange(min = 0, max = 400) long supply,
      @ForAll @LongRange(min = 1, max = 1000) long limit) {
    List<SealedBid> bids = new ArrayList<>();
    for (int i = 0; i < quantities.size(); i++) {
      bids.add(new SealedBid(i, i % 5, quantities.get(i), 100 + (i * 37L) % 7 * 10));
    }
    AuctionClearing.Result r = AuctionClearing.clear(bids, supply, 120, limit);
    long sold = 0;
    long[] perAccount = new long[5];
    for (int i = 0; i < bids.size(); i++) {
      long q = r.fills().get(i).quantity();
      assertThat(q).isBetween(0L, bids.get(i).quantity());
      if (q > 0) {
        assertThat(bids.get(i).limitPriceCents())
            .isGreaterThanOrEqualTo(r.clearingPriceCents())
            .isGreaterThanOrEqualTo(120);
      }
      perAccount[i % 5] += q;
      sold += q;
    }
    for (long p : perAccount) {
      assertThat(p).isLessThanOrEqualTo(limit);
    }
    assertThat(sold).isEqualTo(r.soldPermits()).isEqualTo(supply - r.unsoldPermits());
  }

  @Property(tries = 300)
  void bids_above_the_price_fill_fully_and_marginal_bids_get_their_pro_rata_share_rounded(
      @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 1, max = 50) Integer> quantities,
      @ForAll @Size(min = 20, max = 20) List<@IntRange(min = 1, max = 5) Integer> prices,
      @ForAll @LongRange(min = 1, max = 400) long supply) {
    List<SealedBid> bids = new ArrayList<>();
    for (int i = 0; i < quantities.size(); i++) {
      bids.add(new SealedBid(i, i, quantities.get(i), 100L * prices.get(i)));
    }
    AuctionClearing.Result r = AuctionClearing.clear(bids, supply, 0, Long.MAX_VALUE);
    long price = r.clearingPriceCents();
    long marginalDemand = 0;
    long aboveFilled = 0;
    for (SealedBid b : bids) {
      if (b.limitPriceCents() == price) {
        marginalDemand += b.quantity();
      } else if (b.limitPriceCents() > price) {
        aboveFilled += b.quantity();
      }
    }
    long left = Math.min(marginalDemand, supply - aboveFilled);
    for (int i = 0; i < bids.size(); i++) {
      SealedBid b = bids.get(i);
      long won = r.fills().get(i).quantity();
      if (b.limitPriceCents() > price) {
        assertThat(won).isEqualTo(b.quantity());
      } else if (b.limitPriceCents() < price) {
        assertThat(won).isZero();
      } else {
        long share = left * b.quantity() / marginalDemand;
        assertThat(won).isBetween(share, share + 1);
      }
    }
  }

  @Property(tries = 500)
  void bids_are_ranked_by_price_highest_first_and_by_submission_within_a_price(
      @ForAll @Size(max = 300) List<@LongRange(min = 1, max = 40) Long> prices) {
    long[] p = prices.stream().mapToLong(Long::longValue).toArray();
    Integer[] expected = new Integer[p.length];
    java.util.Arrays.setAll(expected, i -> i);
    java.util.Arrays.sort(expected, (x, y) -> Long.compare(p[y], p[x]));
    assertThat(AuctionClearing.rankByPrice(p))
        .containsExactly(java.util.Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
  }
}
