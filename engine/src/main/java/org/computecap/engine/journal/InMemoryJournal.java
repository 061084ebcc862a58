package org.computecap.engine.journal;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A journal kept in memory, for the simulator and tests: the same hash chain as the file journal
 * (so a run's head hash can be compared with a file's), without durability.
 *
 * <p>Entries are packed into large byte arrays (an arena: {@code long tick, byte[32] hash, int
 * commandLength, command}, one after the other) with one {@code long} position per entry, not kept
 * as objects: a million retained entries of four objects each made the garbage collector copy them
 * again at every young collection, which cost more than the engine itself. {@link #entry} and
 * {@link #forEach} rebuild {@link JournalEntry} values on demand (the previous hash is the hash
 * stored with the entry before).
 *
 * <p>{@link #add} only copies the command; the chain hashes are filled in by sealing, in append
 * order, by one party at a time: by {@link #sealPending}, which an adapter may call from a thread
 * of its own so that hashing runs beside the engine (the engine module starts no threads), and in
 * any case before {@link #headHash}, {@link #entry} or {@link #forEach} answer, so every reader
 * sees the full chain. Appends are published to the sealer with a release store after the record
 * and its position are written.
 */
public final class InMemoryJournal implements Journal {
  private static final int FIRST_CHUNK_BYTES = 1 << 12;
  private static final int MAX_CHUNK_BYTES = 1 << 22;
  private static final int HASH_AT = 8;
  private static final int LENGTH_AT = HASH_AT + JournalEntry.HASH_BYTES;
  private static final int COMMAND_AT = LENGTH_AT + 4;

  // Written by the appending thread only; the arrays are replaced (never changed in place below
  // the published count) when they grow, and volatile so a sealer sees a complete copy.
  private volatile byte[][] chunks = new byte[4][];
  private int chunkCount;
  private byte[] chunk;
  private int used;

  /** Per entry, chunk index (high 32 bits) and offset in the chunk (low 32 bits). */
  private volatile long[] positions = new long[64];

  private int size;
  private final AtomicInteger published = new AtomicInteger();

  private final Object sealing = new Object();
  private final ChainHash hasher = new ChainHash();
  private final byte[] head = JournalEntry.genesisHash();
  private int sealed;

  @Override
  public JournalEntry append(long tick, byte[] command) {
    add(tick, command);
    return entry(size);
  }

  @Override
  public void add(long tick, byte[] command) {
    if (size == Integer.MAX_VALUE) {
      throw new IllegalStateException(
          "an in-memory journal holds at most " + Integer.MAX_VALUE + " entries");
    }
    int need = COMMAND_AT + command.length;
    if (chunk == null || used + need > chunk.length) {
      int next = chunk == null ? FIRST_CHUNK_BYTES : Math.min(MAX_CHUNK_BYTES, chunk.length * 2);
      chunk = new byte[Math.max(next, need)];
      byte[][] all = chunks;
      if (chunkCount == all.length) {
        all = Arrays.copyOf(all, chunkCount * 2);
      }
      all[chunkCount++] = chunk;
      chunks = all;
      used = 0;
    }
    int at = used;
    Bytes.putLong(chunk, at, tick);
    Bytes.putInt(chunk, at + LENGTH_AT, command.length);
    System.arraycopy(command, 0, chunk, at + COMMAND_AT, command.length);
    used += need;
    long[] p = positions;
    if (size == p.length) {
      p = Arrays.copyOf(p, size * 2);
      positions = p;
    }
    p[size++] = ((long) (chunkCount - 1) << 32) | at;
    published.lazySet(size);
  }

  /**
   * Fills in the chain hashes of every entry appended so far and not sealed yet; returns whether
   * there was any. Safe to call from one other thread while entries are appended.
   */
  public boolean sealPending() {
    synchronized (sealing) {
      int target = published.get();
      if (sealed == target) {
        return false;
      }
      byte[][] c = chunks;
      long[] p = positions;
      for (int i = sealed; i < target; i++) {
        byte[] b = c[(int) (p[i] >>> 32)];
        int at = (int) p[i];
        int length = Bytes.getInt(b, at + LENGTH_AT);
        hasher.hash(
            i + 1L, Bytes.getLong(b, at), head, b, at + COMMAND_AT, length, b, at + HASH_AT);
        System.arraycopy(b, at + HASH_AT, head, 0, JournalEntry.HASH_BYTES);
      }
      sealed = target;
      return true;
    }
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
    synchronized (sealing) {
      sealPending();
      return head.clone();
    }
  }

  @Override
  public void forEach(Consumer<JournalEntry> visitor) {
    sealPending();
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
    sealPending();
    int i = (int) (seq - 1);
    return read(i, i == 0 ? JournalEntry.genesisHash() : hashAt(i - 1));
  }

  private JournalEntry read(int i, byte[] prevHash) {
    long p = positions[i];
    byte[] c = chunks[(int) (p >>> 32)];
    int at = (int) p;
    int length = Bytes.getInt(c, at + LENGTH_AT);
    return new JournalEntry(
        i + 1L,
        Bytes.getLong(c, at),
        prevHash,
        hashAt(i),
        Arrays.copyOfRange(c, at + COMMAND_AT, at + COMMAND_AT + length));
  }

  private byte[] hashAt(int i) {
    long p = positions[i];
    byte[] c = chunks[(int) (p >>> 32)];
    int at = (int) p + HASH_AT;
    return Arrays.copyOfRange(c, at, at + JournalEntry.HASH_BYTES);
  }

  @Override
  public void close() {
    // Nothing to release.
  }
}
