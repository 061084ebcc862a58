package org.computecap.engine.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.computecap.engine.EngineState;
import org.computecap.engine.Event;
import org.computecap.engine.Rejection;
import org.computecap.engine.Result;
import org.computecap.engine.WriteAccess;
import org.computecap.engine.command.AllocateFreePermits;
import org.computecap.engine.command.AllocateNewEntrant;
import org.computecap.engine.command.AllocationCommand;
import org.computecap.engine.command.RecordVerifiedActivity;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.SetAssistanceFactor;
import org.computecap.engine.program.AccountStatus;
import org.computecap.engine.program.AllocationMethod;
import org.computecap.engine.program.PeriodRule;
import org.computecap.engine.program.Program;
import org.computecap.engine.registry.Ledger;
import org.computecap.engine.registry.Registry;
import org.computecap.engine.registry.SystemAccount;

/**
 * Applies the allocation commands (§4) with {@link FreeAllocation}'s exact calculators. Checks
 * first, in order: the account exists and is a participant, the period is right, the step has not
 * happened yet, the cap has room; only then does it issue or transfer.
 *
 * <p>The period's free budget is issued at {@code AllocateFreePermits}: incumbents' grants to them,
 * the new-entrant reserve into the registry's {@code NEW_ENTRANT_RESERVE} account; the incumbents'
 * unallocated rounding rest is never issued. A new entrant is served from the reserve's eligible
 * vintages, oldest first, up to what is left there. Its entitlement is {@code floor(projected · B ·
 * C_i)} under BENCHMARK, and the period's mean incumbent grant under GRANDFATHER and UNIFORM (which
 * have no benchmark to apply).
 */
public final class AllocationHandler {
  private AllocationHandler() {}

  public static Result apply(WriteAccess access, AllocationCommand command) {
    EngineState state = access.state();
    AllocationState s = state.allocation();
    if (command instanceof RecordVerifiedActivity c) {
      return recordActivity(state, s, c);
    }
    if (command instanceof SetAssistanceFactor c) {
      return setAssistance(state, s, c);
    }
    if (command instanceof AllocateFreePermits c) {
      return allocateFree(access, s, c);
    }
    if (command instanceof AllocateNewEntrant c) {
      return allocateNewEntrant(access, s, c);
    }
    throw new AssertionError("no allocation handler for " + command.getClass().getName());
  }

  private static Result recordActivity(
      EngineState state, AllocationState s, RecordVerifiedActivity c) {
    Rejection rejection = participantRule(state.registry(), c.accountId());
    if (rejection == null && c.period() >= state.currentPeriod()) {
      rejection = Rejection.ACTIVITY_PERIOD_NOT_ENDED;
    }
    if (rejection == null && s.activity(c.accountId(), c.period()) != null) {
      rejection = Rejection.ACTIVITY_ALREADY_RECORDED;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    s.activity
        .computeIfAbsent(c.accountId(), k -> new TreeMap<>())
        .put(c.period(), new Activity(c.outputUnits(), c.coveredQuantity()));
    return Result.accepted(
        new VerifiedActivityRecorded(
            c.accountId(), c.period(), c.outputUnits(), c.coveredQuantity()));
  }

  private static Result setAssistance(EngineState state, AllocationState s, SetAssistanceFactor c) {
    Rejection rejection = participantRule(state.registry(), c.accountId());
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    s.assistancePpm.put(c.accountId(), c.factorPpm());
    return Result.accepted(new AssistanceFactorSet(c.accountId(), c.factorPpm()));
  }

  private static Result allocateFree(WriteAccess access, AllocationState s, AllocateFreePermits c) {
    EngineState state = access.state();
    Registry registry = state.registry();
    Ledger ledger = access.ledger();
    Rejection rejection = PeriodRule.mustBeCurrent(state, c.period());
    if (rejection == null && s.periods.containsKey(c.period())) {
      rejection = Rejection.FREE_ALLOCATION_ALREADY_DONE;
    }
    Program program = state.program();
    if (rejection == null
        && program.freeBudgetPermits(c.period()) > registry.remainingCap(c.period())) {
      rejection = Rejection.CAP_EXCEEDED;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    AllocationOutcome outcome = compute(state, s, program, c.period());
    long reserve = program.newEntrantReservePermits(c.period());
    AllocationState.PeriodAllocation record = new AllocationState.PeriodAllocation();
    record.benchmark = outcome.benchmark();
    record.incumbentBudgetPermits = outcome.budgetPermits();
    record.allocatedPermits = outcome.allocatedPermits();
    record.reserveFundedPermits = reserve;
    record.meanGrantPermits =
        outcome.grants().isEmpty() ? 0 : outcome.allocatedPermits() / outcome.grants().size();
    List<Event> events = new ArrayList<>();
    events.add(
        new FreePermitsAllocated(
            c.period(),
            program.allocation().method(),
            outcome.budgetPermits(),
            outcome.allocatedPermits(),
            outcome.unallocatedPermits(),
            outcome.scaledToBudget(),
            outcome.benchmark().toString(),
            reserve));
    for (Grant g : outcome.grants()) {
      record.grants.put(g.account(), g.permits());
      if (g.permits() > 0) {
        ledger.issue(g.account(), c.period(), g.permits());
        events.add(new FreePermitsGranted(g.account(), c.period(), g.permits()));
      }
    }
    if (reserve > 0) {
      ledger.issue(SystemAccount.NEW_ENTRANT_RESERVE.id(), c.period(), reserve);
    }
    s.periods.put(c.period(), record);
    s.touch(c.period());
    return Result.accepted(events);
  }

  /** Runs the program's method over the incumbents of {@code period}. */
  private static AllocationOutcome compute(
      EngineState state, AllocationState s, Program program, int period) {
    long budget = program.incumbentBudgetPermits(period);
    Program.Allocation rules = program.allocation();
    if (rules.method() == AllocationMethod.UNIFORM) {
      List<Long> open = new ArrayList<>();
      for (long id : participants(state.registry())) {
        if (state.accountStatus(id) != AccountStatus.CLOSED) {
          open.add(id);
        }
      }
      return FreeAllocation.uniform(open, budget);
    }
    List<ParticipantHistory> histories = new ArrayList<>();
    for (long account : s.activity.keySet()) {
      Activity previous = s.activity(account, period - 2);
      Activity last = s.activity(account, period - 1);
      if ((previous != null || last != null)
          && state.registry().role(account) == Role.PARTICIPANT
          && state.accountStatus(account) != AccountStatus.CLOSED) {
        histories.add(
            new ParticipantHistory(account, previous, last, s.assistanceFactorPpm(account)));
      }
    }
    if (rules.method() == AllocationMethod.GRANDFATHER) {
      return FreeAllocation.grandfather(histories, budget);
    }
    return FreeAllocation.benchmark(
        histories, budget, rules.benchmarkPercentilePpm(), rules.activityChangeThresholdPpm());
  }

  private static Result allocateNewEntrant(
      WriteAccess access, AllocationState s, AllocateNewEntrant c) {
    EngineState state = access.state();
    Registry registry = state.registry();
    int period = state.currentPeriod();
    Rejection rejection = participantRule(registry, c.accountId());
    AllocationState.PeriodAllocation record = s.periods.get(period);
    if (rejection == null && record == null) {
      rejection = Rejection.FREE_ALLOCATION_NOT_DONE;
    }
    if (rejection == null
        && (s.activity(c.accountId(), period - 1) != null
            || s.activity(c.accountId(), period - 2) != null)) {
      rejection = Rejection.NOT_A_NEW_ENTRANT;
    }
    if (rejection == null && s.grantedPermits(c.accountId(), period) > 0) {
      rejection = Rejection.ALREADY_ALLOCATED;
    }
    long reserveId = SystemAccount.NEW_ENTRANT_RESERVE.id();
    int oldest = rejection == null ? state.oldestEligibleVintage(period) : period;
    long available = rejection == null ? registry.freePermits(reserveId, oldest, period) : 0;
    if (rejection == null && available == 0) {
      rejection = Rejection.NEW_ENTRANT_RESERVE_EXHAUSTED;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    Program program = state.program();
    long entitled =
        program.allocation().method() == AllocationMethod.BENCHMARK
            ? FreeAllocation.newEntrantBenchmark(
                c.projectedOutputUnits(), record.benchmark, s.assistanceFactorPpm(c.accountId()))
            : record.meanGrantPermits;
    long granted = Math.min(entitled, available);
    long left = granted;
    for (int v = oldest; v <= period && left > 0; v++) {
      long take = Math.min(left, registry.freePermits(reserveId, v));
      if (take > 0) {
        access.ledger().transfer(reserveId, c.accountId(), v, take);
        left -= take;
      }
    }
    if (granted > 0) {
      record.entrantGrants.put(c.accountId(), granted);
      s.touch(period);
    }
    return Result.accepted(new NewEntrantAllocated(c.accountId(), period, entitled, granted));
  }

  /** Participant accounts in ascending id order. */
  static List<Long> participants(Registry registry) {
    List<Long> ids = new ArrayList<>();
    for (long id : registry.accountIds()) {
      if (registry.role(id) == Role.PARTICIPANT) {
        ids.add(id);
      }
    }
    return ids;
  }

  private static Rejection participantRule(Registry registry, long accountId) {
    Role role = registry.role(accountId);
    if (role == null) {
      return Rejection.UNKNOWN_ACCOUNT;
    }
    return role == Role.PARTICIPANT ? null : Rejection.ROLE_NOT_PERMITTED;
  }
}
