package org.computecap.sim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.computecap.sim.run.DeveloperRow;
import org.computecap.sim.run.PeriodResult;
import org.computecap.sim.run.Replications;
import org.computecap.sim.run.SimulationResult;
import org.computecap.sim.run.Stats;

/**
 * The self-contained report.html: one page a policy researcher can read offline, with the charts of
 * SPEC §9 as inline SVG (drawn by the project's chart stack, text as outlines, so no font, script
 * or network is needed) and a short explanation beside each. Tables and findings format every
 * number with {@link Numbers}, so a finding quotes exactly what its table shows; every column names
 * its unit and money is in dollars.
 */
public final class Html {
  private static final String STYLE =
      "body{font-family:sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222;"
          + "line-height:1.45}table{border-collapse:collapse;font-size:13px;margin:1em 0}"
          + "td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}"
          + "th{background:#f3f3f3;font-weight:600}td:first-child,th:first-child{text-align:left}"
          + "tr.total td{font-weight:600;background:#fafafa}table.facts td{text-align:left}"
          + "figure{margin:2em 0}figure svg{width:100%;height:auto;max-width:720px;display:block}"
          + "figcaption{font-size:14px;color:#444;max-width:720px}"
          + "code{background:#f3f3f3;padding:0 3px}"
          + "@media print{figure{break-inside:avoid}body{max-width:none}}";

  private Html() {}

  /** The report for {@code r}; {@code reps} adds the replications' means and intervals. */
  public static String report(SimulationResult r, Replications reps) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>ComputeCap simulation: ")
        .append(escape(r.scenario()))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body>");
    sb.append("<h1>")
        .append(escape(r.scenario()))
        .append("</h1><p>")
        .append(escape(r.description()))
        .append("</p><p>Seed <code>")
        .append(r.seed())
        .append("</code>, ")
        .append(r.journalEntries())
        .append(" engine commands in the journal, final state hash <code>")
        .append(escape(r.stateHash()))
        .append("</code>. Every number below comes from the market engine itself (the same")
        .append(" engine a live market runs); the theory lines come from the economics library")
        .append(" solved on the same developers and the same permit supply. Money is in")
        .append(" dollars (the CSV files carry integer cents); compute is in the scenario's")
        .append(" compute units.</p>");
    programTable(sb, r.program());
    Findings.write(sb, r.periods(), r.developers());
    periodTable(sb, r.periods());
    int figure = 0;
    for (ReportFigures.Captioned c : ReportFigures.periods(r)) {
      figure(sb, c, "fig" + ++figure);
    }
    if (reps != null) {
      replications(sb, reps);
      for (ReportFigures.Captioned c : ReportFigures.replications(reps)) {
        figure(sb, c, "fig" + ++figure);
      }
    }
    sb.append("<h2>Who earned and who paid</h2>");
    for (ReportFigures.Captioned c : ReportFigures.whoPaid(r.developers())) {
      figure(sb, c, "fig" + ++figure);
    }
    classTable(sb, r.developers());
    sb.append("</body></html>\n");
    return sb.toString();
  }

  private static void programTable(StringBuilder sb, Map<String, String> program) {
    if (program.isEmpty()) {
      return;
    }
    sb.append("<h2>Program</h2><table class=\"facts\">");
    for (Map.Entry<String, String> e : program.entrySet()) {
      row(sb, "td", e.getKey(), e.getValue());
    }
    sb.append("</table>");
  }

  private static void periodTable(StringBuilder sb, List<PeriodResult> ps) {
    sb.append("<h2>Periods</h2><table>");
    row(
        sb,
        "th",
        "period",
        "cap (permits)",
        "price ($ per permit)",
        "theory ($ per permit)",
        "volume (permits)",
        "compute (units)",
        "no-cap baseline (units)",
        "compliance (share)",
        "evasion (share)",
        "audits (count)",
        "penalties ($)",
        "welfare / planner (ratio)",
        "relocated (developers)");
    long volume = 0;
    int audits = 0;
    long penalties = 0;
    for (PeriodResult p : ps) {
      row(
          sb,
          "td",
          Integer.toString(p.period()),
          Numbers.quantity(p.capPermits()),
          Numbers.price(p.clearingPrice()),
          Numbers.price(p.theoreticalPrice()),
          Numbers.quantity(p.volume()),
          Numbers.quantity(p.totalCompute()),
          Numbers.quantity(p.baselineCompute()),
          Numbers.share(p.complianceRate()),
          Numbers.share(p.evasionRate()),
          Integer.toString(p.audits()),
          Numbers.amount(p.penaltiesCollected()),
          Numbers.ratio(p.welfareRatio()),
          Integer.toString(p.leakedFirms()));
      volume += p.volume();
      audits += p.audits();
      penalties += p.penaltiesCollected();
    }
    sb.append("<tr class=\"total\">");
    for (String cell :
        new String[] {
          "total",
          "",
          "",
          "",
          Numbers.quantity(volume),
          "",
          "",
          "",
          "",
          Integer.toString(audits),
          Numbers.amount(penalties),
          "",
          ""
        }) {
      sb.append("<td>").append(escape(cell)).append("</td>");
    }
    sb.append("</tr></table>");
  }

  private static void replications(StringBuilder sb, Replications reps) {
    List<SimulationResult> runs = reps.runs();
    sb.append("<h2>Replications</h2><p>")
        .append(runs.size())
        .append(" runs with seeds ")
        .append(runs.get(0).seed())
        .append("..")
        .append(runs.get(runs.size() - 1).seed())
        .append("; mean &plusmn; half-width of the 95% confidence interval (Student t) per")
        .append(" period; for shares the interval itself, within [0, 1].</p><table>");
    row(
        sb,
        "th",
        "period",
        "price ($ per permit)",
        "theory ($ per permit)",
        "compute (units)",
        "compliance (share)",
        "evasion (share)",
        "audits (count)",
        "penalties ($)",
        "welfare / planner (ratio)");
    for (int j = 0; j < runs.get(0).periods().size(); j++) {
      row(
          sb,
          "td",
          Integer.toString(runs.get(0).periods().get(j).period()),
          interval(reps, j, p -> p.clearingPrice(), Numbers::price),
          interval(reps, j, p -> p.theoreticalPrice(), Numbers::price),
          interval(reps, j, PeriodResult::totalCompute, Numbers::quantity),
          shareInterval(reps, j, PeriodResult::complianceRate),
          shareInterval(reps, j, PeriodResult::evasionRate),
          interval(reps, j, p -> p.audits(), Numbers::quantity),
          interval(reps, j, p -> p.penaltiesCollected(), Numbers::amount),
          interval(reps, j, PeriodResult::welfareRatio, Numbers::ratio));
    }
    sb.append("</table>");
  }

  // A share's interval as its bounds, clamped to [0, 1] (mean ± half-width could leave it).
  private static String shareInterval(
      Replications reps, int j, ToDoubleFunction<PeriodResult> measure) {
    Stats s = reps.shareStats(j, measure);
    String mean = Numbers.share(s.mean());
    if (!Double.isFinite(s.halfWidth())) {
      return mean;
    }
    return mean + " [" + Numbers.share(s.low()) + ", " + Numbers.share(s.high()) + "]";
  }

  private static String interval(
      Replications reps,
      int j,
      ToDoubleFunction<PeriodResult> measure,
      java.util.function.DoubleFunction<String> format) {
    Stats s = reps.stats(j, measure);
    String mean = format.apply(s.mean());
    if (!Double.isFinite(s.halfWidth())) {
      return mean;
    }
    // The half-width to two significant digits: its own uncertainty is larger than that.
    double h = s.halfWidth();
    double rounded =
        h == 0 ? 0 : new java.math.BigDecimal(h).round(new java.math.MathContext(2)).doubleValue();
    return mean + " ± " + format.apply(rounded);
  }

  private static void classTable(StringBuilder sb, List<DeveloperRow> devs) {
    Map<String, long[]> byClass =
        new TreeMap<>(
            java.util.Comparator.comparingInt(ReportFigures::classOrder)
                .thenComparing(java.util.Comparator.naturalOrder()));
    for (DeveloperRow d : devs) {
      long[] t = byClass.computeIfAbsent(d.sizeClass(), k -> new long[6]);
      t[0]++;
      t[1] += d.permitsAllocated();
      t[2] += d.permitsBought();
      t[3] += d.permitsSold();
      t[4] += d.netTradingCents();
      t[5] += d.penaltiesCents();
    }
    sb.append("<table>");
    row(
        sb,
        "th",
        "size class",
        "developers",
        "allocated (permits)",
        "bought (permits)",
        "sold (permits)",
        "net cash from permits ($)",
        "penalties ($)");
    for (Map.Entry<String, long[]> e : byClass.entrySet()) {
      long[] t = e.getValue();
      row(
          sb,
          "td",
          e.getKey(),
          Long.toString(t[0]),
          Numbers.quantity(t[1]),
          Numbers.quantity(t[2]),
          Numbers.quantity(t[3]),
          Numbers.amount(t[4]),
          Numbers.amount(t[5]));
    }
    sb.append("</table>");
  }

  private static void figure(StringBuilder sb, ReportFigures.Captioned c, String id) {
    sb.append("<figure>")
        .append(c.figure().svgElement(id))
        .append("<figcaption>")
        .append(escape(c.caption()))
        .append("</figcaption></figure>");
  }

  private static void row(StringBuilder sb, String cell, String... cells) {
    List<String> escaped = new ArrayList<>();
    for (String c : cells) {
      escaped.add("<" + cell + ">" + escape(c) + "</" + cell + ">");
    }
    sb.append("<tr>").append(String.join("", escaped)).append("</tr>");
  }

  /** Escapes text for HTML. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
