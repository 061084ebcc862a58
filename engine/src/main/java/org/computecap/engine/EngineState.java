package org.computecap.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.computecap.engine.registry.Registry;

/**
 * Everything the engine knows, and nothing else: the program it opened with, the seed, the current
 * period, the registry, and each feature's state. Features reach each other's state through it (the
 * exchange reserves through {@link #registry()}; compliance advances the period).
 *
 * <p>It is mutated only from inside {@link Engine#apply}; adapters read it. Its canonical encoding
 * ({@link #stateHash()}) is what replay compares, so every field is in it.
 */
public final class EngineState {
  private final ProgramParser parser;
  private String programYaml;
  private ProgramRules program;
  private long seed;
  private int currentPeriod;
  private Registry registry;
  private long seq;
  private long lastTick;
  private final List<FeatureState> features = new ArrayList<>();

  EngineState(ProgramParser parser) {
    this.parser = parser;
  }

  /** Whether {@code OpenMarket} has been applied. */
  public boolean isOpen() {
    return program != null;
  }

  /** The number of commands applied so far, accepted or rejected (the journal's last seq). */
  public long seq() {
    return seq;
  }

  /** The tick of the last command applied (ticks never go backwards). */
  public long lastTick() {
    return lastTick;
  }

  public long seed() {
    return seed;
  }

  /** The program's YAML text as given to {@code OpenMarket}. */
  public String programYaml() {
    return programYaml;
  }

  /** The program's rules that core reads. */
  public ProgramRules program() {
    return requireOpen(program);
  }

  /** The program as the class its parser produced, for features that need more of it. */
  public <T> T program(Class<T> type) {
    ProgramRules p = program();
    if (!type.isInstance(p)) {
      throw new IllegalStateException(
          "program is a " + p.getClass().getName() + ", not a " + type.getName());
    }
    return type.cast(p);
  }

  public Registry registry() {
    return requireOpen(registry);
  }

  /** The period now running: issuance is into its vintage, surrender up to it. */
  public int currentPeriod() {
    requireOpen(program);
    return currentPeriod;
  }

  /** Starts the next period; called by the compliance feature when it closes a period. */
  public void advancePeriod() {
    requireOpen(program);
    currentPeriod = Math.addExact(currentPeriod, 1);
  }

  /** The oldest vintage that may be surrendered for {@code period} (§1, §7.6). */
  public int oldestEligibleVintage(int period) {
    return program().bankingEnabled() ? program.firstPeriod() : period;
  }

  /** The feature's state, created with {@code create} on first use. */
  public <T extends FeatureState> T feature(Class<T> type, Supplier<T> create) {
    T existing = featureOrNull(type);
    if (existing != null) {
      return existing;
    }
    T created = create.get();
    for (FeatureState f : features) {
      if (f.name().equals(created.name())) {
        throw new IllegalStateException("two features named " + created.name());
      }
    }
    features.add(created);
    return created;
  }

  /** The feature's state, or null when the feature has not run yet. */
  public <T extends FeatureState> T featureOrNull(Class<T> type) {
    for (FeatureState f : features) {
      if (type.isInstance(f)) {
        return type.cast(f);
      }
    }
    return null;
  }

  /** SHA-256 over the canonical encoding of the whole state. */
  public byte[] stateHash() {
    CanonicalWriter w = new CanonicalWriter();
    writeCanonical(w);
    return w.finish();
  }

  /** Writes the whole state: market, registry, then features ordered by name. */
  public void writeCanonical(CanonicalWriter w) {
    w.section("market").writeBoolean(isOpen()).writeLong(seq).writeLong(lastTick);
    if (!isOpen()) {
      return;
    }
    w.writeBytes(programYaml.getBytes(StandardCharsets.UTF_8))
        .writeLong(seed)
        .writeInt(currentPeriod);
    registry.writeCanonical(w);
    List<FeatureState> sorted = new ArrayList<>(features);
    sorted.sort(Comparator.comparing(FeatureState::name));
    w.writeInt(sorted.size());
    for (FeatureState f : sorted) {
      w.section(f.name());
      f.writeCanonical(w);
    }
  }

  /** Counters for people: entries, accounts, permits, plus what features add. */
  public SortedMap<String, Long> summary() {
    SortedMap<String, Long> s = new TreeMap<>();
    s.put("entries", seq);
    if (isOpen()) {
      s.put("accounts", (long) registry.accountCount());
      s.put("currentPeriod", (long) currentPeriod);
      s.put("permitsIssued", registry.issuedTotal());
      s.put("permitsHeld", registry.heldTotal());
      s.put("permitsReserved", registry.reservedTotal());
      s.put("permitsSurrendered", registry.surrenderedTotal());
      s.put("permitsCancelled", registry.cancelledTotal());
      s.put("permitsExpired", registry.expiredTotal());
      s.put("cashBalanceCents", registry.cashBalanceTotal());
      // Part of every summary ("journal replay" promises it); the exchange's state replaces
      // the zero with its count once it exists.
      s.put("openOrders", 0L);
      for (FeatureState f : features) {
        f.describe(s);
      }
    }
    return s;
  }

  /** Every invariant of every part; throws {@link AssertionError} on the first broken one. */
  public void checkInvariants() {
    if (!isOpen()) {
      return;
    }
    registry.checkInvariants();
    long capsSoFar = 0;
    for (int p = program.firstPeriod(); p <= currentPeriod; p++) {
      capsSoFar = Math.addExact(capsSoFar, program.capPermits(p));
    }
    if (registry.issuedTotal() > capsSoFar) {
      throw new AssertionError(
          "permits issued " + registry.issuedTotal() + " > sum of caps so far " + capsSoFar);
    }
    for (FeatureState f : features) {
      f.checkInvariants(this);
    }
  }

  void open(String yaml, long seed, ProgramRules rules) {
    this.programYaml = yaml;
    this.seed = seed;
    this.program = rules;
    this.currentPeriod = rules.firstPeriod();
    this.registry = new Registry(rules);
  }

  ProgramParser parser() {
    return parser;
  }

  void recordApplied(long tick) {
    seq++;
    lastTick = tick;
  }

  private static <T> T requireOpen(T value) {
    if (value == null) {
      throw new IllegalStateException("the market is not open yet");
    }
    return value;
  }
}
