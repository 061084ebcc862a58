package org.computecap.engine.rules;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.computecap.engine.Engine;
import org.computecap.engine.Event;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.Result;
import org.computecap.engine.auction.AuctionCancelled;
import org.computecap.engine.auction.AuctionCleared;
import org.computecap.engine.auction.AuctionOpened;
import org.computecap.engine.auction.BidSettled;
import org.computecap.engine.auction.CostContainmentReleased;
import org.computecap.engine.command.AllocateFreePermits;
import org.computecap.engine.command.AllocateNewEntrant;
import org.computecap.engine.command.AppointInsurer;
import org.computecap.engine.command.CancelOrder;
import org.computecap.engine.command.ChargeInsurancePremium;
import org.computecap.engine.command.ClearAuction;
import org.computecap.engine.command.ClosePeriod;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.IssuePermits;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenAuction;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.command.OrderType;
import org.computecap.engine.command.PayOutstandingPenalty;
import org.computecap.engine.command.PlaceOrder;
import org.computecap.engine.command.PostCollateral;
import org.computecap.engine.command.RecordAuditFinding;
import org.computecap.engine.command.RecordEvaluation;
import org.computecap.engine.command.RecordInsurerEvaluation;
import org.computecap.engine.command.RecordMeterReading;
import org.computecap.engine.command.RecordVerifiedActivity;
import org.computecap.engine.command.ReturnCollateral;
import org.computecap.engine.command.ReverseAllocation;
import org.computecap.engine.command.ReverseSurrender;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.SetAccountStatus;
import org.computecap.engine.command.SetAssistanceFactor;
import org.computecap.engine.command.Side;
import org.computecap.engine.command.SubmitBid;
import org.computecap.engine.command.SubmitReport;
import org.computecap.engine.command.SurrenderPermits;
import org.computecap.engine.command.TransferPermits;
import org.computecap.engine.command.WithdrawBid;
import org.computecap.engine.compliance.AuditProbabilityRaised;
import org.computecap.engine.compliance.AuditScreened;
import org.computecap.engine.compliance.AuditsDrawn;
import org.computecap.engine.compliance.CollateralForfeited;
import org.computecap.engine.compliance.ComplianceAssessed;
import org.computecap.engine.compliance.LateSurrenderCredited;
import org.computecap.engine.journal.InMemoryJournal;
import org.computecap.engine.journal.JournaledEngine;
import org.computecap.engine.journal.Replay;
import org.computecap.engine.program.AccountStatus;
import org.computecap.engine.program.Program;
import org.computecap.engine.program.RiskSignal;
import org.computecap.engine.program.Workload;
import org.computecap.engine.registry.Hold;
import org.computecap.engine.registry.Registry;
import org.computecap.engine.registry.SystemAccount;
import org.computecap.engine.stability.StabilityReserveSettled;

/**
 * One seeded run of the rules' randomized simulation: a random program (method, shares,
 * multipliers, penalties, audit policy, banking, scope...) and a stream of mixed registry,
 * exchange, allocation, auction and compliance commands aimed near their edges, with every engine
 * invariant checked after every command, independent oracle checks on the events of clearing and
 * closing, and a replay of the journal that must reach the same state hash.
 */
final class RulesSimulation {
  private static final ProgramParser PARSER = ProgramParser.standard();

  final long seed;
  final SplittableRandom rnd;
  final Program program;
  final int accounts;
  final int commands;
  final Engine engine = new Engine(PARSER);

  {
    // Serial ranges partition every vintage's issued permits after every command (issue 15).
    engine.trackSerials();
  }

  private final InMemoryJournal journal = new InMemoryJournal();
  private final JournaledEngine journaled =
      new JournaledEngine(engine, journal, CommandCodec.standard());
  private final String yaml;

  /** Issue 14's price controls, drawn from their own stream. */
  private final PriceControlDraws priceControls;

  /** Issue 15's account status changes, drawn from their own stream. */
  private final SplittableRandom lifecycleRnd;

  /** Issue 17's collateral commands, from their own stream (seeds from 170 only). */
  private final SplittableRandom enforcementRnd;

  /** The risk classes of the seeds from 180 (issue 18), empty for P2's two. */
  private final List<RiskSignal> classes = new ArrayList<>();

  private long spares;
  private long tick;
  private long nextAuctionId = 1;
  private long nextBidId = 1;
  private long nextOrderId = 1;

  /** Auctions opened and not yet cleared, and their accepted bids (auction id, bid id). */
  private final java.util.TreeSet<Long> openAuctions = new java.util.TreeSet<>();

  private final java.util.List<long[]> bids = new java.util.ArrayList<>();

  /** How often each outcome happened, by command type. */
  final SortedMap<String, Long> outcomes = new TreeMap<>();

  RulesSimulation(long seed, int commands) {
    this.seed = seed;
    this.commands = commands;
    this.rnd = new SplittableRandom(seed);
    this.lifecycleRnd = new SplittableRandom(seed ^ 0x15L);
    this.enforcementRnd = new SplittableRandom(seed ^ 0x17L);
    this.accounts = 3 + rnd.nextInt(25);
    String drawn = randomProgram();
    this.priceControls = new PriceControlDraws(seed, accounts);
    this.yaml =
        drawn
            + priceControls.yaml(seed, PARSER.parse(drawn))
            + enforcement(seed, new SplittableRandom(seed ^ 0x5eed17L));
    this.program = PARSER.parse(yaml);
  }

  String describe() {
    return "seed="
        + seed
        + " accounts="
        + accounts
        + " periods="
        + program.periods()
        + " method="
        + program.allocation().method()
        + " banking="
        + program.banking();
  }

  private String randomProgram() {
    long free = rnd.nextInt(1_000_001);
    long rho = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(1_000_001);
    long low = rnd.nextInt(50);
    String[] methods = {"BENCHMARK", "GRANDFATHER", "UNIFORM"};
    String[] scopes = {"INFERENCE", "TRAINING", "ALL"};
    return "name: sim-"
        + seed
        + "\ncoveredQuantity: compute\nunit: PFLOP\n"
        + "scope: "
        + scopes[rnd.nextInt(3)]
        + "\n"
        + "periods:\n  first: "
        + (rnd.nextBoolean() ? 1 : 2026)
        + "\n  count: "
        + (2 + rnd.nextInt(5))
        + "\n  label: yearly\n"
        + "cap:\n  startPermits: "
        + (100 + rnd.nextLong(10_000_000))
        + "\n"
        + "  linearReductionPpm: "
        + rnd.nextInt(200_000)
        + "\n"
        + "allocation:\n  method: "
        + methods[rnd.nextInt(3)]
        + "\n  freeSharePpm: "
        + free
        + "\n  benchmarkPercentilePpm: "
        + (1 + rnd.nextInt(1_000_000))
        + "\n  activityChangeThresholdPpm: "
        + rnd.nextInt(400_000)
        + "\n  newEntrantReservePpm: "
        + rnd.nextLong(free + 1)
        + "\n"
        + (seed >= 180
            ? riskClasses(new SplittableRandom(seed ^ 0x5eed18L))
            : "risk:\n  alphaPpm: "
                + (1_000_001 + rnd.nextInt(5_000_000))
                + "\n  unevaluatedSignal: "
                + (rnd.nextBoolean() ? "L" : "H")
                + "\n")
        + "penalty:\n  linearCentsPerPermit: "
        + rnd.nextInt(20_000)
        + "\n  quadraticCentsPerPermitSquared: "
        + rnd.nextInt(200)
        + "\n  makeGood: "
        + rnd.nextBoolean()
        + "\n"
        + "audit:\n  probabilityPpm: "
        + rho
        + "\n  targetedProbabilityPpm: "
        + (rho + rnd.nextLong(1_000_001 - rho))
        + "\n  meterExcessThresholdPpm: "
        + rnd.nextInt(300_000)
        + "\n  auditCostCents: "
        + rnd.nextInt(1_000)
        + "\n  budgetPerPeriodCents: "
        + rnd.nextInt(10_000)
        + "\n"
        + "banking: "
        + rnd.nextBoolean()
        + "\n"
        + "auction:\n  reservePriceCents: "
        + rnd.nextInt(500)
        + "\n  purchaseLimitPpm: "
        + (1 + rnd.nextInt(1_000_000))
        + "\n"
        + supplyRules(seed, new SplittableRandom(seed ^ 0x5eed14L))
        + (seed >= 180
            ? premiums(new SplittableRandom(seed ^ 0x5eed19L))
            : "insurance:\n  premiumLowCentsPerUnit: "
                + low
                + "\n  premiumHighCentsPerUnit: "
                + (low + rnd.nextInt(50))
                + "\n")
        + stabilityReserve(seed, new SplittableRandom(seed ^ 0x5eed0415L))
        + registryControls(seed);
  }

  /**
   * Issue 17's enforcement levers for the seeds from 170 (the earlier seeds' paths are pinned by
   * what they reach): collateral in cash or permits on alternate seeds, with a liability cap half
   * the time; two-stage audits with error rates up to 50%; escalation. Drawn from its own stream.
   */
  private static String enforcement(long seed, SplittableRandom r) {
    if (seed < 170) {
      return "";
    }
    boolean cash = seed % 2 == 0;
    long amount = cash ? 1 + r.nextLong(2_000_000) : 1 + r.nextLong(2_000);
    StringBuilder b =
        new StringBuilder("enforcement:\n  collateral:\n    form: ")
            .append(cash ? "CASH" : "PERMITS")
            .append("\n    amount: ")
            .append(amount)
            .append('\n');
    if (r.nextBoolean()) {
      b.append("    liabilityCapCents: ").append(amount + r.nextLong(5_000_000)).append('\n');
    }
    b.append("  twoStageAudit:\n    falseNegativePpm: ")
        .append(r.nextInt(500_001))
        .append("\n    falsePositivePpm: ")
        .append(r.nextInt(500_001))
        .append("\n  escalation:\n    stepPpm: ")
        .append(1 + r.nextInt(1_000_000))
        .append("\n    decayPpm: ")
        .append(1 + r.nextInt(1_000_000))
        .append('\n');
    return b.toString();
  }

  /**
   * Issue 17: now and then a participant posts its collateral or a regulator returns it, from the
   * enforcement stream so the simulation's own commands are drawn as before.
   */
  private void enforcementControl() {
    if (!program.enforcement().isOn()) {
      return;
    }
    int draw = enforcementRnd.nextInt(100);
    long a = 1 + enforcementRnd.nextInt(accounts + 1);
    if (draw < 3) {
      control(new PostCollateral(a));
    } else if (draw == 3) {
      control(new ReturnCollateral(a));
    }
  }

  /**
   * Issue 15's registry controls for three seeds in four (none for the fourth, whose late
   * surrenders are refused by default): late surrenders credited against the make-good on even
   * seeds, refused on odd ones, and a holding limit of 2% to 22% of the cap on seeds 1 mod 4. Drawn
   * from the seed alone, so the rest is drawn as before.
   */
  private static String registryControls(long seed) {
    if (Math.floorMod(seed, 4) == 3) {
      return "";
    }
    String limit =
        Math.floorMod(seed, 4) == 1
            ? "  holdingLimit:\n    basePermits: 1000000\n    baseSharePpm: "
                + (20_000 + Math.floorMod(seed * 7919, 200_000))
                + "\n    aboveBaseSharePpm: 10000\n"
            : "";
    return "registryControls:\n  lateSurrender: "
        + (seed % 2 == 0 ? "CREDIT_MAKE_GOOD" : "REFUSED")
        + "\n"
        + limit;
  }

  /**
   * Issue 14's stability reserve for three seeds in four, from its own stream so that the rest of
   * the program and the commands are drawn as before. The thresholds lie on a scale of 10^2 to 10^7
   * permits (where the random runs' TNAC lies), ordered as the rule needs; half the reserves have
   * an invalidation limit.
   */
  private static String stabilityReserve(long seed, SplittableRandom r) {
    if (Math.floorMod(seed, 4) == 0) {
      return "";
    }
    long scale = (long) Math.pow(10, 2 + r.nextInt(6));
    long[] t = {r.nextLong(scale + 1), r.nextLong(scale + 1), r.nextLong(scale + 1)};
    Arrays.sort(t);
    StringBuilder b =
        new StringBuilder("stabilityReserve:\n")
            .append("  upperThresholdPermits: ")
            .append(t[2])
            .append("\n  lowerThresholdPermits: ")
            .append(t[1])
            .append("\n  intakeRatePpm: ")
            .append(r.nextInt(1_000_001))
            .append("\n  releaseThresholdPermits: ")
            .append(t[0])
            .append("\n  releaseVolumePermits: ")
            .append(r.nextLong(scale + 1))
            .append('\n');
    if (r.nextBoolean()) {
      b.append("  invalidationLimitPermits: ").append(r.nextLong(scale + 1)).append('\n');
    }
    return b.toString();
  }

  /**
   * Issue 14's auction supply rules for three seeds in four, drawn from their own stream so the
   * rest of the program (and the commands) are what they were before the rules existed. The seed
   * picks the unsold policy and cancellation, so that a handful of seeds covers them all; trigger
   * prices straddle the bids' limits (1..1,000 cents); both triggers escalate at one rate, so the
   * emissions trigger stays below the cost trigger in every period.
   */
  private static String supplyRules(long seed, SplittableRandom r) {
    if (Math.floorMod(seed, 4) == 3) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    if (r.nextBoolean()) {
      b.append("  reservePriceEscalationPpm: ").append(r.nextInt(100_000)).append('\n');
    }
    String[] policies = {"KEEP", "REOFFER", "TO_STABILITY_RESERVE"};
    String policy = policies[(int) Math.floorMod(seed, 3)];
    b.append("  unsold:\n    policy: ").append(policy).append('\n');
    if (policy.equals("REOFFER")) {
      b.append("    reofferMaxSharePpm: ").append(r.nextInt(2_000_000)).append('\n');
    }
    b.append("  cancelWhenUndersubscribed: ").append(seed % 2 == 0).append('\n');
    long escalation = r.nextInt(80_000);
    long costTrigger = 1 + r.nextInt(1_000);
    if (r.nextBoolean()) {
      b.append("  costContainment:\n    triggerPriceCents: ")
          .append(costTrigger)
          .append("\n    volume: ")
          .append(1 + r.nextInt(500_000))
          .append("\n    escalationPpm: ")
          .append(escalation)
          .append('\n');
    }
    // Always where cancellation is off (odd seeds), since a cancelled auction withholds nothing.
    if (seed % 2 != 0 || r.nextBoolean()) {
      b.append("  emissionsContainment:\n    triggerPriceCents: ")
          .append(r.nextLong(costTrigger))
          .append("\n    volume: ")
          .append(1 + r.nextInt(500_000))
          .append("\n    escalationPpm: ")
          .append(escalation)
          .append('\n');
    }
    return b.toString();
  }

  void run() {
    submit(new OpenMarket(yaml, seed));
    for (long id = 1; id <= accounts; id++) {
      int r = rnd.nextInt(10);
      Role role = r < 8 ? Role.PARTICIPANT : r == 8 ? Role.INSURER : Role.AUDITOR;
      submit(new OpenAccount(id, "a" + id, role));
      submit(new DepositCash(id, rnd.nextLong(10_000_000)));
    }
    // Most participants appoint an insurer (any account: a non-insurer is refused), so that
    // insurer evaluations and premiums are both accepted and refused for want of appointment.
    for (long id = 1; id <= accounts; id++) {
      if (rnd.nextInt(4) != 0) {
        submit(new AppointInsurer(id, account(), id));
      }
    }
    int periods = program.periods().count();
    int closeEvery = Math.max(50, commands / (periods + 1));
    boolean closing = false;
    for (int i = 0; i < commands; i++) {
      boolean open = program.hasPeriod(engine.state().currentPeriod());
      closing = open && (closing || rnd.nextInt(closeEvery) == 0);
      pricedControl(closing);
      lifecycleControl();
      enforcementControl();
      Command c = closing && rnd.nextBoolean() ? closeOrClear() : next();
      Result r = submit(c);
      closing &= !(c instanceof ClosePeriod && r.isAccepted());
      if (r.events().stream().anyMatch(LateSurrenderCredited.class::isInstance)) {
        outcomes.merge("event LateSurrenderCredited", 1L, Long::sum);
      }
      engine.checkInvariants();
      countLeverEvents(r);
      oracle(c, r);
      track(c, r);
      outcomes.merge(
          c.getClass().getSimpleName() + " " + (r.isAccepted() ? "OK" : r.rejection().code()),
          1L,
          Long::sum);
      if (c instanceof OpenAuction || c instanceof ClosePeriod) {
        for (Event e : r.events()) {
          // The stability reserve's events and bands, so the test can tell that it acted.
          if (e.getClass().getPackageName().endsWith(".stability")) {
            outcomes.merge("event " + e.getClass().getSimpleName(), 1L, Long::sum);
          }
          if (e instanceof StabilityReserveSettled x) {
            outcomes.merge("stability " + x.band(), 1L, Long::sum);
          }
        }
      }
      if (c instanceof OpenAuction || c instanceof ClearAuction) {
        for (Event e : r.events()) {
          // The supply rules' events, so the test can tell that each rule acted.
          if (e.getClass().getPackageName().endsWith(".auction")
              && !(e instanceof AuctionOpened
                  || e instanceof AuctionCleared
                  || e instanceof BidSettled)) {
            outcomes.merge("event " + e.getClass().getSimpleName(), 1L, Long::sum);
          }
        }
      }
    }
    Engine replayed = Replay.rebuild(journal, PARSER, CommandCodec.standard());
    if (!Arrays.equals(replayed.stateHash(), engine.stateHash())) {
      throw new AssertionError("replay reached a different state hash");
    }
  }

  /** A price control command between the simulation's own (no draw from its stream). */
  private void pricedControl(boolean closing) {
    if (!program.priceControls().isOn()) {
      return;
    }
    Command c = priceControls.next(engine.state(), closing);
    if (c == null) {
      return;
    }
    long reserve = engine.state().auction().priceContainmentRemaining();
    Result r = journaled.submit(tick, c);
    engine.checkInvariants();
    priceControls.after(engine.state(), c, r, reserve);
    outcomes.merge(
        c.getClass().getSimpleName() + " " + (r.isAccepted() ? "OK" : r.rejection().code()),
        1L,
        Long::sum);
  }

  /**
   * Now and then a regulator changes an account's status (issue 15), from its own stream so the
   * simulation's commands are drawn as before; OPEN is drawn most, so accounts come back. Late
   * surrenders need no command of their own: {@link #period()} aims some surrenders at the closed
   * period, and the compliance invariant checks that none retires permits for nothing.
   */
  private void lifecycleControl() {
    if (!program.registryControls().enabled()) {
      return;
    }
    int draw = lifecycleRnd.nextInt(1_000);
    if (draw == 0) {
      AccountStatus[] statuses = {
        AccountStatus.OPEN,
        AccountStatus.OPEN,
        AccountStatus.OPEN,
        AccountStatus.SUSPENDED,
        AccountStatus.RESTRICTED,
        AccountStatus.CLOSED
      };
      control(
          new SetAccountStatus(
              1 + lifecycleRnd.nextInt(accounts + 1),
              statuses[lifecycleRnd.nextInt(statuses.length)],
              "simulated"));
    } else if (draw == 1) {
      // An account that never held anything closes, and then refuses what would enter it.
      long spare = accounts + 2 + spares++;
      control(new OpenAccount(spare, "spare" + spare, Role.PARTICIPANT));
      control(new SetAccountStatus(spare, AccountStatus.CLOSED, "left the market"));
      control(new DepositCash(spare, 1));
    } else if (draw < 8) {
      // A regulator reverses part of a surrender (open or closed period) or of an allocation.
      long a = 1 + lifecycleRnd.nextInt(accounts);
      int p =
          Math.max(program.firstPeriod(), engine.state().currentPeriod() - lifecycleRnd.nextInt(2));
      long surrendered = engine.state().registry().surrendered(a, p);
      long granted = engine.state().allocation().grantedPermits(a, p);
      if (lifecycleRnd.nextBoolean()) {
        control(new ReverseSurrender(a, p, 1 + lifecycleRnd.nextLong(surrendered + 1), "sim"));
      } else {
        control(new ReverseAllocation(a, p, 1 + lifecycleRnd.nextLong(granted + 1), "sim"));
      }
    } else if (draw < 20) {
      // A late surrender within the make-good owed, which a crediting program accepts.
      long a = 1 + lifecycleRnd.nextInt(accounts);
      int closed = engine.state().currentPeriod() - 1;
      if (closed >= program.firstPeriod()) {
        long owed = engine.state().compliance().makeGoodOwedPermits(a);
        long free =
            engine
                .state()
                .registry()
                .freePermits(a, engine.state().oldestEligibleVintage(closed), closed);
        long most = Math.min(owed, free);
        if (most > 0) {
          control(new SurrenderPermits(a, closed, 1 + lifecycleRnd.nextLong(most)));
        }
      }
    }
  }

  /** Submits a control command from the lifecycle stream and counts its outcome. */
  private void control(Command c) {
    Result r = journaled.submit(tick, c);
    engine.checkInvariants();
    outcomes.merge(
        c.getClass().getSimpleName() + " " + (r.isAccepted() ? "OK" : r.rejection().code()),
        1L,
        Long::sum);
    if (r.events().stream().anyMatch(LateSurrenderCredited.class::isInstance)) {
      outcomes.merge("event LateSurrenderCredited", 1L, Long::sum);
    }
  }

  /** Counts issue 17's lever events, so the test can tell that each lever acted. */
  private void countLeverEvents(Result r) {
    for (Event e : r.events()) {
      if (e instanceof CollateralForfeited
          || e instanceof AuditProbabilityRaised
          || e instanceof AuditScreened x && !x.flagged()) {
        outcomes.merge("event " + e.getClass().getSimpleName(), 1L, Long::sum);
      }
    }
  }

  private Result submit(Command c) {
    if (rnd.nextInt(4) == 0) {
      tick += rnd.nextInt(3);
    }
    return journaled.submit(tick, c);
  }

  private int period() {
    int current = engine.state().currentPeriod();
    int r = rnd.nextInt(20);
    return r == 0 ? current - 1 : r == 1 ? current + 1 : current;
  }

  private long account() {
    return 1 + rnd.nextInt(accounts + 1);
  }

  private long quantity(long scale) {
    return rnd.nextInt(10) == 0 ? 0 : rnd.nextLong(Math.max(1, scale));
  }

  /** Closing a period needs its auctions cleared first: clear the oldest open one if any. */
  private Command closeOrClear() {
    if (!openAuctions.isEmpty() && rnd.nextInt(4) != 0) {
      return new ClearAuction(openAuctions.first());
    }
    return new ClosePeriod(engine.state().currentPeriod());
  }

  /** Remembers open auctions and accepted bids so later commands can aim at them. */
  private void track(Command c, Result r) {
    if (!r.isAccepted()) {
      return;
    }
    if (c instanceof OpenAuction o) {
      openAuctions.add(o.auctionId());
    } else if (c instanceof ClearAuction o) {
      openAuctions.remove(o.auctionId());
    } else if (c instanceof SubmitBid b) {
      bids.add(new long[] {b.auctionId(), b.bidId()});
    }
  }

  private long auctionId() {
    if (openAuctions.isEmpty() || rnd.nextInt(10) == 0) {
      return 1 + rnd.nextLong(nextAuctionId);
    }
    return openAuctions.ceiling(1 + rnd.nextLong(openAuctions.last()));
  }

  private Command next() {
    long a = account();
    int p = period();
    long cap = program.cap().startPermits();
    switch (rnd.nextInt(25)) {
      case 0:
        return new RecordVerifiedActivity(
            a, p - 1 - rnd.nextInt(2), quantity(10_000), quantity(20_000));
      case 1:
        return new SetAssistanceFactor(a, rnd.nextInt(2_000_000));
      case 2:
        return new AllocateFreePermits(Math.max(0, p));
      case 3:
        return new AllocateNewEntrant(a, quantity(cap / 10 + 1));
      case 4:
        if (openAuctions.size() > 2) {
          return new ClearAuction(openAuctions.first());
        }
        return new OpenAuction(nextAuctionId++, Math.max(0, p), 1 + quantity(cap / 4 + 1));
      case 5:
      case 6:
      case 7:
        return new SubmitBid(
            auctionId(), nextBidId++, a, 1 + quantity(cap / 20 + 1), 1 + rnd.nextInt(1_000));
      case 8:
        if (!bids.isEmpty() && rnd.nextInt(5) != 0) {
          long[] bid = bids.get(rnd.nextInt(bids.size()));
          return new WithdrawBid(bid[0], bid[1]);
        }
        return new WithdrawBid(auctionId(), 1 + rnd.nextLong(nextBidId));
      case 9:
      case 10:
        return new SubmitReport(
            a,
            Math.max(0, p),
            rnd.nextBoolean() ? Workload.TRAINING : Workload.INFERENCE,
            quantity(cap / 20 + 1));
      case 11:
        return new RecordMeterReading(a, Math.max(0, p), quantity(cap / 20 + 1));
      case 12:
        return new RecordEvaluation(a, Math.max(0, p), signal());
      case 13:
        long appointed = engine.state().access().insurerOf(a);
        long insurer = appointed != 0 && rnd.nextInt(3) != 0 ? appointed : account();
        if (rnd.nextInt(10) == 0) {
          return new AppointInsurer(a, account(), rnd.nextBoolean() ? a : 0);
        }
        return new RecordInsurerEvaluation(insurer, a, Math.max(0, p), signal());
      case 14:
        return new ChargeInsurancePremium(a, Math.max(0, p - rnd.nextInt(2)));
      case 15:
        return new RecordAuditFinding(a, Math.max(0, p - 1), quantity(cap / 10 + 1));
      case 16:
        return new PayOutstandingPenalty(a);
      case 17:
      case 18:
        return new SurrenderPermits(a, Math.max(0, p), 1 + quantity(cap / 20 + 1));
      case 19:
        return new IssuePermits(a, engine.state().currentPeriod(), 1 + quantity(cap / 50 + 1));
      case 20:
        return new TransferPermits(
            a, account(), engine.state().currentPeriod(), 1 + quantity(cap / 50 + 1));
      case 21:
      case 22:
        // Resting orders, so that a close without banking must take expiring vintages off
        // the book before their permits expire.
        nextOrderId++;
        return new PlaceOrder(
            a,
            rnd.nextBoolean() ? Side.BUY : Side.SELL,
            rnd.nextInt(5) == 0 ? OrderType.IOC : OrderType.LIMIT,
            1 + rnd.nextInt(1_000),
            1 + rnd.nextInt((int) Math.min(1_000_000, cap / 50 + 1)),
            Math.max(
                program.firstPeriod(),
                engine.state().currentPeriod() - (rnd.nextInt(4) == 0 ? 1 : 0)));
      case 23:
        return new CancelOrder(1 + rnd.nextLong(nextOrderId), a);
      default:
        return new DepositCash(a, 1 + quantity(1_000_000));
    }
  }

  private RiskSignal signal() {
    if (classes.isEmpty()) {
      return rnd.nextBoolean() ? RiskSignal.L : RiskSignal.H;
    }
    // Issue 18's classes, and now and then a signal that is none (UNKNOWN_RISK_SIGNAL).
    int k = rnd.nextInt(classes.size() + 1);
    return k == classes.size() ? RiskSignal.valueOf("Unknown") : classes.get(k);
  }

  /**
   * Issue 18's finer risk classes for the seeds from 180: 3 to 6 classes named C0.. with strictly
   * increasing multipliers from 1, the unevaluated one drawn among them; from its own stream.
   */
  private String riskClasses(SplittableRandom r) {
    int k = 3 + r.nextInt(4);
    StringBuilder b = new StringBuilder("risk:\n  classes:\n");
    long multiplier = 1_000_000;
    for (int i = 0; i < k; i++) {
      classes.add(RiskSignal.valueOf("C" + i));
      b.append("    - {signal: C").append(i).append(", multiplierPpm: ").append(multiplier);
      b.append("}\n");
      multiplier += 1 + r.nextLong(2_000_000);
    }
    return b.append("  unevaluatedSignal: C").append(r.nextInt(k)).append('\n').toString();
  }

  /** One premium per class, non-decreasing, for the seeds from 180. */
  private String premiums(SplittableRandom r) {
    StringBuilder b = new StringBuilder("insurance:\n  premiums:\n");
    long cents = r.nextInt(50);
    for (RiskSignal c : classes) {
      b.append("    - {signal: ").append(c.name()).append(", centsPerUnit: ").append(cents);
      b.append("}\n");
      cents += r.nextInt(20);
    }
    return b.toString();
  }

  /** Checks accepted clearing and closing against independent arithmetic. */
  private void oracle(Command c, Result r) {
    if (!r.isAccepted()) {
      return;
    }
    List<Event> events = r.events();
    if (c instanceof ClearAuction) {
      AuctionCleared cleared =
          events.stream()
              .filter(AuctionCleared.class::isInstance)
              .map(AuctionCleared.class::cast)
              .findFirst()
              .orElseThrow();
      long paid = 0;
      for (Event e : events) {
        if (e instanceof BidSettled s) {
          expect(
              s.paidCents() == s.wonPermits() * cleared.clearingPriceCents(),
              "bid pays " + "the clearing price: " + s);
          paid += s.paidCents();
        }
      }
      expect(paid == cleared.revenueCents(), "revenue is the sum of payments: " + cleared);
      for (Event e : events) {
        if (e instanceof CostContainmentReleased x) {
          expect(
              cleared.clearingPriceCents() >= x.triggerPriceCents(),
              "a release clears at or above the cost trigger: " + cleared + " " + x);
        }
        if (e instanceof AuctionCancelled x) {
          expect(
              cleared.soldPermits() == 0 && x.demandPermits() < x.supplyPermits(),
              "a cancelled auction was undersubscribed and sold nothing: " + cleared);
        }
      }
    }
    if (c instanceof ClosePeriod) {
      for (Event e : events) {
        if (e instanceof StabilityReserveSettled x) {
          // TNAC is what participants hold; the settlement moves permits only between the
          // issuance, the stability reserve and the cancellation account, so it is unchanged.
          Registry registry = engine.state().registry();
          long held = 0;
          for (long id : registry.accountIds()) {
            if (registry.role(id) == Role.PARTICIPANT) {
              held += registry.freePermitsTotal(id);
              for (Hold h : Hold.values()) {
                held += registry.reservedPermits(id, h);
              }
            }
          }
          // Permits posted as collateral (issue 17) are still the participants': in circulation.
          long hold = SystemAccount.COLLATERAL_HOLD.id();
          held += registry.exists(hold) ? registry.freePermitsTotal(hold) : 0;
          expect(held == x.tnacPermits(), "TNAC is what participants hold: " + x + " " + held);
          expect(
              x.withheldPermits() <= x.intakePermits()
                  && (x.intakePermits() == 0 || x.releasePermits() == 0),
              "withholds at most the intake, never both intake and release: " + x);
        }
        if (e instanceof ComplianceAssessed a) {
          long d = Math.max(0, a.obligationPermits() - a.surrenderedPermits());
          BigInteger phi =
              BigInteger.valueOf(program.penalty().linearCentsPerPermit())
                  .multiply(BigInteger.valueOf(d))
                  .add(
                      BigInteger.valueOf(program.penalty().quadraticCentsPerPermitSquared())
                          .multiply(BigInteger.valueOf(d).pow(2)));
          expect(a.shortfallPermits() == d, "shortfall is (obligation - surrendered)+: " + a);
          expect(
              phi.bitLength() >= 64 || phi.longValue() == a.penaltyCents(),
              "penalty is phi(D): " + a);
          expect(
              a.penaltyUnpaidCents() >= 0 && a.penaltyUnpaidCents() <= a.penaltyCents(),
              "unpaid penalty within the penalty: " + a);
        }
        if (e instanceof AuditsDrawn d) {
          expect(
              d.audited().size() <= program.audit().maxAuditsPerPeriod(),
              "audits within the budget: " + d);
        }
      }
    }
    expect(
        engine.state().registry().freeCash(SystemAccount.TREASURY.id()) >= 0,
        "treasury never negative");
  }

  private static void expect(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError(what);
    }
  }
}
