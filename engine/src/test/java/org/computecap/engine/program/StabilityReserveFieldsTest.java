package org.computecap.engine.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Issue 14's {@code stabilityReserve} section: absent is off, every field validated by name. */
class StabilityReserveFieldsTest {
  private static final String EU_SCALED =
      """
      stabilityReserve:
        upperThresholdPermits: 1096
        lowerThresholdPermits: 833
        intakeRatePpm: 240000
        releaseThresholdPermits: 400
        releaseVolumePermits: 100
      """;

  private static Program parse(String section) {
    return ProgramLoader.parse("program.yaml", ProgramLoaderTest.minimal() + section);
  }

  private static void refused(String from, String to, String message) {
    assertThatThrownBy(() -> parse(EU_SCALED.replace(from, to))).hasMessage(message);
  }

  @Test
  void a_program_without_the_section_has_no_stability_reserve() {
    Program p = parse("");
    assertThat(p.hasStabilityReserve()).isFalse();
    assertThat(p.stabilityReserve()).isNull();
    assertThat(p.usesStabilityReserve()).isFalse();
  }

  @Test
  void the_section_reads_every_field_and_opens_the_stability_reserve_account() {
    Program p = parse(EU_SCALED + "  invalidationLimitPermits: 400\n");
    assertThat(p.stabilityReserve())
        .isEqualTo(new StabilityReserve(1096, 833, 240_000, 400, 100, 400));
    assertThat(p.usesStabilityReserve()).isTrue();
    StabilityReserve noLimit = parse(EU_SCALED).stabilityReserve();
    assertThat(noLimit.hasInvalidationLimit()).isFalse();
    assertThat(noLimit.invalidationLimitPermits()).isEqualTo(StabilityReserve.NO_LIMIT);
    // Equal thresholds are allowed: the bands between them are then empty.
    assertThat(
            parse(EU_SCALED.replace("833", "1096").replace("Permits: 400", "Permits: 1096"))
                .stabilityReserve()
                .releaseThresholdPermits())
        .isEqualTo(1096);
  }

  @Test
  void every_bad_field_is_refused_naming_the_field_and_the_rule() {
    refused(
        "intakeRatePpm: 240000",
        "intakeRatePpm: 1000001",
        "program.yaml: stabilityReserve.intakeRatePpm: 1000001 is above 1000000");
    refused(
        "intakeRatePpm: 240000",
        "intakeRatePpm: 0.24",
        "program.yaml: stabilityReserve.intakeRatePpm: 0.24 is not a whole number");
    refused(
        "upperThresholdPermits: 1096",
        "upperThresholdPermits: -1",
        "program.yaml: stabilityReserve.upperThresholdPermits: -1 is below 0");
    refused(
        "lowerThresholdPermits: 833",
        "lowerThresholdPermits: 1097",
        "program.yaml: stabilityReserve.lowerThresholdPermits: 1097 is above"
            + " stabilityReserve.upperThresholdPermits 1096");
    refused(
        "releaseThresholdPermits: 400",
        "releaseThresholdPermits: 834",
        "program.yaml: stabilityReserve.releaseThresholdPermits: 834 is above"
            + " stabilityReserve.lowerThresholdPermits 833");
    refused(
        "releaseVolumePermits: 100",
        "releaseVolumePermits: 1000000000000001",
        "program.yaml: stabilityReserve.releaseVolumePermits: 1000000000000001 is above"
            + " 1000000000000000");
    refused(
        "  releaseVolumePermits: 100\n",
        "",
        "program.yaml: stabilityReserve.releaseVolumePermits is missing");
    refused(
        "  releaseVolumePermits: 100\n",
        "  releaseVolumePermits: 100\n  invalidationLimitPermits: -5\n",
        "program.yaml: stabilityReserve.invalidationLimitPermits: -5 is below 0");
    refused(
        "  releaseVolumePermits: 100\n",
        "  releaseVolumePermits: 100\n  intakeRate: 5\n",
        "program.yaml: stabilityReserve.intakeRate: unknown field (allowed here:"
            + " upperThresholdPermits, lowerThresholdPermits, intakeRatePpm,"
            + " releaseThresholdPermits, releaseVolumePermits, invalidationLimitPermits)");
    assertThatThrownBy(() -> parse("stabilityReserve: 5\n"))
        .hasMessage("program.yaml: stabilityReserve: expected a mapping of fields");
  }
}
