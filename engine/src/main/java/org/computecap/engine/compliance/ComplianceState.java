package org.computecap.engine.compliance;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.computecap.engine.CanonicalReader;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.EngineState;
import org.computecap.engine.FeatureState;
import org.computecap.engine.program.LateSurrenderPolicy;
import org.computecap.engine.program.Program;
import org.computecap.engine.program.RiskSignal;
import org.computecap.engine.program.Workload;

/**
 * The compliance cycle's memory: one {@link Entry} per participant and period (reports, meter
 * reading, evaluations, premium, the close assessment, the audit), the make-good each participant
 * owes, penalties assessed and paid, and each closed period's audit draw. Sorted maps only, since
 * their order reaches the state hash; one entry per participant and period is small next to the
 * exchange's orders.
 *
 * <p>Invariants: a closed entry's shortfall is {@code (obligation - surrendered)+} and its close
 * penalty is phi of that shortfall; an account's assessed penalties are the sum over its entries,
 * and it never paid more than that; make-good is never negative. The check revisits only the
 * accounts touched since the last one, so it stays cheap as history grows.
 */
public final class ComplianceState implements FeatureState {
  static final String NAME = "compliance";

  /** account -> period -> entry. */
  final TreeMap<Long, TreeMap<Integer, Entry>> entries = new TreeMap<>();

  final TreeMap<Long, Long> makeGoodOwed = new TreeMap<>();
  final TreeMap<Long, Long> penaltyAssessedCents = new TreeMap<>();
  final TreeMap<Long, Long> penaltyPaidCents = new TreeMap<>();

  /** closed period -> accounts its lottery drew for audit (after the budget cap). */
  final TreeMap<Integer, List<Long>> audited = new TreeMap<>();

  /**
   * Accounts changed since the last invariant check, which rechecks only those (entries of
   * untouched accounts cannot have changed); not part of the state, so not in its hash.
   */
  private final transient java.util.TreeSet<Long> touched = new java.util.TreeSet<>();

  /** Everything known about one participant in one period. */
  static final class Entry {
    final long[] reported = new long[Workload.values().length];
    final boolean[] hasReport = new boolean[Workload.values().length];
    boolean hasMeter;
    long meter;
    RiskSignal evaluation;
    RiskSignal insurerSignal;
    long insurerId;
    boolean premiumCharged;
    long premiumCents;
    boolean closed;
    long multiplierPpm;
    long obligationPermits;
    long makeGoodInPermits;
    long surrenderedPermits;
    long shortfallPermits;
    long penaltyCents;
    boolean auditRecorded;
    long measuredQuantity;
    long auditShortfallPermits;
    long auditPenaltyCents;

    long reportedTotal() {
      long sum = 0;
      for (long r : reported) {
        sum = Math.addExact(sum, r);
      }
      return sum;
    }

    boolean hasAnyReport() {
      for (boolean b : hasReport) {
        if (b) {
          return true;
        }
      }
      return false;
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  Entry entry(long account, int period) {
    TreeMap<Integer, Entry> byPeriod = entries.get(account);
    return byPeriod == null ? null : byPeriod.get(period);
  }

  /** Marks the account for the next invariant check; every mutation of its data calls this. */
  void touch(long account) {
    touched.add(account);
  }

  Entry entryForUpdate(long account, int period) {
    touch(account);
    return entries
        .computeIfAbsent(account, k -> new TreeMap<>())
        .computeIfAbsent(period, k -> new Entry());
  }

  /** A participant's assessment for a closed period, as adapters and scripts read it. */
  public record Assessment(
      long obligationPermits,
      long surrenderedPermits,
      long shortfallPermits,
      long penaltyCents,
      ComplianceStatus status) {}

  /** The account's assessment for {@code period}, or null when the period has not closed. */
  public Assessment assessment(long account, int period) {
    Entry e = entry(account, period);
    if (e == null || !e.closed) {
      return null;
    }
    return new Assessment(
        e.obligationPermits,
        e.surrenderedPermits,
        e.shortfallPermits,
        e.penaltyCents,
        e.shortfallPermits == 0 ? ComplianceStatus.COMPLIANT : ComplianceStatus.SHORTFALL);
  }

  /**
   * The participant's compliance record for {@code period} with its UK ETS status code (issue 15),
   * or null when the engine holds nothing for it (not a participant then, or an open period it has
   * not reported for). While the period is open the code is null and the figures are so far.
   */
  public ComplianceRecord record(EngineState state, long account, int period) {
    Entry e = entry(account, period);
    if (e == null) {
      return null;
    }
    long surrendered = state.registry().surrendered(account, period);
    if (!e.closed) {
      return new ComplianceRecord(
          account,
          period,
          null,
          e.hasAnyReport(),
          state.obligationSoFar(account, period),
          surrendered,
          0,
          0,
          0,
          0);
    }
    return new ComplianceRecord(
        account,
        period,
        ComplianceCode.of(e.hasAnyReport(), e.shortfallPermits, e.auditShortfallPermits),
        e.hasAnyReport(),
        e.obligationPermits,
        e.surrenderedPermits,
        surrendered - e.surrenderedPermits,
        e.shortfallPermits,
        e.penaltyCents,
        e.auditShortfallPermits);
  }

  /** The accounts {@code period}'s lottery drew for audit, ascending; null before it closed. */
  public List<Long> audited(int period) {
    return audited.get(period);
  }

  /** Whether {@code period}'s lottery drew the account (the drawn list is sorted). */
  boolean wasDrawn(long account, int period) {
    List<Long> drawn = audited.get(period);
    return drawn != null && java.util.Collections.binarySearch(drawn, account) >= 0;
  }

  /** Penalties assessed on the account and not yet paid, in cents. */
  public long unpaidPenaltyCents(long account) {
    return penaltyAssessedCents.getOrDefault(account, 0L)
        - penaltyPaidCents.getOrDefault(account, 0L);
  }

  /**
   * The obligation the participant would have if {@code period} closed now, as period close
   * computes it: {@code ceil(lambda · reported so far) + make-good owed}. The price containment
   * reserve and the price ceiling sell up to what of it is unmet (issue 14).
   */
  public long obligationSoFar(Program program, long account, int period) {
    return obligationSoFar(program, account, period, 0);
  }

  /**
   * The same with the quantity the participant's attested readings settle so far ({@code
   * settledUnits}, issue 17: 0 unless the program's attested readings settle obligations): the
   * obligation is on the larger of it and the report.
   */
  public long obligationSoFar(Program program, long account, int period, long settledUnits) {
    Entry e = entry(account, period);
    long reported = Math.max(settledUnits, e == null ? 0 : e.reportedTotal());
    long lambda = ComplianceHandler.multiplierPpm(program, e == null ? null : e.evaluation);
    return saturatingAdd(
        Obligations.weightedPermits(lambda, reported), makeGoodOwedPermits(account));
  }

  /** Permits of earlier shortfalls the account still owes on top of its next obligation. */
  public long makeGoodOwedPermits(long account) {
    return makeGoodOwed.getOrDefault(account, 0L);
  }

  @Override
  public void writeCanonical(CanonicalWriter w) {
    w.writeInt(entries.size());
    for (Map.Entry<Long, TreeMap<Integer, Entry>> a : entries.entrySet()) {
      w.writeLong(a.getKey()).writeInt(a.getValue().size());
      for (Map.Entry<Integer, Entry> e : a.getValue().entrySet()) {
        w.writeInt(e.getKey());
        writeEntry(w, e.getValue());
      }
    }
    w.writeLongs(makeGoodOwed);
    w.writeLongs(penaltyAssessedCents);
    w.writeLongs(penaltyPaidCents);
    w.writeInt(audited.size());
    for (Map.Entry<Integer, List<Long>> e : audited.entrySet()) {
      w.writeInt(e.getKey()).writeInt(e.getValue().size());
      for (long account : e.getValue()) {
        w.writeLong(account);
      }
    }
  }

  private static void writeEntry(CanonicalWriter w, Entry e) {
    for (int i = 0; i < e.reported.length; i++) {
      w.writeBoolean(e.hasReport[i]).writeLong(e.reported[i]);
    }
    w.writeBoolean(e.hasMeter)
        .writeLong(e.meter)
        .writeString(e.evaluation == null ? "-" : e.evaluation.name())
        .writeString(e.insurerSignal == null ? "-" : e.insurerSignal.name())
        .writeLong(e.insurerId)
        .writeBoolean(e.premiumCharged)
        .writeLong(e.premiumCents)
        .writeBoolean(e.closed)
        .writeLong(e.multiplierPpm)
        .writeLong(e.obligationPermits)
        .writeLong(e.makeGoodInPermits)
        .writeLong(e.surrenderedPermits)
        .writeLong(e.shortfallPermits)
        .writeLong(e.penaltyCents)
        .writeBoolean(e.auditRecorded)
        .writeLong(e.measuredQuantity)
        .writeLong(e.auditShortfallPermits)
        .writeLong(e.auditPenaltyCents);
  }

  /**
   * The compliance state of a snapshot, read back from {@link #writeCanonical}. Every account it
   * holds is marked for the next invariant check, which so covers all of it once.
   */
  public static ComplianceState readCanonical(CanonicalReader r) {
    ComplianceState s = new ComplianceState();
    int accounts = r.readCount();
    for (int i = 0; i < accounts; i++) {
      long account = r.readLong();
      int periods = r.readCount();
      for (int p = 0; p < periods; p++) {
        readEntry(r, s.entryForUpdate(account, r.readInt()));
      }
    }
    r.readLongs(s.makeGoodOwed);
    r.readLongs(s.penaltyAssessedCents);
    r.readLongs(s.penaltyPaidCents);
    int closed = r.readCount();
    for (int i = 0; i < closed; i++) {
      int period = r.readInt();
      int n = r.readCount();
      List<Long> drawn = new java.util.ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        drawn.add(r.readLong());
      }
      s.audited.put(period, List.copyOf(drawn));
    }
    s.touched.addAll(s.makeGoodOwed.keySet());
    s.touched.addAll(s.penaltyAssessedCents.keySet());
    s.touched.addAll(s.penaltyPaidCents.keySet());
    return s;
  }

  private static void readEntry(CanonicalReader r, Entry e) {
    for (int i = 0; i < e.reported.length; i++) {
      e.hasReport[i] = r.readBoolean();
      e.reported[i] = r.readLong();
    }
    e.hasMeter = r.readBoolean();
    e.meter = r.readLong();
    e.evaluation = signal(r.readString());
    e.insurerSignal = signal(r.readString());
    e.insurerId = r.readLong();
    e.premiumCharged = r.readBoolean();
    e.premiumCents = r.readLong();
    e.closed = r.readBoolean();
    e.multiplierPpm = r.readLong();
    e.obligationPermits = r.readLong();
    e.makeGoodInPermits = r.readLong();
    e.surrenderedPermits = r.readLong();
    e.shortfallPermits = r.readLong();
    e.penaltyCents = r.readLong();
    e.auditRecorded = r.readBoolean();
    e.measuredQuantity = r.readLong();
    e.auditShortfallPermits = r.readLong();
    e.auditPenaltyCents = r.readLong();
  }

  private static RiskSignal signal(String name) {
    return name.equals("-") ? null : RiskSignal.valueOf(name);
  }

  @Override
  public void checkInvariants(EngineState state) {
    Program.Penalty penalty = state.program().penalty();
    for (long account : touched) {
      checkAccount(account, penalty);
      checkSurrenders(state, account);
    }
    touched.clear();
  }

  /**
   * What the registry retired for a closed period is what the assessment counted, plus late
   * surrenders only where the program credits them against the make-good (issue 15): never a permit
   * retired for nothing.
   */
  private void checkSurrenders(EngineState state, long account) {
    boolean credited =
        state.program().registryControls().lateSurrender() == LateSurrenderPolicy.CREDIT_MAKE_GOOD;
    for (Map.Entry<Integer, Entry> pe : entries.getOrDefault(account, new TreeMap<>()).entrySet()) {
      Entry e = pe.getValue();
      long retired = e.closed ? state.registry().surrendered(account, pe.getKey()) : 0;
      if (e.closed
          && (retired < e.surrenderedPermits || !credited && retired != e.surrenderedPermits)) {
        throw new AssertionError(
            "account "
                + account
                + " period "
                + pe.getKey()
                + ": the registry retired "
                + retired
                + " but the assessment counted "
                + e.surrenderedPermits);
      }
    }
  }

  private void checkAccount(long account, Program.Penalty penalty) {
    long assessed = 0;
    for (Map.Entry<Integer, Entry> pe : entries.getOrDefault(account, new TreeMap<>()).entrySet()) {
      Entry e = pe.getValue();
      if (!e.closed) {
        continue;
      }
      long d = Obligations.shortfall(e.obligationPermits, e.surrenderedPermits);
      long phi =
          PenaltyFunction.phiCents(
              penalty.linearCentsPerPermit(), penalty.quadraticCentsPerPermitSquared(), d);
      if (d != e.shortfallPermits || phi != e.penaltyCents) {
        throw new AssertionError(
            "account "
                + account
                + " period "
                + pe.getKey()
                + ": shortfall "
                + e.shortfallPermits
                + " / penalty "
                + e.penaltyCents
                + " do not follow from obligation "
                + e.obligationPermits
                + " and surrendered "
                + e.surrenderedPermits);
      }
      assessed = saturatingAdd(saturatingAdd(assessed, e.penaltyCents), e.auditPenaltyCents);
    }
    if (assessed != penaltyAssessedCents.getOrDefault(account, 0L)) {
      throw new AssertionError(
          "account "
              + account
              + " was assessed "
              + assessed
              + " cents of penalties but the ledger says "
              + penaltyAssessedCents.getOrDefault(account, 0L));
    }
    if (unpaidPenaltyCents(account) < 0) {
      throw new AssertionError("account " + account + " paid more penalty than assessed");
    }
    if (makeGoodOwedPermits(account) < 0) {
      throw new AssertionError("account " + account + " owes negative make-good");
    }
  }

  static long saturatingAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  @Override
  public void describe(SortedMap<String, Long> summary) {
    long paid = 0;
    for (long p : penaltyPaidCents.values()) {
      paid += p;
    }
    long audits = 0;
    for (List<Long> a : audited.values()) {
      audits += a.size();
    }
    summary.put("penaltiesPaidCents", paid);
    summary.put("auditsDrawn", audits);
  }
}
