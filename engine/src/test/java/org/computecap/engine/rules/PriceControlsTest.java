package org.computecap.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.computecap.engine.Engine;
import org.computecap.engine.Event;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.Rejection;
import org.computecap.engine.Snapshot;
import org.computecap.engine.auction.CeilingPermitsSold;
import org.computecap.engine.auction.PriceContainmentReserveIssued;
import org.computecap.engine.auction.ReserveBidSettled;
import org.computecap.engine.auction.ReserveSaleCleared;
import org.computecap.engine.command.BuyAtCeiling;
import org.computecap.engine.command.ClearAuction;
import org.computecap.engine.command.ClearReserveSale;
import org.computecap.engine.command.ClosePeriod;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenAuction;
import org.computecap.engine.command.OpenReserveSale;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.SubmitBid;
import org.computecap.engine.command.SubmitReport;
import org.computecap.engine.command.SubmitReserveBid;
import org.computecap.engine.command.SurrenderPermits;
import org.computecap.engine.command.TransferPermits;
import org.computecap.engine.program.ProgramLoader;
import org.computecap.engine.program.Workload;
import org.computecap.engine.registry.SystemAccount;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's price containment reserve and price ceiling, hand-checked at and around each
 * threshold. The base program ({@link RulesMarket#program()}): cap 10,000 in period 1, 60% free, so
 * 4,000 to auction before the reserve's 150 are carved out; lambda 1 (unevaluated is L). The
 * reserve: 100 permits at 1,000 cents, then 50 at 1,500; a sale needs the last auction to have
 * cleared at >= 60% of 1,000 = 600 cents. The ceiling: 2,000 cents, +5% a period.
 */
class PriceControlsTest {
  static final String CONTROLS =
      """
      priceContainment:
        triggerSharePpm: 600000
        tiers:
          - volumePermits: 100
            priceCents: 1000
          - volumePermits: 50
            priceCents: 1500
      priceCeiling:
        priceCents: 2000
        escalationPpm: 50000
      """;
  private static final long PCR = SystemAccount.PRICE_CONTAINMENT_RESERVE.id();
  private static final long TREASURY = SystemAccount.TREASURY.id();

  private static RulesMarket market(String controls) {
    RulesMarket m = new RulesMarket(RulesMarket.program() + controls, 7);
    for (long id = 1; id <= 3; id++) {
      m.participant(id, 10_000_000);
    }
    return m;
  }

  /**
   * An auction of 10 permits whose one bid, account 3's for 5 (its purchase limit), sets the
   * clearing price.
   */
  private static void auctionClearingAt(RulesMarket m, long id, long priceCents) {
    m.ok(new OpenAuction(id, m.engine.state().currentPeriod(), 10));
    m.ok(new SubmitBid(id, 1, 3, 5, priceCents));
    m.ok(new ClearAuction(id));
  }

  private static void report(RulesMarket m, long account, long quantity) {
    m.ok(new SubmitReport(account, m.engine.state().currentPeriod(), Workload.TRAINING, quantity));
  }

  @Test
  void the_reserve_is_issued_at_genesis_out_of_the_first_periods_auction_volume() {
    RulesMarket m = new RulesMarket(RulesMarket.program() + CONTROLS, 7);
    assertThat(m.registry().freePermits(PCR, 1)).isEqualTo(150);
    assertThat(m.engine.state().program().auctionVolumePermits(1)).isEqualTo(4_000 - 150);
    assertThat(m.engine.state().program().auctionVolumePermits(2)).isEqualTo(3_600);
    assertThat(m.registry().remainingCap(1)).isEqualTo(10_000 - 150);
    m.rejected(new OpenAuction(1, 1, 3_851), Rejection.AUCTION_VOLUME_EXCEEDED);
    m.ok(new OpenAuction(1, 1, 3_850));
  }

  @Test
  void the_genesis_event_names_the_reserve() {
    Engine e = new Engine(ProgramParser.standard());
    List<Event> events =
        e.apply(
                1,
                new org.computecap.engine.command.OpenMarket(RulesMarket.program() + CONTROLS, 1))
            .events();
    assertThat(events).contains(new PriceContainmentReserveIssued(1, 150));
  }

  @Test
  void a_sale_opens_only_when_the_last_auction_cleared_at_the_trigger_share_or_above() {
    RulesMarket m = market(CONTROLS);
    m.rejected(new OpenReserveSale(1, 1), Rejection.RESERVE_SALE_NOT_TRIGGERED);
    auctionClearingAt(m, 1, 599);
    m.rejected(new OpenReserveSale(1, 1), Rejection.RESERVE_SALE_NOT_TRIGGERED);
    auctionClearingAt(m, 2, 600);
    m.ok(new OpenReserveSale(1, 1));
    m.rejected(new OpenReserveSale(1, 1), Rejection.RESERVE_SALE_ALREADY_EXISTS);
    m.rejected(new OpenReserveSale(2, 1), Rejection.RESERVE_SALE_ALREADY_OPEN);
    m.rejected(new OpenReserveSale(2, 2), Rejection.PERIOD_NOT_STARTED);
  }

  @Test
  void only_participants_with_an_unmet_obligation_may_bid_and_only_up_to_it() {
    RulesMarket m = market(CONTROLS);
    auctionClearingAt(m, 1, 700);
    m.ok(new OpenReserveSale(1, 1));
    // Account 1 reported nothing: no obligation.
    m.rejected(new SubmitReserveBid(1, 1, 1, 1), Rejection.NO_UNMET_OBLIGATION);
    // Account 3 won 5 permits in the auction; it reports 25, so 20 are unmet.
    report(m, 3, 25);
    m.rejected(new SubmitReserveBid(1, 1, 3, 21), Rejection.ABOVE_UNMET_OBLIGATION);
    m.ok(new SubmitReserveBid(1, 1, 3, 20));
    // Its open bid counts against what is unmet.
    m.rejected(new SubmitReserveBid(1, 2, 3, 1), Rejection.NO_UNMET_OBLIGATION);
    m.rejected(new SubmitReserveBid(1, 1, 3, 1), Rejection.DUPLICATE_BID_ID);
    m.ok(new OpenAccount(9, "regulator", Role.REGULATOR));
    m.rejected(new SubmitReserveBid(1, 3, 9, 1), Rejection.ROLE_NOT_PERMITTED);
    m.rejected(new SubmitReserveBid(1, 3, 8, 1), Rejection.UNKNOWN_ACCOUNT);
    m.rejected(new SubmitReserveBid(2, 3, 3, 1), Rejection.UNKNOWN_RESERVE_SALE);
    // Permits surrendered for the period count as covered, as held ones do: account 3 had won
    // 5, and gives 2 to account 2, which surrenders 1 and holds 1.
    report(m, 2, 40);
    m.ok(new TransferPermits(3, 2, 1, 2));
    m.ok(new SurrenderPermits(2, 1, 1));
    m.rejected(new SubmitReserveBid(1, 4, 2, 39), Rejection.ABOVE_UNMET_OBLIGATION);
    m.ok(new SubmitReserveBid(1, 4, 2, 38));
  }

  // Before, tiers sold to the bids in submission order: bid 1 got all 90 of its permits at 1,000
  // and bid 2 the rest of tier 1 and tier 2; California fills an oversubscribed tier pro rata.
  @Test
  void clearing_sells_the_tiers_in_ascending_price_an_oversubscribed_tier_pro_rata() {
    RulesMarket m = saleWithBids(90, 200);
    // Each bid reserves its quantity at the highest tier price, 1,500 cents.
    assertThat(m.registry().freeCash(1)).isEqualTo(10_000_000 - 90 * 1_500);
    long treasury = m.registry().freeCash(TREASURY);
    List<Event> events = m.ok(new ClearReserveSale(1));
    // Tier 1 (100 for 290): 9,000/290 = 31 r 10, 20,000/290 = 68 r 280: the 100th permit to
    // bid 2. Tier 2 (50 for 59 + 131 = 190): 2,950/190 = 15 r 100, 6,550/190 = 34 r 90: the
    // 50th to bid 1. Bid 1: 31 at 1,000 + 16 at 1,500; bid 2: 69 at 1,000 + 34 at 1,500.
    assertThat(m.events(events, ReserveBidSettled.class))
        .containsExactly(
            new ReserveBidSettled(1, 1, 1, 47, 55_000, 90 * 1_500 - 55_000),
            new ReserveBidSettled(1, 2, 2, 103, 120_000, 200 * 1_500 - 120_000));
    assertThat(m.event(events, ReserveSaleCleared.class))
        .isEqualTo(new ReserveSaleCleared(1, 1, 150, 175_000, 0));
    assertThat(m.registry().freeCash(TREASURY) - treasury).isEqualTo(175_000);
    assertThat(m.registry().freeCash(1)).isEqualTo(10_000_000 - 55_000);
    assertThat(m.registry().freePermits(1, 1)).isEqualTo(47);
    assertThat(m.registry().freePermits(PCR, 1)).isZero();
    m.rejected(new ClearReserveSale(1), Rejection.RESERVE_SALE_NOT_OPEN);
    m.rejected(new SubmitReserveBid(1, 3, 2, 1), Rejection.RESERVE_SALE_NOT_OPEN);
    m.rejected(new OpenReserveSale(2, 1), Rejection.PRICE_CONTAINMENT_RESERVE_EXHAUSTED);
  }

  // At the boundary: bids asking exactly tier 1's 100 fill from it alone; one permit more makes
  // it oversubscribed, and the bid whose share lost less to flooring gets the 100th.
  @Test
  void a_tier_asked_for_exactly_fills_every_bid_and_one_permit_more_shares_it_pro_rata() {
    RulesMarket exact = saleWithBids(40, 60);
    assertThat(exact.events(exact.ok(new ClearReserveSale(1)), ReserveBidSettled.class))
        .extracting(ReserveBidSettled::permits, ReserveBidSettled::paidCents)
        .containsExactly(tuple(40L, 40_000L), tuple(60L, 60_000L));

    RulesMarket over = saleWithBids(41, 60);
    // 4,100/101 = 40 r 60 and 6,000/101 = 59 r 41: bid 1 gets the 100th; bid 2's last permit
    // comes from tier 2 at 1,500.
    assertThat(over.events(over.ok(new ClearReserveSale(1)), ReserveBidSettled.class))
        .extracting(ReserveBidSettled::permits, ReserveBidSettled::paidCents)
        .containsExactly(tuple(41L, 41_000L), tuple(60L, 59_000L + 1_500L));
  }

  /**
   * A market whose sale 1 is open after an auction at 1,200 cents, with bid {@code i + 1} of
   * account {@code i + 1} for {@code quantities[i]} permits, each its whole reported obligation.
   */
  private static RulesMarket saleWithBids(long... quantities) {
    RulesMarket m = market(CONTROLS);
    auctionClearingAt(m, 1, 1_200);
    for (int i = 0; i < quantities.length; i++) {
      report(m, i + 1, quantities[i]);
    }
    m.ok(new OpenReserveSale(1, 1));
    for (int i = 0; i < quantities.length; i++) {
      m.ok(new SubmitReserveBid(1, i + 1, i + 1, quantities[i]));
    }
    return m;
  }

  @Test
  void unsold_tier_permits_stay_in_the_reserve_for_a_later_periods_sale() {
    RulesMarket m = market(CONTROLS);
    auctionClearingAt(m, 1, 600);
    report(m, 1, 30);
    m.ok(new OpenReserveSale(1, 1));
    m.ok(new SubmitReserveBid(1, 1, 1, 30));
    // A period with an open reserve sale cannot close: the sale is before the deadline.
    m.rejected(new ClosePeriod(1), Rejection.AUCTION_STILL_OPEN);
    m.ok(new ClearReserveSale(1));
    assertThat(m.engine.state().auction().priceContainmentRemaining()).isEqualTo(120);
    m.ok(new ClosePeriod(1));
    // The last auction (period 1's, at 600) still triggers; the tier-1 rest goes first.
    report(m, 1, 100);
    m.ok(new OpenReserveSale(2, 2));
    m.ok(new SubmitReserveBid(2, 1, 1, 80));
    List<Event> events = m.ok(new ClearReserveSale(2));
    assertThat(m.event(events, ReserveBidSettled.class).paidCents())
        .isEqualTo(70 * 1_000 + 10 * 1_500);
    assertThat(m.engine.state().auction().priceContainmentRemaining()).isEqualTo(40);
  }

  @Test
  void the_ceiling_sells_above_the_cap_only_after_the_reserve_and_only_the_shortfall() {
    RulesMarket m = market(CONTROLS);
    auctionClearingAt(m, 1, 1_000);
    report(m, 1, 200);
    m.rejected(new BuyAtCeiling(1, 1), Rejection.PRICE_CONTAINMENT_NOT_EXHAUSTED);
    m.ok(new OpenReserveSale(1, 1));
    m.ok(new SubmitReserveBid(1, 1, 1, 150));
    m.ok(new ClearReserveSale(1));
    // 200 reported, 150 bought: 50 short.
    m.rejected(new BuyAtCeiling(2, 1), Rejection.NO_UNMET_OBLIGATION);
    m.rejected(new BuyAtCeiling(1, 51), Rejection.ABOVE_UNMET_OBLIGATION);
    long issued = m.registry().issuedTotal();
    long treasury = m.registry().freeCash(TREASURY);
    List<Event> events = m.ok(new BuyAtCeiling(1, 50));
    assertThat(m.event(events, CeilingPermitsSold.class))
        .isEqualTo(new CeilingPermitsSold(1, 1, 50, 2_000, 100_000));
    assertThat(m.registry().issuedTotal() - issued).isEqualTo(50);
    assertThat(m.registry().ceilingIssuedTotal()).isEqualTo(50);
    assertThat(m.registry().freeCash(TREASURY) - treasury).isEqualTo(100_000);
    // Ceiling units leave the cap's room untouched.
    assertThat(m.registry().remainingCap(1)).isEqualTo(10_000 - 150 - 10);
    m.rejected(new BuyAtCeiling(1, 1), Rejection.NO_UNMET_OBLIGATION);
    m.ok(new SurrenderPermits(1, 1, 200));
    m.ok(new ClosePeriod(1));
    assertThat(m.engine.state().compliance().assessment(1, 1).shortfallPermits()).isZero();
    // The ceiling escalates: 2,100 cents in period 2; cash must cover it.
    report(m, 1, 10);
    assertThat(m.event(m.ok(new BuyAtCeiling(1, 1)), CeilingPermitsSold.class).priceCents())
        .isEqualTo(2_100);
    m.ok(new OpenAccount(5, "poor", Role.PARTICIPANT));
    report(m, 5, 10);
    m.rejected(new BuyAtCeiling(5, 1), Rejection.INSUFFICIENT_CASH);
  }

  @Test
  void without_a_reserve_the_ceiling_sells_at_once_and_without_controls_both_are_refused() {
    String ceilingOnly = "priceCeiling:\n  priceCents: 2000\n";
    RulesMarket m = market(ceilingOnly);
    report(m, 1, 5);
    m.ok(new BuyAtCeiling(1, 5));
    m.rejected(new OpenReserveSale(1, 1), Rejection.PRICE_CONTAINMENT_NOT_IN_PROGRAM);
    RulesMarket none = market("");
    none.rejected(new BuyAtCeiling(1, 1), Rejection.PRICE_CEILING_NOT_IN_PROGRAM);
    none.rejected(new OpenReserveSale(1, 1), Rejection.PRICE_CONTAINMENT_NOT_IN_PROGRAM);
    none.rejected(new SubmitReserveBid(1, 1, 1, 1), Rejection.UNKNOWN_RESERVE_SALE);
    assertThat(none.registry().exists(PCR)).isFalse();
  }

  @Test
  void a_snapshot_mid_sale_restores_and_a_replay_of_the_same_commands_gives_the_same_hash() {
    RulesMarket m = market(CONTROLS);
    RulesMarket replay = market(CONTROLS);
    List<Command> first =
        List.of(
            new OpenAuction(1, 1, 10),
            new SubmitBid(1, 1, 3, 5, 900),
            new ClearAuction(1),
            new SubmitReport(1, 1, Workload.TRAINING, 300),
            new OpenReserveSale(1, 1),
            new SubmitReserveBid(1, 1, 1, 100));
    List<Command> rest =
        List.of(
            new ClearReserveSale(1),
            new OpenReserveSale(2, 1),
            new SubmitReserveBid(2, 1, 1, 50),
            new ClearReserveSale(2),
            new BuyAtCeiling(1, 150));
    first.forEach(m::ok);
    assertThat(restored(m).stateHash()).isEqualTo(m.engine.state().stateHash());
    rest.forEach(m::ok);
    assertThat(restored(m).stateHash()).isEqualTo(m.engine.state().stateHash());
    first.forEach(replay::ok);
    rest.forEach(replay::ok);
    assertThat(replay.engine.stateHash()).isEqualTo(m.engine.stateHash());
    assertThat(m.registry().ceilingIssuedTotal()).isEqualTo(150);
  }

  private static Snapshot restored(RulesMarket m) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Snapshot.write(m.engine, new byte[32], out);
    return Snapshot.read(new ByteArrayInputStream(out.toByteArray()), ProgramParser.standard());
  }

  @Test
  void the_loader_names_the_field_and_the_rule_of_each_bad_value() {
    String base = RulesMarket.program();
    assertThatThrownBy(
            () ->
                ProgramLoader.parse(
                    "p.yaml",
                    base
                        + "priceContainment:\n  triggerSharePpm: 600000\n  tiers:\n"
                        + "    - {volumePermits: 10, priceCents: 1000}\n"
                        + "    - {volumePermits: 10, priceCents: 1000}\n"))
        .hasMessage(
            "p.yaml: priceContainment.tiers[1].priceCents: 1000 is not above the previous"
                + " tier's price");
    assertThatThrownBy(
            () ->
                ProgramLoader.parse(
                    "p.yaml",
                    base
                        + "priceContainment:\n  triggerSharePpm: 600000\n  tiers:\n"
                        + "    - {volumePermits: 4001, priceCents: 1000}\n"))
        .hasMessage(
            "p.yaml: priceContainment.tiers: 4001 permits exceed the first period's auction"
                + " volume 4000");
    assertThatThrownBy(
            () ->
                ProgramLoader.parse(
                    "p.yaml",
                    base.replace("banking: true", "banking: false")
                        + "priceContainment:\n  triggerSharePpm: 1\n  tiers:\n"
                        + "    - {volumePermits: 1, priceCents: 1000}\n"))
        .hasMessageContaining("priceContainment: needs banking: true");
    assertThatThrownBy(
            () -> ProgramLoader.parse("p.yaml", base + "priceContainment:\n  tiers: []\n"))
        .hasMessageContaining("priceContainment.tiers: expected a non-empty list");
    assertThatThrownBy(
            () ->
                ProgramLoader.parse(
                    "p.yaml",
                    base
                        + "priceContainment:\n  triggerSharePpm: 1000001\n  tiers:\n"
                        + "    - {volumePermits: 1, priceCents: 1000}\n"))
        .hasMessageContaining("priceContainment.triggerSharePpm");
    assertThatThrownBy(
            () ->
                ProgramLoader.parse(
                    "p.yaml", base + CONTROLS.replace("priceCents: 2000", "priceCents: 1500")))
        .hasMessage(
            "p.yaml: priceCeiling.priceCents: 1500 is not above the highest tier price 1500");
    // Issue 14: tiers escalate; the rate is a ppm in range, and the ceiling (2,000 at 5%: 2,100
    // in period 2) must stay above the highest tier (1,500) every period: at 39.9667% it reaches
    // 1,500 · 1.399667 = 2,100.0005 -> 2,100 and is refused (at 39.9666%, 2,099.499 -> 2,099,
    // but 2,938 in period 3 against 2,205); at the ceiling's own 5%, 1,575 then 1,654.
    String escalating =
        CONTROLS.replace(
            "triggerSharePpm: 600000", "triggerSharePpm: 600000\n  escalationPpm: 399667");
    assertThatThrownBy(() -> ProgramLoader.parse("p.yaml", base + escalating))
        .hasMessage(
            "p.yaml: priceContainment.escalationPpm: 399667 raises the highest tier price to 2100"
                + " cents in period 2, not below the price ceiling's 2100");
    assertThat(
            ProgramLoader.parse("p.yaml", base + escalating.replace("399667", "50000"))
                .tierPriceCents(1, 3))
        .isEqualTo(1_654);
    assertThatThrownBy(
            () -> ProgramLoader.parse("p.yaml", base + escalating.replace("399667", "1000001")))
        .hasMessageContaining("priceContainment.escalationPpm");
    assertThatThrownBy(
            () -> ProgramLoader.parse("p.yaml", base + "priceCeiling:\n  priceCents: 0\n"))
        .hasMessageContaining("priceCeiling.priceCents");
    assertThatThrownBy(
            () -> ProgramLoader.parse("p.yaml", base + "priceCeiling:\n  priceCents: 5\n  x: 1\n"))
        .hasMessageContaining("priceCeiling.x");
  }
}
