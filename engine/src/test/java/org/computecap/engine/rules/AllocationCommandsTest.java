package org.computecap.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.computecap.engine.Event;
import org.computecap.engine.Rejection;
import org.computecap.engine.allocation.FreePermitsAllocated;
import org.computecap.engine.allocation.FreePermitsGranted;
import org.computecap.engine.allocation.NewEntrantAllocated;
import org.computecap.engine.command.AllocateFreePermits;
import org.computecap.engine.command.AllocateNewEntrant;
import org.computecap.engine.command.ClosePeriod;
import org.computecap.engine.command.IssuePermits;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.RecordVerifiedActivity;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.SetAssistanceFactor;
import org.computecap.engine.registry.SystemAccount;
import org.junit.jupiter.api.Test;

class AllocationCommandsTest {
  private final RulesMarket m = new RulesMarket(RulesMarket.program(), 1);

  /** The hand-checked four-participant history of FreeAllocationTest, in periods -1 and 0. */
  private void fourIncumbents() {
    for (long id = 1; id <= 4; id++) {
      m.participant(id, 0);
    }
    m.ok(new RecordVerifiedActivity(1, -1, 100, 50));
    m.ok(new RecordVerifiedActivity(1, 0, 100, 50));
    m.ok(new RecordVerifiedActivity(2, -1, 200, 200));
    m.ok(new RecordVerifiedActivity(2, 0, 220, 220));
    m.ok(new RecordVerifiedActivity(3, -1, 100, 150));
    m.ok(new RecordVerifiedActivity(3, 0, 200, 300));
    m.ok(new RecordVerifiedActivity(4, 0, 50, 100));
    m.ok(new SetAssistanceFactor(2, 1_200_000));
    m.ok(new SetAssistanceFactor(3, 800_000));
  }

  @Test
  void benchmark_allocation_issues_each_incumbent_its_grant_and_funds_the_reserve() {
    fourIncumbents();
    List<Event> events = m.ok(new AllocateFreePermits(1));
    // Budget 6,000 free less 1,000 reserve; B = 3/4; grants 75, 189, 120, 37 (37.5 floored).
    FreePermitsAllocated summary = m.event(events, FreePermitsAllocated.class);
    assertThat(summary.budgetPermits()).isEqualTo(5_000);
    assertThat(summary.allocatedPermits()).isEqualTo(421);
    assertThat(summary.unallocatedPermits()).isEqualTo(4_579);
    assertThat(summary.benchmark()).isEqualTo("3/4");
    assertThat(summary.newEntrantReservePermits()).isEqualTo(1_000);
    assertThat(m.events(events, FreePermitsGranted.class))
        .extracting(FreePermitsGranted::permits)
        .containsExactly(75L, 189L, 120L, 37L);
    assertThat(m.registry().freePermits(2, 1)).isEqualTo(189);
    assertThat(m.registry().freePermits(SystemAccount.NEW_ENTRANT_RESERVE.id(), 1))
        .isEqualTo(1_000);
    assertThat(m.registry().issuedTotal()).isEqualTo(1_421);
  }

  @Test
  void free_allocation_runs_once_and_only_in_the_current_program_period() {
    fourIncumbents();
    m.rejected(new AllocateFreePermits(2), Rejection.PERIOD_NOT_STARTED);
    m.rejected(new AllocateFreePermits(7), Rejection.PERIOD_OUTSIDE_PROGRAM);
    m.ok(new AllocateFreePermits(1));
    m.rejected(new AllocateFreePermits(1), Rejection.FREE_ALLOCATION_ALREADY_DONE);
    m.ok(new ClosePeriod(1));
    m.rejected(new AllocateFreePermits(1), Rejection.PERIOD_CLOSED);
  }

  @Test
  void new_entrants_are_served_from_the_reserve_until_it_runs_out() {
    fourIncumbents();
    m.participant(5, 0);
    m.participant(6, 0);
    m.participant(7, 0);
    m.rejected(new AllocateNewEntrant(5, 200), Rejection.FREE_ALLOCATION_NOT_DONE);
    m.ok(new AllocateFreePermits(1));
    // 200 projected · 3/4 = 150.
    NewEntrantAllocated first =
        m.event(m.ok(new AllocateNewEntrant(5, 200)), NewEntrantAllocated.class);
    assertThat(first.grantedPermits()).isEqualTo(150);
    assertThat(m.registry().freePermits(5, 1)).isEqualTo(150);
    m.rejected(new AllocateNewEntrant(5, 200), Rejection.ALREADY_ALLOCATED);
    m.rejected(new AllocateNewEntrant(1, 200), Rejection.NOT_A_NEW_ENTRANT);
    // 10,000 · 3/4 = 7,500 wanted, only 850 left.
    NewEntrantAllocated second =
        m.event(m.ok(new AllocateNewEntrant(6, 10_000)), NewEntrantAllocated.class);
    assertThat(second.entitledPermits()).isEqualTo(7_500);
    assertThat(second.grantedPermits()).isEqualTo(850);
    m.rejected(new AllocateNewEntrant(7, 10), Rejection.NEW_ENTRANT_RESERVE_EXHAUSTED);
  }

  @Test
  void activity_is_recorded_once_per_ended_period_for_participants_only() {
    m.participant(1, 0);
    m.ok(new OpenAccount(9, "verifier", Role.AUDITOR));
    m.rejected(new RecordVerifiedActivity(1, 1, 10, 10), Rejection.ACTIVITY_PERIOD_NOT_ENDED);
    m.ok(new RecordVerifiedActivity(1, 0, 10, 10));
    m.rejected(new RecordVerifiedActivity(1, 0, 11, 11), Rejection.ACTIVITY_ALREADY_RECORDED);
    m.rejected(new RecordVerifiedActivity(8, 0, 10, 10), Rejection.UNKNOWN_ACCOUNT);
    m.rejected(new RecordVerifiedActivity(9, 0, 10, 10), Rejection.ROLE_NOT_PERMITTED);
    m.rejected(new SetAssistanceFactor(8, 1), Rejection.UNKNOWN_ACCOUNT);
    m.rejected(new SetAssistanceFactor(9, 1), Rejection.ROLE_NOT_PERMITTED);
  }

  @Test
  void the_second_period_uses_the_activity_of_the_two_periods_before_it() {
    fourIncumbents();
    m.ok(new AllocateFreePermits(1));
    m.ok(new ClosePeriod(1));
    // Account 1 doubles its output in period 1 (200 vs mean 150: +33%), so O = 200.
    m.ok(new RecordVerifiedActivity(1, 1, 200, 100));
    List<Event> events = m.ok(new AllocateFreePermits(2));
    // Window {0, 1}: 1 (E 0.5, O 200), 2 (E 1, O 220), 3 (E 1.5, O 200), 4 (E 2, O 50).
    // B = 0.75: 150, 198, 120, 37.5 -> 150, 198, 120, 37.
    assertThat(m.events(events, FreePermitsGranted.class))
        .extracting(FreePermitsGranted::permits)
        .containsExactly(150L, 198L, 120L, 37L);
    assertThat(m.registry().freePermits(1, 2)).isEqualTo(150);
  }

  @Test
  void uniform_allocation_gives_grants_within_one_permit_and_leaves_nothing_unallocated() {
    RulesMarket u =
        new RulesMarket(RulesMarket.program().replace("method: BENCHMARK", "method: UNIFORM"), 1);
    u.participant(1, 0);
    u.participant(2, 0);
    u.participant(3, 0);
    List<Event> events = u.ok(new AllocateFreePermits(1));
    assertThat(u.events(events, FreePermitsGranted.class))
        .extracting(FreePermitsGranted::permits)
        .containsExactly(1_667L, 1_667L, 1_666L);
    assertThat(u.event(events, FreePermitsAllocated.class).unallocatedPermits()).isZero();
    u.participant(4, 0);
    assertThat(
            u.event(u.ok(new AllocateNewEntrant(4, 0)), NewEntrantAllocated.class).grantedPermits())
        .isEqualTo(1_000);
  }

  @Test
  void grandfathering_shares_the_budget_by_historical_covered_quantity() {
    RulesMarket g =
        new RulesMarket(
            RulesMarket.program().replace("method: BENCHMARK", "method: GRANDFATHER"), 1);
    g.participant(1, 0);
    g.participant(2, 0);
    g.ok(new RecordVerifiedActivity(1, 0, 1, 300));
    g.ok(new RecordVerifiedActivity(2, 0, 1, 100));
    List<Event> events = g.ok(new AllocateFreePermits(1));
    assertThat(g.events(events, FreePermitsGranted.class))
        .extracting(FreePermitsGranted::permits)
        .containsExactly(3_750L, 1_250L);
  }

  @Test
  void a_reserve_topped_up_by_hand_serves_new_entrants_beyond_its_funding() {
    RulesMarket u =
        new RulesMarket(RulesMarket.program().replace("method: BENCHMARK", "method: UNIFORM"), 1);
    u.participant(1, 0);
    u.participant(2, 0);
    u.ok(new AllocateFreePermits(1));
    u.ok(new IssuePermits(SystemAccount.NEW_ENTRANT_RESERVE.id(), 1, 4_000));
    u.participant(3, 0);
    assertThat(
            u.event(u.ok(new AllocateNewEntrant(3, 0)), NewEntrantAllocated.class).grantedPermits())
        .isEqualTo(2_500);
    u.participant(4, 0);
    assertThat(
            u.event(u.ok(new AllocateNewEntrant(4, 0)), NewEntrantAllocated.class).grantedPermits())
        .isEqualTo(2_500);
  }
}
