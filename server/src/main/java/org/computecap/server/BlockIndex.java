package org.computecap.server;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * An increasing sequence of ids (one account's orders, one vintage's trades) that grows with
 * history, kept mostly on disk: full blocks of {@value #BLOCK} ids go to a shared {@link
 * RecordFile}, and only each block's first id and position stay in memory (16 bytes per {@value
 * #BLOCK} ids), with the unfinished last block. A page after a cursor is found by binary search
 * over the first ids and costs one or two block reads, whatever the length of the history.
 *
 * <p>One writer appends; readers read an immutable {@link View}, swapped in with one volatile write
 * after each append, so they always see a consistent prefix.
 */
final class BlockIndex {
  static final int BLOCK = 128;

  /** What readers see: {@code blocks} full blocks, then the first {@code tailSize} of the tail. */
  private record View(int blocks, long[] firsts, long[] positions, long[] tail, int tailSize) {}

  private final RecordFile file;
  private final BlockAllocator allocator;
  private volatile View view = new View(0, new long[4], new long[4], new long[BLOCK], 0);

  /** Hands out block positions in the shared file. */
  static final class BlockAllocator {
    private long next;

    long allocate() {
      return next++;
    }

    /** The next position it hands out (saved with a state snapshot). */
    long next() {
      return next;
    }

    /** Continues after the positions a restored snapshot's indexes hold. */
    void restore(long nextPosition) {
      next = nextPosition;
    }
  }

  BlockIndex(RecordFile file, BlockAllocator allocator) {
    if (file.recordSize() != BLOCK * 8) {
      throw new IllegalArgumentException("block files hold " + BLOCK + " longs per record");
    }
    this.file = file;
    this.allocator = allocator;
  }

  /**
   * Writes what this index holds in memory (the full blocks' first ids and positions, the tail) for
   * a state snapshot; the full blocks themselves are in the shared file, synced with the snapshot.
   */
  void save(java.io.DataOutput out) throws java.io.IOException {
    View v = view;
    out.writeInt(v.blocks);
    for (int b = 0; b < v.blocks; b++) {
      out.writeLong(v.firsts[b]);
      out.writeLong(v.positions[b]);
    }
    out.writeInt(v.tailSize);
    for (int i = 0; i < v.tailSize; i++) {
      out.writeLong(v.tail[i]);
    }
  }

  /** An index as {@link #save} wrote it, over the same shared file. */
  static BlockIndex restore(java.io.DataInput in, RecordFile file, BlockAllocator allocator)
      throws java.io.IOException {
    BlockIndex index = new BlockIndex(file, allocator);
    int blocks = in.readInt();
    if (blocks < 0) {
      throw new IllegalArgumentException("a block index of " + blocks + " blocks");
    }
    long[] firsts = new long[Math.max(4, blocks)];
    long[] positions = new long[Math.max(4, blocks)];
    for (int b = 0; b < blocks; b++) {
      firsts[b] = in.readLong();
      positions[b] = in.readLong();
    }
    int tailSize = in.readInt();
    if (tailSize < 0 || tailSize >= BLOCK) {
      throw new IllegalArgumentException("a block index tail of " + tailSize + " ids");
    }
    long[] tail = new long[BLOCK];
    for (int i = 0; i < tailSize; i++) {
      tail[i] = in.readLong();
    }
    index.view = new View(blocks, firsts, positions, tail, tailSize);
    return index;
  }

  /** Appends an id (larger than every id before it); writer thread only. */
  void add(long id) {
    View v = view;
    v.tail[v.tailSize] = id;
    if (v.tailSize + 1 < BLOCK) {
      view = new View(v.blocks, v.firsts, v.positions, v.tail, v.tailSize + 1);
      return;
    }
    long position = allocator.allocate();
    ByteBuffer buf = ByteBuffer.allocate(BLOCK * 8);
    buf.asLongBuffer().put(v.tail);
    file.write(position, buf);
    long[] firsts = v.firsts;
    long[] positions = v.positions;
    if (v.blocks == firsts.length) {
      firsts = Arrays.copyOf(firsts, firsts.length * 2);
      positions = Arrays.copyOf(positions, positions.length * 2);
    }
    firsts[v.blocks] = v.tail[0];
    positions[v.blocks] = position;
    view = new View(v.blocks + 1, firsts, positions, new long[BLOCK], 0);
  }

  /** How many ids there are. */
  long size() {
    View v = view;
    return (long) v.blocks * BLOCK + v.tailSize;
  }

  /** The last id, or 0 when there is none. */
  long last() {
    View v = view;
    if (v.tailSize > 0) {
      return v.tail[v.tailSize - 1];
    }
    return v.blocks == 0 ? 0 : block(v, v.blocks - 1)[BLOCK - 1];
  }

  /**
   * Up to {@code limit} ids greater than {@code after}, ascending, into {@code out}; returns
   * whether more follow.
   */
  boolean after(long after, int limit, java.util.List<Long> out) {
    View v = view;
    int b = firstBlockWithIdAbove(v, after);
    for (; b < v.blocks; b++) {
      long[] ids = block(v, b);
      for (long id : ids) {
        if (id > after) {
          if (out.size() == limit) {
            return true;
          }
          out.add(id);
        }
      }
    }
    for (int i = 0; i < v.tailSize; i++) {
      long id = v.tail[i];
      if (id > after) {
        if (out.size() == limit) {
          return true;
        }
        out.add(id);
      }
    }
    return false;
  }

  /** The index of the first full block that may hold an id above {@code after}. */
  private static int firstBlockWithIdAbove(View v, long after) {
    int lo = 0;
    int hi = v.blocks;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (v.firsts[mid] <= after) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    // Block lo-1 starts at or below after but may continue above it.
    return Math.max(0, lo - 1);
  }

  private long[] block(View v, int b) {
    long[] ids = new long[BLOCK];
    file.read(v.positions[b], 1).asLongBuffer().get(ids);
    return ids;
  }
}
