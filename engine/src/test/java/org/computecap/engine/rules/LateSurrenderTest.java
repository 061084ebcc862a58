package org.computecap.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.computecap.engine.Event;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.Rejection;
import org.computecap.engine.Result;
import org.computecap.engine.command.ClosePeriod;
import org.computecap.engine.command.IssuePermits;
import org.computecap.engine.command.SubmitReport;
import org.computecap.engine.command.SurrenderPermits;
import org.computecap.engine.compliance.ComplianceCode;
import org.computecap.engine.compliance.ComplianceRecord;
import org.computecap.engine.compliance.LateSurrenderCredited;
import org.computecap.engine.program.Workload;
import org.junit.jupiter.api.Test;

/**
 * The compliance calendar's deadline (issue 15): a period's surrenders count until the period
 * closes. Before the fix, a surrender for a closed period was accepted, retired the permits and
 * credited nothing: the registry showed 50 surrendered for the period, the compliance record 40,
 * and the make-good of 10 was still owed.
 */
class LateSurrenderTest {
  private final RulesMarket m = new RulesMarket(RulesMarket.program(), 1);

  /** Participant 1 owes 50 for period 1, surrenders 40 on time, and the period closes. */
  private void closeWithShortfallOfTen() {
    m.participant(1, 100_000);
    m.ok(new IssuePermits(1, 1, 100));
    m.ok(new SubmitReport(1, 1, Workload.TRAINING, 50));
    m.ok(new SurrenderPermits(1, 1, 40));
    m.ok(new ClosePeriod(1));
    assertThat(m.engine.state().compliance().assessment(1, 1).surrenderedPermits()).isEqualTo(40);
    assertThat(m.engine.state().compliance().makeGoodOwedPermits(1)).isEqualTo(10);
  }

  @Test
  void a_surrender_for_a_closed_period_is_refused_and_retires_nothing_by_default() {
    closeWithShortfallOfTen();

    Result late = m.apply(new SurrenderPermits(1, 1, 10));

    assertThat(late.isAccepted()).as("late surrender accepted: %s", late).isFalse();
    assertThat(late.rejection().code()).isEqualTo("SURRENDER_DEADLINE_PASSED");

    assertThat(m.registry().surrendered(1, 1))
        .as("the registry agrees with the compliance record")
        .isEqualTo(m.engine.state().compliance().assessment(1, 1).surrenderedPermits())
        .isEqualTo(40);
    assertThat(m.registry().freePermitsTotal(1)).isEqualTo(60);
    assertThat(m.engine.state().compliance().makeGoodOwedPermits(1)).isEqualTo(10);
  }

  @Test
  void a_crediting_program_takes_a_late_surrender_off_the_make_good_and_no_further() {
    RulesMarket credit =
        new RulesMarket(
            RulesMarket.program() + "registryControls:\n  lateSurrender: CREDIT_MAKE_GOOD\n", 1);
    credit.participant(1, 100_000);
    credit.ok(new IssuePermits(1, 1, 100));
    credit.ok(new SubmitReport(1, 1, Workload.TRAINING, 50));
    credit.ok(new SurrenderPermits(1, 1, 40));
    credit.ok(new ClosePeriod(1));

    List<Event> events = credit.ok(new SurrenderPermits(1, 1, 10));

    assertThat(credit.event(events, LateSurrenderCredited.class))
        .isEqualTo(new LateSurrenderCredited(1, 1, 10, 0));
    assertThat(credit.engine.state().compliance().makeGoodOwedPermits(1)).isZero();
    ComplianceRecord record =
        credit.engine.state().compliance().record(credit.engine.state(), 1, 1);
    assertThat(record.code()).isEqualTo(ComplianceCode.B);
    assertThat(record.surrenderedByDeadlinePermits()).isEqualTo(40);
    assertThat(record.surrenderedLatePermits()).isEqualTo(10);
    assertThat(credit.registry().surrendered(1, 1)).isEqualTo(50);
    credit.rejected(new SurrenderPermits(1, 1, 1), Rejection.LATE_SURRENDER_EXCEEDS_MAKE_GOOD);
  }

  @Test
  void an_unknown_late_surrender_policy_is_refused_naming_the_field_and_the_choices() {
    assertThatThrownBy(
            () ->
                ProgramParser.standard()
                    .parse(RulesMarket.program() + "registryControls:\n  lateSurrender: FORGIVE\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("registryControls.lateSurrender")
        .hasMessageContaining("REFUSED, CREDIT_MAKE_GOOD");
    assertThatThrownBy(
            () ->
                ProgramParser.standard()
                    .parse(RulesMarket.program() + "registryControls:\n  deadline: 3\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("registryControls.deadline: unknown field");
  }
}
