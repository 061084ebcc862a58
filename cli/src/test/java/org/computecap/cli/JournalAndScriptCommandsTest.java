package org.computecap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.computecap.engine.ProgramParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class JournalAndScriptCommandsTest {
  static final ProgramParser PARSER = ProgramParser.standard();

  /** A complete program: first period 2026, a cap of 1,000 a period, banking on. */
  static final String PROGRAM =
      """
      name: cli test program
      coveredQuantity: inference energy
      unit: kWh
      scope: INFERENCE
      periods:
        first: 2026
        count: 10
        label: yearly
      cap:
        startPermits: 1000
        linearReductionPpm: 0
      allocation:
        method: UNIFORM
        freeSharePpm: 1000000
      risk:
        alphaPpm: 2000000
      penalty:
        linearCentsPerPermit: 10000
        quadraticCentsPerPermitSquared: 0
      audit:
        probabilityPpm: 0
        auditCostCents: 0
        budgetPerPeriodCents: 0
      banking: true
      auction:
        reservePriceCents: 0
      """;

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;

  @BeforeEach
  void capture() throws IOException {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    Files.writeString(dir.resolve("p.yaml"), PROGRAM);
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private Path script(String text) throws IOException {
    Path p = dir.resolve("s.txt");
    Files.writeString(
        p,
        "open-market program=p.yaml seed=3 -> OK\n"
            + "open-account id=1 name=alice role=PARTICIPANT -> OK\n"
            + "open-account id=2 name=bob role=PARTICIPANT -> OK\n"
            + text);
    return p;
  }

  private int scriptRun(String... args) {
    return new CommandLine(new ScriptRunCommand(PARSER)).execute(args);
  }

  private static final String GOOD =
      "deposit acct=1 cents=500 -> OK\n"
          + "issue acct=1 vintage=2026 qty=100 -> OK\n"
          + "transfer from=1 to=2 vintage=2026 qty=30 -> OK\n"
          + "surrender acct=2 period=2026 qty=10 -> OK\n"
          + "withdraw acct=2 cents=1 -> REJECT INSUFFICIENT_CASH\n";

  @Test
  void a_matching_script_exits_zero_and_its_journal_verifies_and_replays() throws IOException {
    Path journal = dir.resolve("out.journal");
    assertThat(scriptRun(script(GOOD).toString(), "--journal", journal.toString())).isZero();
    assertThat(stdout()).contains("script passed: 8 commands");
    assertThat(new CommandLine(new JournalVerifyCommand()).execute(journal.toString())).isZero();
    assertThat(stdout()).contains("journal intact: 8 entries");
    int replay = new CommandLine(new JournalReplayCommand(PARSER)).execute(journal.toString());
    assertThat(replay).isZero();
    assertThat(stdout())
        .containsPattern("stateHash=[0-9a-f]{64}")
        .contains("entries=8")
        .contains("permitsIssued=100")
        .contains("permitsHeld=90")
        .contains("permitsSurrendered=10")
        .contains("accounts=9")
        .contains("openOrders=0");
  }

  @Test
  void replaying_the_same_journal_twice_prints_the_same_state_hash() throws IOException {
    Path journal = dir.resolve("out.journal");
    scriptRun(script(GOOD).toString(), "--journal", journal.toString());
    out.reset();
    new CommandLine(new JournalReplayCommand(PARSER)).execute(journal.toString());
    String first = stdout();
    out.reset();
    new CommandLine(new JournalReplayCommand(PARSER)).execute(journal.toString());
    assertThat(stdout()).isEqualTo(first);
  }

  @Test
  void a_mismatch_exits_one_with_its_line_number() throws IOException {
    assertThat(
            scriptRun(
                script("deposit acct=1 cents=5 -> OK\n" + "withdraw acct=1 cents=6 -> OK\n")
                    .toString()))
        .isEqualTo(1);
    assertThat(stdout()).contains("failed at line 5");
  }

  @Test
  void a_malformed_script_exits_two() throws IOException {
    assertThat(scriptRun(script("fly acct=1 -> OK\n").toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 4: unknown verb 'fly'");
  }

  @Test
  void verify_names_the_first_corrupt_entry_and_exits_one() throws IOException {
    Path journal = dir.resolve("out.journal");
    scriptRun(script(GOOD).toString(), "--journal", journal.toString());
    byte[] bytes = Files.readAllBytes(journal);
    bytes[bytes.length - 10] ^= 1;
    Files.write(journal, bytes);
    out.reset();
    assertThat(new CommandLine(new JournalVerifyCommand()).execute(journal.toString()))
        .isEqualTo(1);
    assertThat(stdout()).contains("first bad entry seq=8 at byte offset");
    out.reset();
    assertThat(new CommandLine(new JournalReplayCommand(PARSER)).execute(journal.toString()))
        .isEqualTo(1);
    assertThat(stdout()).contains("seq=8");
  }

  @Test
  void the_main_command_line_knows_the_journal_and_script_verbs() {
    CommandLine cmd = Main.commandLine();
    assertThat(cmd.getSubcommands()).containsKeys("journal", "script");
    assertThat(cmd.getSubcommands().get("journal").getSubcommands())
        .containsKeys("verify", "replay");
    assertThat(cmd.getSubcommands().get("script").getSubcommands()).containsKeys("run");
  }
}
