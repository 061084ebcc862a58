package org.computecap.cli;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.computecap.sim.experiment.Cell;
import org.computecap.sim.experiment.Experiment;
import org.computecap.sim.experiment.ExperimentResult;
import org.computecap.sim.experiment.Factor;
import org.computecap.sim.experiment.Metric;
import org.computecap.sim.run.Stats;

/**
 * report.html of an experiment: one file with no outside references (the figures are inlined as
 * SVG), so it opens offline and can be mailed: what was run, the cells' means with their 95%
 * intervals, and the figures.
 */
final class ExperimentReport {
  private ExperimentReport() {}

  static String html(ExperimentResult r, List<ExperimentFigures.Written> figures)
      throws IOException {
    Experiment e = r.experiment();
    StringBuilder sb =
        new StringBuilder(
            "<!DOCTYPE html><html lang=\"en\"><head>"
                + "<meta charset=\"utf-8\"><title>Experiment "
                + esc(e.name())
                + "</title><style>"
                + "body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
                + "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;"
                + "padding:3px 6px;text-align:right}th{background:#f4f4f4}svg{max-width:100%;"
                + "height:auto}.wide{overflow-x:auto}td{white-space:nowrap}</style></head><body>");
    sb.append("<h1>Experiment: ")
        .append(esc(e.name()))
        .append("</h1><p>")
        .append(esc(e.description()))
        .append("</p><ul>");
    for (Factor f : e.factors()) {
      sb.append("<li>factor <b>")
          .append(esc(f.name()))
          .append("</b>")
          .append(f.unit().isEmpty() ? "" : " (" + esc(f.unit()) + ")")
          .append(": ")
          .append(
              f.continuous()
                  ? "range [" + f.low() + ", " + f.high() + "]"
                  : esc(
                      String.join(
                          ", ",
                          f.values().stream()
                              .map(v -> v.isTextual() ? v.asText() : v.toString())
                              .toList())))
          .append("</li>");
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "<li>design %s: %d cells &times; %d replications = %d runs; seeds: %s</li></ul>",
            e.design().name().toLowerCase(Locale.ROOT).replace('_', '-'),
            e.cells().size(),
            e.replications(),
            e.runCount(),
            e.commonRandomNumbers()
                ? "replication r runs under seed "
                    + e.seed()
                    + " + r in every cell (common random"
                    + " numbers)"
                : "one per (cell, replication), mixed from seed " + e.seed()));
    sb.append(
        "<p>Tables: <code>runs.csv</code> / <code>runs.parquet</code> (one row per run and"
            + " period), <code>cells.csv</code> (per cell and metric: the replications' means over"
            + " periods, with standard deviation and 95% Student-t interval; shares clamped to"
            + " [0, 1]), <code>cell-periods.csv</code> (the same per period).</p>");
    cellTable(r, sb);
    sb.append("<h2>Figures</h2>");
    figures(sb, figures);
    return sb.append("</body></html>\n").toString();
  }

  /** Each figure inline as SVG with its title and file as the caption (also a search's report). */
  static void figures(StringBuilder sb, List<ExperimentFigures.Written> figures) {
    int n = 0;
    for (ExperimentFigures.Written f : figures) {
      sb.append("<figure>")
          .append(f.figure().svgElement("fig" + n++))
          .append("<figcaption>")
          .append(esc(f.title()))
          .append(" &mdash; <code>figures/")
          .append(esc(f.png().getFileName().toString()))
          .append("</code></figcaption></figure>");
    }
  }

  private static void cellTable(ExperimentResult r, StringBuilder sb) {
    Experiment e = r.experiment();
    sb.append(
        "<h2>Cells (mean &plusmn; 95% CI half-width)</h2><div class=\"wide\"><table><tr>"
            + "<th>cell</th>");
    for (Factor f : e.factors()) {
      sb.append("<th>").append(esc(f.name())).append("</th>");
    }
    for (Metric m : e.metrics()) {
      sb.append("<th>")
          .append(esc(ExperimentOutputs.header(m)))
          .append("<br><small>")
          .append(esc(m.unit().startsWith("cents") ? "dollars" : m.unit()))
          .append("</small></th>");
    }
    sb.append("</tr>");
    for (Cell c : e.cells().subList(0, Math.min(200, e.cells().size()))) {
      sb.append("<tr><td>").append(c.index()).append("</td>");
      for (var v : c.values()) {
        sb.append("<td>").append(esc(v.isTextual() ? v.asText() : v.toString())).append("</td>");
      }
      for (int m = 0; m < e.metrics().size(); m++) {
        Stats s = r.stats(c.index(), m);
        sb.append("<td>")
            .append(esc(ExperimentOutputs.estimate(e.metrics().get(m), s, "\u00b1")))
            .append("</td>");
      }
      sb.append("</tr>");
    }
    sb.append("</table></div>");
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
