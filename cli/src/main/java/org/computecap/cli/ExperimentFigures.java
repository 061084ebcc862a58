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
        out.add(heatmap(r, m, numeric.get(0), numeric.get(1), dir));
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
    XYChart chart =
        Charts.lineChart(
            title,
            axis(factor.label(), factor.unit()),
            axis(metric.label(), unit(metric)),
            false,
            false);
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
    XYChart chart =
        Charts.lineChart(
            title,
            axis(factor.label(), factor.unit()),
            axis(metric.label(), unit(metric)),
            false,
            false);
    chart.getStyler().setXAxisDecimalPattern("#,##0.###");
    XYSeries points = chart.addSeries("cells", x, y, err);
    points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    points.setMarker(SeriesMarkers.CIRCLE);
    points.setMarkerColor(PALETTE[0]);
    return save(chart, dir, metric.name() + "-vs-" + safe(factor.name()), title);
  }

  private static Figure heatmap(ExperimentResult r, int m, int fx, int fy, Path dir)
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
        double v = pooled2(r, m, fx, xs.get(i), fy, ys.get(j)) * scale;
        if (Double.isFinite(v)) {
          z.add(new Number[] {i, j, v});
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    String title = metric.label() + " (" + unit(metric) + "), mean over runs";
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
    styler.setHeatMapDecimalValueFormatter(ExperimentFigures::round3);
    styler.setRangeColors(
        new Color[] {new Color(68, 1, 84), new Color(33, 145, 140), new Color(253, 231, 37)});
    if (Double.isFinite(min)) {
      styler.setMin(min);
      styler.setMax(max > min ? max : min + 1);
    }
    chart.addSeries(metric.label(), labels(xs), labels(ys), z);
    return save(chart, dir, metric.name() + "-heatmap", title);
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

  private static double pooled2(ExperimentResult r, int m, int fx, JsonNode x, int fy, JsonNode y) {
    List<Double> values = new ArrayList<>();
    for (Cell c : r.experiment().cells()) {
      if (c.values().get(fx).equals(x) && c.values().get(fy).equals(y)) {
        for (double v : r.values(c.index(), m)) {
          values.add(v);
        }
      }
    }
    return Stats.of(values.stream().mapToDouble(Double::doubleValue).toArray()).mean();
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
    return values.stream().map(v -> TextTable.number(v.asDouble())).toList();
  }

  /** Three significant digits, plain between 0.001 and a million: colour-bar and cell labels. */
  static String round3(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v == 0 ? "0" : "";
    }
    return new java.math.BigDecimal(v)
        .round(new java.math.MathContext(3))
        .stripTrailingZeros()
        .toPlainString();
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
