package org.computecap.engine.allocation;

import java.math.BigInteger;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.computecap.engine.CanonicalReader;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.EngineState;
import org.computecap.engine.FeatureState;
import org.computecap.engine.program.Program;

/**
 * What free allocation remembers inside the engine: verified activity by account and period,
 * assistance factors, and each period's allocation (benchmark, grants, new-entrant grants). Sorted
 * maps everywhere, because their order reaches the canonical state hash. Not a hot path: allocation
 * runs once per period.
 *
 * <p>Invariants: a period's incumbent grants add up to its recorded allocated total, which stays
 * within the incumbent budget (free budget less the new-entrant reserve). New-entrant grants are
 * bounded by the registry itself: they move permits the reserve account holds, which a regulator
 * may also top up with {@code IssuePermits}. The check revisits only the periods changed since the
 * last one, so it stays cheap as history grows.
 */
public final class AllocationState implements FeatureState {
  static final String NAME = "allocation";

  /** account -> period -> verified activity. */
  final TreeMap<Long, TreeMap<Integer, Activity>> activity = new TreeMap<>();

  /** account -> assistance factor in ppm; absent means 1,000,000. */
  final TreeMap<Long, Long> assistancePpm = new TreeMap<>();

  /** period -> what its free allocation did. */
  final TreeMap<Integer, PeriodAllocation> periods = new TreeMap<>();

  /** Periods changed since the last invariant check (not state, so not in the hash). */
  private final transient java.util.TreeSet<Integer> touched = new java.util.TreeSet<>();

  /** Records that {@code period}'s allocation changed; call on every change to it. */
  void touch(int period) {
    touched.add(period);
  }

  /** One period's free allocation. */
  static final class PeriodAllocation {
    Fraction benchmark = Fraction.ZERO;
    long incumbentBudgetPermits;
    long allocatedPermits;
    long reserveFundedPermits;
    long meanGrantPermits;
    final TreeMap<Long, Long> grants = new TreeMap<>();
    final TreeMap<Long, Long> entrantGrants = new TreeMap<>();
  }

  @Override
  public String name() {
    return NAME;
  }

  /** What one period's free allocation did, as adapters and scripts read it. */
  public record Summary(
      String benchmark,
      long incumbentBudgetPermits,
      long allocatedPermits,
      long reserveFundedPermits,
      long meanGrantPermits) {}

  /** {@code period}'s free allocation, or null before {@code AllocateFreePermits} ran for it. */
  public Summary period(int period) {
    PeriodAllocation p = periods.get(period);
    return p == null
        ? null
        : new Summary(
            p.benchmark.toString(),
            p.incumbentBudgetPermits,
            p.allocatedPermits,
            p.reserveFundedPermits,
            p.meanGrantPermits);
  }

  long assistanceFactorPpm(long account) {
    return assistancePpm.getOrDefault(account, 1_000_000L);
  }

  Activity activity(long account, int period) {
    TreeMap<Integer, Activity> byPeriod = activity.get(account);
    return byPeriod == null ? null : byPeriod.get(period);
  }

  /** Free permits the account received in {@code period}, as incumbent or entrant. */
  public long grantedPermits(long account, int period) {
    PeriodAllocation p = periods.get(period);
    if (p == null) {
      return 0;
    }
    return p.grants.getOrDefault(account, 0L) + p.entrantGrants.getOrDefault(account, 0L);
  }

  @Override
  public void writeCanonical(CanonicalWriter w) {
    w.writeInt(activity.size());
    for (Map.Entry<Long, TreeMap<Integer, Activity>> a : activity.entrySet()) {
      w.writeLong(a.getKey()).writeInt(a.getValue().size());
      for (Map.Entry<Integer, Activity> e : a.getValue().entrySet()) {
        w.writeInt(e.getKey())
            .writeLong(e.getValue().outputUnits())
            .writeLong(e.getValue().coveredQuantity());
      }
    }
    w.writeLongs(assistancePpm);
    w.writeInt(periods.size());
    for (Map.Entry<Integer, PeriodAllocation> e : periods.entrySet()) {
      PeriodAllocation p = e.getValue();
      w.writeInt(e.getKey());
      writeBig(w, p.benchmark.numerator());
      writeBig(w, p.benchmark.denominator());
      w.writeLong(p.incumbentBudgetPermits)
          .writeLong(p.allocatedPermits)
          .writeLong(p.reserveFundedPermits)
          .writeLong(p.meanGrantPermits);
      w.writeLongs(p.grants);
      w.writeLongs(p.entrantGrants);
    }
  }

  private static void writeBig(CanonicalWriter w, BigInteger v) {
    w.writeBytes(v.toByteArray());
  }

  /**
   * The allocation state of a snapshot, read back from {@link #writeCanonical}. Every period it
   * holds is marked for the next invariant check.
   */
  public static AllocationState readCanonical(CanonicalReader r) {
    AllocationState s = new AllocationState();
    int accounts = r.readCount();
    for (int i = 0; i < accounts; i++) {
      long account = r.readLong();
      int periods = r.readCount();
      TreeMap<Integer, Activity> byPeriod = new TreeMap<>();
      for (int p = 0; p < periods; p++) {
        byPeriod.put(r.readInt(), new Activity(r.readLong(), r.readLong()));
      }
      s.activity.put(account, byPeriod);
    }
    r.readLongs(s.assistancePpm);
    int periods = r.readCount();
    for (int i = 0; i < periods; i++) {
      int period = r.readInt();
      PeriodAllocation p = new PeriodAllocation();
      p.benchmark = new Fraction(new BigInteger(r.readBytes()), new BigInteger(r.readBytes()));
      p.incumbentBudgetPermits = r.readLong();
      p.allocatedPermits = r.readLong();
      p.reserveFundedPermits = r.readLong();
      p.meanGrantPermits = r.readLong();
      r.readLongs(p.grants);
      r.readLongs(p.entrantGrants);
      s.periods.put(period, p);
      s.touch(period);
    }
    return s;
  }

  @Override
  public void checkInvariants(EngineState state) {
    Program program = state.program();
    for (int period : touched) {
      PeriodAllocation p = periods.get(period);
      long sum = 0;
      for (long g : p.grants.values()) {
        sum = Math.addExact(sum, g);
      }
      if (sum != p.allocatedPermits) {
        throw new AssertionError(
            "period "
                + period
                + " grants add up to "
                + sum
                + " but "
                + p.allocatedPermits
                + " were recorded as allocated");
      }
      if (p.allocatedPermits > program.incumbentBudgetPermits(period)) {
        throw new AssertionError(
            "period "
                + period
                + " allocated "
                + p.allocatedPermits
                + " > incumbent budget "
                + program.incumbentBudgetPermits(period));
      }
    }
    touched.clear();
  }

  @Override
  public void describe(SortedMap<String, Long> summary) {
    long allocated = 0;
    for (PeriodAllocation p : periods.values()) {
      allocated += p.allocatedPermits;
      for (long g : p.entrantGrants.values()) {
        allocated += g;
      }
    }
    summary.put("permitsAllocatedFree", allocated);
  }
}
