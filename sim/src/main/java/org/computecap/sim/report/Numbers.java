package org.computecap.sim.report;

import java.util.Locale;

/**
 * Numbers for people, one format per kind, used by the report's tables and by its findings alike so
 * that a sentence quotes exactly what its table shows: money in dollars with {@code $}, shares on
 * [0, 1], ratios with as many decimals as it takes not to round a value near 1 up to 1.
 */
final class Numbers {
  private static final String NONE = "n/a";

  private Numbers() {}

  /** A price in cents as dollars and cents: {@code $9.03}. */
  static String price(double cents) {
    return Double.isFinite(cents) ? money(cents / 100, 2) : NONE;
  }

  /** An amount in cents as whole dollars: {@code $180,900}, {@code -$1,075}. */
  static String amount(double cents) {
    return Double.isFinite(cents) ? money(cents / 100, 0) : NONE;
  }

  private static String money(double dollars, int decimals) {
    String digits = String.format(Locale.ROOT, "%,." + decimals + "f", Math.abs(dollars));
    boolean negative = dollars < 0 && !digits.matches("[0.,]+");
    return (negative ? "-$" : "$") + digits;
  }

  /**
   * A share in [0, 1] to four decimals, or two significant digits when smaller: 0.9167, 0.00049.
   */
  static String share(double v) {
    if (!Double.isFinite(v)) {
      return NONE;
    }
    if (v == 0 || v == 1) {
      return v == 0 ? "0" : "1";
    }
    if (Math.abs(v) < 0.001) {
      return String.format(Locale.ROOT, "%.2g", v);
    }
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /**
   * A ratio such as welfare over the planner's: four decimals, more when four would print a value
   * that is not 1 as 1.0000 (0.999966 is 0.99997, not 1.0000).
   */
  static String ratio(double v) {
    if (!Double.isFinite(v)) {
      return NONE;
    }
    for (int decimals = 4; decimals < 12; decimals++) {
      String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
      if (v == 1 || Double.parseDouble(s) != 1) {
        return s;
      }
    }
    return String.format(Locale.ROOT, "%.12f", v);
  }

  /** A measured quantity to six significant digits with thousands separators: 11,500.6. */
  static String quantity(double v) {
    if (!Double.isFinite(v)) {
      return NONE;
    }
    double a = Math.abs(v);
    if (a != 0 && (a >= 1e12 || a < 1e-3)) {
      return String.format(Locale.ROOT, "%.3e", v);
    }
    int decimals = a == 0 ? 0 : Math.max(0, 5 - (int) Math.floor(Math.log10(a)));
    String s = String.format(Locale.ROOT, "%,." + decimals + "f", v);
    return decimals == 0 ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  /** A relative difference as a percentage: 2.41%. */
  static String percent(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f%%", 100 * v) : NONE;
  }
}
