package org.computecap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns JMH's JSON results into the figures of docs/benchmarks.md: for each benchmark and parameter
 * set, the median score, its spread (minimum and maximum over the measured iterations), and where
 * the score is a time per flow, journal or simulation, the matching rate (orders, entries or
 * agent-periods per second); for order matching, the ratio to exchange-core's median. Run with
 * {@code java -cp bench/target/benchmarks.jar org.computecap.bench.BenchReport FILE.json}.
 */
public final class BenchReport {
  private BenchReport() {}

  /** A benchmark's measured iterations. */
  record Row(String name, String params, String unit, double[] scores, long itemsPerOp) {
    double median() {
      double[] s = scores.clone();
      Arrays.sort(s);
      int n = s.length;
      return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    double min() {
      return Arrays.stream(scores).min().orElseThrow();
    }

    double max() {
      return Arrays.stream(scores).max().orElseThrow();
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: BenchReport JMH-RESULT.json");
    }
    List<Row> rows = read(Path.of(args[0]));
    Double anchor = null;
    for (Row r : rows) {
      if (r.name.endsWith("OrderMatchingBenchmark.exchangeCore")) {
        anchor = r.median();
      }
    }
    for (Row r : rows) {
      StringBuilder line =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "%-50s %-28s median %10.3f %s (min %.3f, max %.3f, n=%d)",
                  shortName(r.name),
                  r.params,
                  r.median(),
                  r.unit,
                  r.min(),
                  r.max(),
                  r.scores.length));
      if (r.itemsPerOp > 0 && r.unit.equals("ms/op")) {
        line.append(
            String.format(
                Locale.ROOT,
                "; %,.0f/s (%,.0f..%,.0f)",
                r.itemsPerOp * 1e3 / r.median(),
                r.itemsPerOp * 1e3 / r.max(),
                r.itemsPerOp * 1e3 / r.min()));
      }
      if (anchor != null && r.name.contains("OrderMatchingBenchmark")) {
        line.append(String.format(Locale.ROOT, "; %.2fx exchange-core", anchor / r.median()));
      }
      System.out.println(line);
    }
  }

  static List<Row> read(Path file) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (JsonNode b : new ObjectMapper().readTree(file.toFile())) {
      String name = b.get("benchmark").asText();
      JsonNode params = b.path("params");
      StringBuilder p = new StringBuilder();
      params
          .fieldNames()
          .forEachRemaining(
              f ->
                  p.append(p.length() > 0 ? "," : "")
                      .append(f)
                      .append('=')
                      .append(params.get(f).asText()));
      JsonNode metric = b.get("primaryMetric");
      List<Double> scores = new ArrayList<>();
      for (JsonNode fork : metric.get("rawData")) {
        for (JsonNode s : fork) {
          scores.add(s.asDouble());
        }
      }
      long items =
          name.contains("OrderMatching")
              ? params.path("orders").asLong(0)
              : name.contains("Replay")
                  ? params.path("entries").asLong(0)
                  : name.endsWith("SimulationBenchmark.simulate")
                      ? params.path("developers").asLong(0) * params.path("periods").asLong(0)
                      : name.endsWith("SimulationBenchmark.simulateLarge")
                          ? params.path("largeDevelopers").asLong(0)
                              * params.path("largePeriods").asLong(0)
                          : name.endsWith("SimulationBenchmark.replications")
                              ? params.path("replications").asLong(0)
                                  * params.path("replicationDevelopers").asLong(0)
                                  * 5
                              : 0;
      rows.add(
          new Row(
              name,
              p.toString(),
              metric.get("scoreUnit").asText(),
              scores.stream().mapToDouble(Double::doubleValue).toArray(),
              items));
    }
    return rows;
  }

  private static String shortName(String name) {
    return name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
  }
}
