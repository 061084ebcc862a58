package org.computecap.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.journal.FileJournal;
import org.computecap.engine.script.ScriptReport;
import org.computecap.engine.script.ScriptRunner;
import org.computecap.engine.script.ScriptVocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code computecap script run FILE [--journal OUT]}: runs a scenario script. Exit 0 when every
 * line matched, 1 at the first mismatch (its line number is printed), 2 when the script is
 * malformed. With {@code --journal} every well-formed command is written to a new journal file.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run a scenario script; fail with the line number of the first mismatch.")
final class ScriptRunCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "the script file")
  Path file;

  @Option(
      names = "--journal",
      paramLabel = "OUT",
      description = "write the commands to this new journal file")
  Path journalFile;

  private final ProgramParser parser;

  ScriptRunCommand() {
    this(null);
  }

  /** With a given program parser (tests); the registered one when null. */
  ScriptRunCommand(ProgramParser parser) {
    this.parser = parser;
  }

  private ProgramParser programParser() {
    return parser != null ? parser : ProgramParser.standard();
  }

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file)) {
      System.err.println("script run: no such file: " + file);
      return 2;
    }
    ScriptRunner runner;
    try {
      runner =
          new ScriptRunner(programParser(), ScriptVocabulary.standard(), CommandCodec.standard());
    } catch (IllegalStateException e) {
      System.err.println("script run: " + e.getMessage());
      return 1;
    }
    ScriptReport report;
    try {
      if (journalFile == null) {
        report = runner.run(file, null);
      } else {
        try (FileJournal journal = FileJournal.create(journalFile)) {
          report = runner.run(file, journal);
        }
      }
    } catch (IllegalArgumentException e) {
      System.err.println("script run: " + e.getMessage());
      return 2;
    }
    System.out.println(file + ": " + report.summary());
    return report.passed() ? 0 : 1;
  }
}
