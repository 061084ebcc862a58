package org.computecap.economics.insurance;

/** Edge validation for the insurance formulas: names the field and the allowed range. */
final class Arguments {

  private Arguments() {}

  static void positive(String field, double value) {
    if (!(value > 0.0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be finite and > 0, was " + value);
    }
  }

  static void nonNegative(String field, double value) {
    if (!(value >= 0.0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be finite and >= 0, was " + value);
    }
  }

  static void atLeastOne(String field, double value) {
    if (!(value >= 1.0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be finite and >= 1, was " + value);
    }
  }

  static void unitInterval(String field, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(field + " must be in [0, 1], was " + value);
    }
  }
}
