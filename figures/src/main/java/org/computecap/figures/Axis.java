package org.computecap.figures;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * One axis of a chart: the quantity it shows, its unit, and how its ticks read. Every axis has a
 * unit, so every axis title says what is measured in what ({@code price ($ per permit)}); a chart
 * has exactly one y axis, so two quantities never share one (audit counts and dollars get two
 * charts). The kind fixes the tick labels: dollars with {@code $}, shares on [0, 1], counts and
 * periods in whole numbers. A share axis runs from 0 to the data's round top, and over all of [0,
 * 1] once the data pass one half.
 *
 * @param quantity what is measured, e.g. {@code permit price}
 * @param unit its unit, e.g. {@code $ per permit}, {@code MWh}, {@code share}
 */
public record Axis(String quantity, String unit, Kind kind, boolean logScale) {

  /** How an axis's ticks are placed and labelled. */
  public enum Kind {
    /** Any real quantity: round ticks, thousands separators. */
    NUMBER,
    /** Money in dollars: ticks labelled {@code $1,200}. */
    DOLLARS,
    /** A share: the axis spans exactly [0, 1]; a value outside it is refused. */
    SHARE,
    /** Things counted: whole-number ticks from zero. */
    COUNT,
    /** Periods of a program: one whole-number tick per period. */
    PERIOD
  }

  public Axis {
    if (quantity == null || quantity.isBlank()) {
      throw new IllegalArgumentException("axis quantity must be named");
    }
    if (unit == null || unit.isBlank()) {
      throw new IllegalArgumentException("axis " + quantity + " must name its unit");
    }
    if (logScale && kind != Kind.NUMBER && kind != Kind.DOLLARS) {
      throw new IllegalArgumentException("a " + kind + " axis cannot be logarithmic");
    }
  }

  /** A real quantity in {@code unit}. */
  public static Axis of(String quantity, String unit) {
    return new Axis(quantity, unit, Kind.NUMBER, false);
  }

  /** Money in dollars, {@code per} what (e.g. {@code permit}), or null for plain dollars. */
  public static Axis dollars(String quantity, String per) {
    return new Axis(quantity, per == null ? "$" : "$ per " + per, Kind.DOLLARS, false);
  }

  /** A share of something, shown on [0, 1]. */
  public static Axis share(String quantity) {
    return new Axis(quantity, "share", Kind.SHARE, false);
  }

  /** Things counted, e.g. {@code audits}: whole-number ticks, titled {@code audits (count)}. */
  public static Axis count(String quantity) {
    return new Axis(quantity, "count", Kind.COUNT, false);
  }

  /** The program's periods, each of {@code length} (e.g. {@code year}). */
  public static Axis period(String length) {
    return new Axis("period", length, Kind.PERIOD, false);
  }

  /** The program's periods by number, when their length is not known. */
  public static Axis period() {
    return new Axis("period", "period", Kind.PERIOD, false);
  }

  /** The same axis on a logarithmic scale (positive values only). */
  public Axis logarithmic() {
    return new Axis(quantity, unit, kind, true);
  }

  /** The title printed along the axis: the quantity and its unit (a period is its own unit). */
  public String title() {
    return quantity.equals(unit) ? quantity : quantity + " (" + unit + ")";
  }

  /** The label of a tick at {@code v}; empty for a value this axis does not label. */
  public String label(double v) {
    return switch (kind) {
      case DOLLARS -> (v < 0 ? "-$" : "$") + dollars(Math.abs(v));
      case COUNT, PERIOD -> Math.abs(v - Math.rint(v)) < 1e-9 ? number(Math.rint(v)) : "";
      default -> number(v);
    };
  }

  // $120M and $1.5B, not $1.2e8: money in millions is read in millions.
  private static String dollars(double a) {
    if (a >= 1e9) {
      return number(a / 1e9) + "B";
    }
    return a >= 1e6 ? number(a / 1e6) + "M" : number(a);
  }

  /**
   * A number as people read it: thousands separators, no trailing zeros, no float noise
   * (0.30000000000000004 prints 0.3), and powers of ten for the very large and very small.
   */
  static String number(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v == 0 ? "0" : String.valueOf(v);
    }
    double a = Math.abs(v);
    BigDecimal d = new BigDecimal(v, new MathContext(10)).stripTrailingZeros();
    if (a >= 1e7 || a < 1e-4) {
      BigDecimal mantissa = d.movePointLeft(d.precision() - d.scale() - 1);
      int exponent = d.precision() - d.scale() - 1;
      return mantissa.stripTrailingZeros().toPlainString() + "e" + exponent;
    }
    if (d.scale() <= 0) {
      return String.format(Locale.ROOT, "%,d", d.longValueExact());
    }
    String plain = d.toPlainString();
    int dot = plain.indexOf('.');
    String whole = String.format(Locale.ROOT, "%,d", Long.parseLong(plain.substring(0, dot)));
    if (plain.startsWith("-0")) {
      whole = "-0";
    }
    return whole + plain.substring(dot);
  }
}
