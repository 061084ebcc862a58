package org.computecap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.computecap.figures.Axis;
import org.computecap.figures.Figure;
import org.computecap.figures.HeatMap;
import org.computecap.figures.LineChart;
import org.computecap.sim.experiment.Cell;
import org.computecap.sim.experiment.Design;
import org.computecap.sim.experiment.Experiment;
import org.computecap.sim.experiment.ExperimentResult;
import org.computecap.sim.experiment.Factor;
import org.computecap.sim.experiment.Metric;
import org.computecap.sim.report.FieldAxis;
import org.computecap.sim.run.Stats;

/**
 * An experiment's figures on the project's chart stack (module figures, docs/figures.md): each
 * metric against each numeric factor, as the mean over the runs at each value with its 95%
 * confidence band (one line per level of the first categorical factor, other factors pooled); a
 * Latin-hypercube design shows each cell's mean instead; and for two numeric factors on a grid, a
 * heatmap of each metric with its colour bar (per level of a categorical factor, and for two levels
 * their difference, which shows where each level wins). Program fields are shown in people's units
 * (parts per million as shares, cents as dollars) by {@link FieldAxis}.
 */
final class ExperimentFigures {
  /** Metrics drawn when the experiment lists none (all of them would bury the ones that matter). */
  private static final Set<String> DEFAULT =
      Set.of(
          "clearing_price_cents",
          "evasion_share",
          "compliance_share",
          "welfare_vs_planner_ratio",
          "net_welfare_cents");

  /** A written figure: its title, its two files and the figure itself (for inline SVG). */
  record Written(String title, Path png, Figure figure) {}

  /** A factor drawn on an axis: the axis and what a value is divided by to read on it. */
  private record FactorAxis(Axis axis, double divisor) {}

  private ExperimentFigures() {}

  static List<Written> draw(ExperimentResult r, Path dir) throws IOException {
    Files.createDirectories(dir);
    Experiment e = r.experiment();
    List<Written> out = new ArrayList<>();
    int series = seriesFactor(e);
    List<Integer> numeric = new ArrayList<>();
    for (int f = 0; f < e.factors().size(); f++) {
      if (e.factors().get(f).numeric()) {
        numeric.add(f);
      }
    }
    for (int m = 0; m < e.metrics().size(); m++) {
      if (e.metrics().size() == Metric.all().size()
          && !DEFAULT.contains(e.metrics().get(m).name())) {
        continue;
      }
      for (int f : numeric) {
        Figure fig =
            e.design() == Design.LATIN_HYPERCUBE ? scatter(r, m, f) : effect(r, m, f, series);
        out.add(write(fig, dir, e.metrics().get(m).name() + "-vs-" + safe(e.factors().get(f))));
      }
      if (numeric.size() >= 2 && e.design() != Design.LATIN_HYPERCUBE) {
        out.addAll(heatmaps(r, m, numeric.get(0), numeric.get(1), series, dir));
      }
      // Only named levels (a scope ablation): nothing to put on an x axis but time, so each cell
      // is a line over the periods.
      // A spread's per-period values are what it spreads over (a volatility's are the price
      // changes), not the spread: drawn by period they would be titled wrongly.
      if (numeric.isEmpty() && r.periods().size() > 1 && !e.metrics().get(m).spreadOverPeriods()) {
        out.add(write(byPeriod(r, m), dir, e.metrics().get(m).name() + "-by-period"));
      }
    }
    return out;
  }

  private static Figure byPeriod(ExperimentResult r, int m) {
    Experiment e = r.experiment();
    Metric metric = e.metrics().get(m);
    List<Integer> periods = r.periods();
    LineChart chart =
        LineChart.of(metric.label() + " by period (mean, 95% CI)", Axis.period(), axis(metric));
    for (Cell c : e.cells()) {
      double[] x = new double[periods.size()];
      double[] mean = new double[x.length];
      double[] low = new double[x.length];
      double[] high = new double[x.length];
      for (int p = 0; p < x.length; p++) {
        Stats st = r.stats(c.index(), p, m);
        x[p] = periods.get(p);
        mean[p] = st.mean() * scale(metric);
        low[p] = st.low() * scale(metric);
        high[p] = st.high() * scale(metric);
      }
      List<String> names = new ArrayList<>();
      for (JsonNode v : c.values()) {
        names.add(v.asText());
      }
      String name = String.join(", ", names);
      chart.line(name, x, mean).band(name + " CI", x, low, high);
    }
    return chart.figure();
  }

  /** The first factor that is not numeric: its levels become the lines of each plot. */
  private static int seriesFactor(Experiment e) {
    for (int f = 0; f < e.factors().size(); f++) {
      if (!e.factors().get(f).numeric()) {
        return f;
      }
    }
    return -1;
  }

  private static Figure effect(ExperimentResult r, int m, int f, int s) {
    Experiment e = r.experiment();
    Metric metric = e.metrics().get(m);
    Factor factor = e.factors().get(f);
    FactorAxis fx = axis(e, f);
    List<JsonNode> xs = sortedValues(e, f);
    List<JsonNode> levels = s < 0 ? List.of() : distinct(e, s);
    LineChart chart = LineChart.of(effectTitle(e, metric, f, s), fx.axis(), axis(metric));
    for (int l = 0; l < Math.max(1, levels.size()); l++) {
      JsonNode level = levels.isEmpty() ? null : levels.get(l);
      double[] x = new double[xs.size()];
      double[] mean = new double[xs.size()];
      double[] low = new double[xs.size()];
      double[] high = new double[xs.size()];
      for (int i = 0; i < xs.size(); i++) {
        Stats st = pooled(r, m, f, xs.get(i), -1, null, s, level);
        x[i] = xs.get(i).asDouble() / fx.divisor();
        mean[i] = st.mean() * scale(metric);
        low[i] = st.low() * scale(metric);
        high[i] = st.high() * scale(metric);
      }
      String name = level == null ? "all cells" : level.asText();
      chart.line(name, x, mean).band(name + " CI", x, low, high);
    }
    return chart.figure();
  }

  // The line at each x pools every cell with that value, so the title names the factors
  // averaged over: a reader must not take the line for one cell's answer.
  private static String effectTitle(Experiment e, Metric metric, int f, int s) {
    List<String> pooled = new ArrayList<>();
    for (int g = 0; g < e.factors().size(); g++) {
      if (g != f && g != s) {
        pooled.add(shortLabel(e.factors().get(g).label()));
      }
    }
    return metric.label()
        + " (mean, 95% CI"
        + (pooled.isEmpty() ? "" : "; pooled over " + String.join(", ", pooled))
        + ")";
  }

  // A label's closing parenthetical ("developer heterogeneity (spread of benefits)") explains the
  // axis it titles; in a title's list of factors pooled over, it would push the title off the page.
  static String shortLabel(String label) {
    String s = label.strip();
    if (s.endsWith(")")) {
      int open = s.lastIndexOf(" (");
      if (open > 0) {
        return s.substring(0, open);
      }
    }
    return s;
  }

  private static Figure scatter(ExperimentResult r, int m, int f) {
    Experiment e = r.experiment();
    Metric metric = e.metrics().get(m);
    FactorAxis fx = axis(e, f);
    double[] x = new double[e.cells().size()];
    double[] y = new double[e.cells().size()];
    for (Cell c : e.cells()) {
      x[c.index()] = c.values().get(f).asDouble() / fx.divisor();
      y[c.index()] = r.stats(c.index(), m).mean() * scale(metric);
    }
    return LineChart.of(metric.label() + " (cell means)", fx.axis(), axis(metric))
        .points("cells (mean of " + e.replications() + " replications)", x, y)
        .figure();
  }

  /**
   * Heatmaps over two numeric factors: pooled over everything else when there is no categorical
   * factor; otherwise one per level of it and, for two levels, their difference.
   */
  private static List<Written> heatmaps(ExperimentResult r, int m, int fx, int fy, int s, Path dir)
      throws IOException {
    Experiment e = r.experiment();
    Metric metric = e.metrics().get(m);
    List<Written> out = new ArrayList<>();
    if (s < 0) {
      double[][] v = surface(r, m, fx, fy, s, null);
      if (defined(v)) {
        out.add(
            write(
                heatmap(e, metric, metric.label() + ", mean over runs", fx, fy, v, false),
                dir,
                metric.name() + "-heatmap"));
      }
      return out;
    }
    List<JsonNode> levels = distinct(e, s);
    for (JsonNode level : levels) {
      double[][] v = surface(r, m, fx, fy, s, level);
      if (defined(v)) {
        String title = metric.label() + ": " + level.asText();
        out.add(
            write(
                heatmap(e, metric, title, fx, fy, v, false),
                dir,
                metric.name() + "-heatmap-" + level.asText().replaceAll("[^A-Za-z0-9_.-]", "_")));
      }
    }
    if (levels.size() == 2) {
      double[][] a = surface(r, m, fx, fy, s, levels.get(0));
      double[][] b = surface(r, m, fx, fy, s, levels.get(1));
      double[][] d = new double[a.length][];
      for (int i = 0; i < a.length; i++) {
        d[i] = new double[a[i].length];
        for (int j = 0; j < a[i].length; j++) {
          d[i][j] = a[i][j] - b[i][j];
        }
      }
      if (defined(d)) {
        String title = levels.get(0).asText() + " minus " + levels.get(1).asText();
        out.add(
            write(
                heatmap(e, metric, title, fx, fy, d, true),
                dir,
                metric.name() + "-heatmap-difference"));
      }
    }
    return out;
  }

  private static Figure heatmap(
      Experiment e,
      Metric metric,
      String title,
      int fx,
      int fy,
      double[][] values,
      boolean difference) {
    FactorAxis x = axis(e, fx);
    FactorAxis y = axis(e, fy);
    double[] xs =
        sortedValues(e, fx).stream().mapToDouble(v -> v.asDouble() / x.divisor()).toArray();
    double[] ys =
        sortedValues(e, fy).stream().mapToDouble(v -> v.asDouble() / y.divisor()).toArray();
    Axis value = axis(metric);
    if (difference && value.kind() == Axis.Kind.SHARE) {
      value = Axis.of(metric.label() + " difference", "share points");
    }
    return HeatMap.of(title, x.axis(), xs, y.axis(), ys, value).values(values).figure();
  }

  /** Means at each (y row, x column) of the two factors, in the metric's display unit. */
  private static double[][] surface(
      ExperimentResult r, int m, int fx, int fy, int s, JsonNode level) {
    Experiment e = r.experiment();
    List<JsonNode> xs = sortedValues(e, fx);
    List<JsonNode> ys = sortedValues(e, fy);
    double[][] v = new double[ys.size()][xs.size()];
    for (int i = 0; i < ys.size(); i++) {
      for (int j = 0; j < xs.size(); j++) {
        v[i][j] =
            pooled(r, m, fx, xs.get(j), fy, ys.get(i), s, level).mean() * scale(e.metrics().get(m));
      }
    }
    return v;
  }

  /**
   * A value as a heatmap cell prints it: whole dollars (or units) from 100 up, four significant
   * figures below; the CSV tables keep full precision.
   */
  private static double readable(double v) {
    if (!Double.isFinite(v) || v == 0) {
      return v;
    }
    if (Math.abs(v) >= 100) {
      return Math.rint(v);
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue();
  }

  private static boolean defined(double[][] v) {
    for (double[] row : v) {
      for (double d : row) {
        if (Double.isFinite(d)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Statistics of the replication values of every cell where factor fx is x, factor fy is y (when
   * fy >= 0) and factor s is level (when s >= 0).
   */
  private static Stats pooled(
      ExperimentResult r, int m, int fx, JsonNode x, int fy, JsonNode y, int s, JsonNode level) {
    List<Double> values = new ArrayList<>();
    for (Cell c : r.experiment().cells()) {
      if (c.values().get(fx).equals(x)
          && (fy < 0 || c.values().get(fy).equals(y))
          && (s < 0 || c.values().get(s).equals(level))) {
        for (double v : r.values(c.index(), m)) {
          values.add(v);
        }
      }
    }
    return Stats.of(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** A metric's axis: shares on [0, 1], cents as dollars, counts whole. */
  private static Axis axis(Metric m) {
    if (m.share()) {
      return Axis.share(m.label());
    }
    if (m.unit().startsWith("cents")) {
      String per = m.unit().startsWith("cents per ") ? m.unit().substring(10) : null;
      return Axis.dollars(m.label(), per);
    }
    if (m.whole() && !m.unit().equals("permits")) {
      return Axis.count(m.label());
    }
    return Axis.of(m.label(), m.unit());
  }

  private static double scale(Metric m) {
    return m.unit().startsWith("cents") ? 0.01 : 1.0;
  }

  /**
   * A factor's axis: a whole-number program field in people's units ({@link FieldAxis}); a factor
   * whose file gives a unit in that unit (a share when the unit is "share"); otherwise the value as
   * it is.
   */
  private static FactorAxis axis(Experiment e, int f) {
    Factor factor = e.factors().get(f);
    List<JsonNode> values = distinct(e, f);
    String last = factor.name().substring(factor.name().lastIndexOf('.') + 1);
    boolean whole = values.stream().allMatch(JsonNode::isIntegralNumber);
    boolean programUnit =
        last.endsWith("Ppm") || last.contains("Cents") || last.endsWith("Permits");
    if (whole && programUnit) {
      FieldAxis a =
          FieldAxis.of(
              factor.name().startsWith("program.") ? factor.name().substring(8) : factor.name(),
              values.stream().mapToLong(JsonNode::asLong).toArray());
      return new FactorAxis(a.axis(), a.divisor());
    }
    if (factor.unit().equals("share")) {
      return new FactorAxis(Axis.share(factor.label()), 1.0);
    }
    return new FactorAxis(
        Axis.of(factor.label(), factor.unit().isEmpty() ? "value" : factor.unit()), 1.0);
  }

  private static List<JsonNode> sortedValues(Experiment e, int f) {
    List<JsonNode> v = distinct(e, f);
    v.sort((a, b) -> Double.compare(a.asDouble(), b.asDouble()));
    return v;
  }

  private static List<JsonNode> distinct(Experiment e, int f) {
    Set<JsonNode> seen = new LinkedHashSet<>();
    for (Cell c : e.cells()) {
      seen.add(c.values().get(f));
    }
    return new ArrayList<>(seen);
  }

  private static String safe(Factor f) {
    return f.name().replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  private static Written write(Figure figure, Path dir, String base) throws IOException {
    List<Path> files = figure.write(dir, base);
    return new Written(figure.title(), files.get(0), figure);
  }
}
