package org.computecap.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.internal.chartpart.IChart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * The one look of every figure, sized to stay readable when printed: a chart is 720 x 450 points,
 * so on a 6.5-inch column its tick labels are about 9 pt and its title about 12 pt. Colours are the
 * Okabe-Ito palette, distinguishable with the common colour-vision deficiencies, in a fixed order
 * so a series keeps its colour from chart to chart.
 */
final class Style {
  static final int WIDTH = 720;
  static final int HEIGHT = 450;

  static final Color[] PALETTE = {
    new Color(0x00, 0x72, 0xB2), // blue
    new Color(0xD5, 0x5E, 0x00), // vermillion
    new Color(0x00, 0x9E, 0x73), // bluish green
    new Color(0xCC, 0x79, 0xA7), // reddish purple
    new Color(0xE6, 0x9F, 0x00), // orange
    new Color(0x56, 0xB4, 0xE9), // sky blue
    new Color(0x59, 0x59, 0x59), // grey
    new Color(0xF0, 0xE4, 0x42) // yellow
  };

  /**
   * White to mid blue (ColorBrewer Blues, its darkest steps left out so black cell values stay
   * legible): more is darker, in grey print too.
   */
  static final Color[] SEQUENTIAL = {
    new Color(0xF7, 0xFB, 0xFF),
    new Color(0xDE, 0xEB, 0xF7),
    new Color(0x9E, 0xCA, 0xE1),
    new Color(0x6B, 0xAE, 0xD6),
    new Color(0x42, 0x92, 0xC6)
  };

  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 19);
  static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
  static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  static final Font VALUES = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  static final Font NOTES = new Font(Font.SANS_SERIF, Font.ITALIC, 14);

  static final BasicStroke LINE = new BasicStroke(2.5f);
  static final BasicStroke DASHED =
      new BasicStroke(
          2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {8, 5}, 0);

  private Style() {}

  /** The sequential scale at {@code t} in [0, 1], as XChart colours a heat-map cell. */
  static Color sequential(double t) {
    double x = Math.max(0, Math.min(1, t)) * (SEQUENTIAL.length - 1);
    int i = Math.min((int) x, SEQUENTIAL.length - 2);
    double f = x - i;
    Color a = SEQUENTIAL[i];
    Color b = SEQUENTIAL[i + 1];
    return new Color(
        (int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
        (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
        (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
  }

  static Color color(int i) {
    return PALETTE[Math.floorMod(i, PALETTE.length)];
  }

  /** {@code c} with {@code alpha} (0-255): a confidence band lets its line show through. */
  static Color translucent(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }

  /**
   * White background, light grid, no chart border, legend under the plot where it hides nothing.
   */
  static void apply(AxesChartStyler s) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(false);
    s.setChartTitleBoxVisible(false);
    s.setChartTitleVisible(true);
    s.setChartTitleFont(TITLE);
    s.setChartFontColor(Color.BLACK);
    s.setAxisTitleFont(AXIS_TITLE);
    s.setAxisTickLabelsFont(TICKS);
    s.setAxisTickLabelsColor(Color.BLACK);
    s.setPlotGridLinesColor(new Color(225, 225, 225));
    s.setPlotGridLinesStroke(new BasicStroke(1f));
    s.setAxisTickMarksColor(Color.DARK_GRAY);
    s.setLegendFont(LEGEND);
    s.setLegendBorderColor(Color.WHITE);
    s.setLegendBackgroundColor(Color.WHITE);
    s.setLegendPosition(Styler.LegendPosition.OutsideS);
    s.setLegendLayout(Styler.LegendLayout.Horizontal);
    s.setLegendPadding(20);
    s.setLegendSeriesLineLength(30);
    s.setLocale(java.util.Locale.ROOT);
    s.setSeriesColors(PALETTE);
    s.setPlotMargin(6);
    // About one tick per 60 points: six to eight labelled ticks on a 450-point chart.
    s.setYAxisTickMarkSpacingHint(60);
    s.setChartPadding(12);
  }

  /**
   * Keeps the title and every legend entry on the page. The legend is one row under the plot when
   * its entries fit the chart's width, otherwise a column beside the plot (a row that is too wide
   * is cut at both ends). XChart centres the title over the plot, so a title wider than twice the
   * plot's centre is cut on the left: its font shrinks until it fits, never below 11 points.
   *
   * <p>These are estimates from font metrics; XChart's own spacing is a little wider. So the chart
   * is then drawn once off-screen: while anything is drawn within a few points of its sides, the
   * legend goes beside the plot and then the title's font shrinks further, down to 9 points.
   */
  static void fit(IChart chart, AxesChartStyler s, String title, List<String> names, int width) {
    boolean fits = legendRowWidth(names) <= width - 2 * 12;
    placeLegend(s, fits);
    int beside = fits || names.isEmpty() ? 0 : legendColumnWidth(names);
    // The plot starts after the y axis (about 80 points with its title and labels).
    double centre = (80 + (width - 12 - beside)) / 2.0;
    double room = 2 * centre - 2 * 12;
    float size = TITLE.getSize2D();
    while (size > 11f && textWidth(TITLE.deriveFont(size), title) > room) {
      size -= 0.5f;
    }
    s.setChartTitleFont(TITLE.deriveFont(size));
    // A long y axis title runs past the top and bottom of the plot: its font shrinks.
    float axis = AXIS_TITLE.getSize2D();
    while (axis > 10f && cutAtEnds(chart, width)) {
      axis -= 0.5f;
      s.setAxisTitleFont(AXIS_TITLE.deriveFont(axis));
    }
    if (!cutAtSides(chart, width)) {
      return;
    }
    if (fits && s.isLegendVisible() && !names.isEmpty()) {
      placeLegend(s, false);
      if (!cutAtSides(chart, width)) {
        return;
      }
    }
    while (size > 9f && cutAtSides(chart, width)) {
      size -= 0.5f;
      s.setChartTitleFont(TITLE.deriveFont(size));
    }
  }

  private static boolean cutAtEnds(IChart chart, int width) {
    return inkAtEnds(render(chart, width), 4) > 0;
  }

  /** Pixels darker than light grey within {@code margin} of the image's top or bottom. */
  static int inkAtEnds(BufferedImage img, int margin) {
    int ink = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      if (y >= margin && y < img.getHeight() - margin) {
        y = img.getHeight() - margin - 1;
        continue;
      }
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y);
        if (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF) < 3 * 200) {
          ink++;
        }
      }
    }
    return ink;
  }

  private static void placeLegend(AxesChartStyler s, boolean below) {
    s.setLegendPosition(below ? Styler.LegendPosition.OutsideS : Styler.LegendPosition.OutsideE);
    s.setLegendLayout(below ? Styler.LegendLayout.Horizontal : Styler.LegendLayout.Vertical);
  }

  /** Whether {@code chart}, drawn {@code width} points wide, puts ink next to its sides. */
  private static boolean cutAtSides(IChart chart, int width) {
    return inkAtSides(render(chart, width), 10) > 0;
  }

  private static BufferedImage render(IChart chart, int width) {
    BufferedImage img = new BufferedImage(width, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      chart.paint(g, width, HEIGHT);
    } finally {
      g.dispose();
    }
    return img;
  }

  /**
   * Pixels darker than light grey within {@code margin} of the image's left or right side. The
   * chart's padding keeps everything that is drawn whole at least 12 points from them, so ink there
   * is text or a legend running off the page.
   */
  static int inkAtSides(BufferedImage img, int margin) {
    int ink = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if (x >= margin && x < img.getWidth() - margin) {
          x = img.getWidth() - margin - 1;
          continue;
        }
        int rgb = img.getRGB(x, y);
        int sum = ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF);
        if (sum < 3 * 200) {
          ink++;
        }
      }
    }
    return ink;
  }

  /** The width in points of the legend drawn as one row: each entry's sample line, gap and text. */
  static int legendRowWidth(List<String> names) {
    int width = 20;
    for (String name : names) {
      width += 30 + 10 + textWidth(LEGEND, name) + 20;
    }
    return width;
  }

  private static int legendColumnWidth(List<String> names) {
    int widest = 0;
    for (String name : names) {
      widest = Math.max(widest, textWidth(LEGEND, name));
    }
    return 20 + 30 + 10 + widest + 20;
  }

  static int textWidth(Font font, String text) {
    return METRICS.getFontMetrics(font).stringWidth(text);
  }

  private static final Graphics2D METRICS =
      new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
}
