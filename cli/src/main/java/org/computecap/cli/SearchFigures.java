package org.computecap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.computecap.figures.Axis;
import org.computecap.figures.Figure;
import org.computecap.figures.HeatMap;
import org.computecap.figures.LineChart;
import org.computecap.sim.report.FieldAxis;
import org.computecap.sim.run.Stats;
import org.computecap.sim.search.PolicySearch;
import org.computecap.sim.search.SearchParameter;
import org.computecap.sim.search.SearchPoint;
import org.computecap.sim.search.SearchResult;

/**
 * A policy search's figures on the project's chart stack: for each parameter, the objective along
 * it through the optimum (every evaluated point whose other parameters equal the optimum's) less
 * the optimum's, paired replication by replication, as a line with its 95% band (the paired
 * difference is what decides near-optimality: the objective's own interval also holds the spread
 * between replications, which common random numbers cancel), the optimum and the other near-optimal
 * points marked; and for the two surface parameters a heatmap of the objective's mean over the
 * points evaluated in that plane through the optimum (a cell never evaluated is blank).
 */
final class SearchFigures {
  private SearchFigures() {}

  static List<ExperimentFigures.Written> draw(SearchResult r, Path dir) throws IOException {
    Files.createDirectories(dir);
    PolicySearch s = r.search();
    List<ExperimentFigures.Written> out = new ArrayList<>();
    for (int i = 0; i < s.parameters().size(); i++) {
      Figure f = profile(r, i);
      if (f != null) {
        out.add(write(f, dir, "objective-vs-" + safe(s.parameters().get(i).field())));
      }
    }
    if (s.surface().size() == 2) {
      int x = s.surface().get(0);
      int y = s.surface().get(1);
      out.add(
          write(
              heatmap(r, x, y),
              dir,
              "objective-heatmap-"
                  + safe(s.parameters().get(x).field())
                  + "-"
                  + safe(s.parameters().get(y).field())));
    }
    return out;
  }

  // The points evaluated along parameter i with every other parameter at the optimum's value.
  private static Figure profile(SearchResult r, int i) {
    PolicySearch s = r.search();
    List<SearchPoint> line = new ArrayList<>();
    for (SearchPoint p : r.points()) {
      if (p.defined() && onPlane(p, r.optimum(), i, -1)) {
        line.add(p);
      }
    }
    if (line.size() < 2) {
      return null;
    }
    line.sort((a, b) -> Double.compare(a.value(i), b.value(i)));
    Scaled ax = axis(s, i, line);
    int n = line.size();
    double[] x = new double[n];
    double[] mean = new double[n];
    double[] low = new double[n];
    double[] high = new double[n];
    List<double[]> near = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      SearchPoint p = line.get(k);
      Stats d = r.difference(p);
      x[k] = p.value(i) / ax.divisor();
      mean[k] = d.mean() * scale(s);
      low[k] = (Double.isFinite(d.low()) ? d.low() : d.mean()) * scale(s);
      high[k] = (Double.isFinite(d.high()) ? d.high() : d.mean()) * scale(s);
      if (r.nearOptimal(p) && p != r.optimum()) {
        near.add(new double[] {x[k], mean[k]});
      }
    }
    SearchPoint best = r.optimum();
    LineChart chart =
        LineChart.of(
                "along "
                    + s.parameters().get(i).label()
                    + ", others at the optimum (paired, 95% CI)",
                ax.axis(),
                objectiveAxis(s, "objective minus the optimum's"))
            .line("difference from the optimum", x, mean)
            .band("95% CI", x, low, high);
    // XChart refuses an empty series: mark the others only when there are some.
    if (!near.isEmpty()) {
      chart.points(
          "not significantly worse",
          near.stream().mapToDouble(v -> v[0]).toArray(),
          near.stream().mapToDouble(v -> v[1]).toArray());
    }
    chart.points("optimum", new double[] {best.value(i) / ax.divisor()}, new double[] {0.0});
    return chart.figure();
  }

  private static Figure heatmap(SearchResult r, int ix, int iy) {
    PolicySearch s = r.search();
    List<SearchPoint> plane = new ArrayList<>();
    TreeSet<Double> xs = new TreeSet<>();
    TreeSet<Double> ys = new TreeSet<>();
    for (SearchPoint p : r.points()) {
      if (p.defined() && onPlane(p, r.optimum(), ix, iy)) {
        plane.add(p);
        xs.add(p.value(ix));
        ys.add(p.value(iy));
      }
    }
    List<Double> xl = new ArrayList<>(xs);
    List<Double> yl = new ArrayList<>(ys);
    double[][] v = new double[yl.size()][xl.size()];
    for (double[] row : v) {
      java.util.Arrays.fill(row, Double.NaN);
    }
    for (SearchPoint p : plane) {
      v[yl.indexOf(p.value(iy))][xl.indexOf(p.value(ix))] = r.objective(p).mean() * scale(s);
    }
    Scaled ax = axis(s, ix, plane);
    Scaled ay = axis(s, iy, plane);
    SearchPoint best = r.optimum();
    String title =
        "objective (mean), others at the optimum; optimum at "
            + SearchReport.num(best.value(ix) / ax.divisor())
            + ", "
            + SearchReport.num(best.value(iy) / ay.divisor());
    return HeatMap.of(
            title,
            ax.axis(),
            xl.stream().mapToDouble(d -> d / ax.divisor()).toArray(),
            ay.axis(),
            yl.stream().mapToDouble(d -> d / ay.divisor()).toArray(),
            objectiveAxis(s, "objective"))
        .values(v)
        .figure();
  }

  // Whether p equals the optimum in every parameter but i and j.
  private static boolean onPlane(SearchPoint p, SearchPoint best, int i, int j) {
    for (int k = 0; k < p.values().size(); k++) {
      if (k != i && k != j && !p.values().get(k).equals(best.values().get(k))) {
        return false;
      }
    }
    return true;
  }

  // An objective the file states in cents is drawn in dollars, as every money axis is.
  private static Axis objectiveAxis(PolicySearch s, String quantity) {
    return s.objective().unit().equals("cents")
        ? Axis.dollars(quantity, null)
        : Axis.of(quantity, s.objective().unit());
  }

  private static double scale(PolicySearch s) {
    return s.objective().unit().equals("cents") ? 0.01 : 1.0;
  }

  private record Scaled(Axis axis, double divisor) {}

  /**
   * A parameter's axis: a whole-number program field in people's units ({@link FieldAxis}: ppm as a
   * share, cents as dollars), otherwise its label and unit.
   */
  private static Scaled axis(PolicySearch s, int i, List<SearchPoint> points) {
    SearchParameter p = s.parameters().get(i);
    String last = p.field().substring(p.field().lastIndexOf('.') + 1);
    boolean programUnit =
        last.endsWith("Ppm") || last.contains("Cents") || last.endsWith("Permits");
    if (p.whole() && programUnit) {
      long[] values = points.stream().mapToLong(q -> q.values().get(i).asLong()).toArray();
      String field = p.field().startsWith("program.") ? p.field().substring(8) : p.field();
      FieldAxis a = FieldAxis.of(field, values);
      return new Scaled(a.axis(), a.divisor());
    }
    if (p.unit().equals("share")) {
      return new Scaled(Axis.share(p.label()), 1.0);
    }
    return new Scaled(Axis.of(p.label(), p.unit().isEmpty() ? "value" : p.unit()), 1.0);
  }

  private static String safe(String field) {
    return field.replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  private static ExperimentFigures.Written write(Figure figure, Path dir, String base)
      throws IOException {
    List<Path> files = figure.write(dir, base);
    return new ExperimentFigures.Written(figure.title(), files.get(0), figure);
  }
}
