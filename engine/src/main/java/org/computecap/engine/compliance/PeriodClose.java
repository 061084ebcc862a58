package org.computecap.engine.compliance;

import java.util.ArrayList;
import java.util.List;
import org.computecap.engine.EngineState;
import org.computecap.engine.Event;
import org.computecap.engine.Rejection;
import org.computecap.engine.Result;
import org.computecap.engine.WriteAccess;
import org.computecap.engine.command.ClosePeriod;
import org.computecap.engine.command.Role;
import org.computecap.engine.exchange.ExchangeState;
import org.computecap.engine.program.AccountStatus;
import org.computecap.engine.program.PeriodRule;
import org.computecap.engine.program.Program;
import org.computecap.engine.registry.Ledger;
import org.computecap.engine.registry.Registry;
import org.computecap.engine.registry.SystemAccount;
import org.computecap.engine.stability.StabilityReserveHandler;

/**
 * {@code ClosePeriod} (§7.4-7.6), in this order: every participant (ascending id) is assessed
 * against its reported obligation {@code ceil(lambda · reported) + make-good owed}; the shortfall D
 * is charged phi(D) and, with make-good on, replaces what it owes next period (otherwise it is
 * forgiven once charged). Then the seeded audit lottery draws among the same participants; with
 * banking off the exchange first cancels every resting order that would deliver this or an older
 * vintage (releasing its reservation), then every unsurrendered permit of those vintages expires;
 * then a program's stability reserve reads TNAC and settles ({@link StabilityReserveHandler});
 * finally the engine moves to the next period.
 */
final class PeriodClose {
  private PeriodClose() {}

  static Result close(WriteAccess access, ComplianceState s, ClosePeriod c) {
    EngineState state = access.state();
    Rejection rejection = PeriodRule.mustBeCurrent(state, c.period());
    if (rejection == null && ComplianceHandler.auctionOpen(state, c.period())) {
      rejection = Rejection.AUCTION_STILL_OPEN;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    Program program = state.program();
    Registry registry = state.registry();
    List<Event> events = new ArrayList<>();
    List<AuditCandidate> candidates = new ArrayList<>();
    int shortfalls = 0;
    long charged = 0;
    for (long account : registry.accountIds()) {
      if (registry.role(account) != Role.PARTICIPANT
          || state.accountStatus(account) == AccountStatus.CLOSED) {
        continue;
      }
      ComplianceAssessed a = assess(access, s, program, account, c.period(), events);
      shortfalls += a.status() == ComplianceStatus.SHORTFALL ? 1 : 0;
      charged = ComplianceState.saturatingAdd(charged, a.penaltyCents() - a.penaltyUnpaidCents());
      ComplianceState.Entry e = s.entry(account, c.period());
      boolean signal = state.attestedAuditSignal(account, c.period(), e.reportedTotal());
      candidates.add(new AuditCandidate(account, e.reportedTotal(), e.hasMeter, e.meter, signal));
    }
    Program.Audit audit = program.audit();
    EnforcementState levers = state.featureOrNull(EnforcementState.class);
    AuditLottery.Draw draw =
        AuditLottery.draw(
            candidates,
            audit.probabilityPpm(),
            audit.targetedProbabilityPpm(),
            audit.meterExcessThresholdPpm(),
            audit.maxAuditsPerPeriod(),
            AuditLevers.raises(levers, candidates),
            SplitMix64.forAudit(state.seed(), c.period()));
    if (levers != null && program.enforcement().escalation().isOn()) {
      // Escalation: this draw used the raises; they decay before this period's findings add more.
      AuditLevers.decay(levers, program.enforcement().escalation());
    }
    s.audited.put(c.period(), draw.audited());
    events.add(new AuditsDrawn(c.period(), draw.audited(), draw.dropped(), draw.targeted()));
    if (!program.banking()) {
      events.addAll(ExchangeState.closeVintagesUpTo(access, c.period()));
      expire(access.ledger(), program, c.period(), events);
    }
    StabilityReserveHandler.closePeriod(access, c.period(), events);
    access.advancePeriod();
    events.add(
        0,
        new PeriodClosed(
            c.period(), candidates.size(), shortfalls, charged, state.currentPeriod()));
    return Result.accepted(events);
  }

  /** Assesses one participant for the period and records it. */
  private static ComplianceAssessed assess(
      WriteAccess access,
      ComplianceState s,
      Program program,
      long account,
      int period,
      List<Event> events) {
    EngineState state = access.state();
    ComplianceState.Entry e = s.entryForUpdate(account, period);
    long lambda = ComplianceHandler.multiplierPpm(program, e.evaluation);
    long makeGoodIn = s.makeGoodOwedPermits(account);
    // Attested readings that settle (issue 17) set the least quantity the obligation is on.
    long settled = state.attestedSettlingUnits(account, period);
    long quantity = Math.max(e.reportedTotal(), settled);
    long obligation =
        ComplianceState.saturatingAdd(Obligations.weightedPermits(lambda, quantity), makeGoodIn);
    long surrendered = state.registry().surrendered(account, period);
    long shortfall = Obligations.shortfall(obligation, surrendered);
    Program.Penalty rules = program.penalty();
    long penalty =
        PenaltyFunction.phiCents(
            rules.linearCentsPerPermit(), rules.quadraticCentsPerPermitSquared(), shortfall);
    e.closed = true;
    e.multiplierPpm = lambda;
    e.obligationPermits = obligation;
    e.makeGoodInPermits = makeGoodIn;
    e.surrenderedPermits = surrendered;
    e.shortfallPermits = shortfall;
    e.penaltyCents = penalty;
    long unpaid = ComplianceHandler.chargePenalty(access.ledger(), s, account, penalty);
    long owedNext = rules.makeGood() ? shortfall : 0;
    if (owedNext == 0) {
      s.makeGoodOwed.remove(account);
    } else {
      s.makeGoodOwed.put(account, owedNext);
    }
    ComplianceAssessed assessed =
        new ComplianceAssessed(
            account,
            period,
            e.reportedTotal(),
            lambda,
            obligation,
            surrendered,
            shortfall,
            shortfall == 0 ? ComplianceStatus.COMPLIANT : ComplianceStatus.SHORTFALL,
            penalty,
            unpaid,
            owedNext);
    events.add(assessed);
    if (settled > e.reportedTotal()) {
      events.add(new AttestedQuantitySettled(account, period, e.reportedTotal(), settled));
    }
    return assessed;
  }

  /** Banking off: moves every free permit of vintages up to {@code period} to expiry. */
  private static void expire(Ledger ledger, Program program, int period, List<Event> events) {
    Registry registry = ledger.registry();
    for (long account : registry.accountIds()) {
      SystemAccount system = SystemAccount.byId(account);
      // Collateral permits (issue 17) are the participant's, held for it: they do not expire.
      if (!registry.canHoldPermits(account)
          || (system != null && (system.isSink() || system == SystemAccount.COLLATERAL_HOLD))) {
        continue;
      }
      for (int v = program.firstPeriod(); v <= period; v++) {
        long free = registry.freePermits(account, v);
        if (free > 0) {
          ledger.expire(account, v, free);
          events.add(new PermitsExpired(account, v, free));
        }
      }
    }
  }
}
