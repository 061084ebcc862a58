package org.computecap.engine.serial;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.computecap.engine.collections.LongObjectMap;
import org.computecap.engine.registry.PermitMovements;
import org.computecap.engine.registry.Registry;
import org.computecap.engine.registry.SystemAccount;

/**
 * Serial numbers (issue 15): every permit issued has a serial within its vintage, numbered from 1
 * in the order of issuance; each account's holding of a vintage is a set of ranges; every movement
 * takes the sender's lowest serials first; and every range moved is a line of the audit trail.
 *
 * <p>The book is a projection of the ledger's {@link PermitMovements}, command by command, so the
 * engine's matching path only records quantities (four array stores a fill) and the range work runs
 * where the reader wants it: in the server, on the read model's install path, off the writer
 * thread; in tests and scripts, after every command ({@code Engine.trackSerials}). Fed the
 * movements of the same journal it always gives the same book, which {@link #check} proves against
 * the registry: for every vintage the ranges of all accounts (system accounts included) partition
 * the serials issued, and each account's ranges count exactly its holding, free and reserved.
 *
 * <p>A reservation (a resting sell order's hold) moves no serials: which serials a trade delivers
 * is decided when it settles, lowest first, like any other movement. A surrender's serials stay
 * attributed to the account that surrendered them, so that a reversal gives that account back its
 * own serials (lowest first) before any other of the vintage.
 *
 * <p>Not thread-safe: one writer, and readers only when it is not writing (the server's projection
 * takes a lock).
 */
public final class SerialBook {
  private static final int MOVE_WIDTH = 6;
  private static final long ISSUANCE = SystemAccount.ISSUANCE.id();
  private static final long RETIREMENT = SystemAccount.RETIREMENT.id();

  /** One vintage: serials issued so far, who holds which, and whose surrender put which retired. */
  private static final class Vintage {
    final int vintage;
    long issued;
    final LongObjectMap<SerialRanges> holders = new LongObjectMap<>();
    final LongObjectMap<SerialRanges> retiredBy = new LongObjectMap<>();

    Vintage(int vintage) {
      this.vintage = vintage;
    }

    SerialRanges holder(long accountId) {
      return getOrAdd(holders, accountId);
    }
  }

  /** One account's audit trail lines (0-based), ascending. */
  private static final class Lines {
    int[] lines = new int[8];
    int count;
  }

  private static SerialRanges getOrAdd(LongObjectMap<SerialRanges> map, long accountId) {
    SerialRanges r = map.get(accountId);
    if (r == null) {
      r = new SerialRanges();
      map.put(accountId, r);
    }
    return r;
  }

  private final TreeMap<Integer, Vintage> vintages = new TreeMap<>();
  private Vintage lastVintage;

  /** The audit trail, flat: seq, from, to, vintage, first, last for each line. */
  private long[] moves = new long[MOVE_WIDTH * 64];

  private int moveCount;

  /** Each account's audit trail lines. */
  private final LongObjectMap<Lines> linesByAccount = new LongObjectMap<>();

  // The movement being applied, for the pieces callback (a field, not a lambda: no allocation).
  private long currentSeq;
  private long currentFrom;
  private long currentTo;
  private Vintage current;
  private final SerialRanges.Pieces recorder = this::recordPiece;

  /** Applies the movements one command made; {@code seq} is the command's journal seq. */
  public void apply(long seq, PermitMovements movements) {
    for (int k = 0; k < movements.size(); k++) {
      move(seq, movements.from(k), movements.to(k), movements.vintage(k), movements.quantity(k));
    }
  }

  private void move(long seq, long from, long to, int vintage, long quantity) {
    Vintage v = vintage(vintage);
    currentSeq = seq;
    currentFrom = from;
    currentTo = to;
    current = v;
    if (from == ISSUANCE) {
      long start = v.issued + 1;
      v.holder(to).add(start, start + quantity);
      v.issued += quantity;
      recordPiece(start, start + quantity);
      return;
    }
    if (from == to) {
      // A trade between two orders of one account: the permits stay where they are.
      return;
    }
    if (from == RETIREMENT) {
      unretire(v, to, quantity);
      return;
    }
    SerialRanges source = v.holders.get(from);
    if (source == null || source.total() < quantity) {
      throw new AssertionError(
          "account "
              + from
              + " holds "
              + (source == null ? 0 : source.total())
              + " serials of vintage "
              + vintage
              + ", the ledger moved "
              + quantity);
    }
    source.moveLowest(quantity, v.holder(to), recorder);
    if (source.total() == 0) {
      v.holders.remove(from);
    }
  }

  /**
   * A surrender's reversal: the account's own retired serials first, lowest first, then the lowest
   * of the retirement account's others (the registry gives back by vintage, newest first, which may
   * be a vintage the account did not surrender).
   */
  private void unretire(Vintage v, long to, long quantity) {
    SerialRanges pool = v.holders.get(RETIREMENT);
    if (pool == null || pool.total() < quantity) {
      throw new AssertionError(
          "retirement holds fewer than "
              + quantity
              + " serials of vintage "
              + v.vintage
              + " to give back");
    }
    SerialRanges destination = v.holder(to);
    SerialRanges own = v.retiredBy.get(to);
    long fromOwn = own == null ? 0 : Math.min(quantity, own.total());
    if (fromOwn > 0) {
      SerialRanges taken = new SerialRanges();
      own.moveLowest(fromOwn, taken, (s, e) -> {});
      long[] pairs = taken.toArray();
      for (int i = 0; i < pairs.length; i += 2) {
        pool.remove(pairs[i], pairs[i + 1]);
        destination.add(pairs[i], pairs[i + 1]);
        recordPiece(pairs[i], pairs[i + 1]);
      }
      if (own.total() == 0) {
        v.retiredBy.remove(to);
      }
    }
    long rest = quantity - fromOwn;
    if (rest > 0) {
      SerialRanges taken = new SerialRanges();
      pool.moveLowest(rest, taken, (s, e) -> {});
      long[] pairs = taken.toArray();
      for (int i = 0; i < pairs.length; i += 2) {
        for (long id : v.retiredBy.sortedKeys()) {
          v.retiredBy.get(id).removeOverlap(pairs[i], pairs[i + 1]);
        }
        destination.add(pairs[i], pairs[i + 1]);
        recordPiece(pairs[i], pairs[i + 1]);
      }
      for (long id : v.retiredBy.sortedKeys()) {
        if (v.retiredBy.get(id).total() == 0) {
          v.retiredBy.remove(id);
        }
      }
    }
    if (pool.total() == 0) {
      v.holders.remove(RETIREMENT);
    }
  }

  private void recordPiece(long start, long end) {
    if (currentTo == RETIREMENT) {
      getOrAdd(current.retiredBy, currentFrom).add(start, end);
    }
    int at = moveCount * MOVE_WIDTH;
    if (at + MOVE_WIDTH > moves.length) {
      moves = Arrays.copyOf(moves, moves.length * 2);
    }
    moves[at] = currentSeq;
    moves[at + 1] = currentFrom;
    moves[at + 2] = currentTo;
    moves[at + 3] = current.vintage;
    moves[at + 4] = start;
    moves[at + 5] = end - 1;
    index(currentFrom, moveCount);
    index(currentTo, moveCount);
    moveCount++;
  }

  private void index(long accountId, int line) {
    Lines l = linesByAccount.get(accountId);
    if (l == null) {
      l = new Lines();
      linesByAccount.put(accountId, l);
    } else if (l.count == l.lines.length) {
      l.lines = Arrays.copyOf(l.lines, l.count * 2);
    }
    l.lines[l.count++] = line;
  }

  private Vintage vintage(int vintage) {
    if (lastVintage != null && lastVintage.vintage == vintage) {
      return lastVintage;
    }
    Vintage v = vintages.computeIfAbsent(vintage, Vintage::new);
    lastVintage = v;
    return v;
  }

  // ------------------------------------------------------------------------------------ queries

  /** The serials of {@code vintage} issued so far. */
  public long issued(int vintage) {
    Vintage v = vintages.get(vintage);
    return v == null ? 0 : v.issued;
  }

  /** The vintages that have serials, ascending. */
  public List<Integer> vintages() {
    return List.copyOf(vintages.keySet());
  }

  /** The ranges {@code accountId} holds of {@code vintage}, ascending; empty when none. */
  public List<SerialRange> ranges(long accountId, int vintage) {
    Vintage v = vintages.get(vintage);
    SerialRanges r = v == null ? null : v.holders.get(accountId);
    return r == null ? List.of() : toRanges(r.toArray());
  }

  /** The account holding {@code serial} of {@code vintage}, or 0 when it was never issued. */
  public long holder(int vintage, long serial) {
    Vintage v = vintages.get(vintage);
    if (v == null || serial < 1 || serial > v.issued) {
      return 0;
    }
    for (long id : v.holders.sortedKeys()) {
      SerialRanges r = v.holders.get(id);
      if (r.contains(serial)) {
        return id;
      }
    }
    throw new AssertionError("serial " + serial + " of vintage " + vintage + " has no holder");
  }

  /** Lines of the audit trail. */
  public long moveCount() {
    return moveCount;
  }

  /**
   * Up to {@code limit} lines of {@code accountId}'s audit trail (every range it sent or received),
   * oldest first, after line {@code afterIndex} (0 for the start).
   */
  public List<SerialMove> history(long accountId, long afterIndex, int limit) {
    Lines l = linesByAccount.get(accountId);
    List<SerialMove> out = new ArrayList<>();
    if (l == null) {
      return out;
    }
    for (int k = firstAfter(l.lines, l.count, afterIndex - 1);
        k < l.count && out.size() < limit;
        k++) {
      out.add(line(l.lines[k]));
    }
    return out;
  }

  /** Up to {@code limit} lines of the whole audit trail after line {@code afterIndex}. */
  public List<SerialMove> history(long afterIndex, int limit) {
    List<SerialMove> out = new ArrayList<>();
    for (long k = Math.max(0, afterIndex); k < moveCount && out.size() < limit; k++) {
      out.add(line((int) k));
    }
    return out;
  }

  private static int firstAfter(int[] lines, int n, long line) {
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (lines[mid] <= line) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private SerialMove line(int k) {
    int at = k * MOVE_WIDTH;
    return new SerialMove(
        k + 1L,
        moves[at],
        moves[at + 1],
        moves[at + 2],
        (int) moves[at + 3],
        moves[at + 4],
        moves[at + 5]);
  }

  private static List<SerialRange> toRanges(long[] pairs) {
    List<SerialRange> out = new ArrayList<>(pairs.length / 2);
    for (int i = 0; i < pairs.length; i += 2) {
      out.add(new SerialRange(pairs[i], pairs[i + 1] - 1));
    }
    return out;
  }

  // --------------------------------------------------------------------------------- invariants

  /**
   * Checks the book against the registry it was projected from, in time proportional to accounts
   * times vintages (the engine runs it with every invariant check); throws {@link AssertionError}
   * naming the vintage and account: for each vintage the serials issued equal the registry's
   * issuance and add up over the holders, and each account's serials count exactly its holding,
   * free and reserved. Together with the local checks of every move (a move takes only serials
   * held, an added range overlaps nothing held), that keeps the ranges a partition of the serials
   * issued; {@link #checkRanges()} recounts it range by range.
   */
  public void check(Registry registry) {
    for (Vintage v : vintages.values()) {
      if (v.issued != registry.issued(v.vintage)) {
        throw new AssertionError(
            "vintage "
                + v.vintage
                + ": "
                + v.issued
                + " serials issued, the registry issued "
                + registry.issued(v.vintage));
      }
      long held = 0;
      for (long id : v.holders.sortedKeys()) {
        SerialRanges r = v.holders.get(id);
        long holding =
            registry.freePermits(id, v.vintage) + registry.reservedPermits(id, v.vintage);
        if (r.total() != holding) {
          throw new AssertionError(
              "account "
                  + id
                  + " vintage "
                  + v.vintage
                  + ": serial ranges hold "
                  + r.total()
                  + " but the holding is "
                  + holding);
        }
        held += holding;
      }
      if (held != v.issued) {
        throw new AssertionError(
            "vintage " + v.vintage + ": accounts hold " + held + " serials of " + v.issued);
      }
    }
    for (long id : registry.accountIds()) {
      checkHolderKnown(registry, id);
    }
    for (SystemAccount s : SystemAccount.values()) {
      checkHolderKnown(registry, s.id());
    }
  }

  /**
   * Recounts the ranges one by one (time proportional to the ranges held, sorted): each account's
   * ranges are ascending, disjoint and add up to its count, the ranges of all accounts partition
   * {@code 1..issued} of each vintage exactly, and the serials attributed to surrenders lie in the
   * retirement account.
   */
  public void checkRanges() {
    for (Vintage v : vintages.values()) {
      List<long[]> all = new ArrayList<>();
      for (long id : v.holders.sortedKeys()) {
        SerialRanges r = v.holders.get(id);
        r.check(r.total(), id, v.vintage);
        long[] pairs = r.toArray();
        for (int i = 0; i < pairs.length; i += 2) {
          all.add(new long[] {pairs[i], pairs[i + 1]});
        }
      }
      checkPartition(v, all);
      checkRetired(v);
    }
  }

  private static void checkRetired(Vintage v) {
    SerialRanges pool = v.holders.get(RETIREMENT);
    for (long id : v.retiredBy.sortedKeys()) {
      SerialRanges r = v.retiredBy.get(id);
      long[] pairs = r.toArray();
      for (int i = 0; i < pairs.length; i += 2) {
        if (pool == null || !pool.containsAll(pairs[i], pairs[i + 1])) {
          throw new AssertionError(
              "vintage "
                  + v.vintage
                  + ": serials "
                  + pairs[i]
                  + ".."
                  + (pairs[i + 1] - 1)
                  + " surrendered by account "
                  + id
                  + " are not in the retirement account");
        }
      }
    }
  }

  private void checkHolderKnown(Registry registry, long id) {
    if (!registry.exists(id) || !registry.canHoldPermits(id)) {
      return;
    }
    for (Vintage v : vintages.values()) {
      long holding = registry.freePermits(id, v.vintage) + registry.reservedPermits(id, v.vintage);
      if (holding > 0 && v.holders.get(id) == null) {
        throw new AssertionError(
            "account "
                + id
                + " holds "
                + holding
                + " of vintage "
                + v.vintage
                + " without serials");
      }
    }
  }

  private static void checkPartition(Vintage v, List<long[]> ranges) {
    ranges.sort((a, b) -> Long.compare(a[0], b[0]));
    long next = 1;
    for (long[] r : ranges) {
      if (r[0] != next) {
        throw new AssertionError(
            "vintage "
                + v.vintage
                + ": serial "
                + Math.min(r[0], next)
                + (r[0] > next ? " is held by no account" : " is held twice"));
      }
      next = r[1];
    }
    if (next != v.issued + 1) {
      throw new AssertionError(
          "vintage "
              + v.vintage
              + ": the ranges end at "
              + (next - 1)
              + " but "
              + v.issued
              + " serials were issued");
    }
  }

  // ------------------------------------------------------------------------------ image (server)

  /** Writes the whole book (the server's snapshot of its read model). */
  public void write(DataOutput out) throws IOException {
    out.writeInt(vintages.size());
    for (Vintage v : vintages.values()) {
      out.writeInt(v.vintage);
      out.writeLong(v.issued);
      writeRanges(out, v.holders);
      writeRanges(out, v.retiredBy);
    }
    out.writeInt(moveCount);
    for (int i = 0; i < moveCount * MOVE_WIDTH; i++) {
      out.writeLong(moves[i]);
    }
  }

  /** Reads a book {@link #write} wrote. */
  public static SerialBook read(DataInput in) throws IOException {
    SerialBook book = new SerialBook();
    int count = in.readInt();
    for (int k = 0; k < count; k++) {
      Vintage v = new Vintage(in.readInt());
      v.issued = in.readLong();
      readRanges(in, v.holders);
      readRanges(in, v.retiredBy);
      book.vintages.put(v.vintage, v);
    }
    int lines = in.readInt();
    book.moves = new long[Math.max(MOVE_WIDTH * 64, lines * MOVE_WIDTH)];
    for (int i = 0; i < lines * MOVE_WIDTH; i++) {
      book.moves[i] = in.readLong();
    }
    for (int k = 0; k < lines; k++) {
      book.index(book.moves[k * MOVE_WIDTH + 1], k);
      book.index(book.moves[k * MOVE_WIDTH + 2], k);
    }
    book.moveCount = lines;
    return book;
  }

  private static void writeRanges(DataOutput out, LongObjectMap<SerialRanges> byAccount)
      throws IOException {
    long[] ids = byAccount.sortedKeys();
    out.writeInt(ids.length);
    for (long id : ids) {
      SerialRanges r = byAccount.get(id);
      out.writeLong(id);
      long[] pairs = r.toArray();
      out.writeInt(pairs.length / 2);
      for (long p : pairs) {
        out.writeLong(p);
      }
    }
  }

  private static void readRanges(DataInput in, LongObjectMap<SerialRanges> into)
      throws IOException {
    int accounts = in.readInt();
    for (int a = 0; a < accounts; a++) {
      long id = in.readLong();
      int n = in.readInt();
      SerialRanges r = new SerialRanges();
      for (int k = 0; k < n; k++) {
        long start = in.readLong();
        r.add(start, in.readLong());
      }
      into.put(id, r);
    }
  }
}
