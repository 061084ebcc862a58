package org.computecap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.computecap.sim.experiment.Cell;
import org.computecap.sim.experiment.Design;
import org.computecap.sim.experiment.Experiment;
import org.computecap.sim.experiment.ExperimentResult;
import org.computecap.sim.experiment.Factor;
import org.computecap.sim.experiment.Metric;
import org.computecap.sim.run.Stats;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * An experiment's figures, PNG and SVG: each metric against each numeric factor, as the mean over
 * the runs at each value with its 95% confidence band (one line per level of the first categorical
 * factor, other factors pooled); a Latin-hypercube design shows each cell's mean with its interval
 * instead; and for two numeric factors on a grid, a heatmap of each metric with a colour bar. Money
 * is shown in dollars, shares on [0, 1]; every axis names its unit.
 */
final class ExperimentFigures {
  private static final Color[] PALETTE = {
    new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44),
    new Color(148, 103, 189), new Color(255, 127, 14), new Color(140, 86, 75)
  };

  /** Metrics drawn when the experiment lists none (all 29 would bury the ones that matter). */
  private static final Set<String> DEFAULT =
      Set.of(
          "clearingPriceCents", "evasionRate", "complianceRate", "welfareRatio", "netWelfareCents");

  /** A written figure: its title and its two files. */
  record Figure(String title, Path png, Path svg) {}

  private ExperimentFigures() {}

  static List<Figure> draw(ExperimentResult r, Path dir) throws IOException {
    Files.createDirectories(dir);
    Experiment e = r.experiment();
    List<Figure> out = new ArrayList<>();
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
        out.add(
            e.design() == Design.LATIN_HYPERCUBE
                ? scatter(r, m, f, dir)
                : effect(r, m, f, series, dir));
      }
      if (numeric.size() >= 2 && e.design() != Design.LATIN_HYPERCUBE) {
        heatmaps(r, m, numeric.get(0), numeric.get(1), series, dir).stream()
            .filter(java.util.Objects::nonNull)
            .forEach(out::add);
      }
    }
    return out;
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

  private static Figure effect(ExperimentResult r, int m, int f, int s, Path dir)
      throws IOException {
    Experiment e = r.experiment();
    Metric metric = e.metrics().get(m);
    Factor factor = e.factors().get(f);
    double scale = scale(metric);
    List<JsonNode> xs = sortedValues(e, f);
    List<JsonNode> levels = s < 0 ? List.of() : distinct(e, s);
    String title = metric.label() + " against " + factor.label() + " (mean, 95% CI)";
    XYChart chart = against(title, factor, metric);
    int nLines = Math.max(1, levels.size());
    for (int l = 0; l < nLines; l++) {
      double[] x = new double[xs.size()];
      double[] mean = new double[xs.size()];
      double[] low = new double[xs.size()];
      double[] high = new double[xs.size()];
      for (int i = 0; i < xs.size(); i++) {
        JsonNode level = levels.isEmpty() ? null : levels.get(l);
        Stats st = pooled(r, m, f, xs.get(i), s, level);
        x[i] = xs.get(i).asDouble();
        mean[i] = st.mean() * scale;
        low[i] = (metric.share() ? st.low(0.0) : st.low()) * scale;
        high[i] = (metric.share() ? st.high(1.0) : st.high()) * scale;
      }
      String name = levels.isEmpty() ? "all cells" : levels.get(l).asText();
      Color color = PALETTE[l % PALETTE.length];
      band(chart, name + " 95% CI", x, low, high, color);
      Charts.addLine(chart, name, x, mean, color);
    }
    return save(chart, dir, metric.name() + "-vs-" + safe(factor.name()), title);
  }

  private static Figure scatter(ExperimentResult r, int m, int f, Path dir) throws IOException {
    Experiment e = r.experiment();
    Metric metric = e.metrics().get(m);
    Factor factor = e.factors().get(f);
    double scale = scale(metric);
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    List<Double> err = new ArrayList<>();
    for (Cell c : e.cells()) {
      Stats st = r.stats(c.index(), m);
      if (Double.isFinite(st.mean())) {
        x.add(c.values().get(f).asDouble());
        y.add(st.mean() * scale);
        err.add(Double.isFinite(st.halfWidth()) ? st.halfWidth() * scale : 0.0);
      }
    }
    String title = metric.label() + " against " + factor.label() + " (cell means, 95% CI)";
    XYChart chart = against(title, factor, metric);
    XYSeries points = chart.addSeries("cells", x, y, err);
    points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    points.setMarker(SeriesMarkers.CIRCLE);
    points.setMarkerColor(PALETTE[0]);
    return save(chart, dir, metric.name() + "-vs-" + safe(factor.name()), title);
  }

  /**
   * Heatmaps of metric m over two numeric factors: pooled over everything else when there is no
   * categorical factor; otherwise one per level of it and, for two levels, their difference on a
   * diverging scale centred on zero, which shows at a glance where each level wins.
   */
  private static List<Figure> heatmaps(ExperimentResult r, int m, int fx, int fy, int s, Path dir)
      throws IOException {
    Metric metric = r.experiment().metrics().get(m);
    List<Figure> out = new ArrayList<>();
    if (s < 0) {
      out.add(
          heatmap(
              r,
              m,
              fx,
              fy,
              (x, y) -> pooled(r, m, fx, x, fy, y, -1, null).mean(),
              metric.label() + " (" + unit(metric) + "), mean over runs",
              metric.name() + "-heatmap",
              false,
              dir));
      return out;
    }
    Factor series = r.experiment().factors().get(s);
    List<JsonNode> levels = distinct(r.experiment(), s);
    for (JsonNode level : levels) {
      out.add(
          heatmap(
              r,
              m,
              fx,
              fy,
              (x, y) -> pooled(r, m, fx, x, fy, y, s, level).mean(),
              metric.label() + " (" + unit(metric) + "), " + series.label() + " " + level.asText(),
              metric.name() + "-heatmap-" + safe(level.asText()),
              false,
              dir));
    }
    if (levels.size() == 2) {
      JsonNode a = levels.get(0);
      JsonNode b = levels.get(1);
      out.add(
          heatmap(
              r,
              m,
              fx,
              fy,
              (x, y) ->
                  pooled(r, m, fx, x, fy, y, s, a).mean() - pooled(r, m, fx, x, fy, y, s, b).mean(),
              metric.label() + " (" + unit(metric) + "): " + a.asText() + " minus " + b.asText(),
              metric.name() + "-heatmap-difference",
              true,
              dir));
    }
    return out;
  }

  /** A cell value of a heatmap at (x, y) factor values, in the metric's own unit. */
  private interface Surface {
    double at(JsonNode x, JsonNode y);
  }

  private static Figure heatmap(
      ExperimentResult r,
      int m,
      int fx,
      int fy,
      Surface surface,
      String title,
      String file,
      boolean diverging,
      Path figuresDir)
      throws IOException {
    Experiment e = r.experiment();
    Metric metric = e.metrics().get(m);
    Factor x = e.factors().get(fx);
    Factor y = e.factors().get(fy);
    double scale = scale(metric);
    List<JsonNode> xs = sortedValues(e, fx);
    List<JsonNode> ys = sortedValues(e, fy);
    List<Number[]> z = new ArrayList<>();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < xs.size(); i++) {
      for (int j = 0; j < ys.size(); j++) {
        double v = surface.at(xs.get(i), ys.get(j)) * scale;
        if (Double.isFinite(v)) {
          z.add(new Number[] {i, j, v});
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    HeatMapChart chart =
        new HeatMapChartBuilder()
            .width(900)
            .height(640)
            .title(title)
            .xAxisTitle(axis(x.label(), x.unit()))
            .yAxisTitle(axis(y.label(), y.unit()))
            .build();
    var styler = chart.getStyler();
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotContentSize(1.0);
    styler.setShowValue(xs.size() * ys.size() <= 64);
    double largest = Math.max(Math.abs(min), Math.abs(max));
    int digits =
        largest > 0 && Double.isFinite(largest)
            ? Math.max(0, 2 - (int) Math.floor(Math.log10(largest)))
            : 0;
    styler.setHeatMapValueDecimalPattern(digits == 0 ? "#,##0" : "#,##0." + "#".repeat(digits));
    if (diverging) {
      double bound = Math.max(Math.abs(min), Math.abs(max));
      min = -bound;
      max = bound;
      styler.setRangeColors(
          new Color[] {new Color(33, 102, 172), Color.WHITE, new Color(178, 24, 43)});
    } else {
      styler.setRangeColors(
          new Color[] {new Color(68, 1, 84), new Color(33, 145, 140), new Color(253, 231, 37)});
    }
    if (Double.isFinite(min)) {
      // The colour bar prints its ends as they are: round them outwards to two figures.
      styler.setMin(roundOut(min, false));
      styler.setMax(max > min ? roundOut(max, true) : min + 1);
    }
    if (z.isEmpty()) {
      return null; // undefined everywhere, e.g. a price where nothing trades
    }
    chart.addSeries(metric.label(), labels(xs), labels(ys), z);
    return save(chart, figuresDir, file, title);
  }

  /** Pooled replication values of the cells where factor f is x (and factor s is level). */
  private static Stats pooled(ExperimentResult r, int m, int f, JsonNode x, int s, JsonNode level) {
    List<Double> values = new ArrayList<>();
    for (Cell c : r.experiment().cells()) {
      if (c.values().get(f).equals(x) && (level == null || c.values().get(s).equals(level))) {
        for (double v : r.values(c.index(), m)) {
          values.add(v);
        }
      }
    }
    return Stats.of(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** Pooled replication values where fx is x and fy is y (and factor s is level, if s >= 0). */
  private static Stats pooled(
      ExperimentResult r, int m, int fx, JsonNode x, int fy, JsonNode y, int s, JsonNode level) {
    List<Double> values = new ArrayList<>();
    for (Cell c : r.experiment().cells()) {
      if (c.values().get(fx).equals(x)
          && c.values().get(fy).equals(y)
          && (s < 0 || c.values().get(s).equals(level))) {
        for (double v : r.values(c.index(), m)) {
          values.add(v);
        }
      }
    }
    return Stats.of(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** A translucent polygon from the lower bounds forwards and the upper bounds back. */
  private static void band(
      XYChart chart, String name, double[] x, double[] low, double[] high, Color color) {
    List<Double> px = new ArrayList<>();
    List<Double> py = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(low[i]) && Double.isFinite(high[i])) {
        px.add(x[i]);
        py.add(low[i]);
      }
    }
    for (int i = x.length - 1; i >= 0; i--) {
      if (Double.isFinite(low[i]) && Double.isFinite(high[i])) {
        px.add(x[i]);
        py.add(high[i]);
      }
    }
    if (px.size() < 4) {
      return;
    }
    XYSeries s = chart.addSeries(name, px, py);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
    s.setMarker(SeriesMarkers.NONE);
    Color fill = new Color(color.getRed(), color.getGreen(), color.getBlue(), 50);
    s.setFillColor(fill);
    s.setLineColor(fill);
    s.setShowInLegend(false);
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

  private static List<String> labels(List<JsonNode> values) {
    java.text.DecimalFormat plain =
        new java.text.DecimalFormat(
            "#,##0.######", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
    return values.stream().map(v -> plain.format(v.asDouble())).toList();
  }

  /**
   * A line chart of a metric against a factor, axes titled with their units and tick labels as
   * people write numbers (1,000,000 and 0.05, not 1E6 and .05).
   */
  private static XYChart against(String title, Factor factor, Metric metric) {
    XYChart chart =
        Charts.lineChart(
            title,
            axis(factor.label(), factor.unit()),
            axis(metric.label(), unit(metric)),
            false,
            false);
    chart.getStyler().setXAxisDecimalPattern("#,##0.######");
    chart.getStyler().setYAxisDecimalPattern("#,##0.######");
    return chart;
  }

  /** {@code v} rounded away from the data to two significant figures (up for a maximum). */
  static double roundOut(double v, boolean up) {
    if (v == 0 || !Double.isFinite(v)) {
      return v;
    }
    double unit = Math.pow(10, Math.floor(Math.log10(Math.abs(v))) - 1);
    return (up ? Math.ceil(v / unit) : Math.floor(v / unit)) * unit;
  }

  /** Cents are shown as dollars. */
  private static double scale(Metric m) {
    return m.unit().startsWith("cents") ? 0.01 : 1.0;
  }

  private static String unit(Metric m) {
    return m.unit().startsWith("cents") ? m.unit().replace("cents", "dollars") : m.unit();
  }

  private static String axis(String label, String unit) {
    return unit.isEmpty() ? label : label + " (" + unit + ")";
  }

  private static String safe(String s) {
    return s.replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  private static Figure save(Chart<?, ?> chart, Path dir, String base, String title)
      throws IOException {
    Path png = dir.resolve(base + ".png");
    Path svg = dir.resolve(base + ".svg");
    BitmapEncoder.saveBitmapWithDPI(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG, 144);
    VectorGraphicsEncoder.saveVectorGraphic(
        chart, svg.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    return new Figure(title, png, svg);
  }
}
