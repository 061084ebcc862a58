package org.computecap.engine.lifecycle;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.computecap.engine.CanonicalReader;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.EngineState;
import org.computecap.engine.FeatureState;
import org.computecap.engine.program.AccountStatus;
import org.computecap.engine.registry.Registry;

/**
 * The account lifecycle of issue 15: each account whose status a regulator changed, with the status
 * and the reason of the last change (every other account is OPEN), and the permits of each
 * account's free allocation a regulator took back ({@code ReverseAllocation}). The engine keeps
 * this state only for a program with a {@code registryControls} section, so every other program's
 * state hash is unchanged. Sorted maps, since their order reaches the state hash.
 *
 * <p>Invariant: a CLOSED account holds no permits and no cash, free or reserved (it closed empty,
 * and nothing can enter it afterwards).
 */
public final class LifecycleState implements FeatureState {
  static final String NAME = "lifecycle";

  /** account -> its status and the reason given for it. */
  final TreeMap<Long, Standing> standings = new TreeMap<>();

  /** account -> period -> permits of its free allocation a regulator took back. */
  final TreeMap<Long, TreeMap<Integer, Long>> reversedAllocations = new TreeMap<>();

  /** Permits of the account's allocation for {@code period} taken back so far. */
  public long reversedAllocation(long account, int period) {
    TreeMap<Integer, Long> byPeriod = reversedAllocations.get(account);
    return byPeriod == null ? 0 : byPeriod.getOrDefault(period, 0L);
  }

  /** A status with the reason the regulator gave for it. */
  public record Standing(AccountStatus status, String reason) {}

  @Override
  public String name() {
    return NAME;
  }

  /** The account's status: OPEN unless a regulator changed it. */
  public AccountStatus status(long account) {
    Standing s = standings.get(account);
    return s == null ? AccountStatus.OPEN : s.status();
  }

  /** The account's status and reason, or null while it never changed. */
  public Standing standing(long account) {
    return standings.get(account);
  }

  @Override
  public void writeCanonical(CanonicalWriter w) {
    w.writeInt(standings.size());
    for (Map.Entry<Long, Standing> e : standings.entrySet()) {
      w.writeLong(e.getKey())
          .writeString(e.getValue().status().name())
          .writeString(e.getValue().reason());
    }
    w.writeInt(reversedAllocations.size());
    for (Map.Entry<Long, TreeMap<Integer, Long>> a : reversedAllocations.entrySet()) {
      w.writeLong(a.getKey()).writeInt(a.getValue().size());
      for (Map.Entry<Integer, Long> p : a.getValue().entrySet()) {
        w.writeInt(p.getKey()).writeLong(p.getValue());
      }
    }
  }

  /** The lifecycle state of a snapshot, read back from {@link #writeCanonical}. */
  public static LifecycleState readCanonical(CanonicalReader r) {
    LifecycleState s = new LifecycleState();
    int n = r.readCount();
    for (int i = 0; i < n; i++) {
      long account = r.readLong();
      String status = r.readString();
      AccountStatus parsed;
      try {
        parsed = AccountStatus.valueOf(status);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("snapshot: unknown account status " + status, e);
      }
      s.standings.put(account, new Standing(parsed, r.readString()));
    }
    int accounts = r.readCount();
    for (int i = 0; i < accounts; i++) {
      long account = r.readLong();
      int periods = r.readCount();
      TreeMap<Integer, Long> byPeriod = new TreeMap<>();
      for (int p = 0; p < periods; p++) {
        byPeriod.put(r.readInt(), r.readLong());
      }
      s.reversedAllocations.put(account, byPeriod);
    }
    return s;
  }

  @Override
  public void checkInvariants(EngineState state) {
    Registry registry = state.registry();
    for (Map.Entry<Long, TreeMap<Integer, Long>> a : reversedAllocations.entrySet()) {
      for (Map.Entry<Integer, Long> p : a.getValue().entrySet()) {
        if (p.getValue() > state.allocation().grantedPermits(a.getKey(), p.getKey())) {
          throw new AssertionError(
              "account "
                  + a.getKey()
                  + " had more of its period "
                  + p.getKey()
                  + " allocation reversed than it was granted");
        }
      }
    }
    for (Map.Entry<Long, Standing> e : standings.entrySet()) {
      long account = e.getKey();
      if (e.getValue().status() == AccountStatus.CLOSED
          && (registry.freePermitsTotal(account) != 0
              || registry.reservedCash(account) != 0
              || registry.freeCash(account) != 0
              || reservedPermits(state, account) != 0)) {
        throw new AssertionError("closed account " + account + " holds permits or cash");
      }
    }
  }

  private static long reservedPermits(EngineState state, long account) {
    long sum = 0;
    for (int v = state.program().firstPeriod(); v <= state.currentPeriod(); v++) {
      sum = Math.addExact(sum, state.registry().reservedPermits(account, v));
    }
    return sum;
  }

  @Override
  public void describe(SortedMap<String, Long> summary) {
    long notOpen = 0;
    for (Standing s : standings.values()) {
      notOpen += s.status() == AccountStatus.OPEN ? 0 : 1;
    }
    summary.put("accountsNotOpen", notOpen);
  }
}
