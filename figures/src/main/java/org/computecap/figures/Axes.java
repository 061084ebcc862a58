package org.computecap.figures;

import java.util.List;
import org.knowm.xchart.style.AxesChartStyler;

/**
 * Applies an {@link Axis} to XChart: its range (round ends from {@link Ticks}, exactly [0, 1] for a
 * share, zero included where the data start near it, whole decades on a logarithmic axis) and its
 * tick labels.
 */
final class Axes {

  private Axes() {}

  static void applyX(AxesChartStyler s, Axis axis, List<double[]> data) {
    double[] r = range(axis, data);
    s.setXAxisMin(r[0]);
    s.setXAxisMax(r[1]);
    s.setXAxisLogarithmic(axis.logScale());
    if (axis.logScale()) {
      s.setXAxisLogarithmicDecadeOnly(true);
    }
    s.setXAxisTickLabelsFormattingFunction(axis::label);
  }

  static void applyY(AxesChartStyler s, Axis axis, List<double[]> data) {
    double[] r = range(axis, data);
    s.setYAxisMin(r[0]);
    s.setYAxisMax(r[1]);
    s.setYAxisLogarithmic(axis.logScale());
    if (axis.logScale()) {
      s.setYAxisLogarithmicDecadeOnly(true);
    }
    s.setYAxisTickLabelsFormattingFunction(axis::label);
  }

  /** The axis's range for {@code data}: [min, max] as the axis shows it. */
  static double[] range(Axis axis, List<double[]> data) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] values : data) {
      for (double v : values) {
        if (Double.isFinite(v) && (!axis.logScale() || v > 0)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    if (axis.kind() == Axis.Kind.SHARE) {
      if (min < -1e-9 || max > 1 + 1e-9) {
        throw new IllegalArgumentException(
            axis.quantity() + " is a share, but the data span [" + min + ", " + max + "]");
      }
      // From zero, and all of [0, 1] once the data pass one half; a small share (evasion of a
      // few thousandths) gets a round part of it, never anything outside it.
      double hi = Double.isFinite(max) && max > 0 ? Ticks.range(0, max, true)[1] : 1;
      return new double[] {0, hi > 0.5 ? 1 : hi};
    }
    if (!Double.isFinite(min)) {
      return new double[] {axis.logScale() ? 1 : 0, axis.logScale() ? 10 : 1};
    }
    if (axis.logScale()) {
      double lo = Math.pow(10, Math.floor(Math.log10(min)));
      double hi = Math.pow(10, Math.ceil(Math.log10(max)));
      return new double[] {lo, hi > lo ? hi : lo * 10};
    }
    if (axis.kind() == Axis.Kind.PERIOD) {
      return new double[] {min, max > min ? max : min + 1};
    }
    if (axis.kind() == Axis.Kind.COUNT) {
      double[] r = Ticks.range(Math.min(min, 0), max, true);
      // On a short axis XChart would put ticks at halves, which a count never is.
      return new double[] {r[0], Math.max(r[1], r[0] + 10)};
    }
    boolean nearZero = min >= 0 ? min < 0.5 * max : max > 0.5 * min;
    return Ticks.range(min, max, nearZero || min == 0 || max == 0);
  }
}
