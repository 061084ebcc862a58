package org.computecap.figures;

import java.math.BigDecimal;

/**
 * Round axis ranges: a range is widened to whole multiples of a step of 1, 2, 2.5 or 5 times a
 * power of ten, chosen so the axis carries about five to eight ticks. The axis then starts and ends
 * on a labelled tick, and every tick XChart places in it is a round number.
 */
final class Ticks {
  private static final double[] STEPS = {1, 2, 2.5, 5, 10};

  private Ticks() {}

  /** The round step that cuts {@code span} into about {@code intervals} parts. */
  static double step(double span, int intervals) {
    if (!(span > 0) || !Double.isFinite(span)) {
      throw new IllegalArgumentException("span must be finite and > 0, was " + span);
    }
    double raw = span / intervals;
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double s : STEPS) {
      if (s * power >= raw * (1 - 1e-12)) {
        return s * power;
      }
    }
    return 10 * power;
  }

  /**
   * {@code [min, max]} widened to round ends, zero included when {@code fromZero}; a single value
   * is given a range around it. Non-finite bounds (no data) give [0, 1]. Returns {low, high, step}:
   * both ends are whole multiples of the step.
   */
  static double[] range(double min, double max, boolean fromZero) {
    if (!Double.isFinite(min) || !Double.isFinite(max)) {
      return new double[] {0, 1, 0.2};
    }
    if (fromZero) {
      min = Math.min(min, 0);
      max = Math.max(max, 0);
    }
    if (max == min) {
      double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
      min -= min == 0 || fromZero && min >= 0 ? 0 : pad;
      max += pad;
    }
    double step = step(max - min, 5);
    return new double[] {
      multiple(Math.floor(min / step + 1e-9), step),
      multiple(Math.ceil(max / step - 1e-9), step),
      step
    };
  }

  // In decimal, so 2 x 5e-8 is exactly the double nearest 1e-7, not 1.0000000000000001e-7.
  private static double multiple(double k, double step) {
    return new BigDecimal(k).multiply(BigDecimal.valueOf(step)).doubleValue();
  }
}
