package org.computecap.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Line charts written as PNG (for a quick look) and SVG (for papers and slides) with XChart.
 * Rendering is off-screen, so the JVM is put in headless mode before AWT loads; titles must not
 * contain '$', which XChart would hand to its optional LaTeX renderer.
 */
final class Charts {

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  /** An empty white line chart with a title, axis titles, grid and legend. */
  static XYChart lineChart(String title, String xTitle, String yTitle, boolean logX, boolean logY) {
    XYChart chart =
        new XYChartBuilder()
            .width(900)
            .height(600)
            .title(title)
            .xAxisTitle(xTitle)
            .yAxisTitle(yTitle)
            .build();
    var styler = chart.getStyler();
    styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    styler.setXAxisLogarithmic(logX);
    styler.setYAxisLogarithmic(logY);
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotGridLinesColor(new Color(220, 220, 220));
    styler.setLegendPosition(Styler.LegendPosition.InsideNE);
    styler.setLegendBorderColor(Color.GRAY);
    return chart;
  }

  /** Adds a solid line without markers. */
  static void addLine(XYChart chart, String name, double[] x, double[] y, Color color) {
    XYSeries series = chart.addSeries(name, x, y);
    series.setMarker(SeriesMarkers.NONE);
    series.setLineColor(color);
    series.setLineStyle(new BasicStroke(2.2f));
  }

  /**
   * Widens a logarithmic y axis to whole decades around the data, so that every decade the data
   * touches gets a labelled tick (XChart labels decades only).
   */
  static void yDecades(XYChart chart, double[]... series) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] ys : series) {
      for (double y : ys) {
        min = Math.min(min, y);
        max = Math.max(max, y);
      }
    }
    chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min))));
    chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(max))));
  }

  /** Writes {@code dir/baseName.png} and {@code dir/baseName.svg}; returns both paths. */
  static List<Path> save(XYChart chart, Path dir, String baseName) throws IOException {
    Path png = dir.resolve(baseName + ".png");
    Path svg = dir.resolve(baseName + ".svg");
    BitmapEncoder.saveBitmapWithDPI(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG, 144);
    VectorGraphicsEncoder.saveVectorGraphic(
        chart, svg.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    return List.of(png, svg);
  }
}
