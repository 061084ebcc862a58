package org.computecap.sim.run;

import org.computecap.economics.power.DominantFirm;
import org.computecap.economics.power.PopulationDemand;
import org.computecap.sim.agent.Plan;
import org.computecap.sim.agent.PriceGrid;
import org.computecap.sim.scenario.Strategy;

/**
 * PRICE_SETTING developers: Hahn (1984)'s dominant firm with a price-taking fringe, played on the
 * engine's uniform-price call auction. Every active PRICE_SETTING developer belongs to one
 * coalition that acts as one firm: it pools its members' permits at trading open (its allocation A,
 * net of make-good owed) and splits what it holds among them where their marginal values per permit
 * are equal. Every other active developer is the fringe (the scenario loader admits only
 * price-takers beside price-setters).
 *
 * <p>What the coalition quotes: at each grid price p it wants to hold {@link
 * DominantFirm#holdingAt}, the holding whose marginal value mu solves its first-order condition
 * {@code mu = p + (x - A)/s(p)} against the fringe's demand slope {@code s(p) = -D_f'(p)} at that
 * price; each member quotes its own demand at mu (its share of that holding). The engine's call
 * then clears where that schedule and the fringe's demand schedules exhaust the permits, which is
 * Hahn's equilibrium ({@link DominantFirm#equilibrium} solves the same equation), so the price the
 * run reports comes from the engine's own clearing, not from the library.
 *
 * <p>Information assumption (Hahn's): the price-setters know the fringe's demand, every fringe
 * developer's benefit and permit weight as the scenario draws them, through the economics library
 * ({@link PopulationDemand}); the fringe knows the price-setters do, so everyone plans the period
 * at Hahn's price (the expectation, and the grid around it). Complete information, one period at a
 * time (the loader refuses banking), every permit allocated free (no primary auction to move).
 */
final class PriceSetting {
  private PriceSetting() {}

  /**
   * The two sides of the period's market.
   *
   * @param coalition the price-setters' demand (one row per covered workload)
   * @param fringe the other active developers' demand
   * @param cap permits held by active developers, net of make-good
   * @param allocation the price-setters' share of those
   */
  record Sides(
      PopulationDemand coalition, PopulationDemand fringe, double cap, double allocation) {}

  static boolean setter(Cohort cohort, int i) {
    return cohort.accounts.developer(i).strategy() == Strategy.PRICE_SETTING;
  }

  /** Whether an active developer sets the price, beside at least one that takes it. */
  static boolean any(Cohort cohort) {
    boolean setter = false;
    boolean taker = false;
    for (int i = 0; i < cohort.size(); i++) {
      if (cohort.active[i]) {
        setter |= setter(cohort, i);
        taker |= !setter(cohort, i);
      }
    }
    return setter && taker;
  }

  /** The market's two sides, with {@code held} each developer's permits at trading open. */
  static Sides sides(Cohort cohort, long[] held) {
    double cap = 0;
    double allocation = 0;
    for (int i = 0; i < cohort.size(); i++) {
      if (cohort.active[i]) {
        double own = Math.max(0, held[i] - cohort.plans[i].makeGood());
        cap += own;
        allocation += setter(cohort, i) ? own : 0;
      }
    }
    return new Sides(
        PopulationDemand.of(cohort.populationOf(i -> setter(cohort, i))),
        PopulationDemand.of(cohort.populationOf(i -> !setter(cohort, i))),
        cap,
        allocation);
  }

  /** Hahn's equilibrium of the period, or null when the cap does not bind (no price to move). */
  static DominantFirm.Outcome theory(Sides s) {
    if (!(s.cap() > 0) || s.coalition().permits(0.0) + s.fringe().permits(0.0) <= s.cap()) {
      return null;
    }
    return DominantFirm.equilibrium(s.coalition(), s.fringe(), s.cap(), s.allocation());
  }

  /**
   * The cohort with each price-setter ({@code held}: permits at trading open) quoting its share of
   * the coalition's schedule on {@code grid} (see the class comment), made non-increasing in the
   * price; a price off the grid takes the grid price at or below it.
   */
  static Cohort quoting(Cohort cohort, Sides s, long[] held, PriceGrid grid, double centsPerUtil) {
    int n = grid.size();
    double[] mu = new double[n];
    double[] withheld = new double[n];
    for (int j = 0; j < n; j++) {
      double p = grid.price(j) / centsPerUtil;
      double slope = s.fringe().slope(p);
      mu[j] = DominantFirm.shadowPrice(s.coalition(), s.allocation(), p, slope);
      // With free disposal a saturated coalition holds permits it does not use.
      withheld[j] =
          mu[j] == 0.0
              ? Math.max(
                  0.0,
                  DominantFirm.holdingAt(s.coalition(), s.allocation(), p, slope)
                      - s.coalition().permits(0.0))
              : 0.0;
    }
    Plan[] plans = cohort.plans.clone();
    for (int i = 0; i < plans.length; i++) {
      if (!cohort.active[i] || !setter(cohort, i)) {
        continue;
      }
      Plan own = plans[i];
      double share =
          s.allocation() > 0 ? Math.max(0, held[i] - own.makeGood()) / s.allocation() : 0.0;
      double[] want = new double[n];
      for (int j = 0; j < n; j++) {
        // mu is infinite only against a fringe that does not respond: then it keeps what it has.
        double use = Double.isFinite(mu[j]) ? own.need(mu[j] * centsPerUtil) : held[i];
        want[j] = use + own.makeGood() + share * withheld[j];
        if (j > 0) {
          want[j] = Math.min(want[j], want[j - 1]);
        }
      }
      plans[i] = own.withSchedule(p -> want[grid.indexAtOrBelow(p)]);
    }
    return cohort.withPlans(plans);
  }

  /**
   * The period's market power: Hahn's equilibrium for the permits held at trading open ({@code
   * atOpen}) beside what the price-setters held after trading ({@code afterTrading}), both net of
   * make-good; {@link MarketPower#NONE} without price-setters or with a cap that does not bind.
   */
  static MarketPower measure(
      Cohort cohort, long[] atOpen, long[] afterTrading, double centsPerUtil) {
    if (!any(cohort)) {
      return MarketPower.NONE;
    }
    Sides s = sides(cohort, atOpen);
    DominantFirm.Outcome hahn = theory(s);
    if (hahn == null) {
      return MarketPower.NONE;
    }
    DominantFirm.Outcome competitive =
        DominantFirm.competitive(s.coalition(), s.fringe(), s.cap(), s.allocation());
    double holding = 0;
    for (int i = 0; i < cohort.size(); i++) {
      if (cohort.active[i] && setter(cohort, i)) {
        holding += Math.max(0, afterTrading[i] - cohort.plans[i].makeGood());
      }
    }
    return new MarketPower(
        hahn.price() * centsPerUtil,
        competitive.welfare() - hahn.welfare(),
        competitive.holding() / s.cap(),
        s.allocation() / s.cap(),
        hahn.holding(),
        holding);
  }
}
