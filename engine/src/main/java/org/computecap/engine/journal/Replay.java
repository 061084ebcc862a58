package org.computecap.engine.journal;

import java.util.Arrays;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.Engine;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.command.CommandCodec;

/**
 * Rebuilds an engine from a journal by applying every entry's command at its tick to a fresh
 * engine, then runs the full invariant check. Because the engine is deterministic, the rebuilt
 * state hash equals the original's; {@link #matches} is how tests and operators check that.
 */
public final class Replay {
  private Replay() {}

  /** A fresh engine with every command of {@code journal} applied. */
  public static Engine rebuild(Journal journal, ProgramParser parser, CommandCodec codec) {
    Engine engine = new Engine(parser);
    journal.forEach(e -> apply(engine, codec, e));
    engine.checkInvariants();
    return engine;
  }

  static void apply(Engine engine, CommandCodec codec, JournalEntry e) {
    try {
      engine.apply(e.tick(), codec.decode(e.command()));
    } catch (IllegalArgumentException ex) {
      throw new IllegalStateException(
          "journal entry seq=" + e.seq() + " does not replay: " + ex.getMessage(), ex);
    }
  }

  /** Whether replaying {@code journal} gives the state hash {@code expected}. */
  public static boolean matches(
      Journal journal, byte[] expected, ProgramParser parser, CommandCodec codec) {
    return Arrays.equals(rebuild(journal, parser, codec).stateHash(), expected);
  }

  /** Hex form of a state hash, as the CLI prints it. */
  public static String hex(byte[] hash) {
    return CanonicalWriter.hex(hash);
  }
}
