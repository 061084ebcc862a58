package org.computecap.server;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every trade ever made, on disk: trade {@code id} is record {@code id - 1} of {@code trades.dat}
 * (64 bytes), and each vintage's trade ids are a {@link BlockIndex}, so {@code GET /api/trades}
 * pages at the source, filtered or not, without copying history. Only the count of trades readers
 * may see is hot.
 *
 * <p>The writer appends a batch's trades with one write ({@link #append}, invisible to readers),
 * then {@link #publish}es them once the batch is durable.
 */
final class TradeLog implements AutoCloseable {
  private static final int SIZE = 64;

  private final RecordFile file;
  private final RecordFile blocks;
  private final BlockIndex.BlockAllocator allocator = new BlockIndex.BlockAllocator();
  private final ConcurrentHashMap<Integer, BlockIndex> byVintage = new ConcurrentHashMap<>();
  private volatile long visible;
  private long written;

  TradeLog(Path dir) {
    this(dir, false);
  }

  /** The log in {@code dir}; its files are kept when {@code keep} (a snapshot is restored). */
  TradeLog(Path dir, boolean keep) {
    this.file = new RecordFile(dir.resolve("trades.dat"), SIZE, keep);
    this.blocks = new RecordFile(dir.resolve("trades-by-vintage.idx"), BlockIndex.BLOCK * 8, keep);
  }

  /**
   * Saves the hot half (counts, per-vintage indexes) for a state snapshot, after syncing the files,
   * so the snapshot never refers to a record a power loss could take; writer thread, everything
   * published.
   */
  void save(java.io.DataOutput out) throws java.io.IOException {
    if (visible != written) {
      throw new IllegalStateException("trades appended but not published at a snapshot");
    }
    file.force();
    blocks.force();
    out.writeLong(written);
    out.writeLong(allocator.next());
    out.writeInt(byVintage.size());
    for (var e : new java.util.TreeMap<>(byVintage).entrySet()) {
      out.writeInt(e.getKey());
      e.getValue().save(out);
    }
  }

  /** Restores what {@link #save} wrote, before the writer or any reader starts. */
  void restore(java.io.DataInput in) throws java.io.IOException {
    written = in.readLong();
    visible = written;
    allocator.restore(in.readLong());
    file.requireRecords(written, "trades file");
    blocks.requireRecords(allocator.next(), "trade index");
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      int vintage = in.readInt();
      byVintage.put(vintage, BlockIndex.restore(in, blocks, allocator));
    }
  }

  /** How many trades readers may see (the last trade's id). */
  long count() {
    return visible;
  }

  /** The id the next appended trade gets; writer thread only. */
  long nextId() {
    return written + 1;
  }

  /** Writes {@code trades} (ids nextId() and up, in order) to disk, not yet visible. */
  void append(List<Views.Trade> trades) {
    if (trades.isEmpty()) {
      return;
    }
    ByteBuffer buf = ByteBuffer.allocate(trades.size() * SIZE);
    for (Views.Trade t : trades) {
      if (t.id() != written + 1) {
        throw new AssertionError("trade " + t.id() + " appended after " + written);
      }
      int start = buf.position();
      buf.putLong(t.tick())
          .putInt(t.vintage())
          .putInt(0)
          .putLong(t.priceCents())
          .putLong(t.quantity())
          .putLong(t.buyOrderId())
          .putLong(t.buyAccountId())
          .putLong(t.sellOrderId())
          .putLong(t.sellAccountId());
      buf.position(start + SIZE);
      written++;
    }
    file.write(trades.get(0).id() - 1, buf.flip());
  }

  /**
   * Makes a batch's appended trades visible, once the batch is durable; in batch order, by one
   * thread at a time. Later batches may already be appended: they stay invisible.
   */
  void publish(List<Views.Trade> trades) {
    for (Views.Trade t : trades) {
      byVintage.computeIfAbsent(t.vintage(), v -> new BlockIndex(blocks, allocator)).add(t.id());
    }
    if (!trades.isEmpty()) {
      visible = trades.get(trades.size() - 1).id();
    }
  }

  /** A page of trades after trade id {@code after}, all vintages or one. */
  Views.Page<Views.Trade> page(Integer vintage, long after, int limit, Caller caller) {
    List<Long> ids = new ArrayList<>();
    boolean more;
    long n = visible;
    if (vintage == null) {
      // Trade ids are 1..n; a cursor at or past n (up to Long.MAX_VALUE) leaves nothing.
      long start = Math.max(after, 0);
      long to = start >= n ? start : Math.min(n, start + limit);
      for (long id = start + 1; id > start && id <= to; id++) {
        ids.add(id);
      }
      more = to < n;
    } else {
      BlockIndex index = byVintage.get(vintage);
      more = index != null && index.after(after, limit, ids);
      ids.removeIf(id -> id > n);
    }
    List<Views.Trade> out = new ArrayList<>(ids.size());
    int i = 0;
    while (i < ids.size()) {
      int j = i + 1;
      while (j < ids.size() && ids.get(j) == ids.get(j - 1) + 1) {
        j++;
      }
      ByteBuffer buf = file.read(ids.get(i) - 1, j - i);
      for (int k = i; k < j; k++) {
        out.add(decode(ids.get(k), buf).redactedFor(caller));
      }
      i = j;
    }
    Long next = more && !out.isEmpty() ? out.get(out.size() - 1).id() : null;
    return new Views.Page<>(out, next);
  }

  private static Views.Trade decode(long id, ByteBuffer buf) {
    int start = buf.position();
    long tick = buf.getLong();
    int vintage = buf.getInt();
    buf.getInt();
    Views.Trade t =
        new Views.Trade(
            id,
            tick,
            vintage,
            buf.getLong(),
            buf.getLong(),
            buf.getLong(),
            buf.getLong(),
            buf.getLong(),
            buf.getLong());
    buf.position(start + SIZE);
    return t;
  }

  @Override
  public void close() {
    file.close();
    blocks.close();
  }
}
