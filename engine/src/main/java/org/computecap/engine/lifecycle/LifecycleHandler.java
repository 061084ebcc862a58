package org.computecap.engine.lifecycle;

import java.util.ArrayList;
import java.util.List;
import org.computecap.engine.EngineState;
import org.computecap.engine.Event;
import org.computecap.engine.Rejection;
import org.computecap.engine.Result;
import org.computecap.engine.WriteAccess;
import org.computecap.engine.command.LifecycleCommand;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.SetAccountStatus;
import org.computecap.engine.exchange.ExchangeState;
import org.computecap.engine.program.AccountStatus;
import org.computecap.engine.registry.Registry;

/**
 * Applies {@code SetAccountStatus} (issue 15). Checks, in order: the program has registry controls,
 * the account exists, it is a participant's or an insurer's (system accounts have no lifecycle), it
 * is not CLOSED (closing is final), the status changes, and an account closes only empty (no
 * permits and no cash, free or reserved, and no make-good or penalty owed). Then it records the
 * status and reason and, for any status but OPEN, cancels the account's resting orders and gives
 * their reservations back, so nothing it offered can still leave it through a match. Sealed auction
 * bids already made stay in their auction (docs/rules.md).
 */
public final class LifecycleHandler {
  private LifecycleHandler() {}

  public static Result apply(WriteAccess access, LifecycleCommand command) {
    if (command instanceof SetAccountStatus c) {
      return setStatus(access, c);
    }
    throw new AssertionError("no lifecycle handler for " + command.getClass().getName());
  }

  private static Result setStatus(WriteAccess access, SetAccountStatus c) {
    EngineState state = access.state();
    Registry registry = state.registry();
    Rejection rejection = null;
    Role role = registry.role(c.accountId());
    if (!state.program().registryControls().enabled()) {
      rejection = Rejection.REGISTRY_CONTROL_NOT_IN_PROGRAM;
    } else if (role == null) {
      rejection = Rejection.UNKNOWN_ACCOUNT;
    } else if (role != Role.PARTICIPANT && role != Role.INSURER) {
      rejection = Rejection.ROLE_NOT_PERMITTED;
    }
    AccountStatus from = rejection == null ? state.accountStatus(c.accountId()) : null;
    if (rejection == null && from == AccountStatus.CLOSED) {
      rejection = Rejection.ACCOUNT_CLOSED;
    } else if (rejection == null && from == c.status()) {
      rejection = Rejection.ACCOUNT_STATUS_UNCHANGED;
    } else if (rejection == null
        && c.status() == AccountStatus.CLOSED
        && !isEmpty(state, c.accountId())) {
      rejection = Rejection.ACCOUNT_NOT_EMPTY;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    LifecycleState s = state.feature(LifecycleState.class);
    s.standings.put(c.accountId(), new LifecycleState.Standing(c.status(), c.reason()));
    List<Event> events = new ArrayList<>();
    events.add(new AccountStatusChanged(c.accountId(), from, c.status(), c.reason()));
    if (c.status() != AccountStatus.OPEN) {
      events.addAll(ExchangeState.cancelOrdersOf(access, c.accountId()));
    }
    return Result.accepted(events);
  }

  /**
   * No permits and no cash, free or reserved, of any vintage, and no debt to the regulator
   * (make-good or an unpaid penalty): a closed account is no longer assessed, so nothing may be
   * left owing.
   */
  private static boolean isEmpty(EngineState state, long account) {
    Registry r = state.registry();
    if (r.freeCash(account) != 0 || r.reservedCash(account) != 0) {
      return false;
    }
    if (state.compliance().makeGoodOwedPermits(account) != 0
        || state.compliance().unpaidPenaltyCents(account) != 0) {
      return false;
    }
    for (int v = state.program().firstPeriod(); v <= state.currentPeriod(); v++) {
      if (r.freePermits(account, v) != 0 || r.reservedPermits(account, v) != 0) {
        return false;
      }
    }
    return true;
  }
}
