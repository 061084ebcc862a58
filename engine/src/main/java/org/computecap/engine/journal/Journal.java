package org.computecap.engine.journal;

import java.util.function.Consumer;

/**
 * The append-only, hash-chained input history of the engine (§3). {@link #append} links a new entry
 * to the last one; {@link #flush} makes everything appended so far durable at once (group commit:
 * one fsync per batch for a file), and a caller releases the results of a batch of commands only
 * after flushing it.
 */
public interface Journal extends AutoCloseable {
  /** Appends the next entry with these command bytes and returns it. */
  JournalEntry append(long tick, byte[] command);

  /**
   * Appends the next entry like {@link #append}, without building a {@link JournalEntry}: the
   * engine's hot path, which never looks at the entry it journals. Journals that can store an entry
   * without allocating one override it.
   */
  default void add(long tick, byte[] command) {
    append(tick, command);
  }

  /** Makes every appended entry durable. */
  void flush();

  /**
   * Starts making every appended entry durable, possibly without waiting (a file journal hands the
   * batch to the adapter's sync thread and returns); {@link #flush} still waits for all of it. By
   * default it flushes.
   */
  default void commit() {
    flush();
  }

  /**
   * How many entries are durable, so that an adapter may release their results. After {@link
   * #flush} every entry is; after {@link #commit} a journal that syncs in the background (a file)
   * may be behind, and catches up as {@link #syncNext} runs. By default, for journals whose commit
   * is a flush, the size: a caller asks only after committing.
   */
  default long durableSize() {
    return size();
  }

  /**
   * The adapter's sync thread's step for a journal that syncs in the background: waits for a batch
   * handed over by {@link #commit}, makes it durable and returns true; false once the journal is
   * closed or stopped. Journals whose commit is synchronous return false at once, and the adapter
   * needs no sync thread for them.
   */
  default boolean syncNext() throws InterruptedException {
    return false;
  }

  /** The number of entries, which is also the seq of the last one. */
  long size();

  /** The hash of the last entry (32 zero bytes when empty): the head of the chain. */
  byte[] headHash();

  /** Visits every entry from the first, in order (flushing first where that matters). */
  void forEach(Consumer<JournalEntry> visitor);

  /** Flushes and releases the journal's resources. */
  @Override
  void close();
}
