package org.computecap.engine.compliance;

import java.util.ArrayList;
import java.util.List;
import org.computecap.engine.EngineState;
import org.computecap.engine.Event;
import org.computecap.engine.Rejection;
import org.computecap.engine.Result;
import org.computecap.engine.WriteAccess;
import org.computecap.engine.command.ChargeInsurancePremium;
import org.computecap.engine.command.ClosePeriod;
import org.computecap.engine.command.ComplianceCommand;
import org.computecap.engine.command.PayOutstandingPenalty;
import org.computecap.engine.command.PostCollateral;
import org.computecap.engine.command.RecordAuditFinding;
import org.computecap.engine.command.RecordEvaluation;
import org.computecap.engine.command.RecordInsurerEvaluation;
import org.computecap.engine.command.RecordMeterReading;
import org.computecap.engine.command.ReturnCollateral;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.SubmitReport;
import org.computecap.engine.program.AccountRule;
import org.computecap.engine.program.PeriodRule;
import org.computecap.engine.program.Program;
import org.computecap.engine.program.RiskSignal;
import org.computecap.engine.registry.Ledger;
import org.computecap.engine.registry.Registry;
import org.computecap.engine.registry.SystemAccount;

/**
 * Applies the compliance commands (§7). Reports, meter readings and evaluations are taken for the
 * current period only, once each. {@code ClosePeriod} assesses every participant ({@link #assess}),
 * draws the audits, expires permits when banking is off and starts the next period; an audit
 * finding tops the close assessment up to phi of the whole detected shortfall. A penalty is charged
 * from free cash into the treasury, at most what the account holds (no balance goes negative, and
 * nothing may fail after mutation starts); the rest is a debt that {@code PayOutstandingPenalty}
 * settles later. Only the participant's appointed insurer ({@code AppointInsurer}, by the
 * participant or a regulator) may record an insurer evaluation of it, and a premium is charged only
 * while the insurer that evaluated is still the appointed one: no insurer acts for a participant
 * that did not choose it ({@code INSURER_NOT_APPOINTED}).
 */
public final class ComplianceHandler {
  private ComplianceHandler() {}

  public static Result apply(WriteAccess access, ComplianceCommand command) {
    EngineState state = access.state();
    ComplianceState s = state.compliance();
    if (command instanceof SubmitReport c) {
      return report(state, s, c);
    }
    if (command instanceof RecordMeterReading c) {
      return meter(state, s, c);
    }
    if (command instanceof RecordEvaluation c) {
      return evaluation(state, s, c);
    }
    if (command instanceof RecordInsurerEvaluation c) {
      return insurerEvaluation(state, s, c);
    }
    if (command instanceof ChargeInsurancePremium c) {
      return premium(access, s, c);
    }
    if (command instanceof ClosePeriod c) {
      return PeriodClose.close(access, s, c);
    }
    if (command instanceof RecordAuditFinding c) {
      return auditFinding(access, s, c);
    }
    if (command instanceof PayOutstandingPenalty c) {
      return payPenalty(access, s, c);
    }
    if (command instanceof PostCollateral c) {
      return CollateralRules.post(access, c);
    }
    if (command instanceof ReturnCollateral c) {
      return CollateralRules.giveBack(access, s, c);
    }
    throw new AssertionError("no compliance handler for " + command.getClass().getName());
  }

  private static Result report(EngineState state, ComplianceState s, SubmitReport c) {
    Rejection rejection = participantRule(state.registry(), c.accountId());
    if (rejection == null) {
      rejection = AccountRule.mayReceive(state, c.accountId());
    }
    if (rejection == null) {
      rejection = PeriodRule.mustBeCurrent(state, c.period());
    }
    if (rejection == null && !state.program().scope().covers(c.workload())) {
      rejection = Rejection.WORKLOAD_OUT_OF_SCOPE;
    }
    ComplianceState.Entry e = s.entry(c.accountId(), c.period());
    if (rejection == null && e != null && e.hasReport[c.workload().ordinal()]) {
      rejection = Rejection.REPORT_ALREADY_SUBMITTED;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    e = s.entryForUpdate(c.accountId(), c.period());
    e.hasReport[c.workload().ordinal()] = true;
    e.reported[c.workload().ordinal()] = c.quantity();
    return Result.accepted(
        new ReportSubmitted(c.accountId(), c.period(), c.workload(), c.quantity()));
  }

  private static Result meter(EngineState state, ComplianceState s, RecordMeterReading c) {
    Rejection rejection = participantRule(state.registry(), c.accountId());
    if (rejection == null) {
      rejection = PeriodRule.mustBeCurrent(state, c.period());
    }
    ComplianceState.Entry e = s.entry(c.accountId(), c.period());
    if (rejection == null && e != null && e.hasMeter) {
      rejection = Rejection.METER_READING_ALREADY_RECORDED;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    e = s.entryForUpdate(c.accountId(), c.period());
    e.hasMeter = true;
    e.meter = c.quantity();
    return Result.accepted(new MeterReadingRecorded(c.accountId(), c.period(), c.quantity()));
  }

  private static Result evaluation(EngineState state, ComplianceState s, RecordEvaluation c) {
    Rejection rejection = participantRule(state.registry(), c.accountId());
    if (rejection == null) {
      rejection = PeriodRule.mustBeCurrent(state, c.period());
    }
    if (rejection == null && !state.program().risk().has(c.signal())) {
      rejection = Rejection.UNKNOWN_RISK_SIGNAL;
    }
    ComplianceState.Entry e = s.entry(c.accountId(), c.period());
    if (rejection == null && e != null && e.evaluation != null) {
      rejection = Rejection.EVALUATION_ALREADY_RECORDED;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    s.entryForUpdate(c.accountId(), c.period()).evaluation = c.signal();
    long lambda = state.program().risk().multiplierPpm(c.signal());
    return Result.accepted(new EvaluationRecorded(c.accountId(), c.period(), c.signal(), lambda));
  }

  private static Result insurerEvaluation(
      EngineState state, ComplianceState s, RecordInsurerEvaluation c) {
    Registry registry = state.registry();
    Rejection rejection = null;
    Role insurer = registry.role(c.insurerId());
    if (insurer == null) {
      rejection = Rejection.UNKNOWN_ACCOUNT;
    } else if (insurer != Role.INSURER) {
      rejection = Rejection.ROLE_NOT_PERMITTED;
    }
    if (rejection == null) {
      rejection = participantRule(registry, c.accountId());
    }
    if (rejection == null && state.access().insurerOf(c.accountId()) != c.insurerId()) {
      rejection = Rejection.INSURER_NOT_APPOINTED;
    }
    if (rejection == null) {
      rejection = PeriodRule.mustBeCurrent(state, c.period());
    }
    if (rejection == null && !state.program().risk().has(c.signal())) {
      rejection = Rejection.UNKNOWN_RISK_SIGNAL;
    }
    ComplianceState.Entry e = s.entry(c.accountId(), c.period());
    if (rejection == null && e != null && e.insurerSignal != null) {
      rejection = Rejection.INSURER_EVALUATION_ALREADY_RECORDED;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    e = s.entryForUpdate(c.accountId(), c.period());
    e.insurerSignal = c.signal();
    e.insurerId = c.insurerId();
    return Result.accepted(
        new InsurerEvaluationRecorded(c.insurerId(), c.accountId(), c.period(), c.signal()));
  }

  private static Result premium(WriteAccess access, ComplianceState s, ChargeInsurancePremium c) {
    EngineState state = access.state();
    Registry registry = state.registry();
    Rejection rejection = participantRule(registry, c.accountId());
    if (rejection == null) {
      rejection = PeriodRule.mustHaveBegun(state, c.period());
    }
    ComplianceState.Entry e = s.entry(c.accountId(), c.period());
    if (rejection == null && (e == null || e.insurerSignal == null)) {
      rejection = Rejection.INSURER_EVALUATION_MISSING;
    } else if (rejection == null && state.access().insurerOf(c.accountId()) != e.insurerId) {
      // The premium goes to the insurer that evaluated; it must still be the appointed one.
      rejection = Rejection.INSURER_NOT_APPOINTED;
    } else if (rejection == null && !e.hasAnyReport()) {
      rejection = Rejection.REPORT_MISSING;
    } else if (rejection == null && e.premiumCharged) {
      rejection = Rejection.PREMIUM_ALREADY_CHARGED;
    }
    long rate =
        rejection == null ? state.program().insurance().premiumCentsPerUnit(e.insurerSignal) : 0;
    long cents = rejection == null ? Obligations.premiumCents(rate, e.reportedTotal()) : 0;
    if (rejection == null && cents > registry.freeCash(c.accountId())) {
      rejection = Rejection.INSUFFICIENT_CASH;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    if (cents > 0) {
      access.ledger().charge(c.accountId(), e.insurerId, cents);
    }
    e.premiumCharged = true;
    e.premiumCents = cents;
    return Result.accepted(
        new InsurancePremiumCharged(
            c.accountId(), c.period(), e.insurerId, e.reportedTotal(), rate, cents));
  }

  private static Result auditFinding(WriteAccess access, ComplianceState s, RecordAuditFinding c) {
    EngineState state = access.state();
    Rejection rejection = participantRule(state.registry(), c.accountId());
    if (rejection == null && !s.wasDrawn(c.accountId(), c.period())) {
      rejection = Rejection.AUDIT_NOT_DRAWN;
    }
    ComplianceState.Entry e = s.entry(c.accountId(), c.period());
    if (rejection == null && e.auditRecorded) {
      rejection = Rejection.AUDIT_FINDING_ALREADY_RECORDED;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    Program program = state.program();
    Program.Penalty rules = program.penalty();
    // The tolerance is deducted from the measurement: only what lies beyond it is evidence.
    long evidence =
        Math.max(0, c.measuredQuantity() - program.audit().toleranceUnits(e.reportedTotal()));
    long extra =
        Obligations.additionalShortfall(
            e.multiplierPpm,
            evidence,
            e.makeGoodInPermits,
            e.surrenderedPermits,
            e.shortfallPermits);
    long penalty =
        Obligations.additionalPenaltyCents(
            rules.linearCentsPerPermit(),
            rules.quadraticCentsPerPermitSquared(),
            e.shortfallPermits,
            extra);
    // Issue 17's levers (two-stage screen, collateral, escalation) act only with the section.
    EnforcementState levers = state.featureOrNull(EnforcementState.class);
    AuditLevers.Outcome outcome = null;
    if (levers != null) {
      outcome =
          AuditLevers.apply(
              access.ledger(),
              levers,
              program.enforcement(),
              state.seed(),
              c.accountId(),
              c.period(),
              extra,
              penalty);
      extra = outcome.extraPermits();
      penalty = outcome.fineCents();
    }
    s.touch(c.accountId());
    e.auditRecorded = true;
    e.measuredQuantity = c.measuredQuantity();
    e.auditShortfallPermits = extra;
    e.auditPenaltyCents = penalty;
    long unpaid = chargePenalty(access.ledger(), s, c.accountId(), penalty);
    if (rules.makeGood() && extra > 0) {
      s.makeGoodOwed.merge(c.accountId(), extra, ComplianceState::saturatingAdd);
    }
    AuditFindingRecorded recorded =
        new AuditFindingRecorded(
            c.accountId(),
            c.period(),
            c.measuredQuantity(),
            extra,
            penalty,
            unpaid,
            s.makeGoodOwedPermits(c.accountId()),
            e.reportedTotal(),
            state.attestedUnits(c.accountId(), c.period()));
    if (outcome == null) {
      return Result.accepted(recorded);
    }
    List<Event> events = new ArrayList<>(outcome.before());
    events.add(recorded);
    events.addAll(outcome.after());
    return Result.accepted(events);
  }

  private static Result payPenalty(WriteAccess access, ComplianceState s, PayOutstandingPenalty c) {
    Registry registry = access.state().registry();
    Rejection rejection = participantRule(registry, c.accountId());
    long owed = rejection == null ? s.unpaidPenaltyCents(c.accountId()) : 0;
    if (rejection == null && owed == 0) {
      rejection = Rejection.NO_PENALTY_OUTSTANDING;
    }
    if (rejection == null && registry.freeCash(c.accountId()) == 0) {
      rejection = Rejection.INSUFFICIENT_CASH;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    long paid = Math.min(owed, registry.freeCash(c.accountId()));
    s.touch(c.accountId());
    access.ledger().charge(c.accountId(), SystemAccount.TREASURY.id(), paid);
    s.penaltyPaidCents.merge(c.accountId(), paid, Math::addExact);
    return Result.accepted(new PenaltyPaid(c.accountId(), paid, owed - paid));
  }

  /**
   * Assesses {@code cents} of penalty on the account, pays what its free cash covers into the
   * treasury and returns the unpaid rest.
   */
  static long chargePenalty(Ledger ledger, ComplianceState s, long account, long cents) {
    if (cents == 0) {
      return 0;
    }
    s.touch(account);
    long paid = Math.min(cents, ledger.registry().freeCash(account));
    if (paid > 0) {
      ledger.charge(account, SystemAccount.TREASURY.id(), paid);
    }
    s.penaltyAssessedCents.merge(account, cents, ComplianceState::saturatingAdd);
    s.penaltyPaidCents.merge(account, paid, Math::addExact);
    return cents - paid;
  }

  /** Whether an auction of {@code period} is still open (then the period cannot close). */
  static boolean auctionOpen(EngineState state, int period) {
    return state.auction().hasOpenAuction(period);
  }

  /** The multiplier of the regulator's signal, or of the program's default when none. */
  static long multiplierPpm(Program program, RiskSignal signal) {
    return program
        .risk()
        .multiplierPpm(signal == null ? program.risk().unevaluatedSignal() : signal);
  }

  static Rejection participantRule(Registry registry, long accountId) {
    Role role = registry.role(accountId);
    if (role == null) {
      return Rejection.UNKNOWN_ACCOUNT;
    }
    return role == Role.PARTICIPANT ? null : Rejection.ROLE_NOT_PERMITTED;
  }
}
