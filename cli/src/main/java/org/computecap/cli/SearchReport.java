package org.computecap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.computecap.sim.experiment.Metric;
import org.computecap.sim.run.Stats;
import org.computecap.sim.search.PolicySearch;
import org.computecap.sim.search.SearchParameter;
import org.computecap.sim.search.SearchPoint;
import org.computecap.sim.search.SearchResult;
import org.computecap.sim.search.SearchRunner;

/**
 * report.html of a policy search: one self-contained file (figures inlined as SVG) with the method,
 * the objective, the optimum with its confidence intervals, the near-optimal set and the surface
 * figures.
 */
final class SearchReport {
  private SearchReport() {}

  static String html(SearchResult r, List<ExperimentFigures.Written> figures) {
    PolicySearch s = r.search();
    StringBuilder sb =
        new StringBuilder(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Policy search "
                + esc(s.name())
                + "</title><style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;"
                + "color:#222}table{border-collapse:collapse;font-size:13px}td,th{border:1px solid"
                + " #ccc;padding:3px 6px;text-align:right}th{background:#f4f4f4}svg{max-width:100%;"
                + "height:auto}</style></head><body>");
    sb.append("<h1>Policy search: ").append(esc(s.name())).append("</h1><p>");
    sb.append(esc(s.description())).append("</p>");
    method(r, sb);
    optimum(r, sb);
    nearOptimal(r, sb);
    sb.append("<h2>Surface around the optimum</h2>");
    ExperimentReport.figures(sb, figures);
    return sb.append("</body></html>\n").toString();
  }

  private static void method(SearchResult r, StringBuilder sb) {
    PolicySearch s = r.search();
    sb.append("<h2>Method</h2><p>Objective, per replication: <code>")
        .append(esc(s.objective().describe()))
        .append("</code> (")
        .append(esc(s.objective().unit()))
        .append(").</p><ul>");
    for (SearchParameter p : s.parameters()) {
      sb.append("<li><b>")
          .append(esc(p.field()))
          .append("</b> in [")
          .append(num(p.low()))
          .append(", ")
          .append(num(p.high()))
          .append("], coarse grid of ")
          .append(p.coarse().size())
          .append(" points, finest spacing ")
          .append(num(p.step(s.refinements())))
          .append("</li>");
    }
    Map<String, Integer> rounds = new LinkedHashMap<>();
    for (SearchPoint p : r.points()) {
      rounds.merge(p.round(), 1, Integer::sum);
    }
    sb.append("</ul><p>Rounds: ");
    boolean first = true;
    for (Map.Entry<String, Integer> e : rounds.entrySet()) {
      sb.append(first ? "" : ", ").append(esc(e.getKey())).append(" ").append(e.getValue());
      first = false;
    }
    sb.append(
            String.format(
                Locale.ROOT,
                " points; %d replications each; replication r of every point runs under seed %d"
                    + " + r (common random numbers). Each refinement round halves the spacing and"
                    + " evaluates, around the incumbent best, %s; the surface round evaluates the surface parameters' coarse grid"
                    + " and each parameter's coarse values, the others at the incumbent. Near-optimal: the 95%% interval of the"
                    + " paired difference from the optimum reaches 0. Argmax share: how often the"
                    + " point is best over %d bootstrap resamples of the replications.</p>",
                s.replications(),
                s.seed(),
                s.compass()
                    ? "the incumbent moved by the spacing along one parameter at a time (compass"
                        + " search)"
                    : "every combination of three values per parameter (grid)",
                s.bootstrap()))
        .append(
            "<p>Tables: <code>search.csv</code> (every point), <code>optimum.csv</code>,"
                + " each round's runs under <code>rounds/</code>.</p>");
  }

  private static void optimum(SearchResult r, StringBuilder sb) {
    PolicySearch s = r.search();
    SearchPoint best = r.optimum();
    sb.append("<h2>Optimum</h2><p>Point ")
        .append(best.index())
        .append(" (")
        .append(esc(best.round()))
        .append("): <b>")
        .append(esc(values(s, best.values())))
        .append("</b>; the argmax in ")
        .append(String.format(Locale.ROOT, "%.0f%%", 100 * r.argmaxShare(best)))
        .append(" of bootstrap resamples.</p><table><tr><th>quantity</th><th>unit</th>")
        .append("<th>mean</th><th>95% CI</th></tr>");
    row(sb, "objective", s.objective().unit(), r.objective(best));
    for (int m = 0; m < s.collected().size(); m++) {
      Metric metric = s.collected().get(m);
      row(sb, metric.name(), metric.unit(), r.metric(best, m));
    }
    sb.append("</table>");
  }

  private static void nearOptimal(SearchResult r, StringBuilder sb) {
    PolicySearch s = r.search();
    List<SearchPoint> near = r.nearOptimalSet();
    sb.append("<h2>Near-optimal policies (")
        .append(near.size())
        .append(" of ")
        .append(r.points().size())
        .append(" points)</h2><table><tr><th>point</th>");
    for (SearchParameter p : s.parameters()) {
      sb.append("<th>").append(esc(p.field())).append("</th>");
    }
    sb.append("<th>objective (95% CI)</th><th>difference from the optimum (95% CI)</th>")
        .append("<th>argmax share</th></tr>");
    for (SearchPoint p : near) {
      sb.append("<tr><td>").append(p.index()).append("</td>");
      for (JsonNode v : p.values()) {
        sb.append("<td>").append(esc(v.toString())).append("</td>");
      }
      Stats o = r.objective(p);
      Stats d = r.difference(p);
      sb.append("<td>").append(interval(o)).append("</td><td>").append(interval(d));
      sb.append(String.format(Locale.ROOT, "</td><td>%.3f</td></tr>", r.argmaxShare(p)));
    }
    sb.append("</table>");
  }

  private static void row(StringBuilder sb, String name, String unit, Stats s) {
    sb.append("<tr><td>")
        .append(esc(name))
        .append("</td><td>")
        .append(esc(unit))
        .append("</td><td>")
        .append(num(s.mean()))
        .append("</td><td>")
        .append(num(s.low()))
        .append(" to ")
        .append(num(s.high()))
        .append("</td></tr>");
  }

  private static String interval(Stats s) {
    return num(s.mean()) + " (" + num(s.low()) + " to " + num(s.high()) + ")";
  }

  static String values(PolicySearch s, List<JsonNode> values) {
    return SearchRunner.describe(s, values);
  }

  /** A number for people: whole numbers as such, others to five significant digits. */
  static String num(double v) {
    if (!Double.isFinite(v)) {
      return "n/a";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%d", (long) v);
    }
    String t = String.format(Locale.ROOT, "%.5g", v);
    // 0.10000 -> 0.1, 1.2300e+06 -> 1.23e+06: the digits that carry information only.
    return t.contains("e") ? t.replaceFirst("\\.?0+e", "e") : t.replaceFirst("\\.?0+$", "");
  }

  private static String esc(String s) {
    return ExperimentReport.esc(s);
  }
}
