package org.computecap.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.computecap.engine.Event;
import org.computecap.engine.Rejection;
import org.computecap.engine.auction.AuctionCleared;
import org.computecap.engine.auction.CostContainmentReleased;
import org.computecap.engine.auction.EmissionsContainmentWithheld;
import org.computecap.engine.command.AllocateFreePermits;
import org.computecap.engine.command.AppointInsurer;
import org.computecap.engine.command.ChargeInsurancePremium;
import org.computecap.engine.command.ClearAuction;
import org.computecap.engine.command.ClosePeriod;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenAuction;
import org.computecap.engine.command.RecordEvaluation;
import org.computecap.engine.command.RecordInsurerEvaluation;
import org.computecap.engine.command.RecordVerifiedActivity;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.SubmitBid;
import org.computecap.engine.command.SubmitReport;
import org.computecap.engine.command.SurrenderPermits;
import org.computecap.engine.compliance.ComplianceAssessed;
import org.computecap.engine.compliance.ComplianceStatus;
import org.computecap.engine.compliance.PeriodClosed;
import org.computecap.engine.program.Program;
import org.computecap.engine.program.RiskSignal;
import org.computecap.engine.program.Workload;
import org.computecap.engine.stability.StabilityBand;
import org.computecap.engine.stability.StabilityReserveSettled;
import org.junit.jupiter.api.Test;

/** The documented example programs run a full period in the engine with hand-checked numbers. */
class ExampleProgramsTest {
  static String text(String name) throws IOException {
    return Files.readString(Path.of("../examples/programs/" + name));
  }

  @Test
  void the_p2_program_runs_allocation_auction_insurance_and_close_with_expiry() throws Exception {
    RulesMarket m = new RulesMarket(text("p2-risk-weighted.yaml"), 2026);
    m.participant(1, 100_000_000);
    m.participant(2, 100_000_000);
    m.participant(3, 0);
    m.ok(new OpenAccount(8, "insurer", Role.INSURER));
    // Cap 100,000: 50,000 free, of which 2,000 for new entrants; 48,000 / 3 = 16,000 each.
    m.ok(new AllocateFreePermits(1));
    assertThat(m.registry().freePermits(3, 1)).isEqualTo(16_000);
    // Auction of the 50,000 auction volume; purchase limit 20% = 10,000 per bidder.
    m.ok(new OpenAuction(1, 1, 50_000));
    m.ok(new SubmitBid(1, 1, 1, 10_000, 1_500));
    m.ok(new SubmitBid(1, 2, 2, 10_000, 1_200));
    AuctionCleared cleared = m.event(m.ok(new ClearAuction(1)), AuctionCleared.class);
    assertThat(cleared.clearingPriceCents()).isEqualTo(1_200);
    assertThat(cleared.unsoldPermits()).isEqualTo(30_000);
    // 1 trains 10,000 PFLOP at high risk (alpha 3): 30,000 permits owed, 26,000 held.
    m.ok(new SubmitReport(1, 1, Workload.TRAINING, 10_000));
    m.ok(new RecordEvaluation(1, 1, RiskSignal.H));
    m.ok(new AppointInsurer(1, 8, 1));
    m.ok(new RecordInsurerEvaluation(8, 1, 1, RiskSignal.H));
    m.ok(new ChargeInsurancePremium(1, 1));
    assertThat(m.registry().freeCash(8)).isEqualTo(9_000_000);
    m.ok(new SurrenderPermits(1, 1, 26_000));
    List<Event> events = m.ok(new ClosePeriod(1));
    ComplianceAssessed one = m.events(events, ComplianceAssessed.class).get(0);
    // phi(4,000) = 50,000 · 4,000 + 100 · 4,000^2 = 1,800,000,000 cents; 1 holds 79,000,000.
    assertThat(one.status()).isEqualTo(ComplianceStatus.SHORTFALL);
    assertThat(one.shortfallPermits()).isEqualTo(4_000);
    assertThat(one.penaltyCents()).isEqualTo(1_800_000_000L);
    assertThat(one.penaltyUnpaidCents()).isEqualTo(1_800_000_000L - 79_000_000L);
    // Banking off: everything unsurrendered expired, reserves included.
    assertThat(m.registry().expiredTotal()).isEqualTo(100_000 - 26_000);
    assertThat(m.event(events, PeriodClosed.class).nextPeriod()).isEqualTo(2);
  }

  @Test
  void the_p1_program_allocates_by_benchmark_from_baseline_activity() throws Exception {
    RulesMarket m = new RulesMarket(text("p1-energy.yaml"), 1);
    m.participant(1, 0);
    m.participant(2, 0);
    m.ok(new RecordVerifiedActivity(1, 0, 1_000_000, 200_000));
    m.ok(new RecordVerifiedActivity(2, 0, 2_000_000, 800_000));
    // Budget 800,000 - 50,000 = 750,000. Tenth percentile of 2 -> the best one: B = 0.2 kWh
    // per unit. A = 1,000,000 · 0.2 = 200,000 and 2,000,000 · 0.2 = 400,000.
    m.ok(new AllocateFreePermits(1));
    assertThat(m.registry().freePermits(1, 1)).isEqualTo(200_000);
    assertThat(m.registry().freePermits(2, 1)).isEqualTo(400_000);
  }

  @Test
  void the_market_stability_program_releases_cost_containment_then_withholds_below_the_ecr()
      throws Exception {
    RulesMarket m = new RulesMarket(text("market-stability.yaml"), 14);
    for (long id = 1; id <= 6; id++) {
      m.participant(id, 1_000_000_000);
    }
    Program program = m.engine.state().program();
    // Cap 100,000, half free: 50,000 less the 10,000 cost containment reserve may be auctioned.
    assertThat(program.auctionVolumePermits(1)).isEqualTo(40_000);
    m.rejected(new OpenAuction(1, 1, 40_001), Rejection.AUCTION_VOLUME_EXCEEDED);
    m.ok(new OpenAuction(1, 1, 40_000));
    // Six bidders at their 20% limit (8,000) at $14: D(1,300) = 48,000 > 40,000, so 8,000 of
    // the reserve's 10,000 are released and everything clears at 1,400.
    for (long id = 1; id <= 6; id++) {
      m.ok(new SubmitBid(1, id, id, 8_000, 1_400));
    }
    List<Event> first = m.ok(new ClearAuction(1));
    assertThat(m.event(first, CostContainmentReleased.class).permits()).isEqualTo(8_000);
    assertThat(m.event(first, AuctionCleared.class).clearingPriceCents()).isEqualTo(1_400);
    assertThat(m.event(first, AuctionCleared.class).soldPermits()).isEqualTo(48_000);
    // TNAC 48,000 at the close lies between the stability reserve's release threshold (40,000)
    // and its lower threshold (83,300): it does nothing, and period 2 auctions its full volume.
    StabilityReserveSettled settled =
        m.event(m.ok(new ClosePeriod(1)), StabilityReserveSettled.class);
    assertThat(settled.tnacPermits()).isEqualTo(48_000);
    assertThat(settled.band()).isEqualTo(StabilityBand.NO_ACTION);
    // Period 2: reserve 250 · 1.025 = 256.25 -> 256; ECR trigger 600 · 1.07 = 642.
    assertThat(program.reservePriceCents(2)).isEqualTo(256);
    assertThat(program.emissionsContainmentTriggerCents(2)).isEqualTo(642);
    m.ok(new OpenAuction(2, 2, 10_000));
    m.rejected(new SubmitBid(2, 1, 1, 2_000, 255), Rejection.BID_BELOW_RESERVE_PRICE);
    for (long id = 1; id <= 3; id++) {
      m.ok(new SubmitBid(2, id, id, 2_000, 700));
    }
    m.ok(new SubmitBid(2, 4, 4, 2_000, 300));
    // D(642) = 6,000 < 10,000: W = min(10,000, 4,000) = 4,000 withheld; 6,000 sell at 700 and
    // the bid at 300 gets nothing.
    List<Event> second = m.ok(new ClearAuction(2));
    assertThat(m.event(second, EmissionsContainmentWithheld.class).permits()).isEqualTo(4_000);
    assertThat(m.event(second, AuctionCleared.class).clearingPriceCents()).isEqualTo(700);
    assertThat(m.event(second, AuctionCleared.class).soldPermits()).isEqualTo(6_000);
    assertThat(m.registry().cancelledTotal()).isEqualTo(4_000);
  }
}
