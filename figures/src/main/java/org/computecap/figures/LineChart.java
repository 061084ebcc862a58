package org.computecap.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Lines, dashed lines (theory beside simulation), points (scatter) and shaded bands (confidence
 * intervals) over one x axis and one y axis. Each line or point series takes the next colour; a
 * band takes the colour of the series added just before it and is drawn beneath every line. A
 * non-finite value leaves a gap, never a zero.
 *
 * <pre>{@code
 * Figure f = LineChart.of("Permit price", Axis.period("year"), Axis.dollars("price", "permit"))
 *     .line("simulated", periods, price)
 *     .band("95% CI", periods, low, high)
 *     .dashed("theory (P2 Eq. 6)", periods, theory)
 *     .figure();
 * }</pre>
 */
public final class LineChart {

  private enum Kind {
    LINE,
    DASHED,
    POINTS,
    BAND
  }

  private record Series(String name, Kind kind, double[] x, double[] y, double[] y2, Color color) {}

  private final String title;
  private final Axis x;
  private final Axis y;
  private final List<Series> series = new ArrayList<>();
  private final List<AnnotationText> notes = new ArrayList<>();
  private int colors;

  private LineChart(String title, Axis x, Axis y) {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("a figure needs a title");
    }
    this.title = title;
    this.x = x;
    this.y = y;
  }

  public static LineChart of(String title, Axis x, Axis y) {
    return new LineChart(title, x, y);
  }

  /** A solid line, with a marker at each point when there are at most 15. */
  public LineChart line(String name, double[] xs, double[] ys) {
    return add(name, Kind.LINE, xs, ys, null);
  }

  /** A dashed line without markers: a theoretical curve or a benchmark. */
  public LineChart dashed(String name, double[] xs, double[] ys) {
    return add(name, Kind.DASHED, xs, ys, null);
  }

  /** Markers only: a scatter. */
  public LineChart points(String name, double[] xs, double[] ys) {
    return add(name, Kind.POINTS, xs, ys, null);
  }

  /**
   * A shaded band from {@code low} to {@code high} in the colour of the previous series. On a share
   * axis the band is cut to [0, 1]: a confidence interval of a share that reaches below 0 is an
   * artefact of its normal approximation, not a possible value.
   */
  public LineChart band(String name, double[] xs, double[] low, double[] high) {
    if (y.kind() == Axis.Kind.SHARE) {
      low = clip(low);
      high = clip(high);
    }
    return add(name, Kind.BAND, xs, low, high);
  }

  private static double[] clip(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Math.max(0, Math.min(1, v[i]));
    }
    return out;
  }

  /** A short text centred on the data point ({@code x}, {@code y}), e.g. a regime's name. */
  public LineChart note(String text, double x, double y) {
    notes.add(new AnnotationText(text, x, y, false));
    return this;
  }

  private LineChart add(String name, Kind kind, double[] xs, double[] ys, double[] y2) {
    if (xs.length != ys.length || (y2 != null && y2.length != xs.length)) {
      throw new IllegalArgumentException(name + ": x and y must have the same length");
    }
    Color color = kind == Kind.BAND && colors > 0 ? Style.color(colors - 1) : Style.color(colors);
    if (kind != Kind.BAND || colors == 0) {
      colors++;
    }
    series.add(
        new Series(name, kind, xs.clone(), ys.clone(), y2 == null ? null : y2.clone(), color));
    return this;
  }

  public Figure figure() {
    XYChart chart =
        new XYChartBuilder()
            .width(Style.WIDTH)
            .height(Style.HEIGHT)
            .title(title)
            .xAxisTitle(x.title())
            .yAxisTitle(y.title())
            .build();
    XYStyler s = chart.getStyler();
    Style.apply(s);
    s.setLegendVisible(series.size() > 1);
    Axes.applyX(s, x, values(true));
    Axes.applyY(s, y, values(false));
    for (Series ser : series) {
      if (ser.kind() == Kind.BAND) {
        addBand(chart, ser);
      }
    }
    for (Series ser : series) {
      if (ser.kind() != Kind.BAND) {
        addLine(chart, ser);
      }
    }
    s.setAnnotationTextFont(Style.NOTES);
    notes.forEach(chart::addAnnotation);
    Style.fit(chart, s, title, series.stream().map(Series::name).toList(), Style.WIDTH);
    return new Figure(chart, title);
  }

  private List<double[]> values(boolean ofX) {
    List<double[]> out = new ArrayList<>();
    for (Series ser : series) {
      out.add(ofX ? ser.x() : ser.y());
      if (!ofX && ser.y2() != null) {
        out.add(ser.y2());
      }
    }
    return out;
  }

  private static void addLine(XYChart chart, Series ser) {
    XYSeries xy = chart.addSeries(ser.name(), ser.x(), ser.y());
    xy.setLineColor(ser.color());
    xy.setMarkerColor(ser.color());
    switch (ser.kind()) {
      case LINE -> {
        xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        xy.setLineStyle(Style.LINE);
        // A marker per point shows where the data are; on a dense curve it only blurs it.
        xy.setMarker(ser.x().length <= 15 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
      }
      case DASHED -> {
        xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        xy.setLineStyle(Style.DASHED);
        xy.setMarker(SeriesMarkers.NONE);
      }
      default -> {
        xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        xy.setMarker(SeriesMarkers.CIRCLE);
      }
    }
  }

  // XChart has no band series: the band is a closed polygon, along the top and back along the
  // bottom, over the points where both ends are finite.
  private static void addBand(XYChart chart, Series ser) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (int i = 0; i < ser.x().length; i++) {
      if (Double.isFinite(ser.y()[i]) && Double.isFinite(ser.y2()[i])) {
        xs.add(ser.x()[i]);
        ys.add(ser.y2()[i]);
      }
    }
    for (int i = ser.x().length - 1; i >= 0; i--) {
      if (Double.isFinite(ser.y()[i]) && Double.isFinite(ser.y2()[i])) {
        xs.add(ser.x()[i]);
        ys.add(ser.y()[i]);
      }
    }
    if (xs.isEmpty()) {
      return;
    }
    XYSeries band = chart.addSeries(ser.name(), xs, ys);
    band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
    band.setMarker(SeriesMarkers.NONE);
    band.setFillColor(Style.translucent(ser.color(), 60));
    band.setLineColor(Style.translucent(ser.color(), 0));
    band.setLineStyle(new BasicStroke(0f));
  }
}
