package org.computecap.sim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.computecap.figures.Axis;
import org.computecap.figures.CsvTable;
import org.computecap.figures.Figure;
import org.computecap.figures.HeatMap;
import org.computecap.sim.run.Sweep;

/**
 * Writes a sweep: sweep.csv (one row per grid cell; the two program fields under their own names,
 * which carry their units, e.g. {@code audit.probabilityPpm}), heatmaps of the evasion rate and of
 * welfare against the planner as PNG and SVG, and heatmap.html with both, self-contained like the
 * run report.
 */
public final class SweepOutputs {

  private SweepOutputs() {}

  public static void write(
      Path dir, String xField, long[] xs, String yField, long[] ys, List<Sweep.Cell> cells) {
    CsvTable<Sweep.Cell> table =
        CsvTable.<Sweep.Cell>of()
            .key(xField, Sweep.Cell::x)
            .key(yField, Sweep.Cell::y)
            .number("mean_price_cents", Sweep.Cell::meanPrice)
            .number("evasion_share", Sweep.Cell::evasionRate)
            .number("compliance_share", Sweep.Cell::complianceRate)
            .number("welfare_vs_planner_ratio", Sweep.Cell::welfareRatio)
            .whole("penalties_collected_cents", Sweep.Cell::penalties);
    double[][] evasion = new double[ys.length][xs.length];
    double[][] welfare = new double[ys.length][xs.length];
    int i = 0;
    for (int r = 0; r < ys.length; r++) {
      for (int c = 0; c < xs.length; c++) {
        Sweep.Cell cell = cells.get(i++);
        evasion[r][c] = cell.evasionRate();
        welfare[r][c] = cell.welfareRatio();
      }
    }
    Figure evasionMap =
        heatmap(
            "Evasion over the grid",
            xField,
            xs,
            yField,
            ys,
            Axis.share("true obligation left unreported"),
            evasion);
    Figure welfareMap =
        heatmap(
            "Welfare against the planner over the grid",
            xField,
            xs,
            yField,
            ys,
            Axis.of("welfare / planner welfare", "ratio"),
            welfare);
    String html =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>ComputeCap sweep</title><style>body{font-family:sans-serif;max-width:960px;"
            + "margin:2em auto;padding:0 1em}figure svg{width:100%;height:auto;max-width:720px}"
            + "</style></head><body><h1>Sweep: "
            + Html.escape(xField)
            + " x "
            + Html.escape(yField)
            + "</h1><p>Each cell is one simulation run; the value is the mean over its periods."
            + " Evasion disappears where rho·linear >= p (P2 Cor 3).</p><figure>"
            + evasionMap.svgElement("evasion")
            + "</figure><figure>"
            + welfareMap.svgElement("welfare")
            + "</figure></body></html>\n";
    try {
      Files.createDirectories(dir);
      table.write(dir.resolve("sweep.csv"), cells);
      evasionMap.write(dir, "heatmap");
      welfareMap.write(dir, "heatmap-welfare");
      Files.writeString(dir.resolve("heatmap.html"), html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write sweep outputs to " + dir, e);
    }
  }

  private static Figure heatmap(
      String title,
      String xField,
      long[] xs,
      String yField,
      long[] ys,
      Axis value,
      double[][] values) {
    FieldAxis x = FieldAxis.of(xField, xs);
    FieldAxis y = FieldAxis.of(yField, ys);
    return HeatMap.of(title, x.axis(), x.scale(xs), y.axis(), y.scale(ys), value)
        .values(values)
        .figure();
  }
}
