package org.computecap.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;

/**
 * Bars: one value per category, coloured by group (each group one legend entry, e.g. the size class
 * of each developer). The categories are named, not measured, so their axis has a title but no
 * unit; the value axis is an {@link Axis} like any other.
 *
 * <pre>{@code
 * Figure f = BarChart.of("Net cash from permits", "size class", Axis.dollars("net cash", null))
 *     .bar("frontier", -1.2e6, "payers")
 *     .bar("small", 3.4e4, "earners")
 *     .figure();
 * }</pre>
 */
public final class BarChart {
  private record Bar(String category, double value, String group) {}

  private final String title;
  private final String categoryTitle;
  private final Axis value;
  private final List<Bar> bars = new ArrayList<>();

  private BarChart(String title, String categoryTitle, Axis value) {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("a figure needs a title");
    }
    if (categoryTitle == null || categoryTitle.isBlank()) {
      throw new IllegalArgumentException("the category axis needs a title");
    }
    this.title = title;
    this.categoryTitle = categoryTitle;
    this.value = value;
  }

  public static BarChart of(String title, String categoryTitle, Axis value) {
    return new BarChart(title, categoryTitle, value);
  }

  /** One bar; bars keep the order they are added in. */
  public BarChart bar(String category, double v, String group) {
    bars.add(new Bar(category, v, group));
    return this;
  }

  public Figure figure() {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(Style.WIDTH)
            .height(Style.HEIGHT)
            .title(title)
            .xAxisTitle(categoryTitle)
            .yAxisTitle(value.title())
            .build();
    CategoryStyler s = chart.getStyler();
    Style.apply(s);
    s.setOverlapped(true);
    s.setAvailableSpaceFill(0.8);
    s.setPlotGridVerticalLinesVisible(false);
    if (bars.size() > 8) {
      s.setXAxisLabelRotation(90);
    }
    List<String> categories = new ArrayList<>();
    double[] values = new double[bars.size()];
    Map<String, List<Double>> byGroup = new LinkedHashMap<>();
    for (int i = 0; i < bars.size(); i++) {
      categories.add(bars.get(i).category());
      values[i] = bars.get(i).value();
      byGroup.computeIfAbsent(bars.get(i).group(), g -> new ArrayList<>());
    }
    // One series per group over every category, zero elsewhere: overlapped, each category shows
    // one bar in its group's colour.
    for (Bar b : bars) {
      for (Map.Entry<String, List<Double>> e : byGroup.entrySet()) {
        e.getValue().add(e.getKey().equals(b.group()) ? b.value() : 0.0);
      }
    }
    Axes.applyY(s, value, List.of(values));
    s.setLegendVisible(byGroup.size() > 1);
    int color = 0;
    for (Map.Entry<String, List<Double>> e : byGroup.entrySet()) {
      CategorySeries series = chart.addSeries(e.getKey(), categories, e.getValue());
      series.setFillColor(Style.color(color++));
    }
    Style.fit(chart, s, title, List.copyOf(byGroup.keySet()), Style.WIDTH);
    return new Figure(chart, title);
  }
}
