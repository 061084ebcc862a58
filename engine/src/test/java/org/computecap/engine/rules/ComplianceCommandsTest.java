package org.computecap.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.computecap.engine.Event;
import org.computecap.engine.Rejection;
import org.computecap.engine.command.AppointInsurer;
import org.computecap.engine.command.ChargeInsurancePremium;
import org.computecap.engine.command.ClosePeriod;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.IssuePermits;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OrderType;
import org.computecap.engine.command.PayOutstandingPenalty;
import org.computecap.engine.command.PlaceOrder;
import org.computecap.engine.command.RecordAuditFinding;
import org.computecap.engine.command.RecordEvaluation;
import org.computecap.engine.command.RecordInsurerEvaluation;
import org.computecap.engine.command.RecordMeterReading;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.Side;
import org.computecap.engine.command.SubmitReport;
import org.computecap.engine.command.SurrenderPermits;
import org.computecap.engine.compliance.AuditFindingRecorded;
import org.computecap.engine.compliance.AuditsDrawn;
import org.computecap.engine.compliance.ComplianceAssessed;
import org.computecap.engine.compliance.ComplianceStatus;
import org.computecap.engine.compliance.InsurancePremiumCharged;
import org.computecap.engine.compliance.PenaltyPaid;
import org.computecap.engine.compliance.PeriodClosed;
import org.computecap.engine.compliance.PermitsExpired;
import org.computecap.engine.exchange.OrderCancelled;
import org.computecap.engine.program.RiskSignal;
import org.computecap.engine.program.Workload;
import org.computecap.engine.registry.SystemAccount;
import org.junit.jupiter.api.Test;

class ComplianceCommandsTest {
  // alpha = 3, unevaluated = L, phi(D) = 100·D + D^2 cents, make-good on, rho = 0 but 100%
  // when the meter reads more than 10% above the report, at most 5 audits, banking on.
  private final RulesMarket m = new RulesMarket(RulesMarket.program(), 1);

  /** Participant 1 (high risk, under-retires) and 2 (low risk, compliant, metered high). */
  private List<Event> closeFirstPeriod() {
    return closeFirstPeriod(m);
  }

  private static List<Event> closeFirstPeriod(RulesMarket m) {
    m.participant(1, 5_000);
    m.participant(2, 100_000);
    m.ok(new IssuePermits(1, 1, 500));
    m.ok(new IssuePermits(2, 1, 500));
    m.ok(new SubmitReport(1, 1, Workload.TRAINING, 100));
    m.ok(new RecordEvaluation(1, 1, RiskSignal.H));
    m.ok(new SurrenderPermits(1, 1, 250));
    m.ok(new SubmitReport(2, 1, Workload.INFERENCE, 40));
    m.ok(new SubmitReport(2, 1, Workload.TRAINING, 10));
    m.ok(new RecordMeterReading(2, 1, 56));
    m.ok(new SurrenderPermits(2, 1, 50));
    return m.ok(new ClosePeriod(1));
  }

  @Test
  void close_charges_phi_of_the_shortfall_up_to_free_cash_and_carries_make_good() {
    List<Event> events = closeFirstPeriod();
    List<ComplianceAssessed> assessed = m.events(events, ComplianceAssessed.class);
    // 1: obligation 3 · 100 = 300, surrendered 250, D = 50, phi = 5,000 + 2,500 = 7,500 cents;
    // it holds 5,000, so 2,500 stay unpaid.
    assertThat(assessed.get(0))
        .isEqualTo(
            new ComplianceAssessed(
                1, 1, 100, 3_000_000, 300, 250, 50, ComplianceStatus.SHORTFALL, 7_500, 2_500, 50));
    assertThat(assessed.get(1))
        .isEqualTo(
            new ComplianceAssessed(
                2, 1, 50, 1_000_000, 50, 50, 0, ComplianceStatus.COMPLIANT, 0, 0, 0));
    assertThat(m.event(events, PeriodClosed.class)).isEqualTo(new PeriodClosed(1, 2, 1, 5_000, 2));
    assertThat(m.registry().freeCash(1)).isZero();
    assertThat(m.registry().freeCash(SystemAccount.TREASURY.id())).isEqualTo(5_000);
    assertThat(m.engine.state().currentPeriod()).isEqualTo(2);
  }

  @Test
  void an_audit_charges_only_what_it_measured_beyond_the_tolerance() {
    // noiseSigma 2, toleranceSigmas 3: tolerance ceil(6) = 6 units; participant 2 reported 50.
    RulesMarket t =
        new RulesMarket(
            RulesMarket.program()
                .replace(
                    "budgetPerPeriodCents: 5000",
                    "budgetPerPeriodCents: 5000\n  noiseSigma: 2\n  toleranceSigmas: 3"),
            1);
    closeFirstPeriod(t);
    // Measured 56 is within 50 + 6: nothing found, nothing charged.
    AuditFindingRecorded within =
        t.event(t.ok(new RecordAuditFinding(2, 1, 56)), AuditFindingRecorded.class);
    assertThat(within).isEqualTo(new AuditFindingRecorded(2, 1, 56, 0, 0, 0, 0, 50, -1));
  }

  @Test
  void beyond_the_tolerance_the_excess_alone_is_charged() {
    // tolerancePpm 100000: 10% of the report of 50 = 5 units; measured 60 leaves 55: D = 5,
    // phi(5) = 500 + 25 = 525 cents.
    RulesMarket t =
        new RulesMarket(
            RulesMarket.program()
                .replace(
                    "budgetPerPeriodCents: 5000",
                    "budgetPerPeriodCents: 5000\n  tolerancePpm: 100000"),
            1);
    closeFirstPeriod(t);
    AuditFindingRecorded beyond =
        t.event(t.ok(new RecordAuditFinding(2, 1, 60)), AuditFindingRecorded.class);
    assertThat(beyond).isEqualTo(new AuditFindingRecorded(2, 1, 60, 5, 525, 0, 5, 50, -1));
  }

  @Test
  void a_meter_reading_above_the_report_targets_the_audit_and_the_finding_is_charged() {
    List<Event> events = closeFirstPeriod();
    // 56 > 50 · 1.1: participant 2 is targeted and drawn with probability 1.
    AuditsDrawn drawn = m.event(events, AuditsDrawn.class);
    assertThat(drawn.audited()).containsExactly(2L);
    assertThat(drawn.targeted()).containsExactly(2L);
    m.rejected(new RecordAuditFinding(1, 1, 100), Rejection.AUDIT_NOT_DRAWN);
    m.rejected(new RecordAuditFinding(2, 2, 100), Rejection.AUDIT_NOT_DRAWN);
    // Measured 60 at lambda 1: D = 10, phi(10) - phi(0) = 1,000 + 100 = 1,100 cents.
    AuditFindingRecorded finding =
        m.event(m.ok(new RecordAuditFinding(2, 1, 60)), AuditFindingRecorded.class);
    assertThat(finding).isEqualTo(new AuditFindingRecorded(2, 1, 60, 10, 1_100, 0, 10, 50, -1));
    assertThat(m.registry().freeCash(2)).isEqualTo(98_900);
    m.rejected(new RecordAuditFinding(2, 1, 60), Rejection.AUDIT_FINDING_ALREADY_RECORDED);
    // Period 2: 2 owes its make-good of 10 on top of a report of 0.
    m.ok(new SurrenderPermits(2, 2, 4));
    ComplianceAssessed next = m.events(m.ok(new ClosePeriod(2)), ComplianceAssessed.class).get(1);
    assertThat(next.obligationPermits()).isEqualTo(10);
    assertThat(next.shortfallPermits()).isEqualTo(6);
  }

  @Test
  void an_unpaid_penalty_is_paid_later_from_free_cash() {
    closeFirstPeriod();
    m.rejected(new PayOutstandingPenalty(1), Rejection.INSUFFICIENT_CASH);
    m.rejected(new PayOutstandingPenalty(2), Rejection.NO_PENALTY_OUTSTANDING);
    m.ok(new DepositCash(1, 1_000));
    assertThat(m.event(m.ok(new PayOutstandingPenalty(1)), PenaltyPaid.class))
        .isEqualTo(new PenaltyPaid(1, 1_000, 1_500));
    m.ok(new DepositCash(1, 10_000));
    assertThat(m.event(m.ok(new PayOutstandingPenalty(1)), PenaltyPaid.class))
        .isEqualTo(new PenaltyPaid(1, 1_500, 0));
    m.rejected(new PayOutstandingPenalty(1), Rejection.NO_PENALTY_OUTSTANDING);
  }

  @Test
  void reports_readings_and_evaluations_are_taken_once_for_the_current_period() {
    m.participant(1, 0);
    m.ok(new OpenAccount(8, "insurer", Role.INSURER));
    m.rejected(new SubmitReport(9, 1, Workload.TRAINING, 1), Rejection.UNKNOWN_ACCOUNT);
    m.rejected(new SubmitReport(8, 1, Workload.TRAINING, 1), Rejection.ROLE_NOT_PERMITTED);
    m.rejected(new SubmitReport(1, 2, Workload.TRAINING, 1), Rejection.PERIOD_NOT_STARTED);
    m.rejected(new SubmitReport(1, 5, Workload.TRAINING, 1), Rejection.PERIOD_OUTSIDE_PROGRAM);
    m.ok(new SubmitReport(1, 1, Workload.TRAINING, 1));
    m.rejected(new SubmitReport(1, 1, Workload.TRAINING, 2), Rejection.REPORT_ALREADY_SUBMITTED);
    m.ok(new RecordMeterReading(1, 1, 1));
    m.rejected(new RecordMeterReading(1, 1, 1), Rejection.METER_READING_ALREADY_RECORDED);
    m.ok(new RecordEvaluation(1, 1, RiskSignal.L));
    m.rejected(new RecordEvaluation(1, 1, RiskSignal.H), Rejection.EVALUATION_ALREADY_RECORDED);
    m.ok(new ClosePeriod(1));
    m.rejected(new SubmitReport(1, 1, Workload.INFERENCE, 1), Rejection.PERIOD_CLOSED);
    m.rejected(new RecordMeterReading(1, 1, 1), Rejection.PERIOD_CLOSED);
    m.rejected(new RecordEvaluation(1, 1, RiskSignal.L), Rejection.PERIOD_CLOSED);
    m.rejected(new ClosePeriod(1), Rejection.PERIOD_CLOSED);
    m.rejected(new ClosePeriod(3), Rejection.PERIOD_NOT_STARTED);
  }

  @Test
  void a_workload_outside_the_programs_scope_is_refused() {
    RulesMarket t =
        new RulesMarket(RulesMarket.program().replace("scope: ALL", "scope: TRAINING"), 1);
    t.participant(1, 0);
    t.rejected(new SubmitReport(1, 1, Workload.INFERENCE, 5), Rejection.WORKLOAD_OUT_OF_SCOPE);
    t.ok(new SubmitReport(1, 1, Workload.TRAINING, 5));
  }

  @Test
  void the_insurer_is_paid_its_premium_for_its_own_evaluation() {
    m.participant(1, 10_000);
    m.participant(2, 10_000);
    m.participant(3, 10);
    m.ok(new OpenAccount(8, "insurer", Role.INSURER));
    for (long participant = 1; participant <= 3; participant++) {
      m.ok(new AppointInsurer(participant, 8, participant));
    }
    m.rejected(new RecordInsurerEvaluation(1, 2, 1, RiskSignal.H), Rejection.ROLE_NOT_PERMITTED);
    m.rejected(new RecordInsurerEvaluation(9, 2, 1, RiskSignal.H), Rejection.UNKNOWN_ACCOUNT);
    m.rejected(new RecordInsurerEvaluation(8, 8, 1, RiskSignal.H), Rejection.ROLE_NOT_PERMITTED);
    m.ok(new SubmitReport(1, 1, Workload.TRAINING, 100));
    m.ok(new RecordEvaluation(1, 1, RiskSignal.L));
    m.ok(new RecordInsurerEvaluation(8, 1, 1, RiskSignal.H));
    m.rejected(
        new RecordInsurerEvaluation(8, 1, 1, RiskSignal.L),
        Rejection.INSURER_EVALUATION_ALREADY_RECORDED);
    m.rejected(new ChargeInsurancePremium(2, 1), Rejection.INSURER_EVALUATION_MISSING);
    m.ok(new RecordInsurerEvaluation(8, 2, 1, RiskSignal.L));
    m.rejected(new ChargeInsurancePremium(2, 1), Rejection.REPORT_MISSING);
    m.ok(new SubmitReport(3, 1, Workload.TRAINING, 100));
    m.ok(new RecordInsurerEvaluation(8, 3, 1, RiskSignal.L));
    m.rejected(new ChargeInsurancePremium(3, 1), Rejection.INSUFFICIENT_CASH);
    m.rejected(new ChargeInsurancePremium(1, 2), Rejection.PERIOD_NOT_STARTED);
    // pi(H) = 9 cents per unit on 100 units, whatever the regulator's own signal was.
    InsurancePremiumCharged charged =
        m.event(m.ok(new ChargeInsurancePremium(1, 1)), InsurancePremiumCharged.class);
    assertThat(charged).isEqualTo(new InsurancePremiumCharged(1, 1, 8, 100, 9, 900));
    assertThat(m.registry().freeCash(8)).isEqualTo(900);
    m.rejected(new ChargeInsurancePremium(1, 1), Rejection.PREMIUM_ALREADY_CHARGED);
  }

  @Test
  void only_the_appointed_insurer_evaluates_a_participant_and_is_paid_its_premium() {
    m.participant(1, 10_000);
    m.participant(2, 10_000);
    m.ok(new OpenAccount(8, "insurer", Role.INSURER));
    m.ok(new OpenAccount(9, "rival", Role.INSURER));
    m.ok(new SubmitReport(1, 1, Workload.TRAINING, 100));
    // Nobody is appointed yet: no insurer may evaluate.
    m.rejected(new RecordInsurerEvaluation(8, 1, 1, RiskSignal.H), Rejection.INSURER_NOT_APPOINTED);
    m.ok(new AppointInsurer(1, 8, 1));
    m.ok(new AppointInsurer(2, 8, 2));
    m.rejected(new RecordInsurerEvaluation(9, 1, 1, RiskSignal.H), Rejection.INSURER_NOT_APPOINTED);
    m.ok(new RecordInsurerEvaluation(8, 1, 1, RiskSignal.H));
    // The participant changes insurer: the premium of the old one's evaluation is refused, and
    // nothing moves.
    m.ok(new AppointInsurer(1, 9, 1));
    long cash = m.registry().freeCash(1);
    m.rejected(new ChargeInsurancePremium(1, 1), Rejection.INSURER_NOT_APPOINTED);
    assertThat(m.registry().freeCash(1)).isEqualTo(cash);
    m.ok(new AppointInsurer(1, 8, 1));
    assertThat(m.event(m.ok(new ChargeInsurancePremium(1, 1)), InsurancePremiumCharged.class))
        .isEqualTo(new InsurancePremiumCharged(1, 1, 8, 100, 9, 900));
  }

  @Test
  void with_banking_off_unsurrendered_permits_expire_at_close() {
    RulesMarket b =
        new RulesMarket(RulesMarket.program().replace("banking: true", "banking: false"), 1);
    b.participant(1, 0);
    b.ok(new IssuePermits(1, 1, 40));
    b.ok(new SubmitReport(1, 1, Workload.TRAINING, 30));
    b.ok(new SurrenderPermits(1, 1, 30));
    // A resting sell order of the closing vintage is taken off the book before expiry.
    b.ok(new PlaceOrder(1, Side.SELL, OrderType.LIMIT, 100, 4, 1));
    assertThat(b.registry().reservedPermits(1, 1)).isEqualTo(4);
    List<Event> events = b.ok(new ClosePeriod(1));
    assertThat(b.event(events, OrderCancelled.class).orderId()).isEqualTo(1);
    assertThat(b.events(events, PermitsExpired.class))
        .containsExactly(new PermitsExpired(1, 1, 10));
    assertThat(b.registry().reservedPermits(1, 1)).isZero();
    assertThat(b.registry().freePermitsTotal(1)).isZero();
    assertThat(b.registry().expiredTotal()).isEqualTo(10);
  }

  @Test
  void the_audit_budget_caps_the_number_of_audits_and_the_draw_is_reproducible() {
    String always = RulesMarket.program().replace("probabilityPpm: 0", "probabilityPpm: 1000000");
    RulesMarket a = new RulesMarket(always, 77);
    RulesMarket b = new RulesMarket(always, 77);
    for (long id = 1; id <= 12; id++) {
      a.participant(id, 0);
      b.participant(id, 0);
    }
    AuditsDrawn first = a.event(a.ok(new ClosePeriod(1)), AuditsDrawn.class);
    AuditsDrawn second = b.event(b.ok(new ClosePeriod(1)), AuditsDrawn.class);
    // Budget 5,000 / cost 1,000: five audits, seven draws dropped.
    assertThat(first.audited()).hasSize(5);
    assertThat(first.dropped()).hasSize(7);
    assertThat(second).isEqualTo(first);
    assertThat(a.engine.stateHash()).isEqualTo(b.engine.stateHash());
  }

  @Test
  void the_last_period_closes_the_program() {
    m.participant(1, 0);
    m.ok(new ClosePeriod(1));
    m.ok(new ClosePeriod(2));
    assertThat(m.event(m.ok(new ClosePeriod(3)), PeriodClosed.class).nextPeriod()).isEqualTo(4);
    m.rejected(new ClosePeriod(4), Rejection.PERIOD_OUTSIDE_PROGRAM);
    m.rejected(new SubmitReport(1, 4, Workload.TRAINING, 1), Rejection.PERIOD_OUTSIDE_PROGRAM);
  }

  @Test
  void enormous_shortfalls_saturate_the_penalty_instead_of_overflowing() {
    RulesMarket big =
        new RulesMarket(
            RulesMarket.program().replace("alphaPpm: 3000000", "alphaPpm: 1000000000"), 1);
    big.participant(1, 1_000);
    big.ok(new SubmitReport(1, 1, Workload.TRAINING, 1_000_000_000_000_000L));
    big.ok(new RecordEvaluation(1, 1, RiskSignal.H));
    ComplianceAssessed a = big.events(big.ok(new ClosePeriod(1)), ComplianceAssessed.class).get(0);
    assertThat(a.obligationPermits()).isEqualTo(1_000_000_000_000_000_000L);
    assertThat(a.penaltyCents()).isEqualTo(Long.MAX_VALUE);
    assertThat(a.penaltyUnpaidCents()).isEqualTo(Long.MAX_VALUE - 1_000);
    big.ok(new SubmitReport(1, 2, Workload.TRAINING, 1_000_000_000_000_000L));
    big.ok(new RecordEvaluation(1, 2, RiskSignal.H));
    ComplianceAssessed b = big.events(big.ok(new ClosePeriod(2)), ComplianceAssessed.class).get(0);
    assertThat(b.obligationPermits()).isEqualTo(2_000_000_000_000_000_000L);
  }
}
