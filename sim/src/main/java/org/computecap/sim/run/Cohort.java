package org.computecap.sim.run;

import java.util.function.IntPredicate;
import org.computecap.economics.audit.Enforcement;
import org.computecap.economics.audit.PenaltyFunction;
import org.computecap.economics.market.Evasion;
import org.computecap.economics.market.Population;
import org.computecap.sim.agent.Decisions;
import org.computecap.sim.agent.Developer;
import org.computecap.sim.agent.Part;
import org.computecap.sim.agent.Plan;
import org.computecap.sim.agent.Valuation;
import org.computecap.sim.scenario.MarketSettings;
import org.computecap.sim.scenario.ProgramTerms;
import org.computecap.sim.scenario.Strategy;

/**
 * The developers of one period as the economics sees them: who is still in the program, the safety
 * effort each chose at the expected price, the permits per unit of compute each plans with
 * (intensity times the expected multiplier, or the recorded one when evaluations come before
 * trading) and each one's {@link Plan}. Built fresh each period, because effort, and so the
 * weights, respond to the expected price; immutable once built.
 */
final class Cohort {
  final Accounts accounts;
  final boolean[] active;
  final double[] effort;
  final double[] weight;
  final Plan[] plans;
  private final Enforcement[] enforcement;
  private final double centsPerUtil;

  /**
   * The active developers column-wise, with their enforcement in utility units, built on first use:
   * {@link #need} sums over them in contiguous arrays instead of visiting every {@link Plan} (one
   * object graph per developer, scattered over the heap), which at 10^5 developers missed the cache
   * on almost every developer and took most of a period in the expectation's root finding.
   */
  private Population activePopulation;

  private Enforcement[] activeEnforcement;

  private Cohort(
      Accounts accounts,
      boolean[] active,
      double[] effort,
      double[] weight,
      Plan[] plans,
      Enforcement[] enforcement,
      double centsPerUtil) {
    this.accounts = accounts;
    this.active = active;
    this.effort = effort;
    this.weight = weight;
    this.plans = plans;
    this.enforcement = enforcement;
    this.centsPerUtil = centsPerUtil;
  }

  /**
   * The cohort at an expected price (NaN: before any expectation, effort 0); with {@code signals}
   * each weight uses the multiplier the regulator recorded instead of the expected one. Plans carry
   * make-good and no bank; {@link #withEnforcement} and {@link #withBank} complete them.
   */
  static Cohort at(
      Accounts accounts,
      boolean[] active,
      ProgramTerms terms,
      double centsPerUtil,
      double expectedCents,
      Signals signals,
      long[] makeGood) {
    int n = accounts.size();
    double[] effort = new double[n];
    double[] weight = new double[n];
    RiskClassTable classes = RiskClassTable.of(terms);
    for (int i = 0; i < n; i++) {
      Developer d = accounts.developer(i);
      if (Double.isFinite(expectedCents) && d.effortCost() > 0) {
        double lambda0 = classes.expected(d, terms.alpha(), 0.0);
        Valuation v0 = new Valuation(d, d.permitsPerUnit() * lambda0, centsPerUtil);
        double base = v0.baseAt(expectedCents);
        effort[i] =
            Decisions.effort(expectedCents, terms.alpha(), d.riskType(), base, d.effortCost());
      }
      double lambda = classes.expected(d, terms.alpha(), effort[i]);
      if (signals != null) {
        lambda = signals.ratedMultiplier(i);
      }
      weight[i] = d.permitsPerUnit() * lambda;
    }
    Cohort c =
        new Cohort(
            accounts,
            active.clone(),
            effort,
            weight,
            new Plan[n],
            new Enforcement[n],
            centsPerUtil);
    for (int i = 0; i < n; i++) {
      c.plans[i] =
          new Plan(accounts.developer(i), weight[i], null, centsPerUtil, makeGood[i], 0, 0);
    }
    return c;
  }

  /**
   * The same cohort with strategic developers facing the program's enforcement: audit probability
   * {@code rho} (the program's, or what the audit budget allows), its penalty, make-good at {@code
   * makeGoodPriceCents}, audit noise and tolerance in each developer's permits (the tolerance for
   * the report it would file at {@code expectedCents}); a developer measured by an attested meter
   * ({@link MarketSettings#attested}) can leave at most the meter's uncertainty unreported; with
   * collateral in the program ({@code collateralCents} per developer, null without), each weighs
   * the cash collateral it has posted and the liability cap.
   */
  Cohort withEnforcement(
      ProgramTerms terms,
      MarketSettings settings,
      long[] collateralCents,
      double rho,
      double centsPerUtil,
      double expectedCents,
      double makeGoodPriceCents) {
    Plan[] out = new Plan[plans.length];
    Enforcement[] enf = new Enforcement[plans.length];
    for (int i = 0; i < plans.length; i++) {
      Plan p = plans[i];
      Developer d = p.developer();
      if (d.strategy() == Strategy.STRATEGIC) {
        double lambda = p.lambda();
        double base = p.valuation().baseAt(Math.max(expectedCents, 1e-9));
        long tolerance = terms.toleranceUnits(Math.round(Math.min(base, 1e15)));
        enf[i] =
            new Enforcement(
                rho,
                new PenaltyFunction(
                    terms.linearCentsPerPermit(), terms.quadraticCentsPerPermitSquared()),
                terms.makeGood() ? makeGoodPriceCents : 0.0,
                lambda * terms.auditNoiseSigma(),
                lambda * tolerance,
                // Issue 17: an attested meter leaves at most its uncertainty unreported.
                settings.attested(i) ? settings.meterUncertainty() : 1.0);
        if (collateralCents != null) {
          // Issue 17: the cash collateral it has posted, and the program's liability cap.
          long cap = terms.program().enforcement().collateral().liabilityCapCents();
          enf[i] =
              enf[i].withCollateral(
                  collateralCents[i], cap > 0 ? (double) cap : Double.POSITIVE_INFINITY);
        }
      }
      out[i] = new Plan(d, weight[i], enf[i], centsPerUtil, p.makeGood(), 0, 0);
    }
    return new Cohort(accounts, active, effort, weight, out, enf, centsPerUtil);
  }

  /** The same cohort with each active developer ready to bank up to capacity[i] below a price. */
  Cohort withBank(double bankPriceCents, double[] capacity, double centsPerUtil) {
    Plan[] out = new Plan[plans.length];
    for (int i = 0; i < plans.length; i++) {
      Plan p = plans[i];
      out[i] =
          new Plan(
              p.developer(),
              weight[i],
              enforcement[i],
              centsPerUtil,
              p.makeGood(),
              bankPriceCents,
              capacity[i]);
    }
    return new Cohort(accounts, active, effort, weight, out, enforcement, centsPerUtil);
  }

  /**
   * The same cohort with each active hoarding developer holding {@code hoard[i]} permits back at
   * every price (issue 18); {@code hoard} null: unchanged.
   */
  Cohort withHoard(long[] hoard) {
    if (hoard == null) {
      return this;
    }
    Plan[] out = plans.clone();
    for (int i = 0; i < out.length; i++) {
      if (active[i] && hoard[i] > 0) {
        out[i] = plans[i].withHoard(hoard[i]);
      }
    }
    return new Cohort(accounts, active, effort, weight, out, enforcement, centsPerUtil);
  }

  /**
   * The same cohort with these plans (a price-setter's quoting its schedule, {@link PriceSetting}).
   */
  Cohort withPlans(Plan[] replaced) {
    return new Cohort(accounts, active, effort, weight, replaced, enforcement, centsPerUtil);
  }

  int size() {
    return plans.length;
  }

  /**
   * Permits the active developers retire at a price: {@code sum need_i(p)}, each term {@link
   * Plan#need} and the same sum in the same order, from the columns.
   */
  double need(double priceCents) {
    if (activeEnforcement == null) {
      activeEnforcement = enforcementInUtility(centsPerUtil);
      activePopulation = activeEnforcement.length == 0 ? null : population();
    }
    if (activePopulation == null) {
      return 0.0;
    }
    return Evasion.aggregate(
        activePopulation, activeEnforcement, Math.max(0.0, priceCents) / centsPerUtil);
  }

  /** Make-good the active developers owe. */
  long makeGood() {
    long sum = 0;
    for (int i = 0; i < plans.length; i++) {
      sum += active[i] ? plans[i].makeGood() : 0;
    }
    return sum;
  }

  /**
   * Active developers as an economics population, lambdaBar = permits per unit of compute: one row
   * per covered workload, so a developer whose program covers both its workloads has two rows, its
   * second right after its first (the workloads are independent, so the market's and the planner's
   * optimum over the rows are the developers' own).
   */
  Population population() {
    if (activePopulation != null) {
      return activePopulation;
    }
    return populationOf(i -> true);
  }

  /**
   * The active developers {@code which} accepts as an economics population, rows as in {@link
   * #population()} (a price-setting coalition and its fringe, {@link PriceSetting}).
   */
  Population populationOf(IntPredicate which) {
    Population.Builder b = Population.builder(plans.length);
    for (int i = 0; i < plans.length; i++) {
      if (active[i] && which.test(i)) {
        Developer d = accounts.developer(i);
        b.add(d.family(), d.theta(), d.beta(), d.k(), d.a(), weight[i]);
        if (d.composite()) {
          Part p = d.second();
          double w = plans[i].lambda() * p.permitsPerUnit();
          b.add(p.family(), p.theta(), p.beta(), p.k(), p.a(), w);
        }
      }
    }
    return b.build();
  }

  /**
   * Per-row values of the active developers, in {@link #population()} order: {@code first[i]} for a
   * developer's first workload, and {@code second[i]} for the covered second of a composite one.
   */
  double[] rowValues(double[] first, double[] second) {
    double[] out = new double[rowCount()];
    int j = 0;
    for (int i = 0; i < plans.length; i++) {
      if (active[i]) {
        out[j++] = first[i];
        if (accounts.developer(i).composite()) {
          out[j++] = second[i];
        }
      }
    }
    return out;
  }

  /** Compute of each population row in a period's use: covered compute split by workload. */
  double[] rowCompute(Usage u) {
    double[] first = new double[plans.length];
    for (int i = 0; i < plans.length; i++) {
      first[i] =
          accounts.developer(i).composite() ? u.compute()[i] - u.second()[i] : u.compute()[i];
    }
    return rowValues(first, u.second());
  }

  /**
   * Compute of each population row if every active developer ran what {@code permits[i]} permits
   * (beyond make-good) cover: a composite developer splits them at its marginal value.
   */
  double[] rowComputeFromPermits(long[] permits) {
    double[] first = new double[plans.length];
    double[] second = new double[plans.length];
    for (int i = 0; i < plans.length; i++) {
      double h = Math.max(0, permits[i] - plans[i].makeGood());
      if (accounts.developer(i).composite()) {
        Valuation v = plans[i].valuation();
        double price = h > 0 ? v.marginalValueCents(h) : Double.MAX_VALUE;
        first[i] = h > 0 ? v.firstComputeAt(price) : 0.0;
        second[i] = h > 0 ? v.secondComputeAt(price) : 0.0;
      } else {
        first[i] = h / weight[i];
      }
    }
    return rowValues(first, second);
  }

  /** Rows of the active developers' population. */
  int rowCount() {
    int n = 0;
    for (int i = 0; i < plans.length; i++) {
      if (active[i]) {
        n += accounts.developer(i).composite() ? 2 : 1;
      }
    }
    return n;
  }

  /**
   * Each active developer's enforcement in population order and in utility units (null for a
   * truthful one), for the economics library's clearing price with evaders.
   */
  Enforcement[] enforcementInUtility(double centsPerUtil) {
    Enforcement[] out = new Enforcement[rowCount()];
    int j = 0;
    for (int i = 0; i < plans.length; i++) {
      if (active[i]) {
        out[j++] = enforcement[i] == null ? null : enforcement[i].inMoneyUnit(centsPerUtil);
        // A composite developer's second row: truthful (the loader refuses STRATEGIC there).
        j += accounts.developer(i).composite() ? 1 : 0;
      }
    }
    return out;
  }

  boolean anyStrategic() {
    for (int i = 0; i < plans.length; i++) {
      if (active[i] && enforcement[i] != null) {
        return true;
      }
    }
    return false;
  }

  int activeCount() {
    int n = 0;
    for (boolean a : active) {
      n += a ? 1 : 0;
    }
    return n;
  }

  /** Values of the active developers, in population order, from a per-developer array. */
  double[] activeValues(double[] all) {
    double[] out = new double[activeCount()];
    int j = 0;
    for (int i = 0; i < plans.length; i++) {
      if (active[i]) {
        out[j++] = all[i];
      }
    }
    return out;
  }
}
