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
            .isGreaterThanOrEqualTo(r.clearingPriceCents()).isGreaterThanOrEqualTo(120);
      }
      perAccount[i % 5] += q;
      sold += q;
    }
    for (long p : perAccount) {
      assertThat(p).isLessThanOrEqualTo(limit);
    }
    assertThat(sold).isEqualTo(r.soldPermits()).isEqualTo(supply - r.unsoldPermits());
  }
}
