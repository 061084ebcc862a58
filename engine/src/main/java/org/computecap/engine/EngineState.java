package org.computecap.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.computecap.engine.access.AccessState;
import org.computecap.engine.allocation.AllocationState;
import org.computecap.engine.auction.AuctionState;
import org.computecap.engine.compliance.ComplianceState;
import org.computecap.engine.compliance.EnforcementState;
import org.computecap.engine.exchange.ExchangeState;
import org.computecap.engine.exchange.OrderBooks;
import org.computecap.engine.lifecycle.LifecycleState;
import org.computecap.engine.metering.Attested;
import org.computecap.engine.metering.MeteringState;
import org.computecap.engine.program.AccountStatus;
import org.computecap.engine.program.AttestedUse;
import org.computecap.engine.program.Metering;
import org.computecap.engine.program.Program;
import org.computecap.engine.registry.Ledger;
import org.computecap.engine.registry.PermitMovements;
import org.computecap.engine.registry.Registry;
import org.computecap.engine.representatives.RepresentativeState;
import org.computecap.engine.serial.SerialBook;
import org.computecap.engine.stability.StabilityState;

/**
 * Everything the engine knows, and nothing else: the program it opened with, the seed, the current
 * period, the registry, and each feature's state. Every feature's state is created once, when
 * {@code OpenMarket} is accepted, from the one parsed {@link Program} that all features read.
 *
 * <p>This is the read side: adapters (and handlers) get it from {@link Engine#state()}, and nothing
 * public here changes anything. The registry is handed out as {@link Registry}, whose mutators live
 * on the {@link Ledger} that only {@link WriteAccess} reaches; the feature states keep their
 * mutators package-private; the period advances only through {@link WriteAccess#advancePeriod()}.
 * {@link Engine} holds the one {@link WriteAccess} and passes it to the feature handlers inside
 * {@link Engine#apply}, so that is the only place state changes. Its canonical encoding ({@link
 * #stateHash()}) is what replay compares, so every field is in it.
 */
public final class EngineState {
  private final OrderBooks books;
  private String programYaml;
  private Program program;
  private long seed;
  private int currentPeriod;
  private Ledger ledger;
  private AccessState access;
  private AllocationState allocation;
  private AuctionState auction;
  private ComplianceState compliance;
  private ExchangeState exchange;

  /**
   * The account lifecycle's state, or null without registry controls: read by every order and
   * transfer, so kept here rather than looked up in {@link #features} on the matching path.
   */
  private LifecycleState lifecycle;

  /** In the canonical order: by name. */
  private List<FeatureState> features = List.of();

  private long seq;

  /** The serial numbers' projection when tracked ({@link Engine#trackSerials}); not hashed. */
  private SerialBook serials;

  private long lastTick;

  EngineState(OrderBooks books) {
    this.books = books;
  }

  /** Whether {@code OpenMarket} has been applied. */
  public boolean isOpen() {
    return program != null;
  }

  /**
   * The serial numbers of issue 15 when this engine tracks them ({@link Engine#trackSerials}), else
   * null. A projection of the ledger's movements, not part of the state hash: the journal
   * determines it, as it determines the state.
   */
  public SerialBook serials() {
    return serials;
  }

  /**
   * The permits the last command moved ({@link Engine#movements()}): valid until the next command.
   */
  public PermitMovements movements() {
    return isOpen() ? ledger.movements() : PermitMovements.none();
  }

  void trackSerials(SerialBook book) {
    this.serials = book;
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

  /** The program the market opened with, parsed once; every feature reads this one. */
  public Program program() {
    return requireOpen(program);
  }

  /** The ledger, for reading. */
  public Registry registry() {
    return requireOpen(ledger).registry();
  }

  /** The period now running: issuance is into its vintage, surrender up to it. */
  public int currentPeriod() {
    requireOpen(program);
    return currentPeriod;
  }

  /** The oldest vintage that may be surrendered for {@code period} (§1, §7.6). */
  public int oldestEligibleVintage(int period) {
    return program().banking() ? program.firstPeriod() : period;
  }

  public AccessState access() {
    return requireOpen(access);
  }

  public AllocationState allocation() {
    return requireOpen(allocation);
  }

  public AuctionState auction() {
    return requireOpen(auction);
  }

  public ComplianceState compliance() {
    return requireOpen(compliance);
  }

  public ExchangeState exchange() {
    return requireOpen(exchange);
  }

  /**
   * The participant's obligation for {@code period} if it closed now (compliance's arithmetic), for
   * features that may not depend on the compliance package (the price controls, issue 14).
   */
  public long obligationSoFar(long account, int period) {
    return compliance()
        .obligationSoFar(program(), account, period, attestedSettlingUnits(account, period));
  }

  /**
   * Whether any credential (an account's code or token, or a person's, issue 15) already uses this
   * SHA-256 hash: a secret's hash names one credential forever.
   */
  public boolean credentialHashUsed(String hash) {
    RepresentativeState persons = featureOrNull(RepresentativeState.class);
    return access().hashUsed(hash) || persons != null && persons.hashUsed(hash);
  }

  /**
   * The account's lifecycle status (issue 15): OPEN unless a regulator changed it, and always OPEN
   * in a program without registry controls.
   */
  public AccountStatus accountStatus(long accountId) {
    return lifecycle == null ? AccountStatus.OPEN : lifecycle.status(accountId);
  }

  /**
   * Permits the account's resting buy orders and open auction and reserve sale bids may still bring
   * it (issue 15's holding limit; the exchange counts its part only under a holding limit).
   */
  public long pendingPurchasePermits(long accountId) {
    return Math.addExact(exchange().openBuyPermits(accountId), auction().openBidPermits(accountId));
  }

  /**
   * The least quantity the participant's meters attest for {@code period} in covered units (the
   * attested figure less its meters' uncertainty, issue 17) when the program's attested readings
   * settle obligations ({@code metering.attested: SETTLES}); 0 otherwise or without readings.
   * Compliance assesses the period on the larger of this and the report.
   */
  public long attestedSettlingUnits(long account, int period) {
    Metering m = program().metering();
    if (m == null || m.attested() != AttestedUse.SETTLES) {
      return 0;
    }
    return feature(MeteringState.class).attested(account, period).lowUnits(m);
  }

  /**
   * The audit signal of attested metering (issue 17, {@code metering.attested: AUDIT_SIGNAL}):
   * whether the participant's report of {@code reportedQuantity} for {@code period} lies below what
   * its meters attest beyond their uncertainty ({@code reported < floor(attested low)}). Audit
   * draws take a signalled participant with the targeted probability.
   */
  public boolean attestedAuditSignal(long account, int period, long reportedQuantity) {
    Metering m = program().metering();
    if (m == null || m.attested() != AttestedUse.AUDIT_SIGNAL) {
      return false;
    }
    Attested a = feature(MeteringState.class).attested(account, period);
    return a.readings() > 0 && reportedQuantity < a.lowUnits(m);
  }

  /**
   * The attested figure for the participant and period in covered units (rounded down), or -1 when
   * the program has no metering or its meters delivered no reading for the period: what an audit
   * finding shows beside the report and the audited truth.
   */
  public long attestedUnits(long account, int period) {
    Metering m = program().metering();
    if (m == null) {
      return -1;
    }
    Attested a = feature(MeteringState.class).attested(account, period);
    return a.readings() == 0 ? -1 : a.units(m);
  }

  /** The feature's state; throws when the market is not open or no feature has that type. */
  public <T extends FeatureState> T feature(Class<T> type) {
    T f = featureOrNull(type);
    if (f == null) {
      throw new IllegalStateException(
          isOpen() ? "no feature state of type " + type.getName() : "the market is not open yet");
    }
    return f;
  }

  /** The feature's state, or null while the market is not open (or for an unknown type). */
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
    ledger.registry().writeCanonical(w);
    w.writeInt(features.size());
    for (FeatureState f : features) {
      w.section(f.name());
      f.writeCanonical(w);
    }
  }

  /** Counters for people: entries, accounts, permits, plus what features add. */
  public SortedMap<String, Long> summary() {
    SortedMap<String, Long> s = new TreeMap<>();
    s.put("entries", seq);
    if (isOpen()) {
      Registry registry = ledger.registry();
      s.put("accounts", (long) registry.accountCount());
      s.put("currentPeriod", (long) currentPeriod);
      s.put("permitsIssued", registry.issuedTotal());
      s.put("permitsHeld", registry.heldTotal());
      s.put("permitsReserved", registry.reservedTotal());
      s.put("permitsSurrendered", registry.surrenderedTotal());
      s.put("permitsCancelled", registry.cancelledTotal());
      s.put("permitsExpired", registry.expiredTotal());
      s.put("cashBalanceCents", registry.cashBalanceTotal());
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
    Registry registry = ledger.registry();
    registry.checkInvariants();
    if (serials != null) {
      serials.check(registry);
    }
    long capsSoFar = program.capsThroughPermits(currentPeriod);
    // Permits sold at the price ceiling (issue 14) are issued above the cap, and counted apart.
    // Linked units (issue 18) too: they stand for permits another program's registry cancelled.
    long ceiling = registry.ceilingIssuedTotal() + registry.linkedIssuedTotal();
    if (registry.issuedTotal() - ceiling > capsSoFar) {
      throw new AssertionError(
          "permits issued "
              + registry.issuedTotal()
              + " > sum of caps so far "
              + capsSoFar
              + " + ceiling and linked units "
              + ceiling);
    }
    for (FeatureState f : features) {
      f.checkInvariants(this);
    }
  }

  // ------------------------------------------------------------ the write side (Engine only)

  /** Opens the market: the registry and every feature's state, from the one parsed program. */
  void open(String yaml, long seed, Program program) {
    this.programYaml = yaml;
    this.seed = seed;
    this.program = program;
    this.currentPeriod = program.firstPeriod();
    this.ledger = Ledger.open(program);
    this.access = new AccessState();
    this.allocation = new AllocationState();
    this.auction = AuctionState.open(program);
    this.compliance = new ComplianceState();
    this.exchange = ExchangeState.open(program, books);
    this.features =
        featureList(
            program,
            StabilityState.open(),
            program.registryControls().enabled() ? new LifecycleState() : null,
            program.hasRepresentatives() ? RepresentativeState.open() : null,
            program.hasMetering() ? new MeteringState() : null,
            program.enforcement().isOn() ? new EnforcementState() : null);
    checkFeatureOrder();
  }

  /**
   * Reads the whole state back from {@link #writeCanonical} (a snapshot's body) into this empty
   * state; {@code parser} parses the program text it holds, as {@code OpenMarket} did.
   */
  void readCanonical(CanonicalReader r, ProgramParser parser) {
    r.section("market");
    boolean open = r.readBoolean();
    seq = r.readLong();
    lastTick = r.readLong();
    if (!open) {
      return;
    }
    String yaml = new String(r.readBytes(), StandardCharsets.UTF_8);
    long openSeed = r.readLong();
    int period = r.readInt();
    Program parsed = parser.parse(yaml);
    if (period < parsed.firstPeriod()) {
      throw new IllegalArgumentException(
          "snapshot: current period " + period + " is before the program's first");
    }
    this.programYaml = yaml;
    this.seed = openSeed;
    this.program = parsed;
    this.currentPeriod = period;
    this.ledger = Ledger.readCanonical(r, parsed);
    int count = r.readCount();
    boolean lifecycle = parsed.registryControls().enabled();
    int expected =
        5
            + (parsed.hasStabilityReserve() ? 1 : 0)
            + (lifecycle ? 1 : 0)
            + (parsed.hasRepresentatives() ? 1 : 0)
            + (parsed.hasMetering() ? 1 : 0)
            + (parsed.enforcement().isOn() ? 1 : 0);
    if (count != expected) {
      throw new IllegalArgumentException(
          "snapshot: " + count + " features, the engine has " + expected + " for its program");
    }
    r.section("access");
    this.access = AccessState.readCanonical(r);
    r.section("allocation");
    this.allocation = AllocationState.readCanonical(r);
    r.section("auction");
    this.auction = AuctionState.readCanonical(r, parsed);
    r.section("compliance");
    this.compliance = ComplianceState.readCanonical(r);
    EnforcementState enforcement = null;
    if (parsed.enforcement().isOn()) {
      r.section("enforcement");
      enforcement = EnforcementState.readCanonical(r);
    }
    r.section("exchange");
    this.exchange = ExchangeState.readCanonical(r, parsed, books);
    LifecycleState lifecycleState = null;
    if (lifecycle) {
      r.section("lifecycle");
      lifecycleState = LifecycleState.readCanonical(r);
    }
    MeteringState metering = null;
    if (parsed.hasMetering()) {
      r.section("metering");
      metering = MeteringState.readCanonical(r);
    }
    RepresentativeState representatives = null;
    if (parsed.hasRepresentatives()) {
      r.section("representatives");
      representatives = RepresentativeState.readCanonical(r);
    }
    StabilityState stability = null;
    if (parsed.hasStabilityReserve()) {
      r.section("stability");
      stability = StabilityState.readCanonical(r);
    }
    this.features =
        featureList(parsed, stability, lifecycleState, representatives, metering, enforcement);
    checkFeatureOrder();
  }

  /**
   * The feature states by name. The stability reserve's state exists only for a program with one,
   * the account lifecycle's (issue 15) only for a program with registry controls, and the
   * representatives' (issue 15) only for a program with a {@code representatives} section, and
   * attested metering's (issue 17) only for one with a {@code metering} section, so every other
   * program's canonical encoding (and state hash) is what it was before they existed.
   */
  private List<FeatureState> featureList(
      Program program,
      StabilityState stability,
      LifecycleState lifecycle,
      RepresentativeState representatives,
      MeteringState metering,
      EnforcementState enforcement) {
    this.lifecycle = lifecycle;
    List<FeatureState> list = new ArrayList<>(List.of(access, allocation, auction, compliance));
    if (enforcement != null) {
      // Issue 17's levers: present only for a program with an enforcement section.
      list.add(enforcement);
    }
    list.add(exchange);
    if (lifecycle != null) {
      list.add(lifecycle);
    }
    if (metering != null) {
      list.add(metering);
    }
    if (representatives != null) {
      list.add(representatives);
    }
    if (program.hasStabilityReserve()) {
      list.add(stability);
    }
    return List.copyOf(list);
  }

  /** The canonical encoding orders features by name; the list above must already be. */
  private void checkFeatureOrder() {
    for (int i = 1; i < features.size(); i++) {
      if (features.get(i - 1).name().compareTo(features.get(i).name()) >= 0) {
        throw new AssertionError("features must be listed by name, in canonical order");
      }
    }
  }

  Ledger ledger() {
    return requireOpen(ledger);
  }

  /** The feature states in canonical order (by name). */
  List<FeatureState> features() {
    return features;
  }

  /** Starts the next period; the compliance feature calls it through {@link WriteAccess}. */
  void advancePeriod() {
    requireOpen(program);
    currentPeriod = Math.addExact(currentPeriod, 1);
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
