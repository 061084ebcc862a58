package org.computecap.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.computecap.engine.Event;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.Rejection;
import org.computecap.engine.Snapshot;
import org.computecap.engine.auction.AuctionCancelled;
import org.computecap.engine.auction.AuctionCleared;
import org.computecap.engine.auction.AuctionOpened;
import org.computecap.engine.auction.AuctionPermitsDelivered;
import org.computecap.engine.auction.AuctionState;
import org.computecap.engine.auction.BidSettled;
import org.computecap.engine.auction.CostContainmentReleased;
import org.computecap.engine.auction.EmissionsContainmentWithheld;
import org.computecap.engine.auction.UnsoldPermitsMoved;
import org.computecap.engine.auction.UnsoldPermitsReoffered;
import org.computecap.engine.command.ClearAuction;
import org.computecap.engine.command.ClosePeriod;
import org.computecap.engine.command.OpenAuction;
import org.computecap.engine.command.SubmitBid;
import org.computecap.engine.registry.Hold;
import org.computecap.engine.registry.SystemAccount;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's auction supply rules, each hand-checked at and around its threshold. The base program
 * ({@link RulesMarket#program()}): caps 10,000 / 9,000 / 8,000, 60% free, so auction volumes 4,000
 * / 3,600 / 3,200; reserve price 100 cents; purchase limit 50% of an auction's supply.
 */
class AuctionSupplyRulesTest {
  private static final long RESERVE = SystemAccount.AUCTION_RESERVE.id();
  private static final long STABILITY = SystemAccount.STABILITY_RESERVE.id();

  /** The base program with {@code rules} added to its auction section (2-space indented YAML). */
  static String program(String rules) {
    String base = RulesMarket.program();
    String anchor = "  purchaseLimitPpm: 500000\n";
    StringBuilder indented = new StringBuilder();
    for (String line : rules.split("\n")) {
      indented.append("  ").append(line).append('\n');
    }
    return base.replace(anchor, anchor + indented);
  }

  private static RulesMarket market(String rules, int participants) {
    RulesMarket m = new RulesMarket(program(rules), 7);
    for (int id = 1; id <= participants; id++) {
      m.participant(id, 10_000_000);
    }
    return m;
  }

  private static AuctionState.Summary auction(RulesMarket m, long id) {
    return m.engine.state().auction().auction(id);
  }

  // ------------------------------------------------------------ escalating reserve price

  @Test
  void the_reserve_price_escalates_per_period_rounded_half_up_from_the_previous_period() {
    // 1,000 cents at 5%: period 1 1,000; period 2 1,050; period 3 1,102.5 -> 1,103 (half up).
    RulesMarket m =
        new RulesMarket(
            program("reservePriceEscalationPpm: 50000")
                .replace("reservePriceCents: 100", "reservePriceCents: 1000"),
            7);
    m.participant(1, 10_000_000);
    assertThat(m.engine.state().program().reservePriceCents(1)).isEqualTo(1_000);
    assertThat(m.engine.state().program().reservePriceCents(2)).isEqualTo(1_050);
    assertThat(m.engine.state().program().reservePriceCents(3)).isEqualTo(1_103);
    m.ok(new ClosePeriod(1));
    AuctionOpened opened = m.event(m.ok(new OpenAuction(1, 2, 1_000)), AuctionOpened.class);
    assertThat(opened.reservePriceCents()).isEqualTo(1_050);
    m.rejected(new SubmitBid(1, 1, 1, 10, 1_049), Rejection.BID_BELOW_RESERVE_PRICE);
    m.ok(new SubmitBid(1, 1, 1, 10, 1_050));
    assertThat(auction(m, 1).reservePriceCents()).isEqualTo(1_050);
    m.ok(new ClearAuction(1));
    m.ok(new ClosePeriod(2));
    m.ok(new OpenAuction(2, 3, 1_000));
    m.rejected(new SubmitBid(2, 1, 1, 10, 1_102), Rejection.BID_BELOW_RESERVE_PRICE);
    m.ok(new SubmitBid(2, 1, 1, 10, 1_103));
  }

  // ------------------------------------------------------------ unsold permits re-offered

  @Test
  void unsold_permits_are_reoffered_up_to_the_share_of_the_later_auctions_own_volume() {
    RulesMarket m = market("unsold:\n  policy: REOFFER\n  reofferMaxSharePpm: 250000", 3);
    m.ok(new OpenAuction(1, 1, 1_000));
    m.ok(new SubmitBid(1, 1, 1, 500, 200));
    m.ok(new SubmitBid(1, 2, 2, 100, 200));
    assertThat(m.event(m.ok(new ClearAuction(1)), AuctionCleared.class).unsoldPermits())
        .isEqualTo(400);
    // 999 own permits re-offer floor(999 · 25%) = 249 of the 400 waiting.
    List<Event> opened = m.ok(new OpenAuction(2, 1, 999));
    assertThat(m.event(opened, AuctionOpened.class).supplyPermits()).isEqualTo(999 + 249);
    assertThat(m.events(opened, UnsoldPermitsReoffered.class))
        .containsExactly(new UnsoldPermitsReoffered(2, 1, 249));
    // A third auction open at the same time re-offers only what the second does not: 151.
    List<Event> third = m.ok(new OpenAuction(3, 1, 1_000));
    assertThat(m.events(third, UnsoldPermitsReoffered.class))
        .containsExactly(new UnsoldPermitsReoffered(3, 1, 151));
    m.ok(new ClearAuction(2));
    m.ok(new ClearAuction(3));
    // Nothing was bid, so all 400 (plus both own volumes) wait in the reserve again.
    assertThat(m.registry().freePermits(RESERVE, 1)).isEqualTo(400 + 999 + 1_000);
  }

  @Test
  void reoffered_permits_keep_their_vintage_and_go_to_the_highest_bids_first() {
    RulesMarket m = market("unsold:\n  policy: REOFFER", 3);
    m.ok(new OpenAuction(1, 1, 1_000));
    m.ok(new SubmitBid(1, 1, 1, 400, 200));
    m.ok(new ClearAuction(1));
    m.ok(new ClosePeriod(1));
    // Period 2: 600 unsold vintage-1 permits wait; an auction of 1,000 re-offers all of them.
    AuctionOpened opened = m.event(m.ok(new OpenAuction(2, 2, 1_000)), AuctionOpened.class);
    assertThat(opened.supplyPermits()).isEqualTo(1_600);
    assertThat(opened.purchaseLimitPermits()).isEqualTo(800);
    m.ok(new SubmitBid(2, 1, 1, 700, 300));
    m.ok(new SubmitBid(2, 2, 2, 800, 400));
    m.ok(new SubmitBid(2, 3, 3, 100, 300));
    List<Event> cleared = m.ok(new ClearAuction(2));
    // Bid 2 (the highest) takes the 600 of vintage 1 first, then 200 of vintage 2.
    assertThat(m.events(cleared, AuctionPermitsDelivered.class))
        .containsExactly(
            new AuctionPermitsDelivered(2, 1, 1, 2, 700),
            new AuctionPermitsDelivered(2, 2, 2, 1, 600),
            new AuctionPermitsDelivered(2, 2, 2, 2, 200),
            new AuctionPermitsDelivered(2, 3, 3, 2, 100));
    assertThat(m.registry().freePermits(2, 1)).isEqualTo(600);
    assertThat(m.registry().freePermits(RESERVE, 1)).isZero();
    assertThat(m.registry().freePermits(RESERVE, 2)).isZero();
    assertThat(auction(m, 2).reofferedPermits()).isEqualTo(600);
  }

  @Test
  void under_the_stability_reserve_policy_unsold_permits_move_there_at_clearing() {
    RulesMarket m = market("unsold:\n  policy: TO_STABILITY_RESERVE", 1);
    assertThat(m.registry().exists(STABILITY)).isTrue();
    m.ok(new OpenAuction(1, 1, 1_000));
    m.ok(new SubmitBid(1, 1, 1, 300, 200));
    List<Event> events = m.ok(new ClearAuction(1));
    assertThat(m.events(events, UnsoldPermitsMoved.class))
        .containsExactly(new UnsoldPermitsMoved(1, STABILITY, 1, 700));
    assertThat(m.registry().freePermits(STABILITY, 1)).isEqualTo(700);
    assertThat(m.registry().freePermits(RESERVE, 1)).isZero();
  }

  @Test
  void the_stability_reserve_account_is_opened_only_for_a_program_that_uses_it() {
    RulesMarket m = market("unsold:\n  policy: REOFFER", 0);
    assertThat(m.registry().exists(STABILITY)).isFalse();
  }

  // ------------------------------------------------------------ cancellation

  @Test
  void an_auction_whose_bids_fall_one_permit_short_of_its_supply_is_cancelled() {
    RulesMarket m = market("cancelWhenUndersubscribed: true", 3);
    m.ok(new OpenAuction(1, 1, 1_000));
    m.ok(new SubmitBid(1, 1, 1, 500, 300));
    m.ok(new SubmitBid(1, 2, 2, 499, 200));
    List<Event> events = m.ok(new ClearAuction(1));
    assertThat(m.event(events, AuctionCancelled.class))
        .isEqualTo(new AuctionCancelled(1, 1, 999, 1_000));
    AuctionCleared cleared = m.event(events, AuctionCleared.class);
    assertThat(cleared.soldPermits()).isZero();
    assertThat(cleared.unsoldPermits()).isEqualTo(1_000);
    assertThat(cleared.clearingPriceCents()).isZero();
    assertThat(m.events(events, BidSettled.class))
        .extracting(BidSettled::releasedCents)
        .containsExactly(150_000L, 99_800L);
    assertThat(m.registry().reservedCash(1, Hold.AUCTION)).isZero();
    assertThat(m.registry().freeCash(1)).isEqualTo(10_000_000);
    assertThat(auction(m, 1).cancelled()).isTrue();
    assertThat(m.registry().freePermits(RESERVE, 1)).isEqualTo(1_000);
  }

  @Test
  void an_auction_whose_bids_exactly_cover_its_supply_is_not_cancelled() {
    RulesMarket m = market("cancelWhenUndersubscribed: true", 3);
    m.ok(new OpenAuction(1, 1, 1_000));
    m.ok(new SubmitBid(1, 1, 1, 500, 300));
    m.ok(new SubmitBid(1, 2, 2, 500, 200));
    List<Event> events = m.ok(new ClearAuction(1));
    assertThat(m.events(events, AuctionCancelled.class)).isEmpty();
    assertThat(m.event(events, AuctionCleared.class).soldPermits()).isEqualTo(1_000);
  }

  @Test
  void a_cancelled_auctions_whole_supply_follows_the_unsold_policy() {
    RulesMarket m =
        market("cancelWhenUndersubscribed: true\nunsold:\n  policy: TO_STABILITY_RESERVE", 2);
    m.ok(new OpenAuction(1, 1, 1_000));
    m.ok(new SubmitBid(1, 1, 1, 300, 300));
    m.ok(new SubmitBid(1, 2, 1, 200, 250));
    m.ok(new SubmitBid(1, 3, 2, 499, 200));
    List<Event> events = m.ok(new ClearAuction(1));
    assertThat(m.event(events, AuctionCancelled.class).demandPermits()).isEqualTo(999);
    // The whole supply is unsold and follows the policy.
    assertThat(m.registry().freePermits(STABILITY, 1)).isEqualTo(1_000);
  }

  // ------------------------------------------------------------ cost containment (CCR)

  private static final String CCR =
      "costContainment:\n  triggerPriceCents: 500\n  volume: 300\n  escalationPpm: 70000";

  @Test
  void demand_exactly_equal_to_the_supply_at_the_cost_trigger_releases_nothing() {
    RulesMarket m = market(CCR, 3);
    m.ok(new OpenAuction(1, 1, 1_000));
    m.ok(new SubmitBid(1, 1, 1, 500, 600));
    m.ok(new SubmitBid(1, 2, 2, 500, 500));
    List<Event> events = m.ok(new ClearAuction(1));
    assertThat(m.events(events, CostContainmentReleased.class)).isEmpty();
    AuctionCleared cleared = m.event(events, AuctionCleared.class);
    assertThat(cleared.clearingPriceCents()).isEqualTo(500);
    assertThat(cleared.soldPermits()).isEqualTo(1_000);
  }

  @Test
  void one_permit_more_demanded_at_the_cost_trigger_releases_exactly_one() {
    RulesMarket m = market(CCR, 3);
    m.ok(new OpenAuction(1, 1, 1_000));
    m.ok(new SubmitBid(1, 1, 1, 500, 600));
    m.ok(new SubmitBid(1, 2, 2, 500, 500));
    m.ok(new SubmitBid(1, 3, 3, 1, 500));
    List<Event> events = m.ok(new ClearAuction(1));
    assertThat(m.event(events, CostContainmentReleased.class))
        .isEqualTo(new CostContainmentReleased(1, 1, 500, 1));
    AuctionCleared cleared = m.event(events, AuctionCleared.class);
    assertThat(cleared.clearingPriceCents()).isEqualTo(500);
    assertThat(cleared.soldPermits()).isEqualTo(1_001);
    assertThat(cleared.unsoldPermits()).isZero();
    assertThat(m.registry().issued(1)).isEqualTo(1_001);
  }

  @Test
  void a_bid_one_cent_below_the_cost_trigger_does_not_count_towards_releasing_it() {
    RulesMarket m = market(CCR, 3);
    m.ok(new OpenAuction(1, 1, 1_000));
    m.ok(new SubmitBid(1, 1, 1, 500, 600));
    m.ok(new SubmitBid(1, 2, 2, 500, 500));
    m.ok(new SubmitBid(1, 3, 3, 1, 499));
    List<Event> events = m.ok(new ClearAuction(1));
    assertThat(m.events(events, CostContainmentReleased.class)).isEmpty();
    assertThat(m.event(events, AuctionCleared.class).soldPermits()).isEqualTo(1_000);
  }

  @Test
  void the_whole_cost_reserve_is_sold_when_demand_at_the_trigger_exceeds_supply_plus_reserve() {
    // Purchase limit 500 each. D(500) = 1,500 > 1,000: supply min(1,300, 1,500) = 1,300, which
    // the bids at 700, 600 and 550 exhaust: 500 + 500 + 300 at 550 (without the reserve: 600).
    RulesMarket m = market(CCR, 4);
    m.ok(new OpenAuction(1, 1, 1_000));
    m.ok(new SubmitBid(1, 1, 1, 500, 700));
    m.ok(new SubmitBid(1, 2, 2, 500, 600));
    m.ok(new SubmitBid(1, 3, 3, 500, 550));
    m.ok(new SubmitBid(1, 4, 4, 500, 400));
    List<Event> events = m.ok(new ClearAuction(1));
    assertThat(m.event(events, CostContainmentReleased.class).permits()).isEqualTo(300);
    AuctionCleared cleared = m.event(events, AuctionCleared.class);
    assertThat(cleared.clearingPriceCents()).isEqualTo(550);
    assertThat(cleared.soldPermits()).isEqualTo(1_300);
    assertThat(m.events(events, BidSettled.class))
        .extracting(BidSettled::wonPermits)
        .containsExactly(500L, 500L, 300L, 0L);
    assertThat(auction(m, 1).releasedPermits()).isEqualTo(300);
  }

  @Test
  void the_cost_reserve_is_sold_only_at_or_above_its_trigger_and_once_per_period() {
    // D(500) = 1,100: supply min(1,300, 1,100) = 1,100, so the bid at 400 gets nothing and the
    // price is 500 (without the reserve: 1,000 sold at 600). 200 of the 300 remain this period.
    RulesMarket m = market(CCR, 4);
    m.ok(new OpenAuction(1, 1, 1_000));
    m.ok(new SubmitBid(1, 1, 1, 500, 700));
    m.ok(new SubmitBid(1, 2, 2, 500, 600));
    m.ok(new SubmitBid(1, 3, 3, 100, 500));
    m.ok(new SubmitBid(1, 4, 4, 500, 400));
    List<Event> events = m.ok(new ClearAuction(1));
    assertThat(m.event(events, CostContainmentReleased.class).permits()).isEqualTo(100);
    assertThat(m.event(events, AuctionCleared.class).clearingPriceCents()).isEqualTo(500);
    assertThat(m.events(events, BidSettled.class))
        .extracting(BidSettled::wonPermits)
        .containsExactly(500L, 500L, 100L, 0L);
    // The period's auction volume is 4,000 less the 300 reserve.
    m.rejected(new OpenAuction(2, 1, 2_701), Rejection.AUCTION_VOLUME_EXCEEDED);
    m.ok(new OpenAuction(2, 1, 1_000));
    m.ok(new SubmitBid(2, 1, 1, 500, 900));
    m.ok(new SubmitBid(2, 2, 2, 500, 900));
    m.ok(new SubmitBid(2, 3, 3, 500, 900));
    events = m.ok(new ClearAuction(2));
    assertThat(m.event(events, CostContainmentReleased.class).permits()).isEqualTo(200);
    // Next period the reserve is 300 again and the trigger 500 · 1.07 = 535.
    m.ok(new ClosePeriod(1));
    m.ok(new OpenAuction(3, 2, 1_000));
    m.ok(new SubmitBid(3, 1, 1, 500, 600));
    m.ok(new SubmitBid(3, 2, 2, 500, 534));
    m.ok(new SubmitBid(3, 3, 3, 500, 534));
    assertThat(m.events(m.ok(new ClearAuction(3)), CostContainmentReleased.class)).isEmpty();
    m.ok(new OpenAuction(4, 2, 1_000));
    m.ok(new SubmitBid(4, 1, 1, 500, 600));
    m.ok(new SubmitBid(4, 2, 2, 500, 535));
    m.ok(new SubmitBid(4, 3, 3, 500, 535));
    assertThat(m.event(m.ok(new ClearAuction(4)), CostContainmentReleased.class))
        .isEqualTo(new CostContainmentReleased(4, 2, 535, 300));
  }

  // ------------------------------------------------------------ emissions containment (ECR)

  private static final String ECR =
      "emissionsContainment:\n  triggerPriceCents: 300\n  volume: 200\n  escalationPpm: 70000";

  @Test
  void demand_exactly_covering_the_supply_at_the_emissions_trigger_withholds_nothing() {
    RulesMarket m = market(ECR, 3);
    m.ok(new OpenAuction(1, 1, 1_000));
    m.ok(new SubmitBid(1, 1, 1, 500, 300));
    m.ok(new SubmitBid(1, 2, 2, 500, 300));
    m.ok(new SubmitBid(1, 3, 3, 100, 200));
    List<Event> events = m.ok(new ClearAuction(1));
    assertThat(m.events(events, EmissionsContainmentWithheld.class)).isEmpty();
    assertThat(m.event(events, AuctionCleared.class).clearingPriceCents()).isEqualTo(300);
  }

  @Test
  void one_permit_short_at_the_emissions_trigger_withholds_one_and_clears_at_the_trigger() {
    // D(300) = 999 < 1,000: W = min(200, 1) = 1; supply 999 clears at 300 and the bid at 200
    // gets nothing (without the reserve: 1,000 sold at 200).
    RulesMarket m = market(ECR, 3);
    m.ok(new OpenAuction(1, 1, 1_000));
    m.ok(new SubmitBid(1, 1, 1, 500, 300));
    m.ok(new SubmitBid(1, 2, 2, 499, 300));
    m.ok(new SubmitBid(1, 3, 3, 100, 200));
    List<Event> events = m.ok(new ClearAuction(1));
    assertThat(m.events(events, EmissionsContainmentWithheld.class))
        .containsExactly(new EmissionsContainmentWithheld(1, 1, 300, 1, 1));
    AuctionCleared cleared = m.event(events, AuctionCleared.class);
    assertThat(cleared.clearingPriceCents()).isEqualTo(300);
    assertThat(cleared.soldPermits()).isEqualTo(999);
    assertThat(cleared.unsoldPermits()).isZero();
    assertThat(m.registry().cancelledTotal()).isEqualTo(1);
  }

  @Test
  void the_emissions_reserve_withholds_at_most_its_volume_and_the_auction_then_clears_below() {
    // D(300) = 700: W = min(200, 300) = 200; supply 800 sells 700 at 300+ and 100 at 150.
    RulesMarket m = market(ECR, 3);
    m.ok(new OpenAuction(1, 1, 1_000));
    m.ok(new SubmitBid(1, 1, 1, 400, 400));
    m.ok(new SubmitBid(1, 2, 2, 300, 300));
    m.ok(new SubmitBid(1, 3, 3, 500, 150));
    List<Event> events = m.ok(new ClearAuction(1));
    assertThat(m.event(events, EmissionsContainmentWithheld.class).permits()).isEqualTo(200);
    AuctionCleared cleared = m.event(events, AuctionCleared.class);
    assertThat(cleared.clearingPriceCents()).isEqualTo(150);
    assertThat(cleared.soldPermits()).isEqualTo(800);
    assertThat(m.registry().freePermits(SystemAccount.CANCELLATION.id(), 1)).isEqualTo(200);
    // The period's volume is spent: a second weak auction withholds nothing more.
    m.ok(new OpenAuction(2, 1, 1_000));
    m.ok(new SubmitBid(2, 1, 1, 10, 150));
    List<Event> second = m.ok(new ClearAuction(2));
    assertThat(m.events(second, EmissionsContainmentWithheld.class)).isEmpty();
    assertThat(m.event(second, AuctionCleared.class).unsoldPermits()).isEqualTo(990);
    assertThat(auction(m, 1).withheldPermits()).isEqualTo(200);
  }

  // ------------------------------------------------------------ replay and snapshots

  @Test
  void a_snapshot_of_a_market_with_every_rule_restores_to_the_same_hash() {
    RulesMarket m =
        market(
            "reservePriceEscalationPpm: 50000\ncancelWhenUndersubscribed: false\n"
                + "unsold:\n  policy: REOFFER\n  reofferMaxSharePpm: 500000\n"
                + CCR
                + "\n"
                + ECR,
            3);
    m.ok(new OpenAuction(1, 1, 1_000));
    m.ok(new SubmitBid(1, 1, 1, 300, 400));
    m.ok(new ClearAuction(1));
    m.ok(new OpenAuction(2, 1, 1_000));
    m.ok(new SubmitBid(2, 1, 2, 100, 250));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Snapshot.write(m.engine, new byte[32], out);
    Snapshot restored =
        Snapshot.read(new ByteArrayInputStream(out.toByteArray()), ProgramParser.standard());
    assertThat(restored.stateHash()).isEqualTo(m.engine.state().stateHash());
    assertThat(restored.engine().state().auction().auction(2))
        .isEqualTo(m.engine.state().auction().auction(2));
  }
}
