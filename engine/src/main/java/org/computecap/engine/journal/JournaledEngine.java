package org.computecap.engine.journal;

import org.computecap.engine.Engine;
import org.computecap.engine.Result;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.CommandCodec;

/**
 * The engine with its journal: every well-formed command is journaled, accepted or rejected, so the
 * journal is the complete history of what was asked, and replaying it re-applies the rejected
 * commands too (they change nothing but the seq, exactly as the first time).
 *
 * <p>Order of work: encode, apply, append. Applying first means a malformed command (an {@link
 * IllegalArgumentException} from the engine, which leaves the state untouched) never reaches the
 * journal. The state is briefly ahead of the durable journal, which is safe under the group-commit
 * rule: a caller releases results only after {@link #flush()}, and if the append or the flush fails
 * the process must stop and restart from the journal (fail-stop).
 */
public final class JournaledEngine implements AutoCloseable {
  private final Engine engine;
  private final Journal journal;
  private final CommandCodec codec;

  /** Pairs an engine with a journal holding exactly the commands the engine has applied. */
  public JournaledEngine(Engine engine, Journal journal, CommandCodec codec) {
    if (engine.state().seq() != journal.size()) {
      throw new IllegalArgumentException(
          "engine has applied "
              + engine.state().seq()
              + " commands but the journal holds "
              + journal.size());
    }
    this.engine = engine;
    this.journal = journal;
    this.codec = codec;
  }

  /** Applies the command and journals it; see the class comment for the order. */
  public Result submit(long tick, Command command) {
    byte[] bytes = codec.encode(command);
    Result result = engine.apply(tick, command);
    journal.add(tick, bytes);
    return result;
  }

  /** Makes every submitted command durable (one fsync for the whole batch). */
  public void flush() {
    journal.flush();
  }

  /**
   * Starts making every submitted command durable without waiting where the journal can (see {@link
   * FileJournal#commit}); results are released once the journal reports them durable, or after a
   * {@link #flush()}.
   */
  public void commit() {
    journal.commit();
  }

  public Engine engine() {
    return engine;
  }

  public Journal journal() {
    return journal;
  }

  @Override
  public void close() {
    journal.close();
  }
}
