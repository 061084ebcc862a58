package org.computecap.server;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.computecap.engine.registry.PermitMovements;
import org.computecap.engine.serial.SerialBook;
import org.computecap.engine.serial.SerialMove;
import org.computecap.engine.serial.SerialRange;

/**
 * The read side of serial numbers (issue 15): the engine's {@link SerialBook} fed with the permits
 * each accepted command moved ({@link Projector.Applied#movements()}), when its batch is installed
 * (in batch order, on whichever thread makes batches durable), so the matching path only copies
 * quantities. Readers and the installer share one lock; the image of a snapshot saves the book.
 */
final class SerialProjection {
  /** The permits one command moved, flat as {@link PermitMovements#toArray()} gives them. */
  record Moved(long seq, long[] movements) {}

  /** One range, inclusive. */
  record Range(long first, long last) {}

  /** What an account holds of one vintage: the permits and their serial ranges, ascending. */
  record VintageSerials(int vintage, long permits, List<Range> ranges) {}

  /** The serial ranges an account holds, vintage by vintage. */
  record AccountSerials(long accountId, List<VintageSerials> vintages) {}

  /** Who holds one serial; the account's name for a system account (retirement, expiry...). */
  record SerialHolder(int vintage, long serial, long accountId, @Views.Nullable String system) {}

  /**
   * One line of the audit trail: the range {@code first..last} of {@code vintage} that the command
   * at journal {@code seq} moved. A participant sees its own account and system accounts (issuance,
   * retirement, ...) by id, and another participant as null.
   */
  record Move(
      long index,
      long seq,
      @Views.Nullable Long fromAccountId,
      @Views.Nullable Long toAccountId,
      int vintage,
      long first,
      long last) {}

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private SerialBook book = new SerialBook();

  /** Applies one installed batch's movements, in order. */
  void apply(List<Moved> batch) {
    lock.writeLock().lock();
    try {
      for (Moved m : batch) {
        book.apply(m.seq(), PermitMovements.of(m.movements()));
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Reads the book under the lock. */
  <T> T read(Function<SerialBook, T> query) {
    lock.readLock().lock();
    try {
      return query.apply(book);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The ranges {@code accountId} holds, vintage by vintage. */
  AccountSerials account(long accountId) {
    return read(
        b -> {
          List<VintageSerials> out = new ArrayList<>();
          for (int v : b.vintages()) {
            List<SerialRange> ranges = b.ranges(accountId, v);
            if (ranges.isEmpty()) {
              continue;
            }
            List<Range> r = new ArrayList<>(ranges.size());
            long permits = 0;
            for (SerialRange s : ranges) {
              r.add(new Range(s.first(), s.last()));
              permits += s.quantity();
            }
            out.add(new VintageSerials(v, permits, List.copyOf(r)));
          }
          return new AccountSerials(accountId, List.copyOf(out));
        });
  }

  /** The account holding {@code serial} of {@code vintage}, or 0 when it was never issued. */
  long holder(int vintage, long serial) {
    return read(b -> b.holder(vintage, serial));
  }

  /**
   * A page of the audit trail after line {@code after}: one account's ({@code accountId} non-null)
   * or the whole market's; {@code shown} says which participants the caller may see.
   */
  Views.Page<Move> trail(Long accountId, long after, int limit, Caller caller) {
    List<SerialMove> lines =
        read(
            b ->
                accountId == null
                    ? b.history(Math.max(0, after), limit + 1)
                    : b.history(accountId, Math.max(0, after), limit + 1));
    List<Move> out = new ArrayList<>();
    for (int k = 0; k < Math.min(limit, lines.size()); k++) {
      SerialMove m = lines.get(k);
      out.add(
          new Move(
              m.index(),
              m.seq(),
              shown(m.fromAccountId(), caller),
              shown(m.toAccountId(), caller),
              m.vintage(),
              m.first(),
              m.last()));
    }
    Long next = lines.size() > limit ? out.get(out.size() - 1).index() : null;
    return new Views.Page<>(out, next);
  }

  private static Long shown(long accountId, Caller caller) {
    return accountId < 0 || caller.mayRead(accountId) ? accountId : null;
  }

  void save(DataOutputStream out) throws IOException {
    lock.readLock().lock();
    try {
      book.write(out);
    } finally {
      lock.readLock().unlock();
    }
  }

  void restore(DataInputStream in) throws IOException {
    SerialBook read = SerialBook.read(in);
    lock.writeLock().lock();
    try {
      book = read;
    } finally {
      lock.writeLock().unlock();
    }
  }
}
