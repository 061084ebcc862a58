package org.computecap.engine.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Issue 18's {@code linking} section: absent is no link, every field validated by name. */
class LinkingFieldsTest {
  private static final String LINK =
      """
      linking:
        exchangeRatePpm: 500000
        quotaPpm: 100000
      """;

  private static Program parse(String section) {
    return ProgramLoader.parse("program.yaml", ProgramLoaderTest.minimal() + section);
  }

  private static void refused(String from, String to, String message) {
    assertThatThrownBy(() -> parse(LINK.replace(from, to))).hasMessage(message);
  }

  @Test
  void a_program_without_the_section_recognises_no_other_program() {
    Program p = parse("");
    assertThat(p.hasLinking()).isFalse();
    assertThat(p.linking()).isNull();
  }

  @Test
  void the_section_reads_the_rate_and_the_quota_and_converts_at_the_rate() {
    Linking link = parse(LINK).linking();
    assertThat(link).isEqualTo(new Linking(500_000, 100_000));
    // 3 origin permits at half a unit each: 1 unit (rounded down); the quota is 10% of the cap.
    assertThat(link.units(3)).isEqualTo(1);
    assertThat(link.quotaUnits(1_005)).isEqualTo(100);
    Linking open = parse(LINK.replace("  quotaPpm: 100000\n", "")).linking();
    assertThat(open.hasQuota()).isFalse();
    assertThat(open.quotaUnits(1_000)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void every_bad_field_is_refused_naming_the_field_and_the_rule() {
    refused(
        "exchangeRatePpm: 500000",
        "exchangeRatePpm: 0",
        "program.yaml: linking.exchangeRatePpm: 0 is below 1");
    refused(
        "exchangeRatePpm: 500000",
        "exchangeRatePpm: 10000001",
        "program.yaml: linking.exchangeRatePpm: 10000001 is above 10000000");
    refused(
        "quotaPpm: 100000",
        "quotaPpm: 1000001",
        "program.yaml: linking.quotaPpm: 1000001 is above 1000000");
    assertThatThrownBy(() -> parse(LINK + "  rate: 1\n")).hasMessageContaining("linking.rate");
  }
}
