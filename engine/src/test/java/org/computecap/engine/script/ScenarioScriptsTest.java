package org.computecap.engine.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.journal.InMemoryJournal;
import org.computecap.engine.journal.Replay;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every scenario script in {@code src/test/resources/scripts} (each feature puts its scripts
 * there), then replays the journal each run wrote and checks the state hash.
 */
class ScenarioScriptsTest {
  static ProgramParser parser() {
    return ProgramParser.standard();
  }

  static List<Path> scripts() throws IOException, URISyntaxException {
    Path dir = Path.of(ScenarioScriptsTest.class.getResource("/scripts").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> every_scenario_script_passes_and_its_journal_replays()
      throws IOException, URISyntaxException {
    List<Path> scripts = scripts();
    assertThat(scripts).isNotEmpty();
    ProgramParser parser = parser();
    CommandCodec codec = CommandCodec.standard();
    return scripts.stream()
        .map(
            script ->
                DynamicTest.dynamicTest(
                    script.getFileName().toString(),
                    () -> {
                      InMemoryJournal journal = new InMemoryJournal();
                      ScriptRunner runner =
                          new ScriptRunner(parser, ScriptVocabulary.standard(), codec);
                      ScriptReport report = runner.run(script, journal);
                      assertThat(report.passed()).as(report.summary()).isTrue();
                      assertThat(Replay.rebuild(journal, parser, codec).stateHash())
                          .isEqualTo(report.engine().stateHash());
                    }));
  }
}
