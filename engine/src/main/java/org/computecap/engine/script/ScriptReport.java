package org.computecap.engine.script;

import org.computecap.engine.Engine;

/**
 * How a script run ended: passed, or failed at {@code line} with what differed. {@code engine} is
 * the state the run reached (after the last line when passed, at the failing line otherwise).
 */
public record ScriptReport(
    boolean passed, int line, String message, int commands, int expectations, Engine engine) {

  /** One line for people. */
  public String summary() {
    return passed
        ? "script passed: " + commands + " commands, " + expectations + " expectations"
        : "script failed at line " + line + ": " + message;
  }
}
