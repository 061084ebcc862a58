package org.computecap.engine.lifecycle;

import java.util.ArrayList;
import java.util.List;
import org.computecap.engine.EngineState;
import org.computecap.engine.Event;
import org.computecap.engine.Rejection;
import org.computecap.engine.Result;
import org.computecap.engine.WriteAccess;
import org.computecap.engine.command.LifecycleCommand;
import org.computecap.engine.command.ReverseAllocation;
import org.computecap.engine.command.ReverseSurrender;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.SetAccountStatus;
import org.computecap.engine.compliance.SurrenderReversal;
import org.computecap.engine.exchange.ExchangeState;
import org.computecap.engine.program.AccountStatus;
import org.computecap.engine.registry.Registry;

/**
 * Applies the registry controls' commands (issue 15): {@code ReverseSurrender} goes to compliance's
 * {@code SurrenderReversal} (which owns the assessment it redoes), {@code ReverseAllocation} is
 * {@link #reverseAllocation}, and {@code SetAccountStatus}: checks, in order: the program has
 * registry controls, the account exists, it is a participant's or an insurer's (system accounts
 * have no lifecycle), it is not CLOSED (closing is final), the status changes, and an account
 * closes only empty (no permits and no cash, free or reserved, and no make-good or penalty owed).
 * Then it records the status and reason and, for any status but OPEN, cancels the account's resting
 * orders and gives their reservations back, so nothing it offered can still leave it through a
 * match. Sealed auction bids already made stay in their auction (docs/rules.md).
 */
public final class LifecycleHandler {
  private LifecycleHandler() {}

  public static Result apply(WriteAccess access, LifecycleCommand command) {
    if (command instanceof SetAccountStatus c) {
      return setStatus(access, c);
    }
    if (command instanceof ReverseSurrender c) {
      return SurrenderReversal.apply(access, c);
    }
    if (command instanceof ReverseAllocation c) {
      return reverseAllocation(access, c);
    }
    throw new AssertionError("no lifecycle handler for " + command.getClass().getName());
  }

  /**
   * The checks every registry control starts with: the program has the controls, the account
   * exists, and its role is a participant (or, when {@code insurers}, an insurer).
   */
  private static Rejection controlRule(EngineState state, long accountId, boolean insurers) {
    Role role = state.registry().role(accountId);
    if (!state.program().registryControls().enabled()) {
      return Rejection.REGISTRY_CONTROL_NOT_IN_PROGRAM;
    } else if (role == null) {
      return Rejection.UNKNOWN_ACCOUNT;
    }
    return role == Role.PARTICIPANT || insurers && role == Role.INSURER
        ? null
        : Rejection.ROLE_NOT_PERMITTED;
  }

  private static Result setStatus(WriteAccess access, SetAccountStatus c) {
    EngineState state = access.state();
    Rejection rejection = controlRule(state, c.accountId(), true);
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
   * {@code ReverseAllocation}: checks, in order, registry controls, a participant, the period
   * belongs to the program and has begun, at most what was allocated to the account for it less
   * what was taken back before (free allocation and new-entrant grants), the account's free permits
   * of that vintage cover it. The permits go to the cancellation account, so they never circulate
   * again and the cap's arithmetic is unchanged (they stay issued, as cancelled).
   */
  private static Result reverseAllocation(WriteAccess access, ReverseAllocation c) {
    EngineState state = access.state();
    Registry registry = state.registry();
    Rejection rejection = controlRule(state, c.accountId(), false);
    if (rejection == null && !state.program().hasPeriod(c.period())) {
      rejection = Rejection.PERIOD_OUTSIDE_PROGRAM;
    } else if (rejection == null && c.period() > state.currentPeriod()) {
      rejection = Rejection.PERIOD_NOT_STARTED;
    }
    LifecycleState s = rejection == null ? state.feature(LifecycleState.class) : null;
    long reversed = s == null ? 0 : s.reversedAllocation(c.accountId(), c.period());
    if (rejection == null
        && c.quantity() > state.allocation().grantedPermits(c.accountId(), c.period()) - reversed) {
      rejection = Rejection.REVERSAL_EXCEEDS_ALLOCATION;
    }
    if (rejection == null && registry.freePermits(c.accountId(), c.period()) < c.quantity()) {
      rejection = Rejection.INSUFFICIENT_PERMITS;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    access.ledger().cancel(c.accountId(), c.period(), c.quantity());
    long total = reversed + c.quantity();
    s.reversedAllocations
        .computeIfAbsent(c.accountId(), k -> new java.util.TreeMap<>())
        .put(c.period(), total);
    return Result.accepted(
        new AllocationReversed(c.accountId(), c.period(), c.quantity(), c.reason(), total));
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
