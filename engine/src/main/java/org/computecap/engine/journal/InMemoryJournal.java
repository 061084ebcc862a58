package org.computecap.engine.journal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A journal kept in memory, for the simulator and tests: the same hash chain as the file
 * journal (so a run's head hash can be compared with a file's), without durability.
 *
 * <p>Entries are packed into large byte arrays (an arena: {@code long tick, byte[32] hash,
 * int commandLength, command}, one after the other) with one {@code long} position per entry,
 * not kept as objects: a million retained entries of four objects each made the garbage
 * collector copy them again at every young collection, which cost more than the engine itself.
 * {@link #entry} and {@link #forEach} rebuild {@link JournalEntry} values on demand (the
 * previous hash is the hash stored with the entry before).
 */
public final class InMemoryJournal implements Journal {
  private static final int FIRST_CHUNK_BYTES = 1 << 12;
  private static final int MAX_CHUNK_BYTES = 1 << 22;
  private static final int HASH_AT = 8;
  private static final int LENGTH_AT = HASH_AT + JournalEntry.HASH_BYTES;
  private static final int COMMAND_AT = LENGTH_AT + 4;

  private final ChainHash hasher = new ChainHash();
  private final List<byte[]> chunks = new ArrayList<>();
  private byte[] chunk;
  private int used;
  /** Per entry, chunk index (high 32 bits) and offset in the chunk (low 32 bits). */
  private long[] positions = new long[64];
  private int size;
  private final byte[] head = JournalEntry.genesisHash();

  @Override
  public JournalEntry append(long tick, byte[] command) {
    add(tick, command);
    return entry(size);
  }

  @Override
  public void add(long tick, byte[] command) {
    if (size == Integer.MAX_VALUE) {
      throw new IllegalStateException("an in-memory journal holds at most "
          + Integer.MAX_VALUE + " entries");
    }
    int need = COMMAND_AT + command.length;
    if (chunk == null || used + need > chunk.length) {
      int next = chunk == null ? FIRST_CHUNK_BYTES : Math.min(MAX_CHUNK_BYTES, chunk.length * 2);
      chunk = new byte[Math.max(next, need)];
      chunks.add(chunk);
      used = 0;
    }
    int at = used;
    Bytes.putLong(chunk, at, tick);
    hasher.hash(size + 1L, tick, head, command, chunk, at + HASH_AT);
    System.arraycopy(chunk, at + HASH_AT, head, 0, JournalEntry.HASH_BYTES);
    Bytes.putInt(chunk, at + LENGTH_AT, command.length);
    System.arraycopy(command, 0, chunk, at + COMMAND_AT, command.length);
    used += need;
    if (size == positions.length) {
      positions = Arrays.copyOf(positions, size * 2);
    }
    positions[size++] = ((long) (chunks.size() - 1) << 32) | at;
  }

  @Override
  public void flush() {
    // Memory is as durable as this journal gets.
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public byte[] headHash() {
    return head.clone();
  }

  @Override
  public void forEach(Consumer<JournalEntry> visitor) {
    byte[] prev = JournalEntry.genesisHash();
    int entries = size;
    for (int i = 0; i < entries; i++) {
      JournalEntry e = read(i, prev);
      visitor.accept(e);
      prev = e.hash();
    }
  }

  /** The entry with this seq (from 1). */
  public JournalEntry entry(long seq) {
    if (seq < 1 || seq > size) {
      throw new IllegalArgumentException("seq must be in 1.." + size + ", got " + seq);
    }
    int i = (int) (seq - 1);
    return read(i, i == 0 ? JournalEntry.genesisHash() : hashAt(i - 1));
  }

  private JournalEntry read(int i, byte[] prevHash) {
    byte[] c = chunks.get((int) (positions[i] >>> 32));
    int at = (int) positions[i];
    int length = Bytes.getInt(c, at + LENGTH_AT);
    return new JournalEntry(i + 1L, Bytes.getLong(c, at), prevHash, hashAt(i),
        Arrays.copyOfRange(c, at + COMMAND_AT, at + COMMAND_AT + length));
  }

  private byte[] hashAt(int i) {
    byte[] c = chunks.get((int) (positions[i] >>> 32));
    int at = (int) positions[i] + HASH_AT;
    return Arrays.copyOfRange(c, at, at + JournalEntry.HASH_BYTES);
  }

  @Override
  public void close() {
    // Nothing to release.
  }
}
