package org.computecap.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.computecap.engine.Event;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.Rejection;
import org.computecap.engine.Snapshot;
import org.computecap.engine.auction.AuctionOpened;
import org.computecap.engine.auction.AuctionPermitsDelivered;
import org.computecap.engine.command.CancelPermits;
import org.computecap.engine.command.ClearAuction;
import org.computecap.engine.command.ClosePeriod;
import org.computecap.engine.command.IssuePermits;
import org.computecap.engine.command.OpenAuction;
import org.computecap.engine.command.SubmitBid;
import org.computecap.engine.registry.Registry;
import org.computecap.engine.registry.SystemAccount;
import org.computecap.engine.stability.StabilityBand;
import org.computecap.engine.stability.StabilityPermitsInvalidated;
import org.computecap.engine.stability.StabilityPermitsReleased;
import org.computecap.engine.stability.StabilityReserveHandler;
import org.computecap.engine.stability.StabilityReserveSettled;
import org.computecap.engine.stability.StabilityState;
import org.junit.jupiter.api.Test;

/**
 * The stability reserve (issue 14, EU MSR type) through the engine, hand-checked at and around each
 * threshold. The base program ({@link RulesMarket#program()}): caps 10,000 / 9,000 / 8,000, 60%
 * free, so auction volumes 4,000 / 3,600 / 3,200, banking on. The rule is the EU's scaled by 10^-6:
 * intake 24% of TNAC above 1,096, TNAC - 833 above 833, nothing from 400 to 833, a release of 100
 * below 400. TNAC is set by issuing permits to participant 1.
 */
class StabilityReserveTest {
  private static final long STABILITY = SystemAccount.STABILITY_RESERVE.id();
  private static final long RESERVE = SystemAccount.AUCTION_RESERVE.id();

  static final String EU_SCALED =
      """
      stabilityReserve:
        upperThresholdPermits: 1096
        lowerThresholdPermits: 833
        intakeRatePpm: 240000
        releaseThresholdPermits: 400
        releaseVolumePermits: 100
      """;

  private static RulesMarket market(String section) {
    RulesMarket m = new RulesMarket(RulesMarket.program() + section, 7);
    m.participant(1, 10_000_000);
    m.participant(2, 10_000_000);
    return m;
  }

  /** A market whose period 1 closes with participant 1 holding {@code tnac} permits. */
  private static StabilityReserveSettled closedWith(RulesMarket m, long tnac) {
    m.ok(new IssuePermits(1, 1, tnac));
    return m.event(m.ok(new ClosePeriod(1)), StabilityReserveSettled.class);
  }

  private static StabilityState stability(RulesMarket m) {
    return m.engine.state().feature(StabilityState.class);
  }

  /** What participant accounts hold, free or reserved: TNAC counted account by account. */
  private static long participantsHold(Registry r) {
    long sum = 0;
    for (long id : r.accountIds()) {
      if (id > 0) {
        sum += r.freePermitsTotal(id);
        for (int v = 1; v <= 4; v++) {
          sum += r.reservedPermits(id, v);
        }
      }
    }
    return sum;
  }

  private static void expectSettled(
      StabilityReserveSettled e,
      long tnac,
      StabilityBand band,
      long intake,
      long release,
      long invalidated,
      long reserveAfter) {
    assertThat(e)
        .isEqualTo(
            new StabilityReserveSettled(
                e.period(), tnac, band, intake, intake, release, invalidated, reserveAfter));
  }

  @Test
  void intake_at_and_around_the_upper_and_lower_thresholds_is_withheld_from_the_next_auctions() {
    // TNAC -> band, intake: 1,500 -> 24% = 360; 1,097 -> 263.28 -> 263; 1,096 -> 1,096 - 833 =
    // 263; 1,000 -> 167; 834 -> 1; 833 -> nothing.
    long[][] cases = {{1_500, 360}, {1_097, 263}, {1_096, 263}, {1_000, 167}, {834, 1}, {833, 0}};
    StabilityBand[] bands = {
      StabilityBand.RATE_INTAKE,
      StabilityBand.RATE_INTAKE,
      StabilityBand.EXCESS_INTAKE,
      StabilityBand.EXCESS_INTAKE,
      StabilityBand.EXCESS_INTAKE,
      StabilityBand.NO_ACTION
    };
    for (int i = 0; i < cases.length; i++) {
      long tnac = cases[i][0];
      long intake = cases[i][1];
      RulesMarket m = market(EU_SCALED);
      StabilityReserveSettled e = closedWith(m, tnac);
      expectSettled(e, tnac, bands[i], intake, 0, 0, intake);
      assertThat(e.period()).isEqualTo(1);
      // The intake is issued into the reserve as vintage 2, out of period 2's auction volume.
      assertThat(m.registry().freePermits(STABILITY, 2)).isEqualTo(intake);
      assertThat(m.registry().issued(2)).isEqualTo(intake);
      assertThat(stability(m).withheldFrom(2)).isEqualTo(intake);
      assertThat(StabilityReserveHandler.tnacPermits(m.registry())).isEqualTo(tnac);
      m.rejected(new OpenAuction(1, 2, 3_600 - intake + 1), Rejection.AUCTION_VOLUME_EXCEEDED);
      m.ok(new OpenAuction(1, 2, 3_600 - intake));
    }
  }

  @Test
  void nothing_happens_from_the_release_threshold_to_the_lower_one_and_a_release_starts_below() {
    RulesMarket m = market(EU_SCALED);
    expectSettled(closedWith(m, 400), 400, StabilityBand.NO_ACTION, 0, 0, 0, 0);
    m = market(EU_SCALED);
    // Below 400 the rule releases 100, but the reserve holds nothing: nothing is released.
    expectSettled(closedWith(m, 399), 399, StabilityBand.RELEASE, 0, 0, 0, 0);
    assertThat(stability(m).pendingRelease(2)).isZero();
  }

  @Test
  void a_release_goes_into_the_next_periods_first_auction_oldest_vintage_first() {
    RulesMarket m = market(EU_SCALED);
    closedWith(m, 1_500); // 360 withheld into the reserve as vintage 2
    // Period 2: participant 1 cancels 1,101 of its 1,500, so TNAC = 399 < 400: release 100.
    m.ok(new CancelPermits(1, 1, 1_101));
    StabilityReserveSettled e = m.event(m.ok(new ClosePeriod(2)), StabilityReserveSettled.class);
    assertThat(e)
        .isEqualTo(new StabilityReserveSettled(2, 399, StabilityBand.RELEASE, 0, 0, 100, 0, 260));
    // The release waits in the reserve for period 3's first auction.
    assertThat(m.registry().freePermitsTotal(STABILITY)).isEqualTo(360);
    assertThat(stability(m).pendingRelease(3)).isEqualTo(100);
    List<Event> opened = m.ok(new OpenAuction(1, 3, 1_000));
    assertThat(m.event(opened, AuctionOpened.class).supplyPermits()).isEqualTo(1_100);
    assertThat(m.events(opened, StabilityPermitsReleased.class))
        .containsExactly(new StabilityPermitsReleased(1, 3, 2, 100));
    assertThat(m.registry().freePermitsTotal(STABILITY)).isEqualTo(260);
    assertThat(m.registry().freePermits(RESERVE, 2)).isEqualTo(100);
    assertThat(m.engine.state().auction().auction(1).fromStabilityReservePermits()).isEqualTo(100);
    // Released permits are beyond the period's volume: the rest of its 3,200 is still offered.
    List<Event> second = m.ok(new OpenAuction(2, 3, 2_200));
    assertThat(m.event(second, AuctionOpened.class).supplyPermits()).isEqualTo(2_200);
    assertThat(m.events(second, StabilityPermitsReleased.class)).isEmpty();
    // The highest bid takes the released (older) vintage first.
    m.ok(new SubmitBid(1, 1, 2, 300, 200));
    m.ok(new SubmitBid(1, 2, 1, 200, 150));
    List<Event> cleared = m.ok(new ClearAuction(1));
    assertThat(m.events(cleared, AuctionPermitsDelivered.class))
        .containsExactly(
            new AuctionPermitsDelivered(1, 1, 2, 2, 100),
            new AuctionPermitsDelivered(1, 1, 2, 3, 200),
            new AuctionPermitsDelivered(1, 2, 1, 3, 200));
    assertThat(m.registry().freePermits(2, 2)).isEqualTo(100);
  }

  @Test
  void a_release_is_at_most_what_the_reserve_holds_and_lapses_without_an_auction() {
    RulesMarket m = market(EU_SCALED);
    closedWith(m, 900); // 900 - 833 = 67 withheld
    m.ok(new CancelPermits(1, 1, 501)); // TNAC 399
    StabilityReserveSettled e = m.event(m.ok(new ClosePeriod(2)), StabilityReserveSettled.class);
    assertThat(e.releasePermits()).isEqualTo(67);
    assertThat(e.reserveAfterPermits()).isZero();
    // No auction in period 3: the release lapses at its close and the permits stay in the reserve,
    // where the next settlement counts them (TNAC still 399, so 67 would be released again, but
    // period 3 is the last one).
    StabilityReserveSettled last = m.event(m.ok(new ClosePeriod(3)), StabilityReserveSettled.class);
    assertThat(last)
        .isEqualTo(new StabilityReserveSettled(3, 399, StabilityBand.RELEASE, 0, 0, 67, 0, 0));
    assertThat(m.registry().freePermitsTotal(STABILITY)).isEqualTo(67);
  }

  @Test
  void holdings_above_the_invalidation_limit_are_cancelled_at_the_close() {
    String limited = EU_SCALED + "  invalidationLimitPermits: 400\n";
    // 24% of 1,667 = 400.08 -> 400: exactly the limit, nothing invalidated.
    RulesMarket m = market(limited);
    expectSettled(closedWith(m, 1_667), 1_667, StabilityBand.RATE_INTAKE, 400, 0, 0, 400);
    // 24% of 1,669 = 400.56 -> 401: one above the limit.
    m = market(limited);
    long cancelledBefore = m.registry().cancelledTotal();
    List<Event> events;
    m.ok(new IssuePermits(1, 1, 1_669));
    events = m.ok(new ClosePeriod(1));
    expectSettled(
        m.event(events, StabilityReserveSettled.class),
        1_669,
        StabilityBand.RATE_INTAKE,
        401,
        0,
        1,
        400);
    assertThat(m.events(events, StabilityPermitsInvalidated.class))
        .containsExactly(new StabilityPermitsInvalidated(1, 2, 1));
    assertThat(m.registry().cancelledTotal() - cancelledBefore).isEqualTo(1);
    assertThat(m.registry().freePermitsTotal(STABILITY)).isEqualTo(400);
    // The withheld volume is the whole intake: the cancelled permit is not auctioned either.
    m.rejected(new OpenAuction(1, 2, 3_600 - 400), Rejection.AUCTION_VOLUME_EXCEEDED);
    m.ok(new OpenAuction(1, 2, 3_600 - 401));
  }

  @Test
  void intake_is_capped_by_the_next_periods_auction_volume_and_stops_after_the_last_period() {
    String all =
        EU_SCALED
            .replace("1096", "100")
            .replace("833", "100")
            .replace("240000", "1000000")
            .replace("Permits: 400", "Permits: 0");
    RulesMarket m = market(all);
    // TNAC 5,000: intake 100% = 5,000, but period 2 auctions only 3,600.
    StabilityReserveSettled e = closedWith(m, 5_000);
    assertThat(e.intakePermits()).isEqualTo(5_000);
    assertThat(e.withheldPermits()).isEqualTo(3_600);
    m.rejected(new OpenAuction(1, 2, 1), Rejection.AUCTION_VOLUME_EXCEEDED);
    e = m.event(m.ok(new ClosePeriod(2)), StabilityReserveSettled.class);
    assertThat(e.withheldPermits()).isEqualTo(3_200);
    e = m.event(m.ok(new ClosePeriod(3)), StabilityReserveSettled.class);
    assertThat(e.intakePermits()).isEqualTo(5_000);
    assertThat(e.withheldPermits()).isZero();
    assertThat(m.registry().issuedTotal()).isEqualTo(5_000 + 3_600 + 3_200);
  }

  @Test
  void tnac_is_what_participants_hold_free_or_reserved_and_excludes_every_reserve() {
    RulesMarket m = market(EU_SCALED);
    m.ok(new IssuePermits(1, 1, 700));
    m.ok(new OpenAuction(1, 1, 1_000));
    m.ok(new SubmitBid(1, 1, 2, 400, 150));
    m.ok(new ClearAuction(1)); // 400 to participant 2, 600 unsold stay in the auction reserve
    m.ok(new CancelPermits(1, 1, 50));
    Registry r = m.registry();
    assertThat(StabilityReserveHandler.tnacPermits(r))
        .isEqualTo(1_050)
        .isEqualTo(participantsHold(r));
    StabilityReserveSettled e = m.event(m.ok(new ClosePeriod(1)), StabilityReserveSettled.class);
    // 1,050 - 833 = 217 withheld; the reserve's permits are not in TNAC.
    assertThat(e.withheldPermits()).isEqualTo(217);
    assertThat(StabilityReserveHandler.tnacPermits(m.registry()))
        .isEqualTo(1_050)
        .isEqualTo(participantsHold(m.registry()));
  }

  @Test
  void with_banking_off_tnac_is_read_after_expiry_so_the_bank_it_measures_is_empty() {
    RulesMarket m =
        new RulesMarket(
            RulesMarket.program().replace("banking: true", "banking: false") + EU_SCALED, 7);
    m.participant(1, 10_000_000);
    // Participant 1's 1,500 permits of vintage 1 expire at the close before TNAC is read.
    expectSettled(closedWith(m, 1_500), 0, StabilityBand.RELEASE, 0, 0, 0, 0);
    assertThat(m.registry().expiredTotal()).isEqualTo(1_500);
  }

  @Test
  void a_snapshot_restores_the_settlements_and_the_release_taken() throws Exception {
    RulesMarket m = market(EU_SCALED + "  invalidationLimitPermits: 300\n");
    closedWith(m, 1_500);
    m.ok(new CancelPermits(1, 1, 1_101));
    m.ok(new ClosePeriod(2));
    m.ok(new OpenAuction(1, 3, 1_000));
    m.ok(new SubmitBid(1, 1, 2, 300, 200));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Snapshot.write(m.engine, new byte[32], out);
    Snapshot restored =
        Snapshot.read(new ByteArrayInputStream(out.toByteArray()), ProgramParser.standard());
    assertThat(restored.stateHash()).isEqualTo(m.engine.state().stateHash());
    StabilityState back = restored.engine().state().feature(StabilityState.class);
    assertThat(back.settlement(1)).isEqualTo(stability(m).settlement(1));
    assertThat(back.settlement(2)).isEqualTo(stability(m).settlement(2));
    assertThat(back.releaseTakenBy(3)).isEqualTo(1L);
    assertThat(restored.engine().state().auction().auction(1))
        .isEqualTo(m.engine.state().auction().auction(1));
    restored.engine().checkInvariants();
  }

  @Test
  void a_program_without_the_section_settles_nothing_and_has_no_stability_state() {
    RulesMarket m = market("");
    m.ok(new IssuePermits(1, 1, 5_000));
    List<Event> events = m.ok(new ClosePeriod(1));
    assertThat(m.events(events, StabilityReserveSettled.class)).isEmpty();
    assertThat(m.engine.state().featureOrNull(StabilityState.class)).isNull();
    assertThat(m.registry().exists(STABILITY)).isFalse();
  }
}
