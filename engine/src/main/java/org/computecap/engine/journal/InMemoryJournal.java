package org.computecap.engine.journal;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A journal kept in memory, for the simulator and tests: the same hash chain as the file
 * journal (so a run's head hash can be compared with a file's), without durability.
 */
public final class InMemoryJournal implements Journal {
  private final List<JournalEntry> entries = new ArrayList<>();
  private final MessageDigest sha256 = JournalEntry.sha256();
  private byte[] head = JournalEntry.genesisHash();

  @Override
  public JournalEntry append(long tick, byte[] command) {
    JournalEntry e = JournalEntry.next(entries.size() + 1L, tick, head, command, sha256);
    entries.add(e);
    head = e.hash();
    return e;
  }

  @Override
  public void flush() {
    // Memory is as durable as this journal gets.
  }

  @Override
  public long size() {
    return entries.size();
  }

  @Override
  public byte[] headHash() {
    return head.clone();
  }

  @Override
  public void forEach(Consumer<JournalEntry> visitor) {
    entries.forEach(visitor);
  }

  /** The entry with this seq (from 1). */
  public JournalEntry entry(long seq) {
    return entries.get(Math.toIntExact(seq - 1));
  }

  @Override
  public void close() {
    // Nothing to release.
  }
}
