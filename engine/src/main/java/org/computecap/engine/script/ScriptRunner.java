package org.computecap.engine.script;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.computecap.engine.Engine;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.Result;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.journal.Journal;
import org.computecap.engine.journal.JournaledEngine;

/**
 * Runs a scenario script (syntax in {@code docs/scripts.md}) against a fresh engine: each command
 * line is applied and its outcome compared with the expected one, each {@code expect} line checks
 * the state, and the full invariants are checked after every command. The run stops at the first
 * mismatch and reports its line. The whole script is parsed before anything runs, so a malformed
 * script ({@link ScriptException}) never half-runs.
 */
public final class ScriptRunner {
  private final ProgramParser parser;
  private final ScriptVocabulary vocabulary;
  private final CommandCodec codec;

  public ScriptRunner(ProgramParser parser, ScriptVocabulary vocabulary, CommandCodec codec) {
    this.parser = parser;
    this.vocabulary = vocabulary;
    this.codec = codec;
  }

  /** Runs the script file; program files are resolved against its folder. */
  public ScriptReport run(Path script, Journal journal) {
    String text;
    try {
      text = Files.readString(script, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read script " + script, e);
    }
    Path base = script.toAbsolutePath().getParent();
    return run(text, base, journal);
  }

  /**
   * Runs script text; {@code journal} (may be null) receives every well-formed command, and is
   * flushed at the end.
   */
  public ScriptReport run(String text, Path baseDir, Journal journal) {
    Script script = Script.parse(text, baseDir, vocabulary);
    Engine engine = new Engine(parser);
    // Every script checks the serial numbers' partition after every command (issue 15).
    engine.trackSerials();
    JournaledEngine journaled =
        journal == null ? null : new JournaledEngine(engine, journal, codec);
    long tick = 0;
    int commands = 0;
    int expectations = 0;
    try {
      for (Script.Step step : script.steps()) {
        if (step.kind() == Script.Kind.TICK) {
          tick = step.tick();
        } else if (step.kind() == Script.Kind.EXPECT) {
          expectations++;
          String mismatch = vocabulary.expectation(step.verb()).check(engine.state(), step.args());
          if (mismatch != null) {
            return failed(step.line(), mismatch, commands, expectations, engine);
          }
          step.args().requireAllUsed();
        } else {
          commands++;
          String mismatch = runCommand(step, tick, engine, journaled);
          if (mismatch != null) {
            return failed(step.line(), mismatch, commands, expectations, engine);
          }
        }
      }
    } finally {
      if (journaled != null) {
        journaled.flush();
      }
    }
    return new ScriptReport(true, 0, null, commands, expectations, engine);
  }

  private String runCommand(Script.Step step, long tick, Engine engine, JournaledEngine journaled) {
    Command command;
    Result result;
    try {
      command = vocabulary.command(step.verb()).parse(step.args());
      step.args().requireAllUsed();
      result = journaled == null ? engine.apply(tick, command) : journaled.submit(tick, command);
    } catch (ScriptException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      return step.expected().matchInvalid(e.getMessage());
    }
    try {
      engine.checkInvariants();
      engine.state().serials().checkRanges();
    } catch (AssertionError e) {
      return "invariant broken after this command: " + e.getMessage();
    }
    return step.expected().match(result);
  }

  private static ScriptReport failed(
      int line, String message, int commands, int expectations, Engine engine) {
    return new ScriptReport(false, line, message, commands, expectations, engine);
  }
}
