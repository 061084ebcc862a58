package org.computecap.engine.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuctionClearingTest {
  static final long NO_LIMIT = Long.MAX_VALUE;

  @Test
  void the_clearing_price_is_the_lowest_accepted_bid_and_everyone_pays_it() {
    List<SealedBid> bids =
        List.of(
            new SealedBid(1, 10, 40, 900),
            new SealedBid(2, 11, 50, 700),
            new SealedBid(3, 12, 30, 800),
            new SealedBid(4, 13, 20, 600));
    AuctionClearing.Result r = AuctionClearing.clear(bids, 100, 500, NO_LIMIT);
    // 40 @ 900, 30 @ 800, then 30 of the 50 @ 700: price 700.
    assertThat(r.clearingPriceCents()).isEqualTo(700);
    assertThat(r.fills()).extracting(AuctionFill::quantity).containsExactly(40L, 30L, 30L, 0L);
    assertThat(r.soldPermits()).isEqualTo(100);
    assertThat(r.unsoldPermits()).isZero();
  }

  @Test
  void ties_at_the_clearing_price_are_shared_pro_rata_with_largest_remainder_then_earliest() {
    // 10 left for 3 bids of 7 each at 500: 10·7/21 = 3.33 each -> 3, 3, 3 and the spare
    // permit goes to the earliest bid because the remainders are equal.
    List<SealedBid> bids =
        List.of(
            new SealedBid(1, 10, 5, 600),
            new SealedBid(2, 11, 7, 500),
            new SealedBid(3, 12, 7, 500),
            new SealedBid(4, 13, 7, 500));
    AuctionClearing.Result r = AuctionClearing.clear(bids, 15, 100, NO_LIMIT);
    assertThat(r.fills()).extracting(AuctionFill::quantity).containsExactly(5L, 4L, 3L, 3L);
    assertThat(r.clearingPriceCents()).isEqualTo(500);
  }

  @Test
  void the_largest_remainder_wins_the_spare_permit_before_an_earlier_bid() {
    // 5 left for bids of 2 and 4 at 500: 5·2/6 = 1.67, 5·4/6 = 3.33 -> 2 and 3.
    List<SealedBid> bids = List.of(new SealedBid(1, 10, 4, 500), new SealedBid(2, 11, 2, 500));
    AuctionClearing.Result r = AuctionClearing.clear(bids, 5, 100, NO_LIMIT);
    assertThat(r.fills()).extracting(AuctionFill::quantity).containsExactly(3L, 2L);
  }

  @Test
  void nothing_is_sold_below_the_reserve_price_and_the_unsold_rest_goes_to_the_reserve() {
    List<SealedBid> bids = List.of(new SealedBid(1, 10, 30, 400), new SealedBid(2, 11, 20, 600));
    AuctionClearing.Result r = AuctionClearing.clear(bids, 100, 500, NO_LIMIT);
    assertThat(r.fills()).extracting(AuctionFill::quantity).containsExactly(0L, 20L);
    assertThat(r.clearingPriceCents()).isEqualTo(600);
    assertThat(r.unsoldPermits()).isEqualTo(80);
  }

  @Test
  void an_auction_without_acceptable_bids_sells_nothing_at_price_zero() {
    AuctionClearing.Result r =
        AuctionClearing.clear(List.of(new SealedBid(1, 10, 30, 100)), 50, 500, NO_LIMIT);
    assertThat(r.soldPermits()).isZero();
    assertThat(r.clearingPriceCents()).isZero();
    assertThat(r.unsoldPermits()).isEqualTo(50);
    assertThat(AuctionClearing.clear(List.of(), 50, 0, NO_LIMIT).unsoldPermits()).isEqualTo(50);
  }

  @Test
  void a_bidder_wins_no_more_than_its_purchase_limit_counting_its_best_bids_first() {
    List<SealedBid> bids =
        List.of(
            new SealedBid(1, 10, 30, 900),
            new SealedBid(2, 10, 30, 800),
            new SealedBid(3, 11, 50, 700));
    AuctionClearing.Result r = AuctionClearing.clear(bids, 100, 100, 40);
    assertThat(r.fills()).extracting(AuctionFill::quantity).containsExactly(30L, 10L, 40L);
    assertThat(r.unsoldPermits()).isEqualTo(20);
    assertThat(r.clearingPriceCents()).isEqualTo(700);
  }

  @Test
  void fills_are_listed_in_submission_order_with_their_bid_and_account() {
    List<SealedBid> bids = List.of(new SealedBid(8, 3, 5, 100), new SealedBid(9, 4, 5, 200));
    assertThat(AuctionClearing.clear(bids, 6, 0, NO_LIMIT).fills())
        .containsExactly(new AuctionFill(8, 3, 1), new AuctionFill(9, 4, 5));
  }
}
