package org.computecap.sim.run;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.computecap.economics.market.PriceRoot;
import org.computecap.economics.power.DominantFirm;
import org.computecap.engine.program.Program;
import org.computecap.sim.agent.Decisions;
import org.computecap.sim.agent.Developer;
import org.computecap.sim.agent.PriceGrid;
import org.computecap.sim.scenario.EvaluationTiming;
import org.computecap.sim.scenario.MarketSettings;
import org.computecap.sim.scenario.ProgramTerms;

/**
 * The planning step of a period, before any trade: the expectation agents first form (with no
 * effort chosen yet), who relocates at it, the efficiency effort each investing developer chooses
 * at the price it expects once everyone's investment is counted, the evaluations drawn before
 * trading when the scenario has them, the cohort with effort and enforcement at that price, the
 * expectation formed again for the cohort as it now is (evasion and effort move demand), each
 * developer's readiness to bank and the price grid they all quote on.
 *
 * @param grid the prices quoted on, over the whole band
 * @param scheduleGrid the part of the grid whole schedules are posted on (call and primary
 *     auctions), within the schedule span of the expected price
 * @param relocated developers that left the program this period
 * @param signals evaluations drawn before trading, or null
 */
record Planning(
    Cohort cohort,
    Expectation expectation,
    Signals signals,
    PriceGrid grid,
    PriceGrid scheduleGrid,
    boolean[] relocated) {

  /**
   * Plans the period; {@code active} is updated for developers that relocate, {@code held} are
   * their free permits after allocation, {@code issuedShare} the share of the cap issued.
   */
  static Planning plan(
      Period period,
      boolean[] active,
      long[] makeGood,
      long[] held,
      long auctionVolume,
      double issuedShare,
      double lastPriceCents) {
    return plan(period, active, makeGood, held, auctionVolume, issuedShare, lastPriceCents, null);
  }

  /**
   * As above, with the HOARDING coalition (issue 18) holding {@code hoard[i]} permits back (null:
   * nobody hoards): those permits are not available to anyone, so every expectation is formed for
   * the permits held less the hoard, and each hoarder's plan holds its hoard at every price.
   */
  static Planning plan(
      Period period,
      boolean[] active,
      long[] makeGood,
      long[] held,
      long auctionVolume,
      double issuedShare,
      double lastPriceCents,
      long[] hoard) {
    // The hoard comes out of the permits held first and then out of the auction's volume (the
    // expectation counts held permits net of make-good, never below 0).
    long withheld = Math.min(Hoard.total(hoard), heldBy(held, active));
    long volume = Math.max(0, auctionVolume - (Hoard.total(hoard) - withheld));
    ProgramTerms terms = period.terms();
    MarketSettings settings = period.settings();
    Accounts accounts = period.accounts();
    double cpu = settings.centsPerUtil();
    Cohort naive = Cohort.at(accounts, active, terms, cpu, Double.NaN, null, makeGood);
    Expectation first =
        Expectation.form(
            naive, period, heldBy(held, active) - withheld, volume, issuedShare, lastPriceCents);
    boolean[] relocated = relocate(naive, held, first.priceCents(), active);
    invest(
        period,
        active,
        makeGood,
        heldBy(held, active) - withheld,
        volume,
        issuedShare,
        lastPriceCents);
    Signals signals = null;
    if (settings.evaluations() == EvaluationTiming.BEFORE_TRADING) {
      double[] base = new double[accounts.size()];
      for (int i = 0; i < base.length; i++) {
        base[i] = naive.plans[i].need(first.priceCents()) / naive.plans[i].lambda();
      }
      signals =
          Signals.draw(
              accounts, active, naive.effort, base, terms, first.priceCents(), period.random());
    }
    long[] collateral = Levers.collateralCents(period.market(), accounts, terms.program());
    double rho =
        Levers.perceivedAuditProbability(
            effectiveAuditProbability(terms, active), terms.program().enforcement(), settings);
    Cohort cohort =
        Cohort.at(accounts, active, terms, cpu, first.priceCents(), signals, makeGood)
            .withEnforcement(
                terms, settings, collateral, rho, cpu, first.priceCents(), first.priceCents());
    long heldActive = heldBy(held, active) - withheld;
    Expectation e =
        Expectation.form(cohort, period, heldActive, volume, issuedShare, lastPriceCents);
    if (cohort.anyStrategic() && terms.makeGood()) {
      // Make-good is bought at the period's price: plan the shortfall once more at it.
      cohort =
          cohort.withEnforcement(
              terms, settings, collateral, rho, cpu, e.priceCents(), e.priceCents());
      e = Expectation.form(cohort, period, heldActive, volume, issuedShare, lastPriceCents);
    }
    if (e.bankPriceCents() > 0) {
      cohort = cohort.withBank(e.bankPriceCents(), bankCapacity(cohort, e), cpu);
    }
    cohort = cohort.withHoard(hoard);
    // A price-setter (Hahn 1984) moves the price, and everyone knows it: the period is planned
    // at the price of its equilibrium, and it quotes its schedule on the grid around that.
    PriceSetting.Sides sides = PriceSetting.any(cohort) ? PriceSetting.sides(cohort, held) : null;
    DominantFirm.Outcome hahn = sides == null ? null : PriceSetting.theory(sides);
    if (hahn != null) {
      e = new Expectation(hahn.price() * cpu, 0.0, 0.0);
    }
    PriceGrid grid =
        PriceGrid.around(
            Math.max(e.priceCents(), terms.tickCents()),
            settings.bandFactor(),
            settings.gridStepPpm(),
            terms.tickCents(),
            auctionVolume > 0 ? terms.reservePriceCents(period.number()) : 0,
            e.bankPriceCents());
    // Nobody pays more on the exchange than the price ceiling (issue 14), where it can buy what
    // it needs once the price containment reserve is sold: no quote above it.
    Program program = terms.program();
    if (program.priceControls().ceiling().isOn() && period.market().priceContainmentLeft() == 0) {
      PriceGrid below = grid.atOrBelow(program.priceCeilingCents(period.number()));
      grid = below == null ? grid : below;
    }
    // Nor above the price a price containment reserve sale will hold the period to (issue 14):
    // what the exchange leaves them short of they buy from the tiers, at or below it.
    int t = period.number();
    if (PriceContainment.expected(program, period.market(), t, e.priceCents())) {
      List<double[]> tiers = PriceContainment.tiersLeft(program, period.market(), t);
      if (!tiers.isEmpty() && e.priceCents() >= tiers.get(0)[0]) {
        PriceGrid below = grid.atOrBelow(e.priceCents());
        grid = below == null ? grid : below;
      }
    }
    if (sides != null) {
      cohort = PriceSetting.quoting(cohort, sides, held, grid, cpu);
    }
    double span = 1.0 + settings.scheduleSpanPpm() / 1e6;
    double center = Math.max(e.priceCents(), terms.tickCents());
    PriceGrid scheduleGrid = grid.within(center / span, center * span);
    return new Planning(cohort, e, signals, grid, scheduleGrid, relocated);
  }

  /**
   * What each developer stands ready to bank below the bank price: twice its share (by its need at
   * the expected price) of the bank the equilibrium path carries, and at least its own need, so
   * that together they can hold whatever bank the market settles on.
   */
  private static double[] bankCapacity(Cohort cohort, Expectation e) {
    double total = cohort.need(e.priceCents());
    double[] capacity = new double[cohort.size()];
    for (int i = 0; i < capacity.length; i++) {
      if (cohort.active[i]) {
        double need = cohort.plans[i].need(e.priceCents());
        double share = total > 0 ? need / total : 1.0 / capacity.length;
        capacity[i] = Math.max(2.0 * e.bankPermits() * share, need);
      }
    }
    return capacity;
  }

  /**
   * The audit probability a developer faces: the program's, or, when the budget pays for fewer
   * audits than that draws on average, the budget's share {@code floor(B/k)/n} (P2's {@code rho <=
   * B/(n·k)}).
   */
  static double effectiveAuditProbability(ProgramTerms terms, boolean[] active) {
    int n = 0;
    for (boolean a : active) {
      n += a ? 1 : 0;
    }
    double rho = terms.auditProbability();
    if (n == 0 || terms.auditCostCents() == 0) {
      return rho;
    }
    double affordable = Math.floorDiv(terms.auditBudgetCents(), terms.auditCostCents());
    return Math.min(rho, affordable / n);
  }

  /**
   * Issue 13: each investing developer still in the program chooses its efficiency effort, {@code
   * max(effort so far, e*(p))}, at the price p it expects. Effort lowers demand and so the price,
   * so the expectation is the fixed point {@code p = g(p)}, g the expectation formed (as {@link
   * Expectation#form} forms it) for the population as it would be after choosing at p. g does not
   * rise with p (more effort, less demand), so {@code g(p) - p} falls and its root is unique; it is
   * found to a relative 1e-12 ({@link PriceRoot}). With adaptive or given expectations g is that
   * price. The accounts keep the developers as they are after choosing at the root, so the cohort
   * built next, and everything after it, reads their new intensities.
   */
  private static void invest(
      Period period,
      boolean[] active,
      long[] makeGood,
      long heldActive,
      long auctionVolume,
      double issuedShare,
      double lastPriceCents) {
    Accounts accounts = period.accounts();
    Developer[] before = new Developer[accounts.size()];
    boolean any = false;
    for (int i = 0; i < before.length; i++) {
      before[i] = accounts.developer(i);
      any |= active[i] && before[i].investment() != null;
    }
    if (!any) {
      return;
    }
    double cpu = period.settings().centsPerUtil();
    DoubleUnaryOperator expected =
        p -> {
          chooseAt(accounts, before, active, p, period.number(), period.terms(), cpu);
          Cohort c = Cohort.at(accounts, active, period.terms(), cpu, Double.NaN, null, makeGood);
          return Expectation.form(c, period, heldActive, auctionVolume, issuedShare, lastPriceCents)
              .priceCents();
        };
    double atZero = expected.applyAsDouble(0.0);
    double price = 0.0;
    if (atZero > 0) {
      price = PriceRoot.find(p -> expected.applyAsDouble(p) - p, atZero, 1e-12);
      price = Double.isNaN(price) ? 0.0 : price;
    }
    chooseAt(accounts, before, active, price, period.number(), period.terms(), cpu);
  }

  // Each active investor's choice at a price, from the developer it was before this period.
  private static void chooseAt(
      Accounts accounts,
      Developer[] before,
      boolean[] active,
      double priceCents,
      int period,
      ProgramTerms terms,
      double cpu) {
    for (int i = 0; i < before.length; i++) {
      Developer d = before[i];
      if (active[i] && d.investment() != null) {
        // The expected risk multiplier at zero safety effort, as the first plan uses.
        double lambda = RiskClassTable.of(terms).expected(d, terms.alpha(), 0.0);
        int steps = period - terms.firstPeriod();
        accounts.replace(
            i, d.withInvestment(d.investment().choose(d, priceCents, lambda, cpu, steps)));
      }
    }
  }

  // P1's leakage: a developer leaves when buying what its free allocation does not cover
  // would cost more than moving out.
  private static boolean[] relocate(
      Cohort naive, long[] held, double expectedCents, boolean[] active) {
    boolean[] relocated = new boolean[active.length];
    for (int i = 0; i < active.length; i++) {
      if (!active[i]) {
        continue;
      }
      double need = naive.plans[i].need(expectedCents);
      double cost = expectedCents * Math.max(0.0, need - held[i]);
      if (Decisions.relocates(cost, naive.accounts.developer(i).relocationCost())) {
        active[i] = false;
        relocated[i] = true;
      }
    }
    return relocated;
  }

  private static long heldBy(long[] held, boolean[] active) {
    long sum = 0;
    for (int i = 0; i < held.length; i++) {
      sum += active[i] ? held[i] : 0;
    }
    return sum;
  }
}
