package org.computecap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.computecap.sim.experiment.Cell;
import org.computecap.sim.experiment.Experiment;
import org.computecap.sim.experiment.ExperimentResult;
import org.computecap.sim.experiment.Factor;
import org.computecap.sim.experiment.Metric;
import org.computecap.sim.run.Stats;

/**
 * The outputs of an experiment beside runs.csv and cells.csv (which the simulator writes):
 * runs.parquet through DuckDB's JDBC driver, the figures, a self-contained report.html and a short
 * table on the console.
 */
final class ExperimentOutputs {
  private ExperimentOutputs() {}

  static void write(ExperimentResult result, Path dir, PrintWriter w) throws IOException {
    Path parquet = dir.resolve("runs.parquet");
    // A runs.parquet from an earlier run must not outlive a runs.csv it no longer matches.
    Files.deleteIfExists(parquet);
    try {
      parquet(result.experiment(), dir.resolve("runs.csv"), parquet);
    } catch (SQLException | LinkageError e) {
      // The CLI jar carries one platform's DuckDB library; elsewhere runs.csv is the table.
      w.println("runs.parquet not written (DuckDB: " + e.getMessage() + ")");
    }
    List<ExperimentFigures.Written> figures =
        ExperimentFigures.draw(result, dir.resolve("figures"));
    Files.writeString(
        dir.resolve("report.html"), ExperimentReport.html(result, figures), StandardCharsets.UTF_8);
    table(result, w);
    w.println("runs      " + dir.resolve("runs.csv") + " (and runs.parquet)");
    w.println("cells     " + dir.resolve("cells.csv"));
    w.println("figures   " + figures.size() + " in " + dir.resolve("figures"));
    w.println("report    " + dir.resolve("report.html"));
  }

  /**
   * Converts runs.csv to Parquet with explicit column types (whole-number metrics as BIGINT, others
   * DOUBLE, factors by their values), written to a temporary file and moved into place.
   */
  static void parquet(Experiment e, Path csv, Path parquet) throws SQLException, IOException {
    StringBuilder columns =
        new StringBuilder("{'cell': 'INTEGER', 'replication': 'INTEGER', " + "'seed': 'BIGINT'");
    for (Factor f : e.factors()) {
      columns.append(", ").append(quote(f.name())).append(": '").append(type(f)).append('\'');
    }
    columns.append(", 'period': 'INTEGER'");
    for (Metric m : e.metrics()) {
      columns
          .append(", '")
          .append(m.name())
          .append("': '")
          .append(m.whole() ? "BIGINT" : "DOUBLE")
          .append('\'');
    }
    columns.append('}');
    Path tmp = parquet.resolveSibling("runs.parquet.tmp");
    Files.deleteIfExists(tmp);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (SELECT * FROM read_csv("
              + quote(csv.toAbsolutePath().toString())
              + ", header = true, delim = ',', quote = '\"', columns = "
              + columns
              + ")) TO "
              + quote(tmp.toAbsolutePath().toString())
              + " (FORMAT parquet)");
    }
    Files.move(tmp, parquet, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String type(Factor f) {
    if (!f.numeric()) {
      return "VARCHAR";
    }
    if (f.continuous()) {
      return f.whole() ? "BIGINT" : "DOUBLE";
    }
    return f.values().stream().allMatch(v -> v.isIntegralNumber()) ? "BIGINT" : "DOUBLE";
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** One line per cell: each factor's value and the first metrics' means with their CIs. */
  private static void table(ExperimentResult r, PrintWriter w) {
    Experiment e = r.experiment();
    int shown = Math.min(4, e.metrics().size());
    String[] head = new String[e.factors().size() + shown];
    for (int f = 0; f < e.factors().size(); f++) {
      head[f] = e.factors().get(f).name();
    }
    for (int m = 0; m < shown; m++) {
      head[e.factors().size() + m] = header(e.metrics().get(m)) + " (95% CI)";
    }
    TextTable t = new TextTable(head);
    for (Cell c : e.cells().subList(0, Math.min(40, e.cells().size()))) {
      Object[] row = new Object[head.length];
      for (int f = 0; f < e.factors().size(); f++) {
        row[f] =
            c.values().get(f).isTextual()
                ? c.values().get(f).asText()
                : c.values().get(f).toString();
      }
      for (int m = 0; m < shown; m++) {
        row[e.factors().size() + m] = estimate(e.metrics().get(m), r.stats(c.index(), m), "+-");
      }
      t.row(row);
    }
    t.print(w);
    if (e.cells().size() > 40) {
      w.println("... " + (e.cells().size() - 40) + " more cells in cells.csv");
    }
  }

  /** A metric's column title for people: money columns in dollars ({@code net_welfare $}). */
  static String header(Metric m) {
    return m.unit().startsWith("cents") ? m.name().replaceFirst("_cents$", "") + " $" : m.name();
  }

  /**
   * A cell's mean and 95% half-width as people read them: money in dollars ($16.08M +- $0.50M, both
   * in the mean's scale), other numbers to four significant digits, a half-width that is only
   * rounding noise (replications that all agree) as 0, and a mean that is not defined in any
   * replication (welfare where compute ran above the cap) as n/a.
   */
  static String estimate(Metric m, Stats s, String plusMinus) {
    if (!Double.isFinite(s.mean())) {
      return "n/a";
    }
    double hw = s.halfWidth();
    boolean spread = Double.isFinite(hw) && hw > 1e-9 * Math.max(1, Math.abs(s.mean()));
    if (!m.unit().startsWith("cents")) {
      String mean = String.format(Locale.ROOT, "%.4g", s.mean());
      if (!Double.isFinite(hw)) {
        return mean;
      }
      return mean + " " + plusMinus + " " + (spread ? String.format(Locale.ROOT, "%.2g", hw) : "0");
    }
    double dollars = s.mean() / 100;
    double a = Math.abs(dollars);
    double scale = a >= 1e9 ? 1e9 : a >= 1e6 ? 1e6 : 1;
    String suffix = scale == 1e9 ? "B" : scale == 1e6 ? "M" : "";
    String pattern = scale > 1 ? "%s$%.2f%s" : a >= 1e4 ? "%s$%,.0f%s" : "%s$%,.2f%s";
    String mean = String.format(Locale.ROOT, pattern, dollars < 0 ? "-" : "", a / scale, suffix);
    if (!Double.isFinite(hw)) {
      return mean;
    }
    String half = spread ? String.format(Locale.ROOT, pattern, "", hw / 100 / scale, suffix) : "$0";
    return mean + " " + plusMinus + " " + half;
  }
}
