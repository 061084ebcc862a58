package org.computecap.economics.audit;

/**
 * The convex penalty of P2 Prop 8, {@code phi(D) = linear·D + quadratic·D^2} for a detected
 * shortfall D >= 0. The linear coefficient sets marginal deterrence ({@code phi'(0)}); the
 * quadratic one makes large evasions ruinous (Assumption 1 needs it > 0 for strict convexity, but 0
 * is accepted so a purely linear schedule can be studied).
 */
public record PenaltyFunction(double linear, double quadratic) {

  /** Validates both coefficients: finite and >= 0. */
  public PenaltyFunction {
    Arguments.nonNegative("linear", linear);
    Arguments.nonNegative("quadratic", quadratic);
  }

  /** The penalty charged for shortfall {@code shortfall} >= 0. */
  public double value(double shortfall) {
    Arguments.nonNegative("shortfall", shortfall);
    return shortfall * (linear + quadratic * shortfall);
  }

  /** The marginal penalty {@code phi'(D) = linear + 2·quadratic·D}. */
  public double derivative(double shortfall) {
    Arguments.nonNegative("shortfall", shortfall);
    return linear + 2.0 * quadratic * shortfall;
  }

  /** {@code phi(D)/D}, finite and equal to {@code linear} in the limit D -> 0. */
  double perUnit(double shortfall) {
    return linear + quadratic * shortfall;
  }
}
