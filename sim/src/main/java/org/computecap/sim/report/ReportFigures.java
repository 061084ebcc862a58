package org.computecap.sim.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.computecap.figures.Axis;
import org.computecap.figures.BarChart;
import org.computecap.figures.Figure;
import org.computecap.figures.LineChart;
import org.computecap.sim.run.ClassPeriodRow;
import org.computecap.sim.run.DeveloperRow;
import org.computecap.sim.run.PeriodResult;
import org.computecap.sim.run.Replications;
import org.computecap.sim.run.SimulationResult;
import org.computecap.sim.run.Stats;

/**
 * The report's figures, one quantity per chart (audit counts and penalty dollars are two charts),
 * drawn with the project's one chart stack ({@link org.computecap.figures}). Money is in dollars;
 * prices per permit; shares on [0, 1]; compute in the scenario's compute unit.
 */
final class ReportFigures {
  static final Axis PERIOD = Axis.period();
  static final Axis COMPUTE = Axis.of("compute", "compute units");
  static final Axis NET_CASH = Axis.dollars("net cash from permits", null);

  /** A figure and the caption that explains it. */
  record Captioned(Figure figure, String caption) {}

  private ReportFigures() {}

  /** The per-period charts: the market's, then enforcement's and welfare's. */
  static List<Captioned> periods(SimulationResult r) {
    List<PeriodResult> ps = r.periods();
    double[] t = col(ps, PeriodResult::period);
    List<Captioned> out = new ArrayList<>();
    market(ps, t, out);
    workloads(ps, t, out);
    efficiency(r, t, out);
    enforcement(ps, t, out);
    return out;
  }

  private static void market(List<PeriodResult> ps, double[] t, List<Captioned> out) {
    LineChart price =
        LineChart.of("Permit price", PERIOD, Axis.dollars("price", "permit"))
            .line("simulated (VWAP of trades)", t, col(ps, p -> p.clearingPrice() / 100))
            .dashed("theory (P2 Eq. 6)", t, col(ps, p -> p.theoreticalPrice() / 100));
    double[] auction = col(ps, p -> p.auctionPrice() / 100);
    if (anyFinite(auction)) {
      price.points("primary auction", t, auction);
    }
    out.add(
        new Captioned(
            price.figure(),
            "The simulated price is the volume-weighted average of the period's trades on the"
                + " engine's order book; the theoretical price is the competitive equilibrium of"
                + " the same developers for the permits in circulation. Agreement means the market"
                + " discovers the price the theory predicts, with nobody knowing it."));
    LineChart compute =
        LineChart.of("Compute", PERIOD, COMPUTE)
            .line("simulated", t, col(ps, PeriodResult::totalCompute))
            .dashed("competitive equilibrium", t, col(ps, PeriodResult::competitiveCompute));
    double[] baseline = col(ps, PeriodResult::baselineCompute);
    if (anyFinite(baseline)) {
      compute.dashed("no-cap baseline", t, baseline);
    }
    out.add(
        new Captioned(
            compute.figure(),
            "Compute used against what the same developers would use without a cap (P1 Sec 5:"
                + " x*_cap < x*_nocap) and against the competitive equilibrium. The baseline is"
                + " missing when a benefit function has no finite no-cap optimum."));
    out.add(
        new Captioned(
            LineChart.of("Energy", PERIOD, Axis.of("energy", "MWh"))
                .line("total energy", t, col(ps, PeriodResult::totalEnergy))
                .figure(),
            "Energy is compute times each developer's energy per unit (its E_i), so it falls"
                + " both with less compute and with compute moving to efficient firms."));
  }

  /**
   * Compute and energy by workload, drawn only when developers run both (issue 13): each workload
   * whether or not the program covers it, beside what the program covers.
   */
  private static void workloads(List<PeriodResult> ps, double[] t, List<Captioned> out) {
    double[] inference = col(ps, p -> p.workloads().inferenceCompute());
    double[] training = col(ps, p -> p.workloads().trainingCompute());
    if (!(Arrays.stream(inference).max().orElse(0) > 0
        && Arrays.stream(training).max().orElse(0) > 0)) {
      return;
    }
    out.add(
        new Captioned(
            LineChart.of("Compute by workload", PERIOD, COMPUTE)
                .line("inference", t, inference)
                .line("training", t, training)
                .dashed("covered by the program", t, col(ps, PeriodResult::totalCompute))
                .figure(),
            "Each workload's compute, covered or not: a workload the program's scope leaves"
                + " uncovered runs its no-cap optimum, so only the covered one responds to the"
                + " permit price."));
    out.add(
        new Captioned(
            LineChart.of("Energy by workload", PERIOD, Axis.of("energy", "MWh"))
                .line("inference", t, col(ps, p -> p.workloads().inferenceEnergy()))
                .line("training", t, col(ps, p -> p.workloads().trainingEnergy()))
                .dashed("covered by the program", t, col(ps, PeriodResult::totalEnergy))
                .figure(),
            "The energy each workload used: what the cap bounds is the covered line; the rest is"
                + " energy the program does not see."));
  }

  /**
   * Energy per unit of compute by size class, and energy against compute indexed to the first
   * period (decoupling). Drawn for every run, investing or not: without investment the same charts
   * show the composition effect alone (compute moving between developers of unequal efficiency),
   * the baseline an investment run is read against.
   */
  private static void efficiency(SimulationResult r, double[] t, List<Captioned> out) {
    Map<String, List<ClassPeriodRow>> byClass =
        new TreeMap<>(
            Comparator.comparingInt(ReportFigures::classOrder)
                .thenComparing(Comparator.naturalOrder()));
    for (ClassPeriodRow row : r.classPeriods()) {
      byClass.computeIfAbsent(row.sizeClass(), k -> new ArrayList<>()).add(row);
    }
    if (!byClass.isEmpty()) {
      LineChart perUnit =
          LineChart.of(
              "Energy per unit of compute by size class",
              PERIOD,
              Axis.of("energy per unit of compute", "MWh per compute unit"));
      for (Map.Entry<String, List<ClassPeriodRow>> e : byClass.entrySet()) {
        List<ClassPeriodRow> rows = e.getValue();
        double[] x = new double[rows.size()];
        double[] y = new double[rows.size()];
        for (int j = 0; j < x.length; j++) {
          x[j] = rows.get(j).period();
          y[j] = rows.get(j).energyPerUnit();
        }
        perUnit.line(e.getKey(), x, y);
      }
      out.add(
          new Captioned(
              perUnit.figure(),
              "Each class's energy over its compute, period by period (class-periods.csv). It"
                  + " falls when the class's developers invest in efficiency and moves when"
                  + " compute shifts between its more and less efficient members; a gap is a"
                  + " period in which the class ran nothing."));
    }
    List<PeriodResult> ps = r.periods();
    double[] energy = index(col(ps, PeriodResult::totalEnergy));
    double[] compute = index(col(ps, PeriodResult::totalCompute));
    if (anyFinite(energy) && anyFinite(compute)) {
      out.add(
          new Captioned(
              LineChart.of(
                      "Decoupling: energy against compute",
                      PERIOD,
                      Axis.of("index", "period 1 = 1"))
                  .line("total energy", t, energy)
                  .line("total compute", t, compute)
                  .figure(),
              "Total energy and total compute, each over its first period's value. Energy"
                  + " falling below compute is decoupling: the same compute run on fewer MWh,"
                  + " from investment in efficiency or compute moving to efficient firms."));
    }
    investment(byClass, out);
    benchmark(ps, t, out);
  }

  /**
   * What each size class spent on efficiency per period, in dollars, on a logarithmic axis: a
   * frontier lab spends hundreds of thousands where the academic labs together spend a thousand,
   * which a linear axis would flatten to nothing. Drawn only when someone invested.
   */
  private static void investment(Map<String, List<ClassPeriodRow>> byClass, List<Captioned> out) {
    boolean any = false;
    LineChart spent =
        LineChart.of(
            "Efficiency investment by size class",
            PERIOD,
            Axis.dollars("efficiency investment", "period").logarithmic());
    for (Map.Entry<String, List<ClassPeriodRow>> e : byClass.entrySet()) {
      List<ClassPeriodRow> rows = e.getValue();
      double[] x = new double[rows.size()];
      for (int j = 0; j < x.length; j++) {
        x[j] = rows.get(j).period();
        any |= rows.get(j).investmentCents() > 0;
      }
      spent.line(e.getKey(), x, investmentDollars(rows));
    }
    if (any) {
      out.add(
          new Captioned(
              spent.figure(),
              "What each class's active developers paid in the period to keep their efficiency"
                  + " effort, K(e) summed over the class (class-periods.csv), on a logarithmic"
                  + " axis. It rises with the permit price the developers expect; a gap is a"
                  + " period in which the class spent nothing."));
    }
  }

  /**
   * Each row's investment in dollars; NaN (a gap) where it spent nothing, since a logarithmic axis
   * has no zero.
   */
  static double[] investmentDollars(List<ClassPeriodRow> rows) {
    double[] y = new double[rows.size()];
    for (int j = 0; j < y.length; j++) {
      double cents = rows.get(j).investmentCents();
      y[j] = cents > 0 ? cents / 100.0 : Double.NaN;
    }
    return y;
  }

  /** The free allocation's benchmark B per period; only a BENCHMARK allocation has one. */
  private static void benchmark(List<PeriodResult> ps, double[] t, List<Captioned> out) {
    double[] b = col(ps, PeriodResult::benchmark);
    if (!anyFinite(b)) {
      return;
    }
    out.add(
        new Captioned(
            LineChart.of(
                    "Benchmark B of the free allocation",
                    PERIOD,
                    Axis.of("benchmark B", "covered quantity per unit of output"))
                .line("B", t, b)
                .figure(),
            "The engine's benchmark for the period's free allocation: the mean covered quantity"
                + " per unit of verified output of the best percentile of developers. It falls as"
                + " the industry gets more efficient, so each developer's free permits follow the"
                + " best performers rather than its own history."));
  }

  // Each value over the first one; all NaN when the first is not a positive number.
  private static double[] index(double[] v) {
    double base = v.length == 0 ? Double.NaN : v[0];
    double[] out = new double[v.length];
    for (int j = 0; j < v.length; j++) {
      out[j] = base > 0 ? v[j] / base : Double.NaN;
    }
    return out;
  }

  private static void enforcement(List<PeriodResult> ps, double[] t, List<Captioned> out) {
    out.add(
        new Captioned(
            LineChart.of("Compliance", PERIOD, Axis.share("developers assessed compliant"))
                .line("compliance", t, col(ps, PeriodResult::complianceRate))
                .figure(),
            "The share of active developers that reported truthfully, were not re-rated by"
                + " manipulation and surrendered their reported obligation."));
    out.add(
        new Captioned(
            LineChart.of("Evasion", PERIOD, Axis.share("true obligation left unreported"))
                .line("evasion", t, col(ps, PeriodResult::evasionRate))
                .figure(),
            "Zero while audits deter (rho·linear >= p, P2 Cor 3), positive once the permit price"
                + " exceeds the expected marginal penalty."));
    out.add(
        new Captioned(
            LineChart.of("Audits", PERIOD, Axis.count("audits"))
                .line("audits", t, col(ps, PeriodResult::audits))
                .line("shortfalls detected", t, col(ps, PeriodResult::detected))
                .figure(),
            "Audits are drawn by the engine's seeded lottery at period close; an audit measures"
                + " true quantity with noise and detects the shortfall it reveals."));
    out.add(
        new Captioned(
            LineChart.of("Penalties", PERIOD, Axis.dollars("penalties collected", null))
                .line("penalties", t, col(ps, p -> p.penaltiesCollected() / 100.0))
                .figure(),
            "What the engine charged phi(D) on assessed and detected shortfalls, and collected."));
    out.add(
        new Captioned(
            LineChart.of(
                    "Welfare lost against the planner",
                    PERIOD,
                    Axis.of("planner welfare - welfare", "utility units"))
                .line("permit market", t, col(ps, p -> p.plannerWelfare() - p.welfare()))
                .dashed(
                    "uniform command-and-control",
                    t,
                    col(ps, p -> p.plannerWelfare() - p.uniformWelfare()))
                .figure(),
            "How far each allocation falls short of the planner's optimum (P2 Prop 5), the most"
                + " the cap allows: a working permit market sits on zero, while uniform"
                + " command-and-control, which gives every developer the same compute (Prop 6),"
                + " loses what trading would have gained. Welfare is in the benefit functions'"
                + " utility units; the absolute values are in periods.csv."));
  }

  /**
   * Who earned and who paid, in two charts on linear dollar axes: the totals by size class (the
   * frontier lab's millions), then each small company and academic lab (their thousands), which a
   * shared axis would flatten to nothing.
   */
  static List<Captioned> whoPaid(List<DeveloperRow> developers) {
    Map<String, Long> byClass =
        new TreeMap<>(
            Comparator.comparingInt(ReportFigures::classOrder)
                .thenComparing(Comparator.naturalOrder()));
    for (DeveloperRow d : developers) {
      byClass.merge(d.sizeClass(), d.netTradingCents(), Long::sum);
    }
    BarChart classes = BarChart.of("Net cash from permits by size class", "size class", NET_CASH);
    for (Map.Entry<String, Long> e : byClass.entrySet()) {
      classes.bar(e.getKey(), e.getValue() / 100.0, e.getValue() < 0 ? "paid" : "earned");
    }
    List<DeveloperRow> small = new ArrayList<>();
    for (DeveloperRow d : developers) {
      if (d.sizeClass().equals("SMALL") || d.sizeClass().equals("ACADEMIC")) {
        small.add(d);
      }
    }
    small.sort(
        Comparator.comparingLong(DeveloperRow::netTradingCents)
            .reversed()
            .thenComparingLong(DeveloperRow::accountId));
    List<Captioned> out = new ArrayList<>();
    // With one size class its total is its trades with itself: zero, a chart of nothing.
    if (byClass.size() > 1) {
      out.add(
          new Captioned(
              classes.figure(),
              "Net cash from permits over the run, summed over each size class: exchange sales"
                  + " less exchange and primary-auction purchases."));
    }
    if (!small.isEmpty()) {
      BarChart each =
          BarChart.of("Net cash: small companies and academic labs", "developer", NET_CASH);
      for (DeveloperRow d : small) {
        each.bar(d.name(), d.netTradingCents() / 100.0, d.sizeClass());
      }
      out.add(
          new Captioned(
              each.figure(),
              "One bar per small company and academic lab, from the most earned to the most"
                  + " paid. A developer whose free allocation exceeds what it uses sells the"
                  + " surplus: P1's claim that efficiency becomes revenue for small firms."));
    }
    return out;
  }

  /** Means with 95% confidence bands over the replications, for the measures that vary. */
  static List<Captioned> replications(Replications reps) {
    List<PeriodResult> first = reps.runs().get(0).periods();
    double[] t = col(first, PeriodResult::period);
    List<Captioned> out = new ArrayList<>();
    out.add(
        band(
            reps,
            t,
            "Permit price over the replications",
            Axis.dollars("price", "permit"),
            p -> p.clearingPrice() / 100,
            p -> p.theoreticalPrice() / 100,
            false));
    out.add(
        band(
            reps,
            t,
            "Evasion over the replications",
            Axis.share("true obligation left unreported"),
            PeriodResult::evasionRate,
            null,
            true));
    out.add(
        band(
            reps,
            t,
            "Welfare against the planner over the replications",
            Axis.of("welfare / planner welfare", "ratio"),
            PeriodResult::welfareRatio,
            null,
            false));
    return out;
  }

  private static Captioned band(
      Replications reps,
      double[] t,
      String title,
      Axis y,
      ToDoubleFunction<PeriodResult> measure,
      ToDoubleFunction<PeriodResult> theory,
      boolean share) {
    double[] mean = new double[t.length];
    double[] low = new double[t.length];
    double[] high = new double[t.length];
    double[] theoryMean = new double[t.length];
    for (int j = 0; j < t.length; j++) {
      Stats s = share ? reps.shareStats(j, measure) : reps.stats(j, measure);
      mean[j] = s.mean();
      low[j] = s.low();
      high[j] = s.high();
      theoryMean[j] = theory == null ? Double.NaN : reps.stats(j, theory).mean();
    }
    LineChart chart =
        LineChart.of(title, PERIOD, y)
            .line("mean of " + reps.runs().size() + " runs", t, mean)
            .band("95% confidence interval", t, low, high);
    if (theory != null) {
      chart.dashed("theory, mean", t, theoryMean);
    }
    return new Captioned(
        chart.figure(),
        "Mean over the replications with its 95% Student-t confidence interval, per period.");
  }

  static int classOrder(String sizeClass) {
    return switch (sizeClass) {
      case "FRONTIER" -> 0;
      case "LARGE" -> 1;
      case "SMALL" -> 2;
      case "ACADEMIC" -> 3;
      default -> 4;
    };
  }

  static double[] col(List<PeriodResult> ps, ToDoubleFunction<PeriodResult> f) {
    double[] out = new double[ps.size()];
    for (int j = 0; j < out.length; j++) {
      out[j] = f.applyAsDouble(ps.get(j));
    }
    return out;
  }

  private static boolean anyFinite(double[] v) {
    for (double x : v) {
      if (Double.isFinite(x)) {
        return true;
      }
    }
    return false;
  }
}
