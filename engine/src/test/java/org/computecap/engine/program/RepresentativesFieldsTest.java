package org.computecap.engine.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Issue 15's {@code representatives} section: absent is off, every field validated by name. */
class RepresentativesFieldsTest {
  private static final String EU_LIKE =
      """
      representatives:
        minimumPerAccount: 2
        approvalExpiryTicks: 604800000
        regulatorFourEyes: true
        fourEyes:
          abovePermits: 0
          aboveCents: 100000
        trustedList:
          entryDelayTicks: 604800000
          untrustedDelayTicks: 93600000
          untrustedMaxPermits: 100000
      """;

  private static Program parse(String section) {
    return ProgramLoader.parse("program.yaml", ProgramLoaderTest.minimal() + section);
  }

  @Test
  void a_program_without_the_section_has_no_representatives() {
    Program p = parse("");
    assertThat(p.hasRepresentatives()).isFalse();
    assertThat(p.representatives()).isNull();
  }

  @Test
  void the_section_reads_every_field() {
    assertThat(parse(EU_LIKE).representatives())
        .isEqualTo(
            new Representatives(
                2, 604_800_000, true, 0, 100_000, true, true, 604_800_000, 93_600_000, 100_000));
  }

  @Test
  void without_subsections_four_eyes_and_trusted_lists_are_off() {
    Representatives r = parse("representatives:\n  approvalExpiryTicks: 10\n").representatives();
    assertThat(r)
        .isEqualTo(
            new Representatives(1, 10, false, 0, 0, false, false, 0, 0, r.untrustedMaxPermits()));
  }

  @Test
  void each_field_out_of_range_is_refused_by_name() {
    assertThatThrownBy(() -> parse(EU_LIKE.replace("minimumPerAccount: 2", "minimumPerAccount: 0")))
        .hasMessage("program.yaml: representatives.minimumPerAccount: 0 is below 1");
    assertThatThrownBy(
            () ->
                parse(EU_LIKE.replace("approvalExpiryTicks: 604800000", "approvalExpiryTicks: 0")))
        .hasMessage("program.yaml: representatives.approvalExpiryTicks: 0 is below 1");
    assertThatThrownBy(() -> parse(EU_LIKE.replace("aboveCents: 100000", "aboveCents: -1")))
        .hasMessage("program.yaml: representatives.fourEyes.aboveCents: -1 is below 0");
    assertThatThrownBy(
            () ->
                parse(
                    EU_LIKE.replace(
                        "untrustedDelayTicks: 93600000", "untrustedDelayTicks: 1000000000001")))
        .hasMessage(
            "program.yaml: representatives.trustedList.untrustedDelayTicks: 1000000000001 is above"
                + " 1000000000000");
    assertThatThrownBy(() -> parse(EU_LIKE + "  delay: 3\n"))
        .hasMessageContaining("representatives.delay");
  }
}
