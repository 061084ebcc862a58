package org.computecap.engine.compliance;

import java.util.ArrayList;
import java.util.List;
import org.computecap.engine.EngineState;
import org.computecap.engine.Event;
import org.computecap.engine.Rejection;
import org.computecap.engine.Result;
import org.computecap.engine.WriteAccess;
import org.computecap.engine.command.SurrenderPermits;
import org.computecap.engine.program.AccountRule;
import org.computecap.engine.program.LateSurrenderPolicy;
import org.computecap.engine.registry.PermitsSurrendered;
import org.computecap.engine.registry.Registry;

/**
 * A surrender for a period that has already closed (issue 15's compliance calendar). The deadline
 * of a period is its {@code ClosePeriod}, where compliance assessed it; a surrender after that
 * cannot count toward the assessment, so it must never retire permits for nothing. The program
 * decides: {@code REFUSED} (the default) refuses it; {@code CREDIT_MAKE_GOOD} accepts it up to the
 * make-good the participant still owes and lowers that debt by the quantity (the penalty charged at
 * the close stays charged: being late is what it paid for).
 *
 * <p>Checks, in order: the account is a participant, the account's status lets it surrender, the
 * policy, the make-good owed covers the quantity, the free permits of the period's eligible
 * vintages cover it. The engine sends here only surrenders for a program period before the current
 * one.
 */
public final class LateSurrender {
  private LateSurrender() {}

  /** Whether the engine hands {@code c} here rather than to the registry. */
  public static boolean isLate(EngineState state, SurrenderPermits c) {
    return c.period() >= state.program().firstPeriod() && c.period() < state.currentPeriod();
  }

  public static Result apply(WriteAccess access, SurrenderPermits c) {
    EngineState state = access.state();
    ComplianceState s = state.compliance();
    Registry registry = state.registry();
    Rejection rejection = ComplianceHandler.participantRule(registry, c.accountId());
    if (rejection == null) {
      rejection = AccountRule.maySurrender(state, c.accountId());
    }
    LateSurrenderPolicy policy = state.program().registryControls().lateSurrender();
    if (rejection == null && policy == LateSurrenderPolicy.REFUSED) {
      rejection = Rejection.SURRENDER_DEADLINE_PASSED;
    }
    if (rejection == null && c.quantity() > s.makeGoodOwedPermits(c.accountId())) {
      rejection = Rejection.LATE_SURRENDER_EXCEEDS_MAKE_GOOD;
    }
    int oldest = state.oldestEligibleVintage(c.period());
    if (rejection == null
        && registry.freePermits(c.accountId(), oldest, c.period()) < c.quantity()) {
      rejection = Rejection.INSUFFICIENT_PERMITS;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    long[] taken = access.ledger().surrender(c.accountId(), c.period(), c.quantity(), oldest);
    List<Event> events = new ArrayList<>();
    for (int k = 0; k < taken.length; k++) {
      if (taken[k] > 0) {
        events.add(new PermitsSurrendered(c.accountId(), c.period(), oldest + k, taken[k]));
      }
    }
    s.touch(c.accountId());
    long owed = s.makeGoodOwedPermits(c.accountId()) - c.quantity();
    if (owed == 0) {
      s.makeGoodOwed.remove(c.accountId());
    } else {
      s.makeGoodOwed.put(c.accountId(), owed);
    }
    events.add(new LateSurrenderCredited(c.accountId(), c.period(), c.quantity(), owed));
    return Result.accepted(events);
  }
}
