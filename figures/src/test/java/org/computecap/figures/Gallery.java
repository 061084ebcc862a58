package org.computecap.figures;

import java.nio.file.Path;

/** Writes sample figures into a folder to look at (not a test). */
public final class Gallery {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/gallery");
    double[] p = {1, 2, 3, 4, 5};
    LineChart.of("Permit price", Axis.period("year"), Axis.dollars("price", "permit"))
        .line("simulated (VWAP)", p, new double[] {9.03, 13.2, Double.NaN, 20.52, 25.4})
        .band("95% CI", p, new double[] {8, 12, 15, 19, 24}, new double[] {10, 14, 17, 22, 26})
        .dashed("theory (P2 Eq. 6)", p, new double[] {9.05, 13.49, 16.6, 20.77, 26.02})
        .figure()
        .write(dir, "price");
    LineChart.of("Compliance", Axis.period("year"), Axis.share("compliant developers"))
        .line("compliance", p, new double[] {1, 0.916, 0.916, 0.916, 0.916})
        .line("evasion", p, new double[] {0, 0.0049, 0.0052, 0.0055, 0.0058})
        .figure()
        .write(dir, "share");
    LineChart.of("Audits", Axis.period("year"), Axis.count("audits"))
        .line("audits", p, new double[] {3, 2, 1, 3, 2})
        .figure()
        .write(dir, "count");
    LineChart.of("Compute", Axis.period("year"), Axis.of("compute", "1e23 FLOP"))
        .line("simulated", p, new double[] {11500.6, 10761.7, 10359.8, 9931.25, 9547.11})
        .dashed("no-cap baseline", p, new double[] {15625.1, 15625.1, 15625.1, 15625.1, 15625.1})
        .figure()
        .write(dir, "compute");
    double[] a = new double[31];
    double[] x = new double[31];
    for (int i = 0; i < 31; i++) {
      a[i] = Math.pow(10, -4 + 3.0 * i / 30);
      x[i] = Math.sqrt(1 / a[i]);
    }
    LineChart.of(
            "P1 Fig. 1: optimal compute vs cost per FLOP",
            Axis.of("cost per FLOP a", "utility per FLOP").logarithmic(),
            Axis.of("optimal compute x*", "FLOP").logarithmic())
        .line("no cap", a, x)
        .figure()
        .write(dir, "loglog");
    HeatMap.of(
            "Evasion over the enforcement grid",
            Axis.share("audit probability"),
            new double[] {0.05, 0.1, 0.2, 0.3, 0.4},
            Axis.dollars("linear penalty", "permit"),
            new double[] {200, 400, 600, 800, 1000},
            Axis.share("evasion"))
        .values(
            new double[][] {
              {0.4, 0.3, 0.2, 0.1, 0.05},
              {0.3, 0.2, 0.1, 0.0, 0.0},
              {0.2, 0.1, 0.0, 0.0, 0.0},
              {0.1, 0.0, 0.0, 0.0, 0.0},
              {0.05, 0.0, 0.0, Double.NaN, 0.0}
            })
        .figure()
        .write(dir, "heatmap");
    BarChart bars =
        BarChart.of("Net cash from permits", "developer", Axis.dollars("net cash", null));
    for (int i = 0; i < 20; i++) {
      bars.bar("dev-" + i, (i - 5) * 12345.0, i < 5 ? "LARGE" : "SMALL");
    }
    bars.figure().write(dir, "bars");
  }
}
