package org.computecap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ProgramCheckCommandTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;

  @BeforeEach
  void capture() {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  private int check(Path file) {
    return new CommandLine(new ProgramCheckCommand()).execute(file.toString());
  }

  @Test
  void a_valid_program_prints_its_cap_trajectory_and_exits_zero() {
    assertThat(check(Path.of("../examples/programs/p1-energy.yaml"))).isZero();
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("valid program \"P1 inference energy cap\"")
        .contains("periods 1..5")
        .contains("BENCHMARK allocation, banking on")
        .containsPattern(
            "period +cap permits +free permits +new-entrant reserve permits +auctioned permits")
        .containsPattern("\n +1 +1000000 +800000 +50000 +200000\n")
        .containsPattern("\n +5 +912000 +729600 +45600 +182400\n");
  }

  // Issue 14: a program's market stability rules are part of what it will do each period.
  @Test
  void a_program_with_stability_rules_prints_each_periods_prices_and_the_reserves_rule() {
    assertThat(check(Path.of("../examples/programs/market-stability.yaml"))).isZero();
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .containsPattern(
            "auctioned permits +reserve price cents +CCR room permits +CCR trigger cents"
                + " +ECR trigger cents\n")
        // 250 cents rising 2.5% a period; triggers 1,300 and 600 rising 7%.
        .containsPattern("\n +1 +100000 +50000 +2000 +40000 +250 +10000 +1300 +600\n")
        .containsPattern("\n +2 +95000 +47500 +1900 +37500 +256 +10000 +1391 +642\n")
        .contains(
            "stability reserve: TNAC above 109600 permits: 24.0% of it withheld from the next"
                + " period's auctions; above 83300: TNAC less 83300; below 40000: 10000 released;"
                + " holdings above 40000 invalidated");
    // A program without them prints the table it always did.
    out.reset();
    assertThat(check(Path.of("../examples/programs/p1-energy.yaml"))).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .doesNotContain("reserve price cents")
        .doesNotContain("stability reserve:");
  }

  @Test
  void an_invalid_program_exits_two_naming_the_field_and_the_range() throws IOException {
    String text =
        Files.readString(Path.of("../examples/programs/p2-risk-weighted.yaml"))
            .replace("linearCentsPerPermit: 50000", "linearCentsPerPermit: -5");
    Path bad = Files.writeString(dir.resolve("program.yaml"), text);
    assertThat(check(bad)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip())
        .isEqualTo("program.yaml: penalty.linearCentsPerPermit: -5 is below 0");
  }

  // Issue 14: price containment tiers escalate per period, rounded half up each period from the
  // last (1,000 and 1,500 cents at 5%: 1,050 and 1,575, then 1,102.5 -> 1,103 and 1,653.75 ->
  // 1,654, then 1,158 and 1,737); the ceiling beside them (2,000 at 5%).
  @Test
  void a_program_with_escalating_tiers_prints_each_tiers_price_per_period() throws IOException {
    Path file = Files.writeString(dir.resolve("tiers.yaml"), tiers(50000, 2000, 50000));
    assertThat(check(file)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .containsPattern("price containment permits +tier 1 cents +tier 2 cents +ceiling cents\n")
        .containsPattern(" +1500 +1000 +1500 +2000\n")
        .containsPattern(" +0 +1050 +1575 +2100\n")
        .containsPattern(" +0 +1103 +1654 +2205\n")
        .containsPattern(" +0 +1158 +1737 +2315\n");
  }

  // Tiers rising 10% a period under a fixed ceiling of 1,600 cents reach it in period 2 (1,650).
  @Test
  void tiers_escalating_to_the_ceiling_are_refused_naming_the_period_and_both_prices()
      throws IOException {
    Path file = Files.writeString(dir.resolve("tiers.yaml"), tiers(100000, 1600, 0));
    assertThat(check(file)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip())
        .isEqualTo(
            "tiers.yaml: priceContainment.escalationPpm: 100000 raises the highest tier price to"
                + " 1650 cents in period 2, not below the price ceiling's 1600");
  }

  private static String tiers(long tierEscalation, long ceiling, long ceilingEscalation)
      throws IOException {
    return Files.readString(Path.of("../examples/programs/market-stability.yaml"))
        + "priceContainment:\n  triggerSharePpm: 600000\n  escalationPpm: "
        + tierEscalation
        + "\n  tiers:\n    - {volumePermits: 1000, priceCents: 1000}\n"
        + "    - {volumePermits: 500, priceCents: 1500}\n"
        + "priceCeiling:\n  priceCents: "
        + ceiling
        + "\n  escalationPpm: "
        + ceilingEscalation
        + "\n";
  }

  @Test
  void a_missing_file_exits_two() {
    assertThat(check(dir.resolve("none.yaml"))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file");
  }
}
