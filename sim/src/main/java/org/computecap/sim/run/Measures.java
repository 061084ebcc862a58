package org.computecap.sim.run;

import java.util.List;
import org.computecap.economics.audit.Enforcement;
import org.computecap.economics.foreclosure.Hoarding;
import org.computecap.economics.market.Banking;
import org.computecap.economics.market.BenefitFamily;
import org.computecap.economics.market.Demand;
import org.computecap.economics.market.Evasion;
import org.computecap.economics.market.MarketClearing;
import org.computecap.economics.market.Planner;
import org.computecap.economics.market.Population;
import org.computecap.economics.market.RiskClasses;
import org.computecap.economics.market.UniformAllocation;
import org.computecap.economics.market.Welfare;
import org.computecap.economics.stability.SupplyCurve;
import org.computecap.engine.compliance.Obligations;
import org.computecap.engine.program.Workload;
import org.computecap.sim.agent.Developer;
import org.computecap.sim.benchmark.Benchmark;
import org.computecap.sim.scenario.MarketSettings;
import org.computecap.sim.scenario.ProgramTerms;
import org.computecap.sim.scenario.TrueRisk;

/**
 * A period's measures beside their theory, computed by the economics library on the same developers
 * (with the permit weights they planned with) and the same permits: the equilibrium price (P2 Eq.
 * 6, with strategic developers' Eq. (1) demand, and the intertemporal path when permits are
 * banked), the planner's welfare (Prop 5) and uniform command-and-control's (Prop 6) for the
 * permits the period could use, and the compliance figures.
 *
 * <p>Welfare is the gross benefit of the compute run, evaders' included. The permits the period
 * could use are those in circulation after the primary auction, less make-good owed and the bank
 * carried out; risk-weighted compute above them is reported as excess, and the welfare ratio is
 * defined only when there is none (an allocation above the cap can beat the planner only by using
 * permits nobody surrendered).
 */
final class Measures {
  private Measures() {}

  /** Everything the steps of a period produced, in one place for the measures. */
  record Inputs(
      int period,
      Planning plan,
      PrimaryAuction auction,
      Session opening,
      Session main,
      long[] heldAfterAuction,
      Usage usage,
      ComplianceStep.Outcome compliance,
      long smallFirmRevenue,
      int leakedFirms,
      double issuedShare,
      double benchmark,
      double demandMultiplier,
      double previousPrice,
      long ceilingPermits,
      List<double[]> tiersOffered,
      long reserveSalePermits,
      MarketPower marketPower,
      Foreclosure foreclosure) {}

  /**
   * What issue 18's measures need: which developers are entrants, whether anyone hoards, the
   * coalition's hoard carried in and out of the period, the incumbents' free permits this period,
   * each developer's cash from permits less penalties this period, and the holding-limit refusals
   * of the period.
   */
  record Foreclosure(
      boolean[] entrant,
      boolean hoarding,
      long hoardIn,
      long hoardOut,
      long endowment,
      long[] cashCents,
      long refusals) {}

  static PeriodResult of(Period at, Inputs in) {
    ProgramTerms terms = at.terms();
    MarketSettings settings = at.settings();
    Cohort cohort = in.plan().cohort();
    double cpu = settings.centsPerUtil();
    Population pop = cohort.population();
    Enforcement[] enforcement = cohort.enforcementInUtility(cpu);
    long circulation = 0;
    long bankOut = 0;
    boolean banks = terms.banking() && in.period() < terms.lastPeriod();
    for (int i = 0; i < cohort.size(); i++) {
      if (cohort.active[i]) {
        circulation += in.heldAfterAuction()[i];
        bankOut += banks ? in.compliance().banked()[i] : 0;
      }
    }
    double available = Math.max(1, circulation - cohort.makeGood());
    // The coalition's hoard (issue 18) is held back from everyone: the theory's supply is the
    // permits available less the hoard (0 without hoarders, so nothing else changes).
    double unhoarded = Math.max(1, available - in.foreclosure().hoardOut());
    double theory =
        theoreticalPrice(
            pop, enforcement, terms, settings, in.period(), unhoarded, in.issuedShare());
    // A price ceiling sells without limit at its price (issue 14): the price cannot exceed it.
    if (terms.program().priceControls().ceiling().isOn()) {
      theory = Math.min(theory, terms.program().priceCeilingCents(in.period()) / cpu);
    }
    // A price containment reserve sale (issue 14) sells its tiers left at their prices: the
    // supply curve of what is held plus the tiers (and the ceiling) prices the period.
    if (!in.tiersOffered().isEmpty()) {
      theory = Math.min(theory, contained(pop, enforcement, terms, in, available, cpu) / cpu);
    }
    // Permits sold at a price ceiling are issued above the cap, and the price containment
    // reserve's were carved out of the first period's: the period could use them too.
    double plannerCap =
        Math.max(1, available - bankOut + in.ceilingPermits() + in.reserveSalePermits());
    double[] compute = cohort.rowCompute(in.usage());
    double welfare = Welfare.total(pop, positive(compute));
    double planner = Welfare.total(pop, Planner.solve(pop, plannerCap).compute());
    double uniform = Welfare.total(pop, positive(UniformAllocation.compute(pop, plannerCap)));
    Compliance c = compliance(in, cohort);
    double excess = Math.max(0.0, c.riskWeighted - plannerCap);
    // Efficiency effort is paid whatever the permits' allocation: the same amount comes off the
    // market's, the planner's and command-and-control's welfare (0 without investment).
    double spent = c.investmentCents / cpu;
    return new PeriodResult(
        in.period(),
        terms.capPermits(in.period()),
        circulation,
        price(in),
        theory * cpu,
        in.opening().volume() + in.main().volume(),
        in.auction().priceCents(),
        in.auction().sold(),
        sum(compute),
        Benchmark.baseline(pop),
        competitiveCompute(pop, enforcement, theory),
        c.energy,
        c.rate(),
        c.evasionRate(),
        c.evaders,
        in.compliance().audits(),
        in.compliance().detected(),
        in.compliance().penaltiesCollected(),
        welfare - spent,
        planner - spent,
        uniform - spent,
        efficiency(pop, cohort, in.heldAfterAuction(), welfare, planner),
        in.smallFirmRevenue(),
        in.leakedFirms(),
        c.manipulations,
        c.effortSum / Math.max(1, c.activeCount),
        in.plan().expectation().priceCents(),
        Double.isFinite(in.main().closingCents())
            ? in.main().closingCents()
            : in.opening().closingCents(),
        bankOut,
        excess,
        c.honestFined,
        c.investmentCents,
        in.benchmark(),
        workloads(cohort, in.usage()),
        in.demandMultiplier(),
        in.previousPrice(),
        in.ceilingPermits(),
        in.reserveSalePermits(),
        c.riskWeighted,
        in.marketPower(),
        foreclosure(in, cohort, pop, available, cpu),
        targeting(in, cohort, terms, rowDemand(pop, enforcement, theory)));
  }

  /**
   * Issue 18's measures: entrants' compute simulated and at the theory's price with the hoard
   * ({@link Hoarding}: the period's supply less this period's withdrawal), the incumbents' surplus
   * as simulated and the theory's cost of the withdrawal to them.
   */
  private static ForeclosureTotals foreclosure(
      Inputs in, Cohort cohort, Population pop, double available, double cpu) {
    Foreclosure f = in.foreclosure();
    boolean anyEntrant = false;
    for (boolean e : f.entrant()) {
      anyEntrant |= e;
    }
    if (!f.hoarding() && !anyEntrant) {
      return ForeclosureTotals.NONE;
    }
    int n = cohort.size();
    double[] entrant = new double[n];
    double[] incumbent = new double[n];
    int entrants = 0;
    double entrantsCompute = 0;
    for (int i = 0; i < n; i++) {
      entrant[i] = f.entrant()[i] ? 1 : 0;
      incumbent[i] = f.entrant()[i] ? 0 : 1;
      if (cohort.active[i] && f.entrant()[i]) {
        entrants++;
        entrantsCompute += in.usage().compute()[i];
      }
    }
    boolean[] entrantRows = rows(cohort.rowValues(entrant, entrant));
    boolean[] incumbentRows = rows(cohort.rowValues(incumbent, incumbent));
    double[] compute = cohort.rowCompute(in.usage());
    double surplus = 0;
    double entrantsSurplus = 0;
    for (int j = 0; j < compute.length; j++) {
      double benefit =
          cpu * pop.family(j).value(pop.theta(j), pop.beta(j), pop.k(j), pop.a(j), compute[j]);
      surplus += incumbentRows[j] ? benefit : 0;
      entrantsSurplus += entrantRows[j] ? benefit : 0;
    }
    for (int i = 0; i < n; i++) {
      surplus += f.entrant()[i] ? 0 : f.cashCents()[i];
      entrantsSurplus += f.entrant()[i] ? f.cashCents()[i] : 0;
    }
    // The period without this period's change of the hoard against the period with it: a
    // withdrawal, or a release when a holding limit made the hoarders use part of their hoard.
    double supply = Math.max(1, available - f.hoardIn());
    long withdrawn = f.hoardOut() - f.hoardIn();
    Hoarding.Outcome o = Hoarding.of(pop, supply, Math.min(withdrawn, supply - 1));
    double cost =
        f.hoarding() ? cpu * Hoarding.incumbentsCost(pop, o, incumbentRows, f.endowment()) : 0.0;
    // Entrants' measures are undefined before any enters (empty cells, left out of means).
    double none = entrants == 0 ? Double.NaN : 0.0;
    return new ForeclosureTotals(
        entrants,
        entrantsCompute + none,
        Hoarding.compute(o.hoarded(), entrantRows) + none,
        surplus,
        entrantsSurplus + none,
        f.hoardOut(),
        withdrawn,
        o.competitive().price() * cpu,
        cost,
        f.refusals());
  }

  private static boolean[] rows(double[] flags) {
    boolean[] out = new boolean[flags.length];
    for (int j = 0; j < flags.length; j++) {
      out[j] = flags[j] > 0;
    }
    return out;
  }

  // Issue 18: true-risk-weighted compute as run and at the competitive equilibrium, the
  // misclassified share and its expectation, the evaluation cost and the damage.
  private static RiskTargeting targeting(
      Inputs in, Cohort cohort, ProgramTerms terms, double[] theoryRows) {
    RiskClassTable classes = RiskClassTable.of(terms);
    Signals signals = in.compliance().signals();
    Usage u = in.usage();
    int n = cohort.size();
    double[] trueFirst = new double[n];
    double[] trueSecond = new double[n];
    double trueRisk = 0;
    double damage = 0;
    double cost = 0;
    double misclassified = 0;
    double expectedMisclassified = 0;
    double charged = 0;
    int scored = 0;
    for (int i = 0; i < n; i++) {
      if (!cohort.active[i]) {
        continue;
      }
      Developer d = cohort.accounts.developer(i);
      TrueRisk t = d.trueRisk();
      double mu;
      double theoryMu;
      if (t == null) {
        mu = signals.trulyHigh[i] ? terms.alpha() : 1.0;
        theoryMu = classes.expected(d, terms.alpha(), cohort.effort[i]);
      } else {
        mu = classes.trueMultiplier(d);
        theoryMu = mu;
        scored++;
        misclassified += signals.ratedClass[i] != signals.trueClass[i] ? 1 : 0;
        expectedMisclassified +=
            RiskClasses.misclassified(classes.multipliers, t.risk(), t.evaluationNoise());
        cost +=
            RiskClasses.evaluationCost(classes.multipliers.length, t.evaluationCostPerClassCents());
        damage += t.damageCentsPerUnit() * mu * u.base()[i];
      }
      trueRisk += mu * u.base()[i];
      charged += in.compliance().multiplierPpm()[i] / 1e6 * u.base()[i];
      trueFirst[i] = theoryMu * d.permitsPerUnit();
      trueSecond[i] = d.composite() ? theoryMu * d.second().permitsPerUnit() : 0;
    }
    double[] weights = cohort.rowValues(trueFirst, trueSecond);
    Population pop = cohort.population();
    double theory = 0;
    double theoryCharged = 0;
    for (int j = 0; j < weights.length; j++) {
      theory += weights[j] * theoryRows[j];
      theoryCharged += pop.lambdaBar(j) * theoryRows[j];
    }
    return new RiskTargeting(
        trueRisk,
        theory,
        scored == 0 ? Double.NaN : misclassified / scored,
        scored == 0 ? Double.NaN : expectedMisclassified / scored,
        cost,
        damage,
        charged,
        theoryCharged);
  }

  // The price of the period: exchange trades' VWAP (opening and main session), else the
  // primary auction's price.
  private static double price(Inputs in) {
    long q = in.opening().volume() + in.main().volume();
    if (q == 0) {
      return in.auction().priceCents();
    }
    double value = 0;
    if (in.opening().volume() > 0) {
      value += in.opening().vwapCents() * in.opening().volume();
    }
    if (in.main().volume() > 0) {
      value += in.main().vwapCents() * in.main().volume();
    }
    return value / q;
  }

  /** The library's equilibrium price, in utility per permit, for {@code available} permits. */
  static double theoreticalPrice(
      Population pop,
      Enforcement[] enforcement,
      ProgramTerms terms,
      MarketSettings settings,
      int period,
      double available,
      double issuedShare) {
    boolean strategic = false;
    for (Enforcement e : enforcement) {
      strategic |= e != null;
    }
    if (terms.banking() && period < terms.lastPeriod()) {
      double[] caps = Expectation.supplies(terms, period, available, issuedShare);
      return Banking.solve(
              p -> Evasion.aggregate(pop, enforcement, p), caps, settings.discountRate(), 0.0)
          .price()[0];
    }
    return strategic
        ? Evasion.clearingPrice(pop, enforcement, available)
        : MarketClearing.solve(pop, available).price();
  }

  /**
   * The period's price in cents with its reserve sale: the economics' {@link SupplyCurve} of the
   * {@code available} permits plus the tiers offered (and the ceiling, if any) against the
   * population's demand; with banking, this period's demand alone (the path is not re-solved).
   */
  private static double contained(
      Population pop,
      Enforcement[] enforcement,
      ProgramTerms terms,
      Inputs in,
      double available,
      double cpu) {
    SupplyCurve curve = PriceContainment.withTiers(SupplyCurve.of(available), in.tiersOffered());
    if (terms.program().priceControls().ceiling().isOn()) {
      curve = curve.withCeiling(terms.program().priceCeilingCents(in.period()));
    }
    return curve.clearingPrice(p -> Evasion.aggregate(pop, enforcement, p / cpu));
  }

  private static double competitiveCompute(Population pop, Enforcement[] e, double price) {
    return sum(rowDemand(pop, e, price));
  }

  // Each population row's compute at a price, evading where its enforcement makes that pay.
  private static double[] rowDemand(Population pop, Enforcement[] e, double price) {
    double[] out = new double[pop.size()];
    for (int i = 0; i < pop.size(); i++) {
      out[i] =
          e[i] == null || price == 0
              ? Demand.compute(pop, i, price)
              : Evasion.choose(pop, i, price, e[i]).compute();
    }
    return out;
  }

  // Gode and Sunder's allocative efficiency: the gains from trade realised over the largest
  // possible, from the holdings at trading open (NaN when there is little to gain).
  private static double efficiency(
      Population pop, Cohort cohort, long[] held, double welfare, double planner) {
    double before = Welfare.total(pop, positive(cohort.rowComputeFromPermits(held)));
    double gains = planner - before;
    return gains > 0.01 * Math.abs(planner) ? (welfare - before) / gains : Double.NaN;
  }

  private static final class Compliance {
    int activeCount;
    int compliant;
    int evaders;
    int manipulations;
    int honestFined;
    double owed;
    double hidden;
    double riskWeighted;
    double energy;
    double effortSum;
    double investmentCents;

    double rate() {
      return activeCount == 0 ? Double.NaN : (double) compliant / activeCount;
    }

    double evasionRate() {
      return owed == 0 ? 0.0 : hidden / owed;
    }
  }

  private static Compliance compliance(Inputs in, Cohort cohort) {
    Compliance c = new Compliance();
    ComplianceStep.Outcome out = in.compliance();
    Usage u = in.usage();
    for (int i = 0; i < cohort.size(); i++) {
      if (!cohort.active[i]) {
        continue;
      }
      c.activeCount++;
      boolean manipulated = out.signals().manipulated[i];
      boolean truthful = u.truthful(i);
      long used = Obligations.weightedPermits(out.multiplierPpm()[i], u.base()[i]);
      long reported = Obligations.weightedPermits(out.multiplierPpm()[i], u.reported()[i]);
      c.owed += used;
      c.hidden += used - reported;
      c.riskWeighted += used;
      c.evaders += truthful ? 0 : 1;
      c.manipulations += manipulated ? 1 : 0;
      c.compliant += truthful && !manipulated && out.compliant()[i] ? 1 : 0;
      c.honestFined += truthful && !manipulated && out.penaltyCents()[i] > 0 ? 1 : 0;
      c.energy += cohort.accounts.developer(i).coveredEnergy(u.compute()[i], u.second()[i]);
      c.effortSum += cohort.effort[i];
      c.investmentCents += cohort.accounts.developer(i).investmentCents();
    }
    return c;
  }

  // Compute and energy of each workload over the active developers, in developer order.
  private static WorkloadTotals workloads(Cohort cohort, Usage u) {
    double inference = 0;
    double training = 0;
    double inferenceEnergy = 0;
    double trainingEnergy = 0;
    double leaked = 0;
    for (int i = 0; i < cohort.size(); i++) {
      Developer d = cohort.accounts.developer(i);
      if (!cohort.active[i]) {
        // Out of the program (relocated): it runs each workload's no-cap optimum elsewhere.
        leaked += noCapEnergy(d);
        continue;
      }
      double ci = u.computeOf(cohort, i, Workload.INFERENCE);
      double ct = u.computeOf(cohort, i, Workload.TRAINING);
      inference += ci;
      training += ct;
      double e = u.energy(cohort, i);
      double eTraining = ct * energyOf(d, Workload.TRAINING);
      trainingEnergy += eTraining;
      inferenceEnergy += e - eTraining;
    }
    return new WorkloadTotals(inference, training, inferenceEnergy, trainingEnergy, leaked);
  }

  // MWh of both workloads at their no-cap optimum; NaN when one has none (POWER, LOG).
  private static double noCapEnergy(Developer d) {
    if (d.family() != BenefitFamily.P1
        || (d.second() != null && d.second().family() != BenefitFamily.P1)) {
      return Double.NaN;
    }
    double e = d.first().noCapCompute() * d.energyPerUnit();
    return d.second() == null ? e : e + d.second().noCapCompute() * d.second().energyPerUnit();
  }

  // MWh per unit of compute of workload w of d (0 when d has no such workload).
  private static double energyOf(Developer d, Workload w) {
    if (d.workload() == w) {
      return d.energyPerUnit();
    }
    return d.second() != null && d.second().workload() == w ? d.second().energyPerUnit() : 0.0;
  }

  private static double sum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }

  private static double[] positive(double[] c) {
    for (int i = 0; i < c.length; i++) {
      c[i] = Math.max(c[i], 1e-9);
    }
    return c;
  }
}
