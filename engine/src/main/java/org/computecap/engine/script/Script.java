package org.computecap.engine.script;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.computecap.engine.Rejection;
import org.computecap.engine.Result;

/**
 * A parsed scenario script: its steps with their line numbers. Parsing checks the shape of every
 * line (known verb, {@code key=value} arguments, an expected outcome after {@code ->} on every
 * command line) but builds no command, because a line may expect its command to be malformed
 * ({@code -> INVALID}).
 */
final class Script {
  enum Kind {
    TICK,
    COMMAND,
    EXPECT
  }

  /** What a command line expects: accepted, rejected with a code, or malformed. */
  record Expected(String outcome, String detail) {
    String match(Result r) {
      String actual = r.isAccepted() ? "OK" : "REJECT " + r.rejection().code();
      String wanted = detail == null ? outcome : outcome + " " + detail;
      return actual.equals(wanted) ? null : "expected " + wanted + " but got " + actual;
    }

    String matchInvalid(String message) {
      if (!outcome.equals("INVALID")) {
        String wanted = detail == null ? outcome : outcome + " " + detail;
        return "expected " + wanted + " but the command is malformed: " + message;
      }
      if (detail != null && (message == null || !message.contains(detail))) {
        return "expected INVALID mentioning '" + detail + "' but got: " + message;
      }
      return null;
    }
  }

  record Step(int line, Kind kind, String verb, ScriptArgs args, Expected expected, long tick) {}

  private final List<Step> steps;

  private Script(List<Step> steps) {
    this.steps = steps;
  }

  List<Step> steps() {
    return steps;
  }

  static Script parse(String text, Path baseDir, ScriptVocabulary vocabulary) {
    List<Step> steps = new ArrayList<>();
    long tick = 0;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int n = i + 1;
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Step step = parseLine(n, line, baseDir, vocabulary);
      if (step.kind() == Kind.TICK) {
        if (step.tick() < tick) {
          throw new ScriptException(n, "tick must not go back: " + step.tick() + " < " + tick);
        }
        tick = step.tick();
      }
      steps.add(step);
    }
    return new Script(List.copyOf(steps));
  }

  private static Step parseLine(int n, String line, Path baseDir, ScriptVocabulary vocabulary) {
    String body = line;
    Expected expected = null;
    int arrow = line.indexOf("->");
    if (arrow >= 0) {
      body = line.substring(0, arrow).strip();
      expected = parseExpected(n, line.substring(arrow + 2).strip());
    }
    String[] tokens = body.split("\\s+");
    String verb = tokens[0];
    if (verb.equals("tick")) {
      if (tokens.length != 2 || expected != null) {
        throw new ScriptException(n, "expected 'tick N'");
      }
      try {
        return new Step(n, Kind.TICK, verb, null, null, Long.parseLong(tokens[1]));
      } catch (NumberFormatException e) {
        throw new ScriptException(n, "tick must be a whole number, got " + tokens[1]);
      }
    }
    if (verb.equals("expect")) {
      if (tokens.length < 2 || expected != null) {
        throw new ScriptException(n, "expected 'expect WHAT key=value...' without '->'");
      }
      if (vocabulary.expectation(tokens[1]) == null) {
        throw new ScriptException(n, "unknown expectation '" + tokens[1] + "'");
      }
      return new Step(n, Kind.EXPECT, tokens[1], args(n, tokens, 2, baseDir), null, 0);
    }
    if (vocabulary.command(verb) == null) {
      throw new ScriptException(n, "unknown verb '" + verb + "'");
    }
    if (expected == null) {
      throw new ScriptException(
          n, "a command line ends with '-> OK', '-> REJECT CODE' or " + "'-> INVALID'");
    }
    return new Step(n, Kind.COMMAND, verb, args(n, tokens, 1, baseDir), expected, 0);
  }

  private static ScriptArgs args(int n, String[] tokens, int from, Path baseDir) {
    ScriptArgs args = new ScriptArgs(n, baseDir);
    for (int i = from; i < tokens.length; i++) {
      int eq = tokens[i].indexOf('=');
      if (eq <= 0 || eq == tokens[i].length() - 1) {
        throw new ScriptException(n, "arguments are key=value, got '" + tokens[i] + "'");
      }
      args.put(tokens[i].substring(0, eq), tokens[i].substring(eq + 1));
    }
    return args;
  }

  private static Expected parseExpected(int n, String text) {
    String[] t = text.split("\\s+");
    switch (t[0]) {
      case "OK":
        if (t.length == 1) {
          return new Expected("OK", null);
        }
        break;
      case "REJECT":
        if (t.length == 2) {
          try {
            return new Expected("REJECT", Rejection.valueOf(t[1]).code());
          } catch (IllegalArgumentException e) {
            throw new ScriptException(n, "unknown rejection code " + t[1]);
          }
        }
        break;
      case "INVALID":
        return new Expected(
            "INVALID", t.length == 1 ? null : text.substring("INVALID".length()).strip());
      default:
        break;
    }
    throw new ScriptException(
        n, "outcome must be 'OK', 'REJECT CODE' or 'INVALID [text]', got '" + text + "'");
  }
}
