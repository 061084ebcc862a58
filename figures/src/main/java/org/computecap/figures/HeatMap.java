package org.computecap.figures;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.internal.chartpart.IChart;
import org.knowm.xchart.style.HeatMapStyler;

/**
 * A grid of coloured cells over two axes of levels (e.g. audit probability x linear penalty), each
 * cell's value printed in it, and a colour bar with round ticks whose title names the value's
 * quantity and unit. XChart draws the cells and axes; its own heat-map legend has neither a title
 * nor formatted ends, so the colour bar beside the plot is drawn here, with the same fonts. The
 * colours span the data's round range (clipped to [0, 1] for a share); a missing value (NaN) is
 * left blank.
 *
 * <pre>{@code
 * Figure f = HeatMap.of("Evasion", Axis.share("audit probability"), xs,
 *         Axis.dollars("linear penalty", "permit"), ys, Axis.share("evasion"))
 *     .values(evasion) // evasion[row of ys][column of xs]
 *     .figure();
 * }</pre>
 */
public final class HeatMap {
  private static final int BAR_AREA = 150;
  private static final int BAR_WIDTH = 22;

  private final String title;
  private final Axis x;
  private final double[] xs;
  private final Axis y;
  private final double[] ys;
  private final Axis value;
  private double[][] values;

  private HeatMap(String title, Axis x, double[] xs, Axis y, double[] ys, Axis value) {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("a figure needs a title");
    }
    this.title = title;
    this.x = x;
    this.xs = xs.clone();
    this.y = y;
    this.ys = ys.clone();
    this.value = value;
  }

  public static HeatMap of(String title, Axis x, double[] xs, Axis y, double[] ys, Axis value) {
    return new HeatMap(title, x, xs, y, ys, value);
  }

  /** The cells: {@code v[r][c]} is the value at {@code ys[r]}, {@code xs[c]}. */
  public HeatMap values(double[][] v) {
    if (v.length != ys.length) {
      throw new IllegalArgumentException("values need one row per y level, had " + v.length);
    }
    for (double[] row : v) {
      if (row.length != xs.length) {
        throw new IllegalArgumentException("values need one column per x level");
      }
    }
    this.values = new double[v.length][];
    for (int r = 0; r < v.length; r++) {
      this.values[r] = v[r].clone();
    }
    return this;
  }

  public Figure figure() {
    if (values == null) {
      throw new IllegalStateException("a heatmap needs its values");
    }
    double[] range = colourRange();
    HeatMapChart cells = cells(range);
    return new Figure(new WithColourBar(cells, range), title);
  }

  /** The colour scale: the data's round range; a share's within [0, 1]. */
  private double[] colourRange() {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] row : values) {
      for (double v : row) {
        if (Double.isFinite(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    double[] r =
        Axes.range(Axis.of(value.quantity(), value.unit()), List.of(new double[] {min, max}));
    if (r.length < 3) {
      r = new double[] {r[0], r[1], Ticks.step(r[1] - r[0], 5)};
    }
    if (value.kind() == Axis.Kind.SHARE) {
      if (min < -1e-9 || max > 1 + 1e-9) {
        throw new IllegalArgumentException(
            value.quantity() + " is a share, but the data span [" + min + ", " + max + "]");
      }
      r = new double[] {Math.max(0, r[0]), Math.min(1, r[1]), r[2]};
    }
    return r;
  }

  private HeatMapChart cells(double[] range) {
    HeatMapChart chart =
        new HeatMapChartBuilder()
            .width(Style.WIDTH - BAR_AREA)
            .height(Style.HEIGHT)
            .title(title)
            .xAxisTitle(x.title())
            .yAxisTitle(y.title())
            .build();
    HeatMapStyler s = chart.getStyler();
    Style.apply(s);
    s.setLegendVisible(false);
    s.setShowValue(true);
    s.setValueFont(Style.VALUES);
    // XChart 4.0.3 prints a cell with a DecimalFormat pattern only (its formatter function is not
    // used for cells), so the values are handed over in the pattern's scale: millions of dollars
    // print as $16.5M, as on the colour bar, not as 16,507,690.0814.
    CellFormat format = CellFormat.of(value, maxAbs());
    s.setHeatMapValueDecimalPattern(format.pattern());
    s.setPlotGridLinesVisible(false);
    // Every level is labelled: a grid has few, and a skipped one would be guessed wrong.
    s.setXAxisTickMarkSpacingHint(1);
    s.setYAxisTickMarkSpacingHint(1);
    s.setMin(range[0] / format.scale());
    s.setMax(range[1] / format.scale());
    s.setRangeColors(Style.SEQUENTIAL);
    List<String> xLabels = new ArrayList<>();
    for (double v : xs) {
      xLabels.add(x.label(v));
    }
    List<String> yLabels = new ArrayList<>();
    for (double v : ys) {
      yLabels.add(y.label(v));
    }
    List<Number[]> data = new ArrayList<>();
    for (int r = 0; r < ys.length; r++) {
      for (int c = 0; c < xs.length; c++) {
        if (Double.isFinite(values[r][c])) {
          data.add(new Number[] {c, r, values[r][c] / format.scale()});
        }
      }
    }
    chart.addSeries(value.title(), xLabels, yLabels, data);
    Style.fit(chart, s, title, List.of(), Style.WIDTH - BAR_AREA);
    return chart;
  }

  private double maxAbs() {
    double m = 0;
    for (double[] row : values) {
      for (double v : row) {
        if (Double.isFinite(v)) {
          m = Math.max(m, Math.abs(v));
        }
      }
    }
    return m;
  }

  /**
   * How a cell's value is printed: divided by {@code scale}, then formatted with the {@code
   * DecimalFormat} {@code pattern}, to about three significant digits of the largest value. Dollars
   * keep {@code $} and read in millions or billions from a million on; other quantities drop
   * trailing zeros.
   */
  record CellFormat(double scale, String pattern) {
    static CellFormat of(Axis axis, double maxAbs) {
      boolean money = axis.kind() == Axis.Kind.DOLLARS;
      double scale = 1;
      String suffix = "";
      if (money && maxAbs >= 1e9) {
        scale = 1e9;
        suffix = "'B'";
      } else if (money && maxAbs >= 1e6) {
        scale = 1e6;
        suffix = "'M'";
      }
      double top = maxAbs / scale;
      int decimals = top > 0 ? Math.max(0, Math.min(6, 2 - (int) Math.floor(Math.log10(top)))) : 0;
      if (money && scale == 1 && top < 1000) {
        decimals = 2; // dollars under a thousand read to the cent
      }
      String digits = (money ? "0" : "#").repeat(decimals);
      String pattern = (money ? "'$'" : "") + "#,##0" + (decimals > 0 ? "." + digits : "") + suffix;
      return new CellFormat(scale, pattern);
    }

    /** The text XChart prints for {@code v}. */
    String format(double v) {
      java.text.DecimalFormat f =
          new java.text.DecimalFormat(
              pattern, java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
      return f.format(v / scale);
    }
  }

  /** The XChart heat map on the left, the colour bar on the right. */
  private final class WithColourBar implements IChart {
    private final HeatMapChart cells;
    private final double[] range;

    WithColourBar(HeatMapChart cells, double[] range) {
      this.cells = cells;
      this.range = range;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      int left = width - BAR_AREA;
      cells.paint(g, left, height);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      double top = height * 0.18;
      double barHeight = height * 0.6;
      double barX = left + 14;
      Rectangle2D bar = new Rectangle2D.Double(barX, top, BAR_WIDTH, barHeight);
      // Thin solid slices, not a GradientPaint: VectorGraphics2D rasterises a gradient, and the
      // shapes drawn after it, into PNG images inside the SVG.
      int slices = 120;
      for (int i = 0; i < slices; i++) {
        double t = (i + 0.5) / slices;
        g.setColor(Style.sequential(t));
        double y0 = top + barHeight * (1 - (double) (i + 1) / slices);
        g.fill(new Rectangle2D.Double(barX, y0, BAR_WIDTH, barHeight / slices + 0.6));
      }
      g.setColor(Color.DARK_GRAY);
      g.draw(bar);
      // The ticks of the range's own round step, so they land on its ends.
      double step = range[2];
      for (double v = Math.ceil(range[0] / step - 1e-9) * step;
          v <= range[1] + step * 1e-9;
          v += step) {
        double ty = top + barHeight - (v - range[0]) / (range[1] - range[0]) * barHeight;
        g.drawLine((int) (barX + BAR_WIDTH), (int) ty, (int) (barX + BAR_WIDTH + 5), (int) ty);
        // A count's axis leaves a fractional tick unlabelled (""), which TextLayout refuses.
        String label = value.label(Math.rint(v / step) * step);
        if (!label.isEmpty()) {
          text(g, label, barX + BAR_WIDTH + 8, ty + 5, 0);
        }
      }
      // The bar's title runs up its left side, as a y axis title does.
      text(g, value.title(), barX - 6, top + barHeight, -Math.PI / 2);
    }

    private void text(Graphics2D g, String s, double tx, double ty, double angle) {
      TextLayout layout = new TextLayout(s, Style.TICKS, new FontRenderContext(null, true, false));
      AffineTransform t = AffineTransform.getTranslateInstance(tx, ty);
      t.rotate(angle);
      g.setColor(Color.BLACK);
      g.fill(layout.getOutline(t));
    }

    @Override
    public int getWidth() {
      return Style.WIDTH;
    }

    @Override
    public int getHeight() {
      return Style.HEIGHT;
    }

    @Override
    public String getTitle() {
      return title;
    }
  }
}
