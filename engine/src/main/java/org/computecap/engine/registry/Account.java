package org.computecap.engine.registry;

import org.computecap.engine.collections.LongLongMap;
import org.computecap.engine.command.Role;

/**
 * One account's balances: cash (free and reserved), permits by vintage (free and reserved, arrays
 * indexed by {@code vintage - firstPeriod} so oldest-first is a forward scan), and what it
 * surrendered for each period. Only {@link Registry} touches it, which keeps every change paired
 * with its change to the registry's totals.
 */
final class Account {
  private static final long[] NONE = new long[0];

  final long id;
  final String name;
  final Role role;
  final SystemAccount system;
  long cashFree;
  long cashReserved;
  final long[] cashReservedBy = new long[Hold.COUNT];
  final long[] permitsReservedBy = new long[Hold.COUNT];
  long[] free = NONE;
  long[] reserved = NONE;
  long freeTotal;
  long reservedTotal;
  LongLongMap surrenderedByPeriod;

  Account(long id, String name, Role role, SystemAccount system) {
    this.id = id;
    this.name = name;
    this.role = role;
    this.system = system;
  }

  boolean holdsPermits() {
    return system == null ? role == Role.PARTICIPANT : system.holdsPermits();
  }

  boolean holdsCash() {
    return system == null ? role == Role.PARTICIPANT || role == Role.INSURER : system.holdsCash();
  }

  boolean isSink() {
    return system != null && system.isSink();
  }

  long free(int index) {
    return index >= 0 && index < free.length ? free[index] : 0L;
  }

  long reserved(int index) {
    return index >= 0 && index < reserved.length ? reserved[index] : 0L;
  }

  /** Makes the vintage arrays long enough to hold {@code index}. */
  void ensure(int index) {
    if (index >= free.length) {
      int length = Math.max(index + 1, Math.max(4, free.length * 2));
      free = java.util.Arrays.copyOf(free, length);
      reserved = java.util.Arrays.copyOf(reserved, length);
    }
  }

  long surrendered(int period) {
    return surrenderedByPeriod == null ? 0L : surrenderedByPeriod.get(period, 0L);
  }
}
