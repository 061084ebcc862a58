package org.computecap.economics.audit;

/**
 * Edge validation shared by the audit formulas: every malformed input is rejected with the field
 * name and the allowed range, so a CLI or HTTP caller can report it as a 400.
 */
final class Arguments {

  private Arguments() {}

  static double positive(String field, double value) {
    if (!(value > 0.0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be finite and > 0, was " + value);
    }
    return value;
  }

  static double nonNegative(String field, double value) {
    if (!(value >= 0.0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be finite and >= 0, was " + value);
    }
    return value;
  }

  static double probability(String field, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(field + " must be in [0, 1], was " + value);
    }
    return value;
  }

  static long positiveCount(String field, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be >= 1, was " + value);
    }
    return value;
  }
}
