package org.computecap.engine.compliance;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.computecap.engine.CanonicalReader;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.EngineState;
import org.computecap.engine.FeatureState;
import org.computecap.engine.registry.Registry;
import org.computecap.engine.registry.SystemAccount;

/**
 * The state of issue 17's enforcement levers: each participant's posted collateral (cash cents, or
 * permits by vintage), each account's raised audit probability (escalation), and the screens that
 * did not flag (two-stage audits). The engine keeps it only for a program with an {@code
 * enforcement} section, so every other program's state hash is unchanged. Sorted maps, since their
 * order reaches the state hash.
 *
 * <p>Invariant: the collateral hold holds exactly the posted collateral: its free cash is the sum
 * of the cash posted, and its free permits of each vintage the sum posted of that vintage.
 */
public final class EnforcementState implements FeatureState {
  static final String NAME = "enforcement";

  /** account -> cash collateral posted, cents. */
  final TreeMap<Long, Long> cashPosted = new TreeMap<>();

  /** account -> vintage -> permits posted as collateral. */
  final TreeMap<Long, TreeMap<Integer, Long>> permitsPosted = new TreeMap<>();

  /** account -> what detected under-reports added to its audit probability, ppm (> 0). */
  final TreeMap<Long, Long> raisePpm = new TreeMap<>();

  /** period -> accounts whose first-stage screen did not flag (no full audit). */
  final TreeMap<Integer, TreeSet<Long>> screenedClear = new TreeMap<>();

  @Override
  public String name() {
    return NAME;
  }

  /** Whether the account has collateral posted. */
  public boolean hasCollateral(long account) {
    return cashPosted.containsKey(account) || permitsPosted.containsKey(account);
  }

  /** Cash collateral the account has posted, cents. */
  public long cashCollateralCents(long account) {
    return cashPosted.getOrDefault(account, 0L);
  }

  /** Permits the account has posted as collateral, all vintages. */
  public long permitCollateral(long account) {
    long sum = 0;
    for (long q : permitsPosted.getOrDefault(account, new TreeMap<>()).values()) {
      sum = Math.addExact(sum, q);
    }
    return sum;
  }

  /** The raise of the account's audit probability, ppm. */
  public long raisePpm(long account) {
    return raisePpm.getOrDefault(account, 0L);
  }

  /** Whether the account's audit of {@code period} was a screen that did not flag. */
  public boolean screenedClear(long account, int period) {
    TreeSet<Long> clear = screenedClear.get(period);
    return clear != null && clear.contains(account);
  }

  @Override
  public void writeCanonical(CanonicalWriter w) {
    w.writeInt(cashPosted.size());
    for (Map.Entry<Long, Long> e : cashPosted.entrySet()) {
      w.writeLong(e.getKey()).writeLong(e.getValue());
    }
    w.writeInt(permitsPosted.size());
    for (Map.Entry<Long, TreeMap<Integer, Long>> a : permitsPosted.entrySet()) {
      w.writeLong(a.getKey()).writeInt(a.getValue().size());
      for (Map.Entry<Integer, Long> v : a.getValue().entrySet()) {
        w.writeInt(v.getKey()).writeLong(v.getValue());
      }
    }
    w.writeInt(raisePpm.size());
    for (Map.Entry<Long, Long> e : raisePpm.entrySet()) {
      w.writeLong(e.getKey()).writeLong(e.getValue());
    }
    w.writeInt(screenedClear.size());
    for (Map.Entry<Integer, TreeSet<Long>> p : screenedClear.entrySet()) {
      w.writeInt(p.getKey()).writeInt(p.getValue().size());
      for (long account : p.getValue()) {
        w.writeLong(account);
      }
    }
  }

  /** The enforcement state of a snapshot, read back from {@link #writeCanonical}. */
  public static EnforcementState readCanonical(CanonicalReader r) {
    EnforcementState s = new EnforcementState();
    int cash = r.readCount();
    for (int i = 0; i < cash; i++) {
      s.cashPosted.put(r.readLong(), r.readLong());
    }
    int permits = r.readCount();
    for (int i = 0; i < permits; i++) {
      long account = r.readLong();
      int vintages = r.readCount();
      TreeMap<Integer, Long> byVintage = new TreeMap<>();
      for (int v = 0; v < vintages; v++) {
        byVintage.put(r.readInt(), r.readLong());
      }
      s.permitsPosted.put(account, byVintage);
    }
    int raised = r.readCount();
    for (int i = 0; i < raised; i++) {
      s.raisePpm.put(r.readLong(), r.readLong());
    }
    int periods = r.readCount();
    for (int i = 0; i < periods; i++) {
      int period = r.readInt();
      int n = r.readCount();
      TreeSet<Long> clear = new TreeSet<>();
      for (int k = 0; k < n; k++) {
        clear.add(r.readLong());
      }
      s.screenedClear.put(period, clear);
    }
    return s;
  }

  @Override
  public void checkInvariants(EngineState state) {
    Registry registry = state.registry();
    long hold = SystemAccount.COLLATERAL_HOLD.id();
    if (!registry.exists(hold)) {
      if (!cashPosted.isEmpty() || !permitsPosted.isEmpty()) {
        throw new AssertionError("collateral posted in a program without a collateral hold");
      }
      return;
    }
    long cash = 0;
    for (long c : cashPosted.values()) {
      cash = Math.addExact(cash, c);
    }
    if (cash != registry.freeCash(hold)) {
      throw new AssertionError(
          "collateral hold has " + registry.freeCash(hold) + " cents, posted " + cash);
    }
    TreeMap<Integer, Long> byVintage = new TreeMap<>();
    for (TreeMap<Integer, Long> a : permitsPosted.values()) {
      for (Map.Entry<Integer, Long> v : a.entrySet()) {
        byVintage.merge(v.getKey(), v.getValue(), Math::addExact);
      }
    }
    long held = registry.freePermitsTotal(hold);
    long posted = 0;
    for (Map.Entry<Integer, Long> v : byVintage.entrySet()) {
      posted = Math.addExact(posted, v.getValue());
      if (registry.freePermits(hold, v.getKey()) != v.getValue()) {
        throw new AssertionError(
            "collateral hold's vintage " + v.getKey() + " differs from posted");
      }
    }
    if (posted != held) {
      throw new AssertionError("collateral hold has " + held + " permits, posted " + posted);
    }
  }

  @Override
  public void describe(SortedMap<String, Long> summary) {
    summary.put("collateralAccounts", (long) (cashPosted.size() + permitsPosted.size()));
    summary.put("escalatedAccounts", (long) raisePpm.size());
  }
}
