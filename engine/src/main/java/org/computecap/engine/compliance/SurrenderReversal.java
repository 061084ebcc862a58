package org.computecap.engine.compliance;

import java.util.ArrayList;
import java.util.List;
import org.computecap.engine.EngineState;
import org.computecap.engine.Rejection;
import org.computecap.engine.Result;
import org.computecap.engine.WriteAccess;
import org.computecap.engine.command.ReverseSurrender;
import org.computecap.engine.program.AccountRule;
import org.computecap.engine.program.Program;
import org.computecap.engine.registry.Registry;

/**
 * {@code ReverseSurrender} (issue 15): a regulator gives back part of what a participant
 * surrendered for a period. While the period is open only the registry changes: less counts at the
 * close. For a closed period the reversal first undoes late surrenders credited against the
 * make-good (the make-good owed rises again by them), then takes the rest off what the assessment
 * counted: the shortfall rises, the close penalty becomes phi of the new shortfall (the difference
 * is charged as the audit finding's is), and with make-good on the added shortfall is owed too. The
 * conservation of permits holds throughout: they move from the retirement account back to the
 * participant.
 *
 * <p>Checks, in order: the program has registry controls, the account is a participant, it is not
 * CLOSED, the period belongs to the program and has begun, the quantity is at most what the account
 * surrendered for it.
 */
public final class SurrenderReversal {
  private SurrenderReversal() {}

  public static Result apply(WriteAccess access, ReverseSurrender c) {
    EngineState state = access.state();
    Registry registry = state.registry();
    Program program = state.program();
    Rejection rejection = null;
    if (!program.registryControls().enabled()) {
      rejection = Rejection.REGISTRY_CONTROL_NOT_IN_PROGRAM;
    }
    if (rejection == null) {
      rejection = ComplianceHandler.participantRule(registry, c.accountId());
    }
    if (rejection == null) {
      rejection = AccountRule.mayReceive(state, c.accountId());
    }
    if (rejection == null && !program.hasPeriod(c.period())) {
      rejection = Rejection.PERIOD_OUTSIDE_PROGRAM;
    } else if (rejection == null && c.period() > state.currentPeriod()) {
      rejection = Rejection.PERIOD_NOT_STARTED;
    }
    if (rejection == null && c.quantity() > registry.surrendered(c.accountId(), c.period())) {
      rejection = Rejection.REVERSAL_EXCEEDS_SURRENDERED;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    ComplianceState s = state.compliance();
    ComplianceState.Entry e = s.entry(c.accountId(), c.period());
    boolean closed = e != null && e.closed;
    long late = closed ? registry.surrendered(c.accountId(), c.period()) - e.surrenderedPermits : 0;
    long fromLate = Math.min(c.quantity(), late);
    long fromAssessed = closed ? c.quantity() - fromLate : 0;
    long[] given = access.ledger().unsurrender(c.accountId(), c.period(), c.quantity());
    List<long[]> returned = new ArrayList<>();
    for (int k = 0; k < given.length; k++) {
      if (given[k] > 0) {
        returned.add(new long[] {c.period() - k, given[k]});
      }
    }
    long extra = 0;
    long penalty = 0;
    long unpaid = 0;
    if (closed) {
      s.touch(c.accountId());
      if (fromLate > 0) {
        s.makeGoodOwed.merge(c.accountId(), fromLate, ComplianceState::saturatingAdd);
      }
      if (fromAssessed > 0) {
        Program.Penalty rules = program.penalty();
        e.surrenderedPermits -= fromAssessed;
        long shortfall = Obligations.shortfall(e.obligationPermits, e.surrenderedPermits);
        long phi =
            PenaltyFunction.phiCents(
                rules.linearCentsPerPermit(), rules.quadraticCentsPerPermitSquared(), shortfall);
        extra = shortfall - e.shortfallPermits;
        penalty = phi - e.penaltyCents;
        e.shortfallPermits = shortfall;
        e.penaltyCents = phi;
        unpaid = ComplianceHandler.chargePenalty(access.ledger(), s, c.accountId(), penalty);
        if (rules.makeGood() && extra > 0) {
          s.makeGoodOwed.merge(c.accountId(), extra, ComplianceState::saturatingAdd);
        }
      }
    }
    return Result.accepted(
        new SurrenderReversed(
            c.accountId(),
            c.period(),
            c.quantity(),
            c.reason(),
            returned,
            fromAssessed,
            fromLate,
            extra,
            penalty,
            unpaid,
            s.makeGoodOwedPermits(c.accountId())));
  }
}
