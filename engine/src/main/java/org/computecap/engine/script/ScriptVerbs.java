package org.computecap.engine.script;

import java.util.Map;
import org.computecap.engine.EngineState;
import org.computecap.engine.command.Command;

/**
 * One feature's words in the script language: command verbs ({@code deposit acct=1 cents=5}) and
 * expectation verbs ({@code expect cash acct=1 free=5}). Each feature's verbs are a class in this
 * package with one line in {@link ScriptVocabulary#standard()}.
 */
public interface ScriptVerbs {
  /** Command verbs by name. */
  Map<String, CommandVerb> commands();

  /** Expectation verbs by name (the word after {@code expect}). */
  Map<String, ExpectVerb> expectations();

  /** Builds a command from a line's arguments. */
  @FunctionalInterface
  interface CommandVerb {
    /**
     * Reads the arguments (a {@link ScriptException} for a missing or unreadable one) and builds
     * the command; the command's own constructor may throw IllegalArgumentException, which a line
     * expecting {@code -> INVALID} matches.
     */
    Command parse(ScriptArgs args);
  }

  /** Checks the state against a line's arguments. */
  @FunctionalInterface
  interface ExpectVerb {
    /** Returns null when the state matches, or a sentence saying what differs. */
    String check(EngineState state, ScriptArgs args);
  }
}
