package org.computecap.server;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.computecap.engine.command.OrderType;
import org.computecap.engine.command.Side;

/**
 * Every order ever placed: open orders hot in memory (the engine's book holds them anyway), each
 * finished order (filled or cancelled) written once to disk as record {@code id - 1} of {@code
 * orders.dat}, and each account's order ids in a {@link BlockIndex}. So reading one order or a page
 * of an account's orders costs a few reads whatever the history, and memory does not grow with
 * orders that are done.
 *
 * <p>Order ids are assigned in sequence, so the file is dense; ids readers may see are those up to
 * {@link #visibleMaxId}, which the writer raises once a batch is durable. A finished order is on
 * disk before it leaves the open map, so a reader finds it in one or the other.
 */
final class OrderLog implements AutoCloseable {
  private static final int SIZE = 64;

  /** The byte that marks a record as written: a hole of the sparse file reads as zero. */
  private static final int WRITTEN = 47;

  private static final Side[] SIDES = Side.values();
  private static final OrderType[] TYPES = OrderType.values();
  private static final Views.OrderStatus[] STATUSES = Views.OrderStatus.values();

  private final RecordFile file;
  private final RecordFile blocks;
  private final BlockIndex.BlockAllocator allocator = new BlockIndex.BlockAllocator();
  private final ConcurrentHashMap<Long, Views.Order> open = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, BlockIndex> byAccount = new ConcurrentHashMap<>();
  private volatile long visibleMaxId;

  OrderLog(Path dir) {
    this(dir, false);
  }

  /** The log in {@code dir}; its files are kept when {@code keep} (a snapshot is restored). */
  OrderLog(Path dir, boolean keep) {
    this.file = new RecordFile(dir.resolve("orders.dat"), SIZE, keep);
    this.blocks = new RecordFile(dir.resolve("orders-by-account.idx"), BlockIndex.BLOCK * 8, keep);
  }

  /**
   * Saves the hot half (open orders, per-account indexes, the visible id) for a state snapshot,
   * after syncing the files it refers to; writer thread, everything published.
   */
  void save(java.io.DataOutput out) throws java.io.IOException {
    file.force();
    blocks.force();
    out.writeLong(visibleMaxId);
    out.writeLong(allocator.next());
    List<Long> ids = new ArrayList<>(open.keySet());
    ids.sort(null);
    out.writeInt(ids.size());
    ByteBuffer buf = ByteBuffer.allocate(SIZE);
    for (long id : ids) {
      buf.clear();
      encode(open.get(id), buf);
      out.writeLong(id);
      out.write(buf.array());
    }
    out.writeInt(byAccount.size());
    for (var e : new java.util.TreeMap<>(byAccount).entrySet()) {
      out.writeLong(e.getKey());
      e.getValue().save(out);
    }
  }

  /** Restores what {@link #save} wrote; returns the open orders (the projector keeps them too). */
  List<Views.Order> restore(java.io.DataInput in) throws java.io.IOException {
    visibleMaxId = in.readLong();
    allocator.restore(in.readLong());
    blocks.requireRecords(allocator.next(), "order index");
    int n = in.readInt();
    List<Views.Order> restored = new ArrayList<>(n);
    byte[] record = new byte[SIZE];
    for (int i = 0; i < n; i++) {
      long id = in.readLong();
      in.readFully(record);
      Views.Order o = decode(id, ByteBuffer.wrap(record));
      open.put(id, o);
      restored.add(o);
    }
    int accounts = in.readInt();
    for (int i = 0; i < accounts; i++) {
      long account = in.readLong();
      byAccount.put(account, BlockIndex.restore(in, blocks, allocator));
    }
    return restored;
  }

  /** The largest order id readers may see (0: none). */
  long visibleMaxId() {
    return visibleMaxId;
  }

  /**
   * Writes finished orders to disk (writer thread, before they are published), in ascending id
   * order: runs of consecutive ids go in one write, so a batch costs a few system calls, not one
   * per order.
   */
  void writeFinished(List<Views.Order> sorted) {
    int i = 0;
    while (i < sorted.size()) {
      int j = i + 1;
      while (j < sorted.size() && sorted.get(j).orderId() == sorted.get(j - 1).orderId() + 1) {
        j++;
      }
      ByteBuffer buf = ByteBuffer.allocate((j - i) * SIZE);
      for (int k = i; k < j; k++) {
        encode(sorted.get(k), buf);
      }
      file.write(sorted.get(i).orderId() - 1, buf.flip());
      i = j;
    }
  }

  /** Writes one finished order (tests). */
  void writeFinished(Views.Order o) {
    writeFinished(List.of(o));
  }

  private static void encode(Views.Order o, ByteBuffer buf) {
    int start = buf.position();
    buf.putLong(o.accountId())
        .putLong(o.priceCents())
        .putLong(o.quantity())
        .putLong(o.remaining())
        .putLong(o.tick())
        .putInt(o.vintage())
        .put((byte) o.side().ordinal())
        .put((byte) o.type().ordinal())
        .put((byte) o.status().ordinal())
        .put((byte) 1);
    buf.position(start + SIZE);
  }

  /** Publishes a new order (writer thread): readable, and listed under its account. */
  void publishNew(Views.Order o) {
    if (o.status() == Views.OrderStatus.OPEN) {
      open.put(o.orderId(), o);
    }
    byAccount
        .computeIfAbsent(o.accountId(), a -> new BlockIndex(blocks, allocator))
        .add(o.orderId());
    visibleMaxId = Math.max(visibleMaxId, o.orderId());
  }

  /** Publishes a change of an existing order (writer thread); a finished one leaves memory. */
  void publishChange(Views.Order o) {
    if (o.status() == Views.OrderStatus.OPEN) {
      open.put(o.orderId(), o);
    } else {
      open.remove(o.orderId());
    }
  }

  /** The order, or null when there is none readers may see. */
  Views.Order get(long id) {
    if (id < 1 || id > visibleMaxId) {
      return null;
    }
    Views.Order o = open.get(id);
    if (o != null) {
      return o;
    }
    ByteBuffer buf = file.read(id - 1, 1);
    if (buf.get(WRITTEN) == 0) {
      return null;
    }
    return decode(id, buf);
  }

  /** A page of an account's orders after order id {@code after}. */
  Views.Page<Views.Order> page(long accountId, long after, int limit) {
    BlockIndex index = byAccount.get(accountId);
    List<Long> ids = new ArrayList<>();
    boolean more = index != null && index.after(after, limit, ids);
    List<Views.Order> out = new ArrayList<>(ids.size());
    for (long id : ids) {
      Views.Order o = get(id);
      if (o != null) {
        out.add(o);
      }
    }
    Long next = more && !out.isEmpty() ? out.get(out.size() - 1).orderId() : null;
    return new Views.Page<>(out, next);
  }

  private static Views.Order decode(long id, ByteBuffer buf) {
    long account = buf.getLong();
    long price = buf.getLong();
    long quantity = buf.getLong();
    long remaining = buf.getLong();
    long tick = buf.getLong();
    int vintage = buf.getInt();
    Side side = SIDES[buf.get()];
    OrderType type = TYPES[buf.get()];
    Views.OrderStatus status = STATUSES[buf.get()];
    return new Views.Order(
        id, account, side, type, price, quantity, remaining, vintage, status, tick);
  }

  @Override
  public void close() {
    file.close();
    blocks.close();
  }
}
