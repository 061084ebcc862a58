package org.computecap.sim.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.computecap.figures.CsvTable;
import org.computecap.sim.report.Outputs;
import org.computecap.sim.run.ClassPeriodRow;
import org.computecap.sim.run.PeriodResult;
import org.computecap.sim.scenario.Scenario;
import org.computecap.sim.scenario.SizeClass;

/**
 * One per-period measure an experiment can collect: its column name in runs.csv (money columns end
 * in {@code Cents}), the unit people read on a figure axis, and whether it is a share on [0, 1]
 * (whose confidence interval is clamped to that range) or a whole number (an integer column in
 * runs.parquet). The catalogue holds every number of {@link PeriodResult}, so a run's row is the
 * period's whole record.
 *
 * <p>Per size class: {@code <class>_<column>} for every size class and every measured column of
 * class-periods.csv ({@link Outputs#CLASS_PERIODS}), e.g. {@code small_net_trading_cents}; a column
 * added to that table is a metric with no change here. They are named, never collected by default
 * (an experiment without {@code metrics} gets the period metrics), and a class the population does
 * not have is NaN, an empty cell.
 *
 * <p>{@code spreadOverPeriods}: a replication's value is the sample standard deviation of the
 * metric over the run's periods instead of its mean (issue 14's price volatility: the standard
 * deviation of period-to-period price changes); runs.csv still holds each period's value.
 */
public record Metric(
    String name,
    String label,
    String unit,
    boolean share,
    boolean whole,
    Value value,
    boolean spreadOverPeriods) {

  /**
   * A metric whose replication value is its mean over the run's periods (every metric but a
   * volatility, see {@link #spreadOverPeriods}).
   */
  public Metric(String name, String label, String unit, boolean share, boolean whole, Value value) {
    this(name, label, unit, share, whole, value, false);
  }

  /**
   * A metric's value in one period of a run of {@code scenario}, from the period's row and its size
   * classes' rows ({@code classes}, one per class the population has).
   */
  @FunctionalInterface
  public interface Value {
    double of(PeriodResult period, List<ClassPeriodRow> classes, Scenario scenario);
  }

  // How the period metrics spell a column's unit word, and a rate's denominator (declared before
  // the catalogues, which read them).
  private static final Map<String, String> UNITS =
      Map.of("units", "compute units", "mwh", "MWh", "utils", "utility");
  private static final Map<String, String> PER = Map.of("units", "compute unit", "mwh", "MWh");

  private static final Map<String, Metric> ALL = catalogue();
  private static final Map<String, Metric> BY_CLASS = byClass();

  /** Every metric in runs.csv order. */
  public static List<Metric> all() {
    return List.copyOf(ALL.values());
  }

  /**
   * The metric called {@code name}.
   *
   * @throws IllegalArgumentException naming the known metrics
   */
  public static Metric named(String name) {
    Metric m = ALL.containsKey(name) ? ALL.get(name) : BY_CLASS.get(name);
    if (m == null) {
      List<String> classes = new ArrayList<>();
      for (SizeClass c : SizeClass.values()) {
        classes.add(c.name().toLowerCase(Locale.ROOT));
      }
      List<String> columns = new ArrayList<>();
      for (CsvTable.Measure<ClassPeriodRow> c : Outputs.CLASS_PERIODS.measures()) {
        columns.add(c.name());
      }
      throw new IllegalArgumentException(
          "metrics: "
              + name
              + " is not a metric (known: "
              + String.join(", ", ALL.keySet())
              + "; per size class: <class>_<column>, class one of "
              + String.join(", ", classes)
              + ", column one of "
              + String.join(", ", columns)
              + ")");
    }
    return m;
  }

  /** Every per-size-class metric, class by class in the table's column order. */
  public static List<Metric> byClassAll() {
    return List.copyOf(BY_CLASS.values());
  }

  /** The value as it is written in a CSV cell: whole numbers without a point, NaN empty. */
  public String format(PeriodResult p, List<ClassPeriodRow> classes, Scenario s) {
    double v = value.of(p, classes, s);
    if (!Double.isFinite(v)) {
      return "";
    }
    return whole ? Long.toString((long) v) : Double.toString(v);
  }

  private static Map<String, Metric> catalogue() {
    List<Metric> m = new ArrayList<>();
    m.add(whole("cap_permits", "cap", "permits", p -> p.capPermits()));
    m.add(
        whole(
            "circulating_permits",
            "permits in circulation",
            "permits",
            p -> p.permitsInCirculation()));
    m.add(
        real(
            "clearing_price_cents",
            "clearing price",
            "cents per permit",
            PeriodResult::clearingPrice));
    m.add(
        real(
            "theoretical_price_cents",
            "competitive price (theory)",
            "cents per permit",
            PeriodResult::theoreticalPrice));
    m.add(
        real(
            "price_error_ratio",
            "price error against theory",
            "relative",
            PeriodResult::priceError));
    m.add(whole("volume_permits", "exchange volume", "permits", p -> p.volume()));
    m.add(
        real(
            "auction_price_cents",
            "primary auction price",
            "cents per permit",
            PeriodResult::auctionPrice));
    m.add(
        whole("auction_sold_permits", "permits sold at auction", "permits", p -> p.auctionSold()));
    m.add(real("total_compute_units", "compute used", "compute units", PeriodResult::totalCompute));
    m.add(
        real(
            "baseline_compute_units",
            "no-cap compute",
            "compute units",
            PeriodResult::baselineCompute));
    m.add(
        real(
            "competitive_compute_units",
            "competitive compute (theory)",
            "compute units",
            PeriodResult::competitiveCompute));
    m.add(real("total_energy_mwh", "energy", "MWh", PeriodResult::totalEnergy));
    m.add(share("compliance_share", "compliance rate", PeriodResult::complianceRate));
    m.add(share("evasion_share", "evasion rate", PeriodResult::evasionRate));
    m.add(whole("evaders_count", "evaders", "developers", p -> p.evaders()));
    m.add(whole("audits_count", "audits", "audits", p -> p.audits()));
    m.add(whole("detected_count", "shortfalls detected", "developers", p -> p.detected()));
    m.add(
        whole(
            "penalties_collected_cents",
            "penalties collected",
            "cents",
            p -> p.penaltiesCollected()));
    m.add(real("welfare_utils", "welfare", "utility", PeriodResult::welfare));
    m.add(whole("investment_cents", "efficiency investment", "cents", PeriodResult::investment));
    m.add(
        real(
            "benchmark_covered_per_output_ratio",
            "benchmark B",
            "covered units per output unit",
            PeriodResult::benchmark));
    m.add(
        real("planner_welfare_utils", "planner welfare", "utility", PeriodResult::plannerWelfare));
    m.add(
        real(
            "uniform_welfare_utils",
            "uniform command-and-control welfare",
            "utility",
            PeriodResult::uniformWelfare));
    m.add(
        real("welfare_vs_planner_ratio", "welfare / planner", "ratio", PeriodResult::welfareRatio));
    m.add(
        real("trade_efficiency_ratio", "trade efficiency", "ratio", PeriodResult::tradeEfficiency));
    m.add(
        whole(
            "small_firms_revenue_cents",
            "small firms' trading revenue",
            "cents",
            p -> p.revenueSmallFirms()));
    m.add(whole("leaked_firms_count", "relocated developers", "developers", p -> p.leakedFirms()));
    // By workload, covered or not (issue 13's scope ablation).
    m.add(
        real(
            "inference_compute_units",
            "inference compute",
            "compute units",
            p -> p.workloads().inferenceCompute()));
    m.add(
        real(
            "training_compute_units",
            "training compute",
            "compute units",
            p -> p.workloads().trainingCompute()));
    m.add(
        real(
            "inference_energy_mwh",
            "inference energy",
            "MWh",
            p -> p.workloads().inferenceEnergy()));
    m.add(
        real("training_energy_mwh", "training energy", "MWh", p -> p.workloads().trainingEnergy()));
    m.add(
        real(
            "all_workloads_energy_mwh",
            "energy of all workloads",
            "MWh",
            p -> p.workloads().energy()));
    // Issue 14: a period's price change; as a volatility its replication value is the
    // standard deviation of the run's changes.
    m.add(
        real(
            "price_change_cents",
            "price change from the previous period",
            "cents per permit",
            PeriodResult::priceChange));
    m.add(
        new Metric(
            "price_volatility_cents",
            "price volatility",
            "cents per permit",
            false,
            false,
            (p, c, s) -> p.priceChange(),
            true));
    m.add(
        whole(
            "ceiling_permits",
            "permits bought at the price ceiling",
            "permits",
            p -> p.ceilingPermits()));
    m.add(
        whole(
            "reserve_sale_permits",
            "permits bought in price containment reserve sales",
            "permits",
            p -> p.reserveSalePermits()));
    m.add(
        real(
            "demand_multiplier_ratio",
            "demand multiplier (mean over types)",
            "ratio",
            PeriodResult::demandMultiplier));
    m.add(
        real(
            "leaked_energy_mwh",
            "energy of relocated developers, outside the program",
            "MWh",
            p -> p.workloads().leakedEnergy()));
    m.add(
        whole(
            "manipulations_count",
            "manipulated evaluations",
            "developers",
            p -> p.manipulations()));
    m.add(share("mean_effort_share", "mean safety effort", PeriodResult::meanEffort));
    m.add(
        real(
            "expected_price_cents",
            "price agents expected",
            "cents per permit",
            PeriodResult::expectedPrice));
    m.add(
        real(
            "closing_price_cents",
            "closing price",
            "cents per permit",
            PeriodResult::closingPrice));
    m.add(whole("banked_permits", "banked permits", "permits", p -> p.bankedPermits()));
    m.add(
        real(
            "excess_compute_permits",
            "risk-weighted compute above the cap",
            "permits",
            PeriodResult::excessCompute));
    m.add(
        whole(
            "honest_fined_count", "truthful developers fined", "developers", p -> p.honestFined()));
    // P2 Remark 7 compares regimes net of what enforcing them costs: audits at the program's
    // cost per audit, and welfare in money at the scenario's scale.
    m.add(
        new Metric(
            "enforcement_cost_cents",
            "enforcement cost (audits)",
            "cents",
            false,
            false,
            (p, c, s) -> enforcementCents(p, s)));
    m.add(
        new Metric(
            "net_welfare_cents",
            "welfare net of enforcement cost",
            "cents",
            false,
            false,
            (p, c, s) -> p.welfare() * s.market().centsPerUtil() - enforcementCents(p, s)));
    // Issue 18, prices vs quantities: the covered quantity used, the scenario's damage of it and
    // welfare less that damage (what Weitzman compares a cap, a tax and a hybrid on), and the
    // spread over a run's periods of that quantity and of the price (a cap holds the first, a tax
    // the second).
    m.add(real("used_permits", "covered quantity used", "permits", PeriodResult::usedPermits));
    m.add(
        new Metric(
            "damage_utils",
            "damage of compute",
            "utility",
            false,
            false,
            (p, c, s) -> damageUtils(p, s)));
    m.add(
        new Metric(
            "social_welfare_utils",
            "welfare less damage",
            "utility",
            false,
            false,
            (p, c, s) -> p.welfare() - damageUtils(p, s)));
    m.add(
        new Metric(
            "used_spread_permits",
            "spread of the covered quantity used over the periods",
            "permits",
            false,
            false,
            (p, c, s) -> p.usedPermits(),
            true));
    m.add(
        new Metric(
            "price_spread_cents",
            "spread of the price over the periods",
            "cents per permit",
            false,
            false,
            (p, c, s) -> p.clearingPrice(),
            true));
    marketPower(m);
    // Foreclosure by hoarding (issue 18): what entrants run, the hoard, the incumbents' surplus
    // (a run without hoarding less one with it on the same seed is what hoarding cost them) and
    // the economics' theory of the same period (Hoarding).
    m.add(
        whole(
            "entrants_count",
            "entrants in the program",
            "developers",
            p -> p.foreclosure().entrants()));
    m.add(
        real(
            "entrants_compute_units",
            "entrants' compute",
            "compute units",
            p -> p.foreclosure().entrantsCompute()));
    m.add(
        real(
            "entrants_theory_compute_units",
            "entrants' compute in theory (cap less the hoard)",
            "compute units",
            p -> p.foreclosure().entrantsTheoryCompute()));
    m.add(
        real(
            "incumbents_surplus_cents",
            "incumbents' surplus (benefit plus cash from permits)",
            "cents",
            p -> p.foreclosure().incumbentsSurplusCents()));
    m.add(
        real(
            "entrants_surplus_cents",
            "entrants' surplus (benefit plus cash from permits)",
            "cents",
            p -> p.foreclosure().entrantsSurplusCents()));
    m.add(whole("hoard_permits", "the hoard", "permits", p -> p.foreclosure().hoardPermits()));
    m.add(
        whole(
            "hoard_withdrawn_permits",
            "permits added to the hoard",
            "permits",
            p -> p.foreclosure().withdrawnPermits()));
    m.add(
        real(
            "competitive_price_cents",
            "theory's price without the period's withdrawal",
            "cents per permit",
            p -> p.foreclosure().competitivePriceCents()));
    m.add(
        real(
            "hoard_cost_theory_cents",
            "incumbents' cost of the hoard in theory",
            "cents",
            p -> p.foreclosure().hoardCostTheoryCents()));
    m.add(
        whole(
            "holding_limit_refusals_count",
            "purchases refused by the holding limit",
            "refusals",
            p -> p.foreclosure().holdingLimitRefusals()));
    // Issue 18's finer risk classes: how well the permits charged track true risk.
    m.add(
        real(
            "true_risk_compute_units",
            "true-risk-weighted compute",
            "compute units",
            p -> p.targeting().trueRiskCompute()));
    m.add(
        real(
            "theoretical_true_risk_compute_units",
            "true-risk-weighted compute at the competitive equilibrium (theory)",
            "compute units",
            p -> p.targeting().theoryTrueRiskCompute()));
    m.add(
        real(
            "true_risk_per_permit_ratio",
            "true risk per permit charged",
            "ratio",
            p -> p.targeting().trueRiskPerPermit()));
    m.add(
        real(
            "theoretical_true_risk_per_permit_ratio",
            "true risk per permit charged at the competitive equilibrium (theory)",
            "ratio",
            p -> p.targeting().theoryTrueRiskPerPermit()));
    m.add(
        share(
            "misclassified_share",
            "evaluations in a class other than the true risk's",
            p -> p.targeting().misclassifiedShare()));
    m.add(
        share(
            "theoretical_misclassified_share",
            "misclassification probability (theory)",
            p -> p.targeting().theoryMisclassifiedShare()));
    m.add(
        real(
            "evaluation_cost_cents",
            "evaluation cost (classes x cost per class)",
            "cents",
            p -> p.targeting().evaluationCostCents()));
    m.add(
        new Metric(
            "risk_net_welfare_cents",
            "welfare net of true-risk damage and evaluation cost",
            "cents",
            false,
            false,
            (p, c, s) ->
                p.welfare() * s.market().centsPerUtil()
                    - p.targeting().damageCents()
                    - p.targeting().evaluationCostCents()));
    Map<String, Metric> out = new LinkedHashMap<>();
    for (Metric metric : m) {
      out.put(metric.name(), metric);
    }
    return Collections.unmodifiableMap(out);
  }

  private static double damageUtils(PeriodResult p, Scenario s) {
    return s.damage().cents(p.usedPermits()) / s.market().centsPerUtil();
  }

  // Issue 18, Hahn (1984): the theory's price and welfare loss with PRICE_SETTING developers beside
  // the simulated ones (NaN, an empty cell, without them), in money at the scenario's scale.
  private static void marketPower(List<Metric> m) {
    m.add(
        real(
            "hahn_price_cents",
            "price with market power (Hahn, theory)",
            "cents per permit",
            p -> p.marketPower().hahnPriceCents()));
    m.add(
        real(
            "price_markup_ratio",
            "markup over the competitive price",
            "ratio",
            p -> p.clearingPrice() / p.theoreticalPrice() - 1));
    m.add(
        real(
            "hahn_price_markup_ratio",
            "markup, Hahn (theory)",
            "ratio",
            p -> p.marketPower().hahnPriceCents() / p.theoreticalPrice() - 1));
    m.add(
        new Metric(
            "hahn_welfare_loss_cents",
            "welfare loss from market power (Hahn, theory)",
            "cents",
            false,
            false,
            (p, c, s) -> p.marketPower().welfareLossUtils() * s.market().centsPerUtil()));
    m.add(
        new Metric(
            "welfare_loss_cents",
            "welfare loss against the planner",
            "cents",
            false,
            false,
            (p, c, s) -> (p.plannerWelfare() - p.welfare()) * s.market().centsPerUtil()));
    m.add(
        share(
            "price_setter_demand_share",
            "price-setters' competitive share of the permits",
            p -> p.marketPower().demandShare()));
    m.add(
        share(
            "price_setter_allocation_share",
            "price-setters' share of the permits at trading open",
            p -> p.marketPower().allocationShare()));
    m.add(
        real(
            "hahn_holding_permits",
            "price-setters' holding (Hahn, theory)",
            "permits",
            p -> p.marketPower().hahnHoldingPermits()));
    m.add(
        real(
            "price_setter_holding_permits",
            "price-setters' holding after trading",
            "permits",
            p -> p.marketPower().holdingPermits()));
  }

  private static double enforcementCents(PeriodResult p, Scenario s) {
    return (double) p.audits() * s.program().auditCostCents();
  }

  private static Metric whole(
      String name, String label, String unit, ToDoubleFunction<PeriodResult> f) {
    return new Metric(name, label, unit, false, true, (p, c, s) -> f.applyAsDouble(p));
  }

  private static Metric real(
      String name, String label, String unit, ToDoubleFunction<PeriodResult> f) {
    return new Metric(name, label, unit, false, false, (p, c, s) -> f.applyAsDouble(p));
  }

  private static Metric share(String name, String label, ToDoubleFunction<PeriodResult> f) {
    return new Metric(name, label, "share", true, false, (p, c, s) -> f.applyAsDouble(p));
  }

  /**
   * {@code <class>_<column>} for every size class and measured column of class-periods.csv: the
   * class's row of the period, NaN when the population has no such class.
   */
  private static Map<String, Metric> byClass() {
    Map<String, Metric> out = new LinkedHashMap<>();
    for (SizeClass c : SizeClass.values()) {
      String lower = c.name().toLowerCase(Locale.ROOT);
      for (CsvTable.Measure<ClassPeriodRow> col : Outputs.CLASS_PERIODS.measures()) {
        String unit = unitOf(col.name());
        Metric m =
            new Metric(
                lower + "_" + col.name(),
                lower + ": " + quantityOf(col.name()),
                unit,
                unit.equals("share"),
                col.whole(),
                (p, rows, s) -> {
                  for (ClassPeriodRow row : rows) {
                    if (row.sizeClass().equals(c.name())) {
                      return col.value().applyAsDouble(row);
                    }
                  }
                  return Double.NaN;
                });
        out.put(m.name(), m);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  // A column's unit as the period metrics spell it: its last word (CsvTable's rule), or a rate's
  // unit per its denominator ("energy_mwh_per_units" is MWh per compute unit).
  private static String unitOf(String column) {
    String[] rate = column.split("_per_", 2);
    String unit = UNITS.getOrDefault(lastWord(rate[0]), lastWord(rate[0]));
    return rate.length == 1 ? unit : unit + " per " + PER.getOrDefault(rate[1], rate[1]);
  }

  // The column's name without its unit, for people: "net_trading_cents" is "net trading". A rate
  // keeps its quantity ("energy_mwh_per_units" is "energy"): its unit says per what, and a
  // figure's axis title is the two together, "frontier: energy (MWh per compute unit)", which a
  // longer label would push off the top of the plot.
  private static String quantityOf(String column) {
    String head = column.split("_per_", 2)[0];
    return (head.contains("_") ? head.substring(0, head.lastIndexOf('_')) : head).replace('_', ' ');
  }

  private static String lastWord(String name) {
    return name.substring(name.lastIndexOf('_') + 1);
  }
}
