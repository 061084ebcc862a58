package org.computecap.sim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.computecap.sim.run.Sweep;

/**
 * Writes a sweep: sweep.csv (one row per grid cell) and heatmap.svg / heatmap.html (evasion rate
 * and welfare ratio over the grid), self-contained like the run report.
 */
public final class SweepOutputs {

  private SweepOutputs() {}

  public static void write(
      Path dir, String xField, long[] xs, String yField, long[] ys, List<Sweep.Cell> cells) {
    StringBuilder csv =
        new StringBuilder(
            xField
                + ","
                + yField
                + ",meanPrice,evasionRate,complianceRate,welfareRatio,penaltiesCollected\n");
    double[][] evasion = new double[ys.length][xs.length];
    double[][] welfare = new double[ys.length][xs.length];
    int i = 0;
    for (int r = 0; r < ys.length; r++) {
      for (int c = 0; c < xs.length; c++) {
        Sweep.Cell cell = cells.get(i++);
        csv.append(cell.x())
            .append(',')
            .append(cell.y())
            .append(',')
            .append(Outputs.d(cell.meanPrice()))
            .append(',')
            .append(Outputs.d(cell.evasionRate()))
            .append(',')
            .append(Outputs.d(cell.complianceRate()))
            .append(',')
            .append(Outputs.d(cell.welfareRatio()))
            .append(',')
            .append(cell.penalties())
            .append('\n');
        evasion[r][c] = cell.evasionRate();
        welfare[r][c] = cell.welfareRatio();
      }
    }
    double[] xd = toDouble(xs);
    double[] yd = toDouble(ys);
    String heat = Svg.heatmap("Evasion rate", xField, yField, xd, yd, evasion);
    String html =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>ComputeCap sweep</title></head><body style=\"font-family:sans-serif;"
            + "max-width:900px;margin:2em auto\"><h1>Sweep: "
            + Html.escape(xField)
            + " x "
            + Html.escape(yField)
            + "</h1><p>Each cell is one simulation run; the "
            + "value is the mean over its periods. Evasion disappears where "
            + "rho·linear >= p (P2 Cor 3).</p>"
            + heat
            + Svg.heatmap("Welfare / planner", xField, yField, xd, yd, welfare)
            + "</body></html>\n";
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("sweep.csv"), csv, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("heatmap.svg"), heat + "\n", StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("heatmap.html"), html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write sweep outputs to " + dir, e);
    }
  }

  private static double[] toDouble(long[] v) {
    double[] out = new double[v.length];
    for (int j = 0; j < v.length; j++) {
      out[j] = v[j];
    }
    return out;
  }
}
