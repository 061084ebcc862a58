package org.computecap.sim.run;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.computecap.economics.market.BenefitFamily;
import org.computecap.economics.market.MarketClearing;
import org.computecap.engine.Event;
import org.computecap.engine.Rejection;
import org.computecap.engine.allocation.FreePermitsAllocated;
import org.computecap.engine.allocation.FreePermitsGranted;
import org.computecap.engine.allocation.NewEntrantAllocated;
import org.computecap.engine.command.AllocateFreePermits;
import org.computecap.engine.command.AllocateNewEntrant;
import org.computecap.engine.command.AppointInsurer;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.command.RecordVerifiedActivity;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.SetAssistanceFactor;
import org.computecap.engine.exchange.TradeExecuted;
import org.computecap.engine.journal.FileJournal;
import org.computecap.engine.journal.Replay;
import org.computecap.engine.program.AllocationMethod;
import org.computecap.engine.program.Program;
import org.computecap.engine.program.Workload;
import org.computecap.sim.agent.Developer;
import org.computecap.sim.agent.Developers;
import org.computecap.sim.agent.Valuation;
import org.computecap.sim.scenario.MarketSettings;
import org.computecap.sim.scenario.ProgramTerms;
import org.computecap.sim.scenario.Scenario;
import org.computecap.sim.scenario.SizeClass;

/**
 * The multi-period agent-based simulation of SPEC §9, driving the real engine in process and
 * nothing else: every permit that moves, every report, evaluation, surrender, audit and penalty is
 * an engine command and its events. A period is a sequence of steps, each handed what the earlier
 * ones produced and returning its own result: free allocation -> planning (expectations, effort,
 * relocation, evaluations before trading, each developer's {@code Plan}, the price grid) -> an
 * opening call auction among holders -> the primary auction -> the main trading session -> usage ->
 * compliance (reports, evaluations, true-up, surrender, close, audits) -> measures against theory.
 * What carries from one period to the next is only who is still active, the make-good each
 * developer owes and the last price; everything else is read from the engine.
 *
 * <p>Everything random (developer draws, evaluation signals, meter and audit noise, ZI-C quotes)
 * comes from generators seeded by the scenario seed, and the engine's own lottery is seeded from
 * the same seed through {@code OpenMarket}, so one seed gives one journal and one state hash.
 * Agents read the engine's registry for their holdings; they never write to it. Work per period is
 * linear in the population, apart from the engine's own costs.
 */
public final class Simulator {
  private final Scenario scenario;
  private final ProgramTerms terms;
  private final MarketSettings settings;
  private final Accounts accounts;
  private final Market market;
  private final SplittableRandom random;
  private final Tally tally;
  private final RowSink rows;
  private final boolean[] active;
  private final int[] relocatedIn;
  private long[] makeGood;
  private double lastPrice = Double.NaN;
  private double benchmark = Double.NaN;
  private final List<ClassPeriodRow> classRows = new ArrayList<>();
  private final DemandPath demand;
  private double previousClearing = Double.NaN;
  private final Entry entry;
  private final Hoard hoard;
  private double firstPrice = Double.NaN;
  private long refusalsBefore;

  /** What a linked run changes in this jurisdiction's periods (issue 18); NONE for a plain run. */
  private LinkHook link = LinkHook.NONE;

  private Simulator(Scenario scenario, Market market, RowSink rows) {
    this.scenario = scenario;
    this.terms = scenario.program();
    this.settings = scenario.market();
    this.accounts = new Accounts(Developers.expand(scenario));
    this.market = market;
    market.increments(terms.tickCents(), terms.lotPermits());
    this.random = new SplittableRandom(scenario.seed());
    this.tally = new Tally(accounts);
    this.rows = rows;
    this.active = new boolean[accounts.size()];
    this.entry = Entry.of(scenario.developers(), terms.firstPeriod(), accounts.size());
    this.hoard = Hoard.of(scenario.developers(), accounts);
    for (int i = 0; i < active.length; i++) {
      active[i] = entry.present(i, terms.firstPeriod());
    }
    this.relocatedIn = new int[accounts.size()];
    this.makeGood = new long[accounts.size()];
    this.demand = new DemandPath(scenario, accounts.developers());
  }

  /**
   * Runs {@code scenario} keeping its rows in memory; with {@code journalFile} the engine's journal
   * streams to that (new) file, otherwise nothing is journaled.
   */
  public static SimulationResult run(Scenario scenario, Path journalFile, Progress progress) {
    return run(scenario, journalFile, RowSink.memory(), progress);
  }

  /** Runs {@code scenario}, handing trades and developer-period rows to {@code rows}. */
  public static SimulationResult run(
      Scenario scenario, Path journalFile, RowSink rows, Progress progress) {
    try (Market m = new Market(journalFile == null ? null : FileJournal.create(journalFile))) {
      return new Simulator(scenario, m, rows).runAll(progress);
    }
  }

  private SimulationResult runAll(Progress progress) {
    open();
    List<PeriodResult> periods = new ArrayList<>();
    for (int t = terms.firstPeriod(); t < terms.firstPeriod() + scenario.periods(); t++) {
      periods.add(step(t));
      if (progress != null) {
        progress.step();
      }
    }
    return result(periods);
  }

  /**
   * One jurisdiction of a linked run (issue 18): a simulator stepped period by period by {@link
   * LinkedSimulator}, which opens it with {@link #open}, runs each period with {@link #step} and
   * changes it between steps only through {@code link}, {@link #depart} and {@link #arrive}.
   */
  static Simulator linked(Scenario scenario, Market market, RowSink rows, LinkHook link) {
    Simulator s = new Simulator(scenario, market, rows);
    s.link = link;
    return s;
  }

  PeriodResult step(int t) {
    PeriodResult p = period(t);
    previousClearing = p.clearingPrice();
    market.engine().checkInvariants();
    return p;
  }

  SimulationResult result(List<PeriodResult> periods) {
    return new SimulationResult(
        scenario.name(),
        scenario.description(),
        scenario.seed(),
        Replay.hex(market.engine().stateHash()),
        market.journalEntries(),
        programFacts(),
        periods,
        rows.trades(),
        tally.rows(relocatedIn),
        rows.developerPeriods(),
        classRows);
  }

  private PeriodResult period(int t) {
    tally.startPeriod();
    if (t > terms.firstPeriod()) {
      demand.advance(accounts);
    }
    Period at = new Period(t, market, terms, settings, accounts, random, tally);
    long[] granted = allocate(t);
    enter(t, granted);
    long[] heldAtOpen = at.holdings();
    long hoardIn = hoard.keptTotal();
    // The period's own auction volume less what the stability reserve withheld; its release
    // comes on top, added by the engine to the first auction, so agents expect it.
    long volume = terms.auctionVolumePermits(t) - market.stabilityWithheld(t);
    long offered = volume + market.stabilityRelease(t) + link.netImport(t);
    double issuedShare = issuedShare(t, granted, volume);
    Planning plan =
        Planning.plan(
            at,
            active,
            makeGood,
            heldAtOpen,
            offered,
            issuedShare,
            lastPrice,
            hoard.targets(t, terms, active));
    for (int i = 0; i < relocatedIn.length; i++) {
      relocatedIn[i] = plan.relocated()[i] ? t : relocatedIn[i];
    }
    double expected = plan.expectation().priceCents();
    Session opening =
        volume > 0 && settings.trading().call() && expected > 0
            ? Session.opening(at, plan)
            : Session.of("opening", List.of());
    record(t, opening);
    PrimaryAuction auction = PrimaryAuction.run(at, plan, volume, at.holdings(), link);
    long[] heldAfterAuction = at.holdings();
    Session main = Session.main(at, plan, link);
    record(t, main);
    link.afterTrading(t);
    long[] heldAfterTrading = at.holdings();
    double bankPrice = at.banks() ? plan.expectation().bankPriceCents() : 0.0;
    // A price containment reserve sale after trading (issue 14): developers run at the price
    // where the tiers left meet what those short then lack, and buy it in the sale.
    List<double[]> tiersOffered =
        market.reserveSaleMayOpen(t)
            ? PriceContainment.tiersLeft(terms.program(), market, t)
            : List.of();
    double runPrice =
        PriceContainment.runPrice(terms.program(), market, t, plan.cohort(), heldAfterTrading);
    double price = periodPrice(opening, main, auction, expected);
    // Hoarders (issue 18) keep their hoard out of what they use.
    Usage usage =
        Usage.decide(
            plan.cohort(),
            hoard.forUse(plan.cohort(), heldAfterTrading, price),
            bankPrice,
            terms.lotPermits() + 1,
            Math.min(ceiling(t), runPrice));
    ComplianceStep.Outcome outcome =
        new ComplianceStep(at, plan.cohort())
            .keeping(hoard.kept())
            .run(usage, plan.signals(), price, bankPrice);
    hoard.carry();
    record(t, outcome.trueUp());
    makeGood = outcome.makeGood();
    lastPrice = price;
    Measures.Foreclosure foreclosure = foreclosureInputs(granted, hoardIn);
    refusalsBefore = market.holdingLimitRefusals();
    Measures.Inputs inputs =
        new Measures.Inputs(
            t,
            plan,
            auction,
            opening,
            main,
            heldAfterAuction,
            usage,
            outcome,
            tally.smallFirmRevenue(),
            leaked(),
            issuedShare,
            benchmark,
            demand.meanMultiplier(),
            previousClearing,
            tally.ceilingPermits(),
            tiersOffered,
            tally.reserveSalePermits(),
            PriceSetting.measure(
                plan.cohort(), heldAtOpen, heldAfterTrading, settings.centsPerUtil()),
            foreclosure);
    rowsOf(inputs, granted, heldAtOpen, heldAfterTrading);
    classRows(t, plan.cohort(), usage);
    return Measures.of(at, inputs);
  }

  /**
   * Adds the period's row for each size class the population has (a class whose developers have all
   * left keeps its row, with nothing run), summed in developer order like the period's totals.
   */
  private void classRows(int t, Cohort cohort, Usage u) {
    for (SizeClass c : SizeClass.values()) {
      boolean present = false;
      int n = 0;
      double compute = 0;
      double energy = 0;
      double invested = 0;
      double inference = 0;
      double training = 0;
      for (int i = 0; i < accounts.size(); i++) {
        Developer d = accounts.developer(i);
        if (d.sizeClass() != c) {
          continue;
        }
        present = true;
        if (cohort.active[i]) {
          n++;
          compute += u.compute()[i];
          energy += d.coveredEnergy(u.compute()[i], u.second()[i]);
          inference += u.computeOf(cohort, i, Workload.INFERENCE);
          training += u.computeOf(cohort, i, Workload.TRAINING);
          invested += d.investmentCents();
        }
      }
      if (present) {
        classRows.add(
            new ClassPeriodRow(
                t,
                c.name(),
                n,
                compute,
                energy,
                invested,
                tally.classCash(c),
                inference,
                training));
      }
    }
  }

  // The price ceiling agents may buy at in period t (issue 14): once the price containment
  // reserve's tiers are sold, if the program has them; infinite without a ceiling.
  private double ceiling(int t) {
    Program p = terms.program();
    if (!p.priceControls().ceiling().isOn() || market.priceContainmentLeft() > 0) {
      return Double.POSITIVE_INFINITY;
    }
    return p.priceCeilingCents(t);
  }

  private static double periodPrice(
      Session opening, Session main, PrimaryAuction auction, double expected) {
    if (main.volume() > 0) {
      return main.vwapCents();
    }
    if (opening.volume() > 0) {
      return opening.vwapCents();
    }
    return Double.isFinite(auction.priceCents()) ? auction.priceCents() : expected;
  }

  private int leaked() {
    int n = 0;
    for (int r : relocatedIn) {
      n += r > 0 ? 1 : 0;
    }
    return n;
  }

  private void record(int t, Session session) {
    for (TradeExecuted x : session.trades()) {
      rows.trade(
          new TradeRow(
              t,
              session.name(),
              x.buyAccountId(),
              x.sellAccountId(),
              x.priceCents(),
              x.quantity()));
      tally.trade(x.buyAccountId(), x.sellAccountId(), x.priceCents(), x.quantity());
    }
  }

  private void rowsOf(
      Measures.Inputs in, long[] granted, long[] heldAtOpen, long[] heldAfterTrading) {
    Cohort cohort = in.plan().cohort();
    ComplianceStep.Outcome c = in.compliance();
    Usage u = in.usage();
    for (int i = 0; i < accounts.size(); i++) {
      Developer d = accounts.developer(i);
      boolean manipulated = c.signals().manipulated[i];
      if (cohort.active[i]) {
        double unreported =
            (c.multiplierPpm()[i] / 1e6) * Math.max(0, u.base()[i] - u.reported()[i]);
        tally.usage(
            i,
            u.compute()[i],
            d.coveredEnergy(u.compute()[i], u.second()[i]),
            unreported,
            manipulated,
            cohort.effort[i]);
      }
      rows.developerPeriod(
          new DeveloperPeriodRow(
              in.period(),
              d,
              cohort.active[i],
              cohort.effort[i],
              cohort.weight[i],
              heldAtOpen[i],
              in.auction().won()[i],
              heldAfterTrading[i],
              u.compute()[i],
              u.base()[i],
              u.reported()[i],
              c.signals().trulyHigh[i],
              manipulated,
              c.multiplierPpm()[i],
              c.obligation()[i],
              c.surrendered()[i],
              c.penaltyCents()[i],
              c.measured()[i],
              c.auditShortfall()[i],
              c.makeGood()[i],
              c.banked()[i],
              u.second()[i]));
    }
  }

  private long[] allocate(int t) {
    long[] granted = new long[accounts.size()];
    benchmark = Double.NaN;
    if (terms.freeSharePpm() == 0) {
      return granted;
    }
    for (Event e : market.submit(new AllocateFreePermits(t))) {
      if (e instanceof FreePermitsAllocated a && a.method() == AllocationMethod.BENCHMARK) {
        benchmark = fraction(a.benchmark());
      }
      if (e instanceof FreePermitsGranted g) {
        int i = accounts.index(g.accountId());
        if (i >= 0) {
          granted[i] += g.permits();
        }
        tally.allocated(g.accountId(), g.permits());
      }
    }
    return granted;
  }

  // The engine's exact "num/den" as a double, for the outputs.
  private static double fraction(String numOverDen) {
    int slash = numOverDen.indexOf('/');
    return new BigDecimal(numOverDen.substring(0, slash))
        .divide(new BigDecimal(numOverDen.substring(slash + 1)), MathContext.DECIMAL64)
        .doubleValue();
  }

  // The share of the period's cap issued: free allocation granted plus the auction's volume.
  private double issuedShare(int t, long[] granted, long volume) {
    long cap = terms.capPermits(t);
    if (cap == 0) {
      return 1.0;
    }
    long issued = volume;
    for (long g : granted) {
      issued += g;
    }
    return Math.min(1.0, (double) issued / cap);
  }

  /** Developer {@code i} leaves for another jurisdiction of a linked run in period {@code t}. */
  void depart(int i, int t) {
    active[i] = false;
    relocatedIn[i] = t;
  }

  /** Developer {@code i} (a mirror of one elsewhere) arrives from another jurisdiction. */
  void arrive(int i) {
    active[i] = true;
  }

  /** Developers here before any effort or evaluation: each one's demand at a price. */
  Cohort naiveCohort() {
    return Cohort.at(accounts, active, terms, settings.centsPerUtil(), Double.NaN, null, makeGood);
  }

  Market market() {
    return market;
  }

  Accounts accounts() {
    return accounts;
  }

  // Genesis, accounts, cash, and the verified history benchmark allocation reads.
  void open() {
    market.submit(new OpenMarket(scenario.programYaml(), scenario.seed()));
    firstPrice = firstPeriodPrice();
    for (Developer d : accounts.developers()) {
      if (!entry.present(d.index(), terms.firstPeriod())) {
        continue;
      }
      market.submit(new OpenAccount(d.accountId(), accountName(d), Role.PARTICIPANT));
      market.submit(new DepositCash(d.accountId(), settings.cashCents()));
      Levers.post(market, scenario.program().program(), d.accountId());
      // Compute and covered quantity of the two periods before the program: the scenario's
      // history (compute at the first workload's intensity), else the no-cap optimum or the
      // first period's demand of the covered workloads.
      double[] history = d.history();
      double[] base = new double[2];
      if (history != null) {
        base[0] = history[0] * d.permitsPerUnit();
        base[1] = history[1] * d.permitsPerUnit();
      } else {
        double[] cb = noCapOrDemand(d, firstPrice);
        history = new double[] {cb[0], cb[0]};
        base = new double[] {cb[1], cb[1]};
      }
      int first = terms.firstPeriod();
      for (int back = 2; back >= 1; back--) {
        int p = first - back;
        if (p >= 0) {
          double c = history[2 - back];
          market.submit(
              new RecordVerifiedActivity(
                  d.accountId(), p, Math.round(c * d.outputPerUnit()), Math.round(base[2 - back])));
        }
      }
      if (d.assistanceFactor() != 1.0) {
        market.submit(
            new SetAssistanceFactor(d.accountId(), Math.round(d.assistanceFactor() * 1_000_000)));
      }
    }
    if (terms.insured()) {
      market.submit(new OpenAccount(accounts.insurerId(), "insurer", Role.INSURER));
      // Each developer appoints the insurer itself: the engine lets only a participant's
      // appointed insurer evaluate it and be paid its premium.
      for (Developer d : accounts.developers()) {
        if (entry.present(d.index(), terms.firstPeriod())) {
          market.submit(new AppointInsurer(d.accountId(), accounts.insurerId(), d.accountId()));
        }
      }
    }
  }

  /**
   * Issue 18: the developers that enter in period {@code t} open their accounts after the period's
   * free allocation (so they are new entrants, with no verified activity and no grant yet), deposit
   * their cash, post collateral and appoint the insurer as incumbents did, and, when the program
   * has a new-entrant reserve, ask for their grant from it ({@code AllocateNewEntrant}) with the
   * output their demand at the last price would produce. An exhausted reserve grants nothing.
   */
  private void enter(int t, long[] granted) {
    boolean reserve = terms.program().newEntrantReservePermits(t) > 0;
    for (int i = 0; i < accounts.size(); i++) {
      if (!entry.entersAt(i, t)) {
        continue;
      }
      Developer d = accounts.developer(i);
      market.submit(new OpenAccount(d.accountId(), accountName(d), Role.PARTICIPANT));
      market.submit(new DepositCash(d.accountId(), settings.cashCents()));
      Levers.post(market, scenario.program().program(), d.accountId());
      if (d.assistanceFactor() != 1.0) {
        market.submit(
            new SetAssistanceFactor(d.accountId(), Math.round(d.assistanceFactor() * 1_000_000)));
      }
      if (terms.insured()) {
        market.submit(new AppointInsurer(d.accountId(), accounts.insurerId(), d.accountId()));
      }
      active[i] = true;
      if (reserve) {
        double price = Double.isFinite(lastPrice) && lastPrice > 0 ? lastPrice : firstPrice;
        long projected = Math.round(noCapOrDemand(d, price)[0] * d.outputPerUnit());
        for (Event e :
            market.submitUnless(
                new AllocateNewEntrant(d.accountId(), projected),
                Rejection.NEW_ENTRANT_RESERVE_EXHAUSTED)) {
          if (e instanceof NewEntrantAllocated a) {
            granted[i] += a.grantedPermits();
            tally.allocated(a.accountId(), a.grantedPermits());
          }
        }
      }
    }
  }

  // What the foreclosure measures (issue 18) need beyond the period's other inputs.
  private Measures.Foreclosure foreclosureInputs(long[] granted, long hoardIn) {
    boolean[] entrant = new boolean[accounts.size()];
    long endowment = 0;
    for (int i = 0; i < entrant.length; i++) {
      entrant[i] = entry.entrant(i);
      endowment += entrant[i] ? 0 : granted[i];
    }
    return new Measures.Foreclosure(
        entrant,
        hoard.any(),
        hoardIn,
        hoard.keptTotal(),
        endowment,
        tally.periodCash(),
        market.holdingLimitRefusals() - refusalsBefore);
  }

  // The competitive price of the first period's cap, which sizes the default history.
  private double firstPeriodPrice() {
    Cohort naive =
        Cohort.at(accounts, active, terms, settings.centsPerUtil(), Double.NaN, null, makeGood);
    double cap = Math.max(1, terms.capPermits(terms.firstPeriod()));
    return Math.max(
        1.0, MarketClearing.solve(naive.population(), cap).price() * settings.centsPerUtil());
  }

  private static String accountName(Developer d) {
    String n = d.name().replaceAll("[^A-Za-z0-9_.-]", "_");
    return n.length() > 64 ? n.substring(0, 64) : n;
  }

  // {compute, covered quantity} of the covered workloads at their no-cap optimum when it is
  // finite, else at the expected price.
  private double[] noCapOrDemand(Developer d, double expectedCents) {
    Valuation v = new Valuation(d, d.permitsPerUnit(), settings.centsPerUtil());
    double atZero = d.family() == BenefitFamily.P1 ? v.computeAt(0.0) : Double.NaN;
    double price = Double.isFinite(atZero) ? 0.0 : expectedCents;
    double c = Double.isFinite(atZero) ? atZero : v.computeAt(expectedCents);
    return new double[] {c, v.composite() ? v.baseAt(price) : c * d.permitsPerUnit()};
  }

  /** The program's key terms, as the report shows them. */
  private Map<String, String> programFacts() {
    Map<String, String> f = new LinkedHashMap<>();
    int first = terms.firstPeriod();
    int last = first + scenario.periods() - 1;
    f.put("developers", accounts.size() + " (" + scenario.developers().size() + " types)");
    f.put(
        "cap",
        terms.capPermits(first)
            + " permits in period "
            + first
            + ", then "
            + terms.capPermits(last)
            + " in period "
            + last);
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
            "phi(D) = %.2f·D + %.2f·D² dollars%s",
            terms.linearCentsPerPermit() / 100,
            terms.quadraticCentsPerPermitSquared() / 100,
            terms.makeGood() ? ", plus make-good" : ""));
    f.put(
        "audits",
        String.format(
            Locale.ROOT,
            "rho = %.3f, so rho·linear = $%.2f per permit; noise sigma %.3g, "
                + "tolerance %.3g sigma or %.2f%% of the report",
            terms.auditProbability(),
            terms.auditProbability() * terms.linearCentsPerPermit() / 100,
            terms.auditNoiseSigma(),
            terms.toleranceSigmas(),
            terms.tolerancePpm() / 1e4));
    f.put("risk multiplier", String.format(Locale.ROOT, "alpha = %.2f", terms.alpha()));
    f.put(
        "banking",
        terms.banking()
            ? String.format(
                Locale.ROOT,
                "on, agents discount at %.1f%% a period",
                100 * settings.discountRate())
            : "off");
    f.put(
        "trading",
        settings.trading()
            + ", expectations "
            + settings.expectations()
            + ", evaluations "
            + settings.evaluations());
    return f;
  }
}
