package org.computecap.engine.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Issue 17's {@code enforcement} section: absent is off, every field validated by name. */
class EnforcementFieldsTest {
  private static final String ALL =
      """
      enforcement:
        collateral:
          form: CASH
          amount: 5000
          liabilityCapCents: 6000
        twoStageAudit:
          falseNegativePpm: 200000
          falsePositivePpm: 50000
        escalation:
          stepPpm: 100000
          decayPpm: 500000
      """;

  private static Program parse(String section) {
    return ProgramLoader.parse("program.yaml", ProgramLoaderTest.minimal() + section);
  }

  private static void refused(String from, String to, String message) {
    assertThatThrownBy(() -> parse(ALL.replace(from, to))).hasMessage(message);
  }

  @Test
  void a_program_without_the_section_has_no_lever() {
    assertThat(parse("").enforcement()).isEqualTo(EnforcementLevers.NONE);
    assertThat(EnforcementLevers.NONE.isOn()).isFalse();
  }

  @Test
  void the_section_reads_every_lever() {
    EnforcementLevers levers = parse(ALL).enforcement();
    assertThat(levers.collateral())
        .isEqualTo(new EnforcementLevers.Collateral(CollateralForm.CASH, 5000, 6000));
    assertThat(levers.twoStage()).isEqualTo(new EnforcementLevers.TwoStage(true, 200_000, 50_000));
    assertThat(levers.escalation()).isEqualTo(new EnforcementLevers.Escalation(100_000, 500_000));
    // Permits with no cap; each subsection alone turns only its lever on.
    EnforcementLevers permits =
        parse("enforcement:\n  collateral:\n    form: PERMITS\n    amount: 100\n").enforcement();
    assertThat(permits.collateral())
        .isEqualTo(new EnforcementLevers.Collateral(CollateralForm.PERMITS, 100, 0));
    assertThat(permits.twoStage().isOn()).isFalse();
    assertThat(permits.escalation().isOn()).isFalse();
  }

  @Test
  void every_bad_field_is_refused_naming_the_field_and_the_rule() {
    refused(
        "falseNegativePpm: 200000",
        "falseNegativePpm: 1000001",
        "program.yaml: enforcement.twoStageAudit.falseNegativePpm: 1000001 is above 1000000");
    refused(
        "stepPpm: 100000",
        "stepPpm: 0",
        "program.yaml: enforcement.escalation.stepPpm: 0 is below 1");
    refused(
        "amount: 5000", "amount: 0", "program.yaml: enforcement.collateral.amount: 0 is below 1");
    refused(
        "liabilityCapCents: 6000",
        "liabilityCapCents: 4000",
        "program.yaml: enforcement.collateral.liabilityCapCents: 4000 is below the collateral"
            + " 5000");
    assertThatThrownBy(() -> parse(ALL.replace("form: CASH", "form: GOLD")))
        .hasMessageContaining("enforcement.collateral.form");
    assertThatThrownBy(() -> parse(ALL.replace("decayPpm: 500000", "decayPpm: 5\n    rate: 1")))
        .hasMessageContaining("enforcement.escalation.rate");
    assertThatThrownBy(() -> parse("enforcement: {}\n"))
        .hasMessageContaining("enforcement.collateral")
        .hasMessageContaining("at least one lever");
  }
}
