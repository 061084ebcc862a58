package org.computecap.economics.insurance;

/**
 * When gaming an evaluation pays (P2 Prop 9). Flipping the signal from H to L saves {@code
 * p·(alpha-1)·c} in permits; an insurer that verifies independently keeps charging the high
 * premium, so with insurance the saving shrinks by {@code delta·c}, {@code delta = pi(H) - pi(L)}.
 * Manipulation at private cost gamma pays iff gamma is below the threshold.
 *
 * <p>Thresholds are floored at 0: when {@code delta >= p·(alpha-1)} no positive cost is worth
 * paying, which is the regime the proposition leaves implicit.
 */
public final class ManipulationIncentive {

  private ManipulationIncentive() {}

  /** Largest private cost worth paying without insurance: {@code p·(alpha-1)·c}. */
  public static double thresholdWithout(double p, double alpha, double c) {
    Arguments.nonNegative("p", p);
    Arguments.atLeastOne("alpha", alpha);
    Arguments.nonNegative("c", c);
    return p * (alpha - 1.0) * c;
  }

  /** Largest private cost worth paying with insurance: {@code max(0, [p(alpha-1)-delta]c)}. */
  public static double thresholdWith(double p, double alpha, double c, double delta) {
    Arguments.nonNegative("delta", delta);
    double threshold = thresholdWithout(p, alpha, c) - delta * c;
    return Math.max(0.0, threshold);
  }

  /** Whether manipulating at private cost gamma pays against the given threshold. */
  public static boolean pays(double gamma, double threshold) {
    Arguments.nonNegative("gamma", gamma);
    Arguments.nonNegative("threshold", threshold);
    return gamma < threshold;
  }
}
