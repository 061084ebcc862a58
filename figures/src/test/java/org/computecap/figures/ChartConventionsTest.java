package org.computecap.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/** The conventions every figure keeps, checked on the charts the API builds. */
class ChartConventionsTest {
  static final double[] PERIODS = {1, 2, 3, 4, 5};

  static Figure price(double... ys) {
    return LineChart.of("Permit price", Axis.period("year"), Axis.dollars("price", "permit"))
        .line("simulated", PERIODS, ys)
        .figure();
  }

  /** The y tick values XChart labels when it draws {@code f}, recorded through the formatter. */
  static List<Double> yTicks(Figure f) {
    AxesChartStyler s = ((XYChart) f.chart()).getStyler();
    List<Double> seen = new ArrayList<>();
    Function<Double, String> label = s.getYAxisTickLabelsFormattingFunction();
    s.setYAxisTickLabelsFormattingFunction(
        v -> {
          seen.add(v);
          return label.apply(v);
        });
    f.image();
    return seen;
  }

  @Test
  void a_figure_without_a_title_or_an_axis_without_a_unit_is_refused() {
    assertThatThrownBy(() -> LineChart.of(" ", Axis.period("year"), Axis.share("x")))
        .hasMessageContaining("title");
    assertThatThrownBy(() -> Axis.of("compute", ""))
        .hasMessageContaining("compute must name its unit");
    assertThatThrownBy(() -> BarChart.of("", "developer", Axis.dollars("cash", null)))
        .hasMessageContaining("title");
  }

  @Test
  void the_title_is_drawn_above_the_plot_and_travels_in_the_svg() {
    Figure f = price(9, 13, 16, 20, 25);
    assertThat(((XYChart) f.chart()).getStyler().isChartTitleVisible()).isTrue();
    BufferedImage image = f.image();
    int dark = 0;
    for (int y = 0; y < 40; y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        Color c = new Color(image.getRGB(x, y));
        dark += c.getRed() + c.getGreen() + c.getBlue() < 200 ? 1 : 0;
      }
    }
    assertThat(dark).as("dark title pixels in the top 40 rows").isGreaterThan(200);
    String svg = f.svgElement("price");
    assertThat(svg)
        .startsWith("<svg")
        .contains("<title>Permit price</title>")
        .contains("aria-label=\"Permit price\"");
  }

  @Test
  void axis_titles_carry_their_units() {
    XYChart chart = (XYChart) price(9, 13, 16, 20, 25).chart();
    assertThat(chart.getXAxisTitle()).isEqualTo("period (year)");
    assertThat(chart.getYAxisTitle()).isEqualTo("price ($ per permit)");
    assertThat(Axis.share("compliance").title()).isEqualTo("compliance (share)");
    assertThat(Axis.count("audits").title()).isEqualTo("audits (count)");
    assertThat(Axis.period().title()).isEqualTo("period");
  }

  @Test
  void ticks_are_round_numbers_even_for_awkward_data() {
    // The hand-drawn report labelled this range 702 / 1,405 / 2,107.
    Figure f =
        LineChart.of("Compute", Axis.period("year"), Axis.of("compute", "1e23 FLOP"))
            .line("simulated", PERIODS, new double[] {702.4, 1405.1, 2107.3, 1800, 1500})
            .figure();
    AxesChartStyler s = ((XYChart) f.chart()).getStyler();
    assertThat(s.getYAxisMin()).isEqualTo(0.0);
    assertThat(s.getYAxisMax()).isEqualTo(2500.0);
    List<Double> ticks = yTicks(f);
    assertThat(ticks).isNotEmpty();
    for (double t : ticks) {
      assertThat(isRound(t)).as("tick " + t).isTrue();
    }
  }

  /** A round tick has at most two significant digits: 1200 and 0.25, not 702 or 1405. */
  static boolean isRound(double t) {
    if (t == 0) {
      return true;
    }
    double scale = Math.pow(10, Math.floor(Math.log10(Math.abs(t))) - 1);
    double twoDigits = Math.abs(t) / scale;
    return Math.abs(twoDigits - Math.rint(twoDigits)) < 1e-6;
  }

  @Test
  void round_ranges_have_round_ends_for_many_spans() {
    double[][] cases = {
      {0.3, 0.97}, {702, 2107}, {-3.2, 17.9}, {9.03, 25.4}, {1e-7, 3e-7}, {12_345, 12_346}, {5, 5}
    };
    for (double[] c : cases) {
      double[] r = Ticks.range(c[0], c[1], false);
      assertThat(r[0]).as("low of " + c[0]).isLessThanOrEqualTo(c[0]);
      assertThat(r[1]).as("high of " + c[1]).isGreaterThanOrEqualTo(c[1]);
      double step = r[2];
      assertThat(isRound(step)).as("step " + step).isTrue();
      assertThat(Math.abs(r[0] / step - Math.rint(r[0] / step))).as("low " + r[0]).isLessThan(1e-6);
      assertThat(Math.abs(r[1] / step - Math.rint(r[1] / step)))
          .as("high " + r[1])
          .isLessThan(1e-6);
    }
  }

  @Test
  void a_share_axis_spans_exactly_zero_to_one_and_refuses_values_outside() {
    Figure f =
        LineChart.of("Compliance", Axis.period("year"), Axis.share("compliant developers"))
            .line("compliance", PERIODS, new double[] {1, 0.92, 0.92, 0.95, 0.97})
            .figure();
    AxesChartStyler s = ((XYChart) f.chart()).getStyler();
    assertThat(s.getYAxisMin()).isEqualTo(0.0);
    assertThat(s.getYAxisMax()).isEqualTo(1.0);
    // XChart also formats one step beyond each end, then draws only the ticks inside.
    List<Double> inside = yTicks(f).stream().filter(t -> t >= -1e-9 && t <= 1 + 1e-9).toList();
    assertThat(inside).contains(0.0, 1.0).allSatisfy(t -> assertThat(isRound(t)).isTrue());
    assertThatThrownBy(
            () ->
                LineChart.of("Compliance", Axis.period("year"), Axis.share("compliance"))
                    .line("compliance", PERIODS, new double[] {1, 1.08, 1, 1, 1})
                    .figure())
        .hasMessageContaining("compliance is a share");
  }

  @Test
  void a_small_share_is_shown_on_a_round_part_of_zero_to_one() {
    double[] r =
        Axes.range(Axis.share("evasion"), List.of(new double[] {0, 0.0049, 0.0052, 0.0058}));
    assertThat(r[0]).isEqualTo(0.0);
    assertThat(r[1]).isEqualTo(0.006);
    assertThat(Axes.range(Axis.share("x"), List.of(new double[] {0.2, 0.6}))[1]).isEqualTo(1.0);
    assertThat(Axes.range(Axis.share("x"), List.of(new double[] {0, 0}))[1]).isEqualTo(1.0);
  }

  @Test
  void a_confidence_band_of_a_share_is_cut_to_zero_and_one() {
    Figure f =
        LineChart.of("Evasion", Axis.period(), Axis.share("evasion"))
            .line("mean", PERIODS, new double[] {0, 0.01, 0.02, 0.02, 0.03})
            .band(
                "95% CI",
                PERIODS,
                new double[] {-0.01, 0, 0.01, 0.01, 0.02},
                new double[] {0.01, 0.02, 0.03, 0.03, 0.04})
            .figure();
    assertThat(((XYChart) f.chart()).getStyler().getYAxisMin()).isEqualTo(0.0);
  }

  @Test
  void tick_labels_read_as_people_write_them() {
    Axis dollars = Axis.dollars("net cash", null);
    assertThat(dollars.label(1200)).isEqualTo("$1,200");
    assertThat(dollars.label(-50_000)).isEqualTo("-$50,000");
    assertThat(dollars.label(-1.2e8)).isEqualTo("-$120M");
    assertThat(dollars.label(2.5e9)).isEqualTo("$2.5B");
    assertThat(Axis.share("x").label(0.30000000000000004)).isEqualTo("0.3");
    assertThat(Axis.count("audits").label(2.5)).isEmpty();
    assertThat(Axis.count("audits").label(3)).isEqualTo("3");
    assertThat(Axis.of("compute", "FLOP").label(1.5e7)).isEqualTo("1.5e7");
    assertThat(Axis.of("compute", "FLOP").label(-0.25)).isEqualTo("-0.25");
    assertThat(Axis.of("a", "b").label(0.0001)).isEqualTo("0.0001");
  }

  @Test
  void inline_svg_ids_are_unique_per_chart_and_the_same_on_every_run() {
    String a = price(9, 13, 16, 20, 25).svgElement("fig-a");
    String b = price(9, 13, 16, 20, 25).svgElement("fig-b");
    assertThat(a).doesNotContain("<?xml").contains("id=\"fig-a-clip1\"");
    assertThat(a.replaceAll("fig-a-clip\\d+", "")).doesNotContainPattern("clip-?\\d");
    assertThat(b).contains("id=\"fig-b-clip1\"").doesNotContain("fig-a-");
    assertThat(price(9, 13, 16, 20, 25).svgElement("fig-a")).isEqualTo(a);
  }

  @Test
  void a_gap_in_the_data_is_left_out_not_drawn_as_zero() {
    Figure f = price(9, Double.NaN, 16, 20, 25);
    AxesChartStyler s = ((XYChart) f.chart()).getStyler();
    assertThat(s.getYAxisMin()).isEqualTo(0.0);
    assertThat(f.svgElement("gap")).contains("<path");
  }

  @Test
  void a_heatmap_of_counts_with_fractional_colour_bar_ticks_is_drawn(@TempDir Path dir)
      throws Exception {
    // Counts 0..2 take a colour-bar step of 0.5: the half ticks have no label, and drawing an
    // empty label threw "Zero length string passed to TextLayout constructor".
    Figure f =
        HeatMap.of(
                "Evaders",
                Axis.share("attested share"),
                new double[] {0.0, 1.0},
                Axis.share("meter uncertainty"),
                new double[] {0.01, 0.2},
                Axis.count("evaders"))
            .values(new double[][] {{2.0, 0.0}, {1.5, 0.0}})
            .figure();
    assertThat(f.write(dir, "counts")).allSatisfy(p -> assertThat(p).isNotEmptyFile());
  }

  @Test
  void a_heatmap_has_a_colour_bar_titled_with_its_quantity(@TempDir Path dir) throws Exception {
    Figure f =
        HeatMap.of(
                "Evasion",
                Axis.share("audit probability"),
                new double[] {0.1, 0.2},
                Axis.dollars("linear penalty", "permit"),
                new double[] {200, 400},
                Axis.share("evasion"))
            .values(new double[][] {{0.02, 0.0}, {0.01, Double.NaN}})
            .figure();
    String svg = f.svgElement("heat");
    assertThat(svg).contains("<title>Evasion</title>");
    // Vector all the way: no raster image inside, every clip id renamed after the prefix.
    assertThat(svg).doesNotContain("<image").doesNotContain("data:image");
    assertThat(svg.replaceAll("heat-clip\\d+", "")).doesNotContainPattern("clip-?\\d");
    BufferedImage image = f.image();
    // The colour bar stands right of the plot: its darkest blue is drawn there.
    int blue = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = image.getWidth() - 140; x < image.getWidth() - 100; x++) {
        Color c = new Color(image.getRGB(x, y));
        blue += c.getBlue() > 150 && c.getRed() < 100 ? 1 : 0;
      }
    }
    assertThat(blue).as("colour bar pixels").isGreaterThan(50);
    assertThat(f.write(dir, "heat")).allSatisfy(p -> assertThat(p).isNotEmptyFile());
    assertThatThrownBy(
            () ->
                HeatMap.of(
                        "Evasion",
                        Axis.share("a"),
                        new double[] {1},
                        Axis.share("b"),
                        new double[] {1},
                        Axis.share("evasion"))
                    .values(new double[][] {{1.5}})
                    .figure())
        .hasMessageContaining("evasion is a share");
  }

  @Test
  void bars_take_one_colour_per_group_and_write_png_and_svg(@TempDir Path dir) throws Exception {
    Figure f =
        BarChart.of("Net cash", "size class", Axis.dollars("net cash", null))
            .bar("FRONTIER", -1.2e6, "pays")
            .bar("SMALL", 3.4e4, "earns")
            .figure();
    List<Path> files = f.write(dir, "bars");
    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .containsExactly("bars.png", "bars.svg");
    assertThat(java.nio.file.Files.readString(files.get(1))).startsWith("<?xml").contains("<svg");
  }

  @Test
  void a_legend_too_wide_for_one_row_goes_beside_the_plot_so_no_entry_is_cut() {
    // An experiment's chart: three levels, each a line and its band. As one row the legend was
    // wider than the chart and lost its first and last entries.
    LineChart wide = LineChart.of("evasion", Axis.period("year"), Axis.share("evasion rate"));
    List<String> names = new ArrayList<>();
    for (String level : List.of("UNIFORM", "GRANDFATHER", "BENCHMARK")) {
      wide.line(level, PERIODS, new double[] {0.1, 0.1, 0.1, 0.1, 0.1});
      wide.band(level + " CI", PERIODS, new double[5], new double[] {0.2, 0.2, 0.2, 0.2, 0.2});
      names.add(level);
      names.add(level + " CI");
    }
    assertThat(Style.legendRowWidth(names)).isGreaterThan(Style.WIDTH);
    AxesChartStyler s = ((XYChart) wide.figure().chart()).getStyler();
    assertThat(s.getLegendPosition()).isEqualTo(Styler.LegendPosition.OutsideE);
    assertThat(s.getLegendLayout()).isEqualTo(Styler.LegendLayout.Vertical);

    AxesChartStyler narrow = ((XYChart) price(1, 2, 3, 4, 5).chart()).getStyler();
    assertThat(narrow.getLegendPosition()).isEqualTo(Styler.LegendPosition.OutsideS);
  }

  @Test
  void an_experiments_long_title_and_four_entry_legend_are_drawn_whole_within_the_page() {
    // remark7's effect chart: a title of about 100 characters and two levels, each a line and
    // its band. The title was cut at the right edge and the last legend entry after "contr".
    LineChart c =
        LineChart.of(
            "welfare net of enforcement cost (mean, 95% CI; pooled over developer heterogeneity"
                + " (spread of benefits))",
            Axis.dollars("audit budget per period", null),
            Axis.dollars("welfare net of enforcement cost", null));
    double[] xs = {50_000, 100_000, 200_000, 400_000};
    for (String level : List.of("market", "command-and-control")) {
      c.line(level, xs, new double[] {16e6, 14.8e6, 14e6, 13.5e6});
      c.band(
          level + " CI",
          xs,
          new double[] {13e6, 13e6, 13e6, 13e6},
          new double[] {16e6, 15e6, 14e6, 14e6});
    }
    Figure f = c.figure();
    assertThat(Style.inkAtSides(f.image(), 6)).as("ink within 6 points of the sides").isZero();
  }

  @Test
  void a_heatmap_cell_reads_like_its_colour_bar_to_about_three_significant_digits() {
    // XChart printed remark7's welfare cells as 16,507,690.0814 beside a colour bar in $M.
    HeatMap.CellFormat millions = HeatMap.CellFormat.of(Axis.dollars("welfare", null), 16_507_690);
    assertThat(millions.format(16_507_690.0814)).isEqualTo("$16.5M");
    assertThat(millions.format(-306_234.5)).isEqualTo("-$0.3M");
    HeatMap.CellFormat price = HeatMap.CellFormat.of(Axis.dollars("price", "permit"), 117.5);
    assertThat(price.format(17.894)).isEqualTo("$17.89");
    HeatMap.CellFormat share = HeatMap.CellFormat.of(Axis.share("evasion"), 0.2748);
    assertThat(share.format(0.27481)).isEqualTo("0.275");
    assertThat(share.format(0)).isEqualTo("0");
    HeatMap.CellFormat count = HeatMap.CellFormat.of(Axis.count("audits"), 346_209);
    assertThat(count.format(346_209.4)).isEqualTo("346,209");
  }

  @Test
  void a_long_y_axis_title_is_drawn_whole_between_the_top_and_the_bottom() {
    // The simulation report's energy-by-class chart: its y axis title ran past the plot's top.
    Figure f =
        LineChart.of(
                "Energy per unit of compute by size class",
                Axis.period("year"),
                Axis.of("energy per unit of compute", "MWh per compute unit"))
            .line("FRONTIER", PERIODS, new double[] {27.9, 27.6, 27.5, 27.4, 27.4})
            .line("SMALL", PERIODS, new double[] {13.8, 13.4, 13.3, 13.3, 13.2})
            .figure();
    assertThat(Style.inkAtEnds(f.image(), 4))
        .as("ink within 4 points of the top or bottom")
        .isZero();
  }
}
