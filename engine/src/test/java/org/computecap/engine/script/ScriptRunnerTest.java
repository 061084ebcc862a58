package org.computecap.engine.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.computecap.engine.TestPrograms;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.journal.InMemoryJournal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptRunnerTest {
  @TempDir Path dir;

  private final ScriptRunner runner =
      new ScriptRunner(TestPrograms.PARSER, ScriptVocabulary.standard(), CommandCodec.standard());

  @BeforeEach
  void program() throws IOException {
    Files.writeString(dir.resolve("p.yaml"), TestPrograms.yaml(2026, 100, true));
  }

  private ScriptReport run(String text) {
    return runner.run(text, dir, null);
  }

  private static final String OPEN =
      "open-market program=p.yaml seed=1 -> OK\n"
          + "open-account id=1 name=a role=PARTICIPANT -> OK\n";

  @Test
  void a_script_whose_outcomes_all_match_passes() {
    ScriptReport r = run(OPEN + "deposit acct=1 cents=5 -> OK\nexpect cash acct=1 free=5\n");
    assertThat(r.passed()).isTrue();
    assertThat(r.commands()).isEqualTo(3);
    assertThat(r.expectations()).isEqualTo(1);
  }

  @Test
  void an_unexpected_rejection_fails_at_its_line() {
    ScriptReport r = run(OPEN + "\n# comment\nwithdraw acct=1 cents=5 -> OK\n");
    assertThat(r.passed()).isFalse();
    assertThat(r.line()).isEqualTo(5);
    assertThat(r.summary()).contains("line 5").contains("REJECT INSUFFICIENT_CASH");
  }

  @Test
  void an_acceptance_where_a_rejection_was_expected_fails() {
    ScriptReport r = run(OPEN + "deposit acct=1 cents=5 -> REJECT INSUFFICIENT_CASH\n");
    assertThat(r.line()).isEqualTo(3);
    assertThat(r.message()).isEqualTo("expected REJECT INSUFFICIENT_CASH but got OK");
  }

  @Test
  void a_wrong_expectation_fails_with_what_differs() {
    ScriptReport r = run(OPEN + "deposit acct=1 cents=5 -> OK\nexpect cash acct=1 free=6\n");
    assertThat(r.line()).isEqualTo(4);
    assertThat(r.message()).isEqualTo("free cash is 5, expected 6");
  }

  @Test
  void a_malformed_command_fails_unless_invalid_was_expected() {
    assertThat(run(OPEN + "deposit acct=1 cents=0 -> INVALID amountCents\n").passed()).isTrue();
    ScriptReport r = run(OPEN + "deposit acct=1 cents=0 -> OK\n");
    assertThat(r.line()).isEqualTo(3);
    assertThat(r.message()).contains("malformed").contains("amountCents must be >= 1");
    assertThat(run(OPEN + "deposit acct=1 cents=1 -> INVALID\n").message())
        .contains("expected INVALID but got OK");
  }

  @Test
  void unknown_verbs_arguments_and_codes_are_script_errors_with_line_numbers() {
    assertThatThrownBy(() -> run(OPEN + "despoit acct=1 cents=5 -> OK\n"))
        .isInstanceOf(ScriptException.class)
        .hasMessage("line 3: unknown verb 'despoit'");
    assertThatThrownBy(() -> run(OPEN + "deposit acct=1 cnts=5 -> OK\n"))
        .isInstanceOf(ScriptException.class)
        .hasMessageContaining("line 3: missing argument");
    assertThatThrownBy(() -> run(OPEN + "deposit acct=1 cents=5 extra=1 -> OK\n"))
        .isInstanceOf(ScriptException.class)
        .hasMessage("line 3: unknown argument extra");
    assertThatThrownBy(() -> run(OPEN + "deposit acct=1 cents=5 -> REJECT NO_SUCH\n"))
        .isInstanceOf(ScriptException.class)
        .hasMessageContaining("unknown rejection code");
    assertThatThrownBy(() -> run(OPEN + "deposit acct=1 cents=5\n"))
        .isInstanceOf(ScriptException.class)
        .hasMessageContaining("line 3: a command line");
    assertThatThrownBy(() -> run(OPEN + "tick 5\ntick 4\n"))
        .isInstanceOf(ScriptException.class)
        .hasMessageContaining("line 4: tick must not");
    assertThatThrownBy(() -> run(OPEN + "expect nothing-like-this\n"))
        .isInstanceOf(ScriptException.class)
        .hasMessageContaining("unknown expectation");
  }

  @Test
  void a_script_error_is_found_before_any_command_runs() {
    InMemoryJournal journal = new InMemoryJournal();
    assertThatThrownBy(() -> runner.run(OPEN + "bogus -> OK\n", dir, journal))
        .isInstanceOf(ScriptException.class);
    assertThat(journal.size()).isZero();
  }

  @Test
  void every_well_formed_command_is_journaled_and_malformed_ones_are_not() {
    InMemoryJournal journal = new InMemoryJournal();
    ScriptReport r =
        runner.run(
            OPEN
                + "withdraw acct=1 cents=5 -> REJECT INSUFFICIENT_CASH\n"
                + "deposit acct=1 cents=0 -> INVALID\n",
            dir,
            journal);
    assertThat(r.passed()).isTrue();
    assertThat(journal.size()).isEqualTo(3);
  }

  @Test
  void the_tick_directive_sets_the_time_of_later_commands() {
    InMemoryJournal journal = new InMemoryJournal();
    runner.run(OPEN + "tick 17\ndeposit acct=1 cents=5 -> OK\n", dir, journal);
    assertThat(journal.entry(3).tick()).isEqualTo(17);
    assertThat(journal.entry(2).tick()).isZero();
  }
}
