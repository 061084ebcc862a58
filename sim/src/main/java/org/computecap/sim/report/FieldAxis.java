package org.computecap.sim.report;

import java.util.Locale;
import org.computecap.figures.Axis;

/**
 * An axis for a program field swept in an experiment, in the units people read: a field in parts
 * per million ({@code audit.probabilityPpm}) is shown as a share (or a multiple above 1), a field
 * in cents ({@code penalty.linearCentsPerPermit}) in dollars per what its name says; the quantity
 * is the field path in words ({@code audit probability}).
 *
 * @param axis the axis to draw
 * @param divisor what a field value is divided by to read on the axis (1e6, 100 or 1)
 */
public record FieldAxis(Axis axis, double divisor) {

  /** The axis for {@code field} with the given whole-number values. */
  public static FieldAxis of(String field, long[] values) {
    String last = field.substring(field.lastIndexOf('.') + 1);
    if (last.endsWith("Ppm")) {
      String quantity = words(field, last, "Ppm");
      boolean share = true;
      for (long v : values) {
        share &= v >= 0 && v <= 1_000_000;
      }
      return new FieldAxis(
          share ? Axis.share(quantity) : Axis.of(quantity, "multiple"), 1_000_000.0);
    }
    int cents = last.indexOf("Cents");
    if (cents > 0) {
      String per = last.substring(cents + "Cents".length());
      String unit =
          per.isEmpty()
              ? null
              : per.replaceFirst("^Per", "").replace("Squared", "²").toLowerCase(Locale.ROOT);
      return new FieldAxis(Axis.dollars(words(field, last, last.substring(cents)), unit), 100.0);
    }
    if (last.endsWith("Permits")) {
      return new FieldAxis(Axis.of(words(field, last, "Permits"), "permits"), 1.0);
    }
    return new FieldAxis(Axis.of(words(field, last, ""), "program units"), 1.0);
  }

  /** {@code values} as the axis reads them. */
  public double[] scale(long[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i] / divisor;
    }
    return out;
  }

  // "audit.probabilityPpm" -> "audit probability"; "penalty.linearCentsPerPermit" -> "penalty
  // linear".
  private static String words(String field, String last, String unitSuffix) {
    String head = field.substring(0, field.length() - last.length());
    String name = last.substring(0, last.length() - unitSuffix.length());
    String spaced = (head + name).replace('.', ' ').replaceAll("([a-z])([A-Z])", "$1 $2");
    return spaced.toLowerCase(Locale.ROOT).trim();
  }
}
