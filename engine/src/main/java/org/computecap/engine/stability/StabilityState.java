package org.computecap.engine.stability;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.computecap.engine.CanonicalReader;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.EngineState;
import org.computecap.engine.FeatureState;
import org.computecap.engine.program.StabilityReserve;
import org.computecap.engine.registry.Hold;
import org.computecap.engine.registry.Registry;
import org.computecap.engine.registry.SystemAccount;

/**
 * The stability reserve's record (issue 14): each closed period's decision, and which auction took
 * the release decided for a period. It exists only for a program with a {@code stabilityReserve}
 * section (see {@link EngineState}), so no other program's canonical encoding changes.
 *
 * <p>Invariants: each decision follows from its TNAC by {@link StabilityRule} (band and intake),
 * withholds at most its intake and releases at most the release volume, and leaves the reserve
 * within the invalidation limit; the reserve's account holds nothing reserved, and while a release
 * waits for its period's first auction the reserve holds at least it.
 */
public final class StabilityState implements FeatureState {
  static final String NAME = "stability";

  /** closed period -> what the reserve did at its close. */
  final TreeMap<Integer, Settlement> settlements = new TreeMap<>();

  /** period -> the auction that took the release decided at the previous period's close. */
  final TreeMap<Integer, Long> releaseTakenBy = new TreeMap<>();

  StabilityState() {}

  /** A new, empty stability state. */
  public static StabilityState open() {
    return new StabilityState();
  }

  /**
   * What the reserve did at the close of {@code period}.
   *
   * @param period the period closed
   * @param tnacPermits the TNAC read after its surrenders and expiry
   * @param decision the rule's decision for that TNAC
   */
  public record Settlement(int period, long tnacPermits, StabilityRule.Decision decision) {}

  /** The settlement at the close of {@code period}, or null while it is not closed. */
  public Settlement settlement(int period) {
    return settlements.get(period);
  }

  /** Permits withheld from {@code period}'s auction volume (decided at the previous close). */
  public long withheldFrom(int period) {
    Settlement s = settlements.get(period - 1);
    return s == null ? 0L : s.decision().withheldPermits();
  }

  /**
   * Permits released into {@code period}'s auctions (decided at the previous close) that no auction
   * of the period has taken yet; 0 once its first auction opened.
   */
  public long pendingRelease(int period) {
    Settlement s = settlements.get(period - 1);
    if (s == null || releaseTakenBy.containsKey(period)) {
      return 0L;
    }
    return s.decision().releasePermits();
  }

  /** The auction that took {@code period}'s release, or null. */
  public Long releaseTakenBy(int period) {
    return releaseTakenBy.get(period);
  }

  void settled(Settlement s) {
    settlements.put(s.period(), s);
  }

  void releaseTaken(int period, long auctionId) {
    releaseTakenBy.put(period, auctionId);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void writeCanonical(CanonicalWriter w) {
    w.writeInt(settlements.size());
    for (Settlement s : settlements.values()) {
      StabilityRule.Decision d = s.decision();
      w.writeInt(s.period())
          .writeLong(s.tnacPermits())
          .writeInt(d.band().ordinal())
          .writeLong(d.intakePermits())
          .writeLong(d.withheldPermits())
          .writeLong(d.releasePermits())
          .writeLong(d.invalidatedPermits())
          .writeLong(d.reserveAfterPermits());
    }
    w.writeInt(releaseTakenBy.size());
    for (Map.Entry<Integer, Long> e : releaseTakenBy.entrySet()) {
      w.writeInt(e.getKey()).writeLong(e.getValue());
    }
  }

  /** The state of a snapshot, read back from {@link #writeCanonical}. */
  public static StabilityState readCanonical(CanonicalReader r) {
    StabilityState s = new StabilityState();
    int count = r.readCount();
    StabilityBand[] bands = StabilityBand.values();
    for (int i = 0; i < count; i++) {
      int period = r.readInt();
      long tnac = r.readLong();
      int band = r.readInt();
      if (band < 0 || band >= bands.length) {
        throw new IllegalArgumentException("snapshot: stability band " + band + " is unknown");
      }
      StabilityRule.Decision d =
          new StabilityRule.Decision(
              bands[band], r.readLong(), r.readLong(), r.readLong(), r.readLong(), r.readLong());
      s.settlements.put(period, new Settlement(period, tnac, d));
    }
    int taken = r.readCount();
    for (int i = 0; i < taken; i++) {
      s.releaseTakenBy.put(r.readInt(), r.readLong());
    }
    return s;
  }

  @Override
  public void checkInvariants(EngineState state) {
    StabilityReserve rule = state.program().stabilityReserve();
    for (Settlement s : settlements.values()) {
      StabilityRule.Decision d = s.decision();
      if (d.band() != StabilityRule.band(rule, s.tnacPermits())
          || d.intakePermits() != StabilityRule.intakePermits(rule, s.tnacPermits())
          || d.withheldPermits() < 0
          || d.withheldPermits() > d.intakePermits()
          || d.releasePermits() < 0
          || d.releasePermits() > rule.releaseVolumePermits()
          || d.invalidatedPermits() < 0
          || d.reserveAfterPermits() < 0
          || (rule.hasInvalidationLimit()
              && d.reserveAfterPermits() > rule.invalidationLimitPermits())) {
        throw new AssertionError("stability reserve settlement does not follow its rule: " + s);
      }
    }
    Registry registry = state.registry();
    long reserve = SystemAccount.STABILITY_RESERVE.id();
    long reservedTotal = 0;
    for (Hold hold : Hold.values()) {
      reservedTotal += registry.reservedPermits(reserve, hold);
    }
    if (reservedTotal != 0) {
      throw new AssertionError("the stability reserve has " + reservedTotal + " permits reserved");
    }
    long pending = pendingRelease(state.currentPeriod());
    if (registry.freePermitsTotal(reserve) < pending) {
      throw new AssertionError(
          "the stability reserve holds "
              + registry.freePermitsTotal(reserve)
              + " permits, less than the release of "
              + pending
              + " it owes period "
              + state.currentPeriod());
    }
  }

  @Override
  public void describe(SortedMap<String, Long> summary) {
    long withheld = 0;
    long released = 0;
    long invalidated = 0;
    for (Settlement s : settlements.values()) {
      withheld += s.decision().withheldPermits();
      invalidated += s.decision().invalidatedPermits();
    }
    for (Map.Entry<Integer, Long> e : releaseTakenBy.entrySet()) {
      released += settlements.get(e.getKey() - 1).decision().releasePermits();
    }
    summary.put("stabilityWithheld", withheld);
    summary.put("stabilityReleased", released);
    summary.put("stabilityInvalidated", invalidated);
  }
}
