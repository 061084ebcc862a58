package org.computecap.sim.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.computecap.economics.market.Welfare;
import org.computecap.engine.Event;
import org.computecap.engine.allocation.FreePermitsGranted;
import org.computecap.engine.auction.AuctionCleared;
import org.computecap.engine.auction.BidSettled;
import org.computecap.engine.command.AllocateFreePermits;
import org.computecap.engine.command.ClearAuction;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenAuction;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.command.RecordVerifiedActivity;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.SetAssistanceFactor;
import org.computecap.engine.command.SubmitBid;
import org.computecap.engine.journal.FileJournal;
import org.computecap.engine.journal.InMemoryJournal;
import org.computecap.engine.journal.Journal;
import org.computecap.engine.journal.Replay;
import org.computecap.engine.program.Workload;
import org.computecap.sim.agent.Decisions;
import org.computecap.sim.agent.Developer;
import org.computecap.sim.agent.Developers;
import org.computecap.sim.agent.PriceGrid;
import org.computecap.sim.agent.Quote;
import org.computecap.sim.agent.Quotes;
import org.computecap.sim.agent.Valuation;
import org.computecap.sim.benchmark.Benchmark;
import org.computecap.sim.scenario.EvaluationTiming;
import org.computecap.sim.scenario.Expectations;
import org.computecap.sim.scenario.MarketSettings;
import org.computecap.sim.scenario.ProgramTerms;
import org.computecap.sim.scenario.Scenario;

/**
 * The multi-period agent-based simulation of SPEC §9, driving the real engine in process and
 * nothing else: every permit that moves, every report, evaluation, surrender, audit and penalty is
 * an engine command and its events. Each period runs allocation -> agents plan compute from their
 * expected price -> primary auction -> trading on the engine's order book (a uniform-price call
 * auction over the agents' schedules and/or continuous double-auction rounds) -> usage -> noisy
 * meter readings and reports -> evaluations -> a true-up call auction for whoever's evaluation left
 * it short -> surrender -> period close (assessment, penalties, make-good, the audit lottery,
 * expiry) -> audit findings -> next period under the lower cap.
 *
 * <p>Everything random (developer draws, evaluation signals, meter and audit noise, ZI-C quotes)
 * comes from generators seeded by the scenario seed, and the engine's own lottery is seeded from
 * the same seed through {@code OpenMarket}, so one seed gives one journal and one state hash.
 * Agents read the engine's registry for their holdings; they never write to it.
 */
public final class Simulation {
  private final Scenario scenario;
  private final ProgramTerms terms;
  private final MarketSettings settings;
  private final List<Developer> devs;
  private final Market market;
  private final SplittableRandom random;
  private final Tally tally;
  private final long insurerId;
  private final Workload workload;
  private final boolean[] active;
  private final int[] relocatedIn;
  private final long[] makeGood;
  private double lastPrice = Double.NaN;

  private Simulation(Scenario scenario, Journal journal) {
    this.scenario = scenario;
    this.terms = scenario.program();
    this.settings = scenario.market();
    this.devs = Developers.expand(scenario);
    this.market = new Market(journal);
    market.increments(terms.tickCents(), terms.lotPermits());
    this.random = new SplittableRandom(scenario.seed());
    this.tally = new Tally(devs);
    this.insurerId = devs.size() + 1L;
    this.workload =
        scenario.programYaml().contains("TRAINING") ? Workload.TRAINING : Workload.INFERENCE;
    this.active = new boolean[devs.size()];
    java.util.Arrays.fill(active, true);
    this.relocatedIn = new int[devs.size()];
    this.makeGood = new long[devs.size()];
  }

  /**
   * Runs {@code scenario}; with {@code journalFile} the engine's journal is written there (a new
   * file), otherwise kept in memory.
   */
  public static SimulationResult run(Scenario scenario, Path journalFile, Progress progress) {
    Journal journal = journalFile == null ? new InMemoryJournal() : FileJournal.create(journalFile);
    Simulation s = new Simulation(scenario, journal);
    try (Market m = s.market) {
      return s.runAll(progress);
    }
  }

  private SimulationResult runAll(Progress progress) {
    open();
    List<PeriodResult> periods = new ArrayList<>();
    List<TradeRow> trades = new ArrayList<>();
    for (int t = terms.firstPeriod(); t < terms.firstPeriod() + scenario.periods(); t++) {
      periods.add(period(t, trades));
      market.engine().checkInvariants();
      if (progress != null) {
        progress.step();
      }
    }
    String hash = Replay.hex(market.engine().stateHash());
    return new SimulationResult(
        scenario.name(),
        scenario.description(),
        scenario.seed(),
        hash,
        market.journalEntries(),
        programFacts(),
        periods,
        trades,
        tally.rows(relocatedIn));
  }

  /** The program's key terms, as the report shows them. */
  private Map<String, String> programFacts() {
    Map<String, String> f = new LinkedHashMap<>();
    int first = terms.firstPeriod();
    f.put("developers", devs.size() + " (" + scenario.developers().size() + " types)");
    f.put(
        "cap",
        terms.capPermits(first)
            + " permits in period "
            + first
            + ", then "
            + terms.capPermits(first + scenario.periods() - 1)
            + " in period "
            + (first + scenario.periods() - 1));
    f.put(
        "allocation",
        String.format(
            Locale.ROOT,
            "%s, %.0f%% free, the rest auctioned",
            terms.allocationMethod(),
            terms.freeSharePpm() / 1e4));
    f.put(
        "penalty",
        String.format(
            Locale.ROOT,
            "phi(D) = %.2f·D + %.2f·D² dollars",
            terms.linearCentsPerPermit() / 100,
            terms.quadraticCentsPerPermitSquared() / 100));
    f.put(
        "audits",
        String.format(
            Locale.ROOT,
            "rho = %.3f, so rho·linear = $%.2f per permit",
            terms.auditProbability(),
            terms.auditProbability() * terms.linearCentsPerPermit() / 100));
    f.put("risk multiplier", String.format(Locale.ROOT, "alpha = %.2f", terms.alpha()));
    f.put("banking", terms.banking() ? "on" : "off");
    f.put(
        "trading",
        settings.trading()
            + ", expectations "
            + settings.expectations()
            + ", evaluations "
            + settings.evaluations());
    return f;
  }

  // Genesis, accounts, cash, and the verified history benchmark allocation reads.
  private void open() {
    market.submit(new OpenMarket(scenario.programYaml(), scenario.seed()));
    double expected =
        expectedPrice(
            terms.firstPeriod(), agents(Double.NaN), terms.capPermits(terms.firstPeriod()));
    for (Developer d : devs) {
      market.submit(new OpenAccount(d.accountId(), accountName(d), Role.PARTICIPANT));
      market.submit(new DepositCash(d.accountId(), settings.cashCents()));
      double[] history =
          d.history() != null
              ? d.history()
              : new double[] {noCapOrDemand(d, expected), noCapOrDemand(d, expected)};
      int first = terms.firstPeriod();
      for (int back = 2; back >= 1; back--) {
        int p = first - back;
        if (p >= 0) {
          double c = history[2 - back];
          market.submit(
              new RecordVerifiedActivity(
                  d.accountId(),
                  p,
                  Math.round(c * d.outputPerUnit()),
                  Math.round(c * d.permitsPerUnit())));
        }
      }
      if (d.assistanceFactor() != 1.0) {
        market.submit(
            new SetAssistanceFactor(d.accountId(), Math.round(d.assistanceFactor() * 1_000_000)));
      }
    }
    if (terms.insured()) {
      market.submit(new OpenAccount(insurerId, "insurer", Role.INSURER));
    }
  }

  private static String accountName(Developer d) {
    String n = d.name().replaceAll("[^A-Za-z0-9_.-]", "_");
    return n.length() > 64 ? n.substring(0, 64) : n;
  }

  private double noCapOrDemand(Developer d, double expectedCents) {
    Valuation v = new Valuation(d, d.permitsPerUnit(), settings.centsPerUtil());
    double atZero =
        d.family() == org.computecap.economics.market.BenefitFamily.P1
            ? v.computeAt(0.0)
            : Double.NaN;
    return Double.isFinite(atZero) ? atZero : v.computeAt(expectedCents);
  }

  /** The agents of a period: effort and weights respond to the expected price. */
  private Agents agents(double expectedCents) {
    return agents(expectedCents, null);
  }

  /**
   * The agents of a period; with {@code signals} (evaluations before trading) each weight uses the
   * multiplier of the rating the regulator recorded instead of the expected one.
   */
  private Agents agents(double expectedCents, Signals signals) {
    double[] effort = new double[devs.size()];
    double[] weight = new double[devs.size()];
    for (int i = 0; i < devs.size(); i++) {
      Developer d = devs.get(i);
      double lambda0 = Decisions.expectedMultiplier(terms.alpha(), d.riskType(), 0.0);
      if (Double.isFinite(expectedCents) && d.effortCost() > 0) {
        Valuation v0 = new Valuation(d, d.permitsPerUnit() * lambda0, settings.centsPerUtil());
        double base = d.permitsPerUnit() * v0.computeAt(expectedCents);
        effort[i] =
            Decisions.effort(expectedCents, terms.alpha(), d.riskType(), base, d.effortCost());
      }
      weight[i] =
          d.permitsPerUnit() * Decisions.expectedMultiplier(terms.alpha(), d.riskType(), effort[i]);
      if (signals != null) {
        effort[i] = signals.effort[i];
        weight[i] = d.permitsPerUnit() * (signals.ratedHigh(i) ? terms.alpha() : 1.0);
      }
    }
    return new Agents(devs, active, effort, weight, settings.centsPerUtil());
  }

  /**
   * The price agents plan with: a given first-period price, last period's price for adaptive
   * agents, otherwise the competitive price of {@code supply} permits.
   */
  private double expectedPrice(int period, Agents a, long supply) {
    if (period == terms.firstPeriod() && settings.initialPriceCents() > 0) {
      return settings.initialPriceCents();
    }
    if (settings.expectations() == Expectations.ADAPTIVE && Double.isFinite(lastPrice)) {
      return lastPrice;
    }
    double price =
        Benchmark.of(a.population(), Math.max(1, supply), settings.centsPerUtil())
            .theoreticalPriceCents();
    return Math.max(1.0, price);
  }

  private PeriodResult period(int t, List<TradeRow> tradeRows) {
    tally.startPeriod();
    allocate(t);
    long supply = heldTotal(t) + auctionVolume(t);
    double expected = expectedPrice(t, agents(Double.NaN), supply);
    relocate(t, agents(expected), expected);
    Signals signals = null;
    if (settings.evaluations() == EvaluationTiming.BEFORE_TRADING) {
      signals = Signals.draw(agents(expected), terms, expected, random);
    }
    Agents live = agents(expected, signals);
    // Quotes are dense around what the agents now expect, having chosen effort and
    // learnt their ratings (the same expectation formed again for the agents as they are).
    double center = expectedPrice(t, live, supply);
    PriceGrid grid =
        PriceGrid.around(
            center,
            settings.bandFactor(),
            settings.gridStepPpm(),
            settings.finePpm(),
            terms.tickCents());
    primaryAuction(t, live, grid);
    long[] before = holdings(t);
    long circulation = 0;
    for (int i = 0; i < devs.size(); i++) {
      circulation += live.active[i] ? before[i] : 0;
    }
    Benchmark theory =
        Benchmark.of(live.population(), Math.max(1, circulation), settings.centsPerUtil());
    Trading trading = new Trading(market, live, terms, settings, grid, random, t, makeGood);
    double vwap = trading.run(tally, tradeRows);
    lastPrice = Double.isFinite(vwap) ? vwap : theory.theoreticalPriceCents();
    long[] after = holdings(t);
    Usage usage = Usage.of(live, after, makeGood, terms, lastPrice);
    Compliance compliance =
        new Compliance(
            market, live, terms, t, random, insurerId, workload, makeGood, tally, signals);
    compliance.run(usage, lastPrice, trading, tradeRows);
    return periodResult(
        t, live, theory, circulation, vwap, trading.volume(), usage, compliance, before, after);
  }

  private void allocate(int t) {
    if (terms.freeSharePpm() == 0) {
      return;
    }
    for (Event e : market.submit(new AllocateFreePermits(t))) {
      if (e instanceof FreePermitsGranted g) {
        tally.allocated(g.accountId(), g.permits());
      }
    }
  }

  // P1's leakage: a developer leaves when buying what its free allocation does not cover
  // would cost more than moving out.
  private void relocate(int t, Agents a, double expected) {
    long[] held = holdings(t);
    for (int i = 0; i < devs.size(); i++) {
      if (!active[i]) {
        continue;
      }
      double need = a.valuation[i].permitsAt(expected);
      double cost = expected * Math.max(0.0, need - held[i]);
      if (Decisions.relocates(cost, devs.get(i).relocationCost())) {
        active[i] = false;
        relocatedIn[i] = t;
      }
    }
  }

  /** The permits the period's primary auction offers: the cap less the free budget. */
  private long auctionVolume(int t) {
    long cap = terms.capPermits(t);
    return cap - Math.floorDiv(Math.multiplyExact(cap, terms.freeSharePpm()), 1_000_000L);
  }

  private long heldTotal(int t) {
    long sum = 0;
    for (long h : holdings(t)) {
      sum += h;
    }
    return sum;
  }

  private void primaryAuction(int t, Agents a, PriceGrid grid) {
    long volume = auctionVolume(t);
    if (volume <= 0) {
      return;
    }
    long auctionId = t;
    market.submit(new OpenAuction(auctionId, t, volume));
    long[] held = holdings(t);
    long limit = Math.floorDiv(Math.multiplyExact(volume, terms.purchaseLimitPpm()), 1_000_000L);
    long bidId = 1;
    for (int i = 0; i < devs.size(); i++) {
      if (!a.active[i]) {
        continue;
      }
      Valuation v = a.valuation[i];
      long extra = makeGood[i];
      long bid = 0;
      // Highest prices first, so a purchase limit cuts the bids worth least.
      for (Quote q :
          Quotes.schedule(grid, held[i], p -> v.permitsAt(p) + extra, terms.lotPermits())) {
        long quantity = Math.min(q.quantity(), limit - bid);
        if (q.buy() && quantity > 0 && q.priceCents() >= Math.max(1, terms.reservePriceCents())) {
          market.submit(
              new SubmitBid(auctionId, bidId++, devs.get(i).accountId(), quantity, q.priceCents()));
          bid += quantity;
        }
      }
    }
    for (Event e : market.submit(new ClearAuction(auctionId))) {
      if (e instanceof BidSettled b) {
        tally.auctionWon(b.accountId(), b.wonPermits(), b.paidCents());
      }
      if (e instanceof AuctionCleared c) {
        tally.auctionPrice(c.clearingPriceCents(), c.soldPermits());
      }
    }
  }

  /** Free permits each developer may use in period t (vintages eligible for t). */
  long[] holdings(int t) {
    long[] out = new long[devs.size()];
    int oldest = market.engine().state().oldestEligibleVintage(t);
    for (int i = 0; i < devs.size(); i++) {
      out[i] = market.registry().freePermits(devs.get(i).accountId(), oldest, t);
    }
    return out;
  }

  private PeriodResult periodResult(
      int t,
      Agents a,
      Benchmark theory,
      long circulation,
      double vwap,
      long volume,
      Usage u,
      Compliance c,
      long[] before,
      long[] after) {
    var pop = a.population();
    double[] compute = a.activeValues(u.compute);
    double welfare = Welfare.total(pop, compute);
    double[] w0 = new double[a.size()];
    for (int i = 0; i < a.size(); i++) {
      w0[i] = before[i] / a.weight[i];
    }
    double welfareBefore = Welfare.total(pop, positive(a.activeValues(w0)));
    double welfareAfter = welfare;
    double gains = theory.plannerWelfare() - welfareBefore;
    double efficiency =
        gains > 0.01 * Math.abs(theory.plannerWelfare())
            ? (welfareAfter - welfareBefore) / gains
            : Double.NaN;
    double totalCompute = 0;
    double energy = 0;
    double competitive = 0;
    double effortSum = 0;
    int activeCount = 0;
    for (int i = 0; i < a.size(); i++) {
      if (a.active[i]) {
        totalCompute += u.compute[i];
        energy += u.compute[i] * devs.get(i).energyPerUnit();
        effortSum += a.effort[i];
        activeCount++;
      }
    }
    for (double x : theory.competitiveCompute()) {
      competitive += x;
    }
    int leaked = 0;
    for (int r : relocatedIn) {
      leaked += r > 0 ? 1 : 0;
    }
    double price = Double.isFinite(vwap) ? vwap : tally.auctionPrice();
    return new PeriodResult(
        t,
        terms.capPermits(t),
        circulation,
        price,
        theory.theoreticalPriceCents(),
        volume,
        tally.auctionPrice(),
        tally.auctionSold(),
        totalCompute,
        theory.baselineCompute(),
        competitive,
        energy,
        c.complianceRate(),
        c.evasionRate(),
        c.evaders(),
        c.audits(),
        c.detected(),
        c.penalties(),
        welfare,
        theory.plannerWelfare(),
        theory.uniformWelfare(),
        efficiency,
        tally.smallFirmRevenue(),
        leaked,
        c.manipulations(),
        activeCount == 0 ? 0 : effortSum / activeCount);
  }

  private static double[] positive(double[] c) {
    for (int i = 0; i < c.length; i++) {
      c[i] = Math.max(c[i], 1e-9);
    }
    return c;
  }
}
