package org.computecap.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.computecap.engine.Event;
import org.computecap.engine.Rejection;
import org.computecap.engine.auction.AuctionCleared;
import org.computecap.engine.auction.BidSettled;
import org.computecap.engine.auction.BidWithdrawn;
import org.computecap.engine.command.ClearAuction;
import org.computecap.engine.command.ClosePeriod;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenAuction;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.SubmitBid;
import org.computecap.engine.command.WithdrawBid;
import org.computecap.engine.registry.Hold;
import org.computecap.engine.registry.SystemAccount;
import org.junit.jupiter.api.Test;

class AuctionCommandsTest {
  // Period 1: cap 10,000, free 6,000, so 4,000 may be auctioned; reserve price 100 cents;
  // purchase limit 50% of each auction.
  private final RulesMarket m = new RulesMarket(RulesMarket.program(), 1);

  @Test
  void an_auction_clears_at_the_lowest_accepted_bid_with_pro_rata_ties_and_settles_cash() {
    m.participant(1, 1_000_000);
    m.participant(2, 1_000_000);
    m.participant(3, 1_000_000);
    m.ok(new OpenAuction(1, 1, 3_000));
    m.ok(new SubmitBid(1, 1, 1, 1_000, 500));
    m.ok(new SubmitBid(1, 2, 2, 1_000, 400));
    m.ok(new SubmitBid(1, 3, 3, 1_500, 300));
    m.ok(new SubmitBid(1, 4, 2, 500, 300));
    assertThat(m.registry().reservedCash(2, Hold.AUCTION)).isEqualTo(550_000);
    List<Event> events = m.ok(new ClearAuction(1));
    // 1,000 @ 500 + 1,000 @ 400 fill; 1,000 left for 2,000 at 300: 750 and 250.
    AuctionCleared cleared = m.event(events, AuctionCleared.class);
    assertThat(cleared.clearingPriceCents()).isEqualTo(300);
    assertThat(cleared.soldPermits()).isEqualTo(3_000);
    assertThat(cleared.revenueCents()).isEqualTo(900_000);
    assertThat(m.events(events, BidSettled.class))
        .extracting(BidSettled::wonPermits)
        .containsExactly(1_000L, 1_000L, 750L, 250L);
    assertThat(m.registry().freePermits(2, 1)).isEqualTo(1_250);
    assertThat(m.registry().freeCash(1)).isEqualTo(700_000);
    assertThat(m.registry().freeCash(2)).isEqualTo(625_000);
    assertThat(m.registry().reservedCash(2, Hold.AUCTION)).isZero();
    assertThat(m.registry().freeCash(SystemAccount.TREASURY.id())).isEqualTo(900_000);
  }

  @Test
  void unsold_permits_are_issued_into_the_auction_reserve() {
    m.participant(1, 1_000_000);
    m.ok(new OpenAuction(1, 1, 1_000));
    m.ok(new SubmitBid(1, 1, 1, 100, 250));
    AuctionCleared cleared = m.event(m.ok(new ClearAuction(1)), AuctionCleared.class);
    assertThat(cleared.unsoldPermits()).isEqualTo(900);
    assertThat(cleared.clearingPriceCents()).isEqualTo(250);
    assertThat(m.registry().freePermits(SystemAccount.AUCTION_RESERVE.id(), 1)).isEqualTo(900);
  }

  @Test
  void auctions_sell_only_the_current_periods_auction_volume() {
    m.rejected(new OpenAuction(1, 2, 10), Rejection.PERIOD_NOT_STARTED);
    m.rejected(new OpenAuction(1, 9, 10), Rejection.PERIOD_OUTSIDE_PROGRAM);
    m.rejected(new OpenAuction(1, 1, 4_001), Rejection.AUCTION_VOLUME_EXCEEDED);
    m.ok(new OpenAuction(1, 1, 3_000));
    m.rejected(new OpenAuction(1, 1, 10), Rejection.AUCTION_ALREADY_EXISTS);
    m.rejected(new OpenAuction(2, 1, 1_001), Rejection.AUCTION_VOLUME_EXCEEDED);
    m.ok(new OpenAuction(2, 1, 1_000));
  }

  @Test
  void bids_are_refused_for_every_broken_rule() {
    m.participant(1, 100_000);
    m.ok(new OpenAccount(7, "auditor", Role.AUDITOR));
    m.ok(new OpenAuction(1, 1, 1_000));
    m.rejected(new SubmitBid(2, 1, 1, 10, 200), Rejection.UNKNOWN_AUCTION);
    m.rejected(new SubmitBid(1, 1, 9, 10, 200), Rejection.UNKNOWN_ACCOUNT);
    m.rejected(new SubmitBid(1, 1, 7, 10, 200), Rejection.ROLE_NOT_PERMITTED);
    m.rejected(new SubmitBid(1, 1, 1, 10, 99), Rejection.BID_BELOW_RESERVE_PRICE);
    m.rejected(new SubmitBid(1, 1, 1, 501, 100), Rejection.PURCHASE_LIMIT_EXCEEDED);
    m.rejected(new SubmitBid(1, 1, 1, 400, 300), Rejection.INSUFFICIENT_CASH);
    m.rejected(new SubmitBid(1, 1, 1, 10, 1_000_000_000_000L), Rejection.INSUFFICIENT_CASH);
    assertThatThrownBy(() -> new SubmitBid(1, 1, 1, 10, 1_000_000_000_001L))
        .hasMessage("limitPriceCents must be within 1..1000000000000, got 1000000000001");
    m.ok(new SubmitBid(1, 1, 1, 400, 200));
    m.rejected(new SubmitBid(1, 1, 1, 10, 200), Rejection.DUPLICATE_BID_ID);
    m.rejected(new SubmitBid(1, 2, 1, 101, 100), Rejection.PURCHASE_LIMIT_EXCEEDED);
  }

  @Test
  void a_withdrawn_bid_releases_its_cash_and_a_cleared_auction_takes_no_more_commands() {
    m.participant(1, 100_000);
    m.ok(new OpenAuction(1, 1, 1_000));
    m.ok(new SubmitBid(1, 1, 1, 100, 200));
    m.rejected(new WithdrawBid(1, 2), Rejection.UNKNOWN_BID);
    m.rejected(new WithdrawBid(3, 1), Rejection.UNKNOWN_AUCTION);
    BidWithdrawn w = m.event(m.ok(new WithdrawBid(1, 1)), BidWithdrawn.class);
    assertThat(w.releasedCents()).isEqualTo(20_000);
    assertThat(m.registry().freeCash(1)).isEqualTo(100_000);
    m.rejected(new ClosePeriod(1), Rejection.AUCTION_STILL_OPEN);
    AuctionCleared cleared = m.event(m.ok(new ClearAuction(1)), AuctionCleared.class);
    assertThat(cleared.soldPermits()).isZero();
    assertThat(cleared.clearingPriceCents()).isZero();
    m.rejected(new ClearAuction(1), Rejection.AUCTION_NOT_OPEN);
    m.rejected(new SubmitBid(1, 5, 1, 10, 200), Rejection.AUCTION_NOT_OPEN);
    m.rejected(new WithdrawBid(1, 1), Rejection.AUCTION_NOT_OPEN);
    m.rejected(new ClearAuction(2), Rejection.UNKNOWN_AUCTION);
    m.ok(new ClosePeriod(1));
  }
}
