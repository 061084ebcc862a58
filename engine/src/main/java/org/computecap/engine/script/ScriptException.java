package org.computecap.engine.script;

/**
 * A script that cannot be read: an unknown verb, a missing or malformed argument, a line without an
 * expected outcome. The message starts with the line number. It is malformed input (exit code 2),
 * as opposed to a mismatch between expected and actual outcome (exit code 1).
 */
public final class ScriptException extends IllegalArgumentException {
  private final int line;

  public ScriptException(int line, String message) {
    super("line " + line + ": " + message);
    this.line = line;
  }

  public int line() {
    return line;
  }
}
