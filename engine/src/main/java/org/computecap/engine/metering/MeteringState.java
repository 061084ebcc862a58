package org.computecap.engine.metering;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.computecap.engine.CanonicalReader;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.EngineState;
import org.computecap.engine.FeatureState;
import org.computecap.engine.command.Role;

/**
 * Attested metering's state (issue 17): the registered meters by id, which meter each public key
 * names (a key names one meter ever, so a reading's signature points at one meter), and each
 * participant's attested totals per period. The engine keeps it only for a program with a {@code
 * metering} section, so every other program's state hash is unchanged. Readings themselves are not
 * kept (memory bounded by the number of meters and periods, not by history): the journal has them
 * and the server's read model lists them.
 *
 * <p>Invariants: every key maps to the meter registered with it; each meter is bound to a
 * participant account; a meter's readings count equals its last sequence number; the readings the
 * periods' totals count add up to the meters' readings; low <= attested <= high in every total.
 */
public final class MeteringState implements FeatureState {
  static final String NAME = "metering";

  final TreeMap<Long, Meter> meters = new TreeMap<>();
  final TreeMap<String, Long> meterByKey = new TreeMap<>();

  /** account -> period -> attested totals. */
  final TreeMap<Long, TreeMap<Integer, Attested>> attested = new TreeMap<>();

  @Override
  public String name() {
    return NAME;
  }

  /** The meter of this id, or null. */
  public Meter meter(long id) {
    return meters.get(id);
  }

  /** Every meter, by id (read-only). */
  public SortedMap<Long, Meter> meters() {
    return Collections.unmodifiableSortedMap(meters);
  }

  /** The id of the meter registered with this public key, or 0. */
  public long meterWithKey(String publicKey) {
    return meterByKey.getOrDefault(publicKey, 0L);
  }

  /** The account's attested totals for the period (all zero when its meters delivered none). */
  public Attested attested(long account, int period) {
    TreeMap<Integer, Attested> byPeriod = attested.get(account);
    Attested a = byPeriod == null ? null : byPeriod.get(period);
    return a == null ? Attested.NONE : a;
  }

  @Override
  public void writeCanonical(CanonicalWriter w) {
    w.writeInt(meters.size());
    for (Meter m : meters.values()) {
      m.write(w);
    }
    w.writeInt(attested.size());
    for (Map.Entry<Long, TreeMap<Integer, Attested>> a : attested.entrySet()) {
      w.writeLong(a.getKey()).writeInt(a.getValue().size());
      for (Map.Entry<Integer, Attested> p : a.getValue().entrySet()) {
        Attested t = p.getValue();
        w.writeInt(p.getKey())
            .writeLong(t.readings())
            .writeLong(t.energyJoules())
            .writeLong(t.energyLowJoules())
            .writeLong(t.energyHighJoules())
            .writeLong(t.computeGflop())
            .writeLong(t.computeLowGflop())
            .writeLong(t.computeHighGflop());
      }
    }
  }

  /** The metering state of a snapshot, read back from {@link #writeCanonical}. */
  public static MeteringState readCanonical(CanonicalReader r) {
    MeteringState s = new MeteringState();
    int n = r.readCount();
    for (int i = 0; i < n; i++) {
      Meter m = Meter.read(r);
      s.meters.put(m.id, m);
      s.meterByKey.put(m.spec.publicKey(), m.id);
    }
    int accounts = r.readCount();
    for (int i = 0; i < accounts; i++) {
      long account = r.readLong();
      int periods = r.readCount();
      TreeMap<Integer, Attested> byPeriod = new TreeMap<>();
      for (int p = 0; p < periods; p++) {
        byPeriod.put(
            r.readInt(),
            new Attested(
                r.readLong(),
                r.readLong(),
                r.readLong(),
                r.readLong(),
                r.readLong(),
                r.readLong(),
                r.readLong()));
      }
      s.attested.put(account, byPeriod);
    }
    return s;
  }

  @Override
  public void checkInvariants(EngineState state) {
    if (meterByKey.size() != meters.size()) {
      throw new AssertionError(meterByKey.size() + " meter keys for " + meters.size() + " meters");
    }
    long readings = 0;
    for (Meter m : meters.values()) {
      if (meterByKey.get(m.spec.publicKey()) != m.id) {
        throw new AssertionError("meter " + m.id + "'s key names another meter");
      }
      if (state.registry().role(m.accountId) != Role.PARTICIPANT) {
        throw new AssertionError("meter " + m.id + " is bound to a non-participant account");
      }
      if (m.readings != m.lastSequence) {
        throw new AssertionError("meter " + m.id + " has a gap in its sequence numbers");
      }
      readings += m.readings;
    }
    long counted = 0;
    for (TreeMap<Integer, Attested> byPeriod : attested.values()) {
      for (Attested a : byPeriod.values()) {
        counted += a.readings();
        if (a.energyLowJoules() > a.energyJoules()
            || a.energyJoules() > a.energyHighJoules()
            || a.computeLowGflop() > a.computeGflop()
            || a.computeGflop() > a.computeHighGflop()) {
          throw new AssertionError("an attested total lies outside its uncertainty bounds");
        }
      }
    }
    if (counted != readings) {
      throw new AssertionError(counted + " readings attested for " + readings + " accepted");
    }
  }

  @Override
  public void describe(SortedMap<String, Long> summary) {
    long readings = 0;
    for (Meter m : meters.values()) {
      readings += m.readings;
    }
    summary.put("meters", (long) meters.size());
    summary.put("meterReadings", readings);
  }
}
