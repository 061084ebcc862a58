package org.computecap.engine.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.command.RecordEvaluation;
import org.computecap.engine.command.RecordInsurerEvaluation;
import org.junit.jupiter.api.Test;

/** Issue 18's finer risk classes: loading, validation and the wire format of a class's signal. */
class RiskClassesTest {
  private static final String CLASSES =
      """
      risk:
        classes:
          - signal: L
            multiplierPpm: 1000000
          - signal: M
            multiplierPpm: 2000000
          - signal: H
            multiplierPpm: 3500000
      """;

  private static Program parse(String risk, String insurance) {
    String yaml = minimal().replace("risk:\n  alphaPpm: 2000000\n", risk.stripIndent()) + insurance;
    return ProgramLoader.parse("program.yaml", yaml);
  }

  private static String minimal() {
    return ProgramLoaderTest.minimal();
  }

  @Test
  void three_classes_load_lowest_first_and_the_unevaluated_signal_defaults_to_the_highest() {
    Program p = parse(CLASSES, "");
    assertThat(p.risk().classes())
        .containsExactly(
            new Program.RiskClass(RiskSignal.L, 1_000_000),
            new Program.RiskClass(RiskSignal.valueOf("M"), 2_000_000),
            new Program.RiskClass(RiskSignal.H, 3_500_000));
    assertThat(p.risk().unevaluatedSignal()).isEqualTo(RiskSignal.H);
    assertThat(p.risk().multiplierPpm(RiskSignal.valueOf("M"))).isEqualTo(2_000_000);
    assertThat(p.risk().has(RiskSignal.valueOf("X"))).isFalse();
    assertThat(p.risk().highestMultiplierPpm()).isEqualTo(3_500_000);
  }

  @Test
  void the_two_class_form_is_the_same_program_as_classes_l_and_h() {
    Program twoClass = ProgramLoader.parse("program.yaml", minimal());
    Program listed =
        parse(
            """
            risk:
              classes:
                - signal: L
                  multiplierPpm: 1000000
                - signal: H
                  multiplierPpm: 2000000
            """,
            "");
    assertThat(listed.risk()).isEqualTo(twoClass.risk());
    assertThat(twoClass.risk()).isEqualTo(new Program.Risk(2_000_000, RiskSignal.H));
  }

  @Test
  void a_repeated_signal_is_refused_naming_the_class() {
    assertThatThrownBy(() -> parse(CLASSES.replace("signal: M", "signal: L"), ""))
        .hasMessage("program.yaml: risk.classes[1].signal: L names an earlier class too");
  }

  @Test
  void multipliers_must_rise_strictly_from_at_least_one() {
    assertThatThrownBy(() -> parse(CLASSES.replace("2000000", "1000000"), ""))
        .hasMessage(
            "program.yaml: risk.classes[1].multiplierPpm: 1000000 is not above the previous"
                + " class's 1000000");
    assertThatThrownBy(
            () -> parse(CLASSES.replace("multiplierPpm: 1000000", "multiplierPpm: 1"), ""))
        .hasMessage("program.yaml: risk.classes[0].multiplierPpm: 1 is below 1000000");
  }

  @Test
  void one_class_or_both_forms_at_once_are_refused() {
    String one =
        """
        risk:
          classes:
            - signal: L
              multiplierPpm: 1000000
        """;
    assertThatThrownBy(() -> parse(one, ""))
        .hasMessage("program.yaml: risk.classes: 1 classes, must be 2 to 16");
    assertThatThrownBy(() -> parse(CLASSES + "  alphaPpm: 2000000\n", ""))
        .hasMessage(
            "program.yaml: risk.alphaPpm: give either alphaPpm (two classes L and H) or classes");
  }

  @Test
  void an_unevaluated_signal_that_is_no_class_is_refused_with_the_classes() {
    assertThatThrownBy(() -> parse(CLASSES + "  unevaluatedSignal: X\n", ""))
        .hasMessage("program.yaml: risk.unevaluatedSignal: X is not one of the classes [L, M, H]");
    assertThatThrownBy(() -> parse(CLASSES.replace("signal: M", "signal: '-'"), ""))
        .hasMessageStartingWith("program.yaml: risk.classes[1].signal: signal must be 1 to 16");
  }

  @Test
  void the_insurer_prices_each_class_from_its_premium_table() {
    String table =
        """
        insurance:
          premiums:
            - signal: L
              centsPerUnit: 2
            - signal: M
              centsPerUnit: 5
            - signal: H
              centsPerUnit: 9
        """;
    Program p = parse(CLASSES, table);
    assertThat(p.insurance().premiumCentsPerUnit(RiskSignal.valueOf("M"))).isEqualTo(5);
    assertThat(p.insurance().premiumCentsPerUnit(RiskSignal.H)).isEqualTo(9);
    assertThatThrownBy(() -> parse(CLASSES, table.replace("centsPerUnit: 9", "centsPerUnit: 4")))
        .hasMessage("program.yaml: insurance.premiums[2].centsPerUnit: 4 is below 5");
    assertThatThrownBy(() -> parse(CLASSES, table.replace("signal: M", "signal: H")))
        .hasMessage(
            "program.yaml: insurance.premiums[1].signal: H where the classes [L, M, H] have M");
    assertThatThrownBy(() -> parse(CLASSES, "insurance:\n  premiumLowCentsPerUnit: 2\n"))
        .hasMessage(
            "program.yaml: insurance.premiumLowCentsPerUnit: the risk classes are [L, M, H], not"
                + " L and H; give premiums, one per class");
  }

  @Test
  void l_and_h_keep_their_one_byte_encoding_and_other_classes_travel_by_name() {
    CommandCodec codec = CommandCodec.standard();
    byte[] low = codec.encode(new RecordEvaluation(1, 2, RiskSignal.L));
    byte[] high = codec.encode(new RecordEvaluation(1, 2, RiskSignal.H));
    // The enum's ordinal was the last byte: 0 for L, 1 for H, as an old journal holds them.
    assertThat(low[low.length - 1]).isEqualTo((byte) 0);
    assertThat(high[high.length - 1]).isEqualTo((byte) 1);
    assertThat(low.length).isEqualTo(high.length);
    for (var c :
        List.of(
            new RecordEvaluation(1, 2, RiskSignal.valueOf("M")),
            new RecordInsurerEvaluation(8, 1, 2, RiskSignal.valueOf("Tier_3")),
            new RecordEvaluation(1, 2, RiskSignal.H))) {
      assertThat(codec.decode(codec.encode(c))).isEqualTo(c);
    }
    byte[] bad = low.clone();
    bad[bad.length - 1] = 3;
    assertThatThrownBy(() -> codec.decode(bad))
        .hasMessageContaining("signal tag must be 0, 1 or 2");
  }
}
