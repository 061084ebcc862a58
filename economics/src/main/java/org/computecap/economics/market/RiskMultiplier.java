package org.computecap.economics.market;

/**
 * Expected risk multiplier of P2 Sec 5.1, {@code lambdaBar = E[lambda(s)] = 1 + (alpha-1)·g} where
 * {@code g = Pr(s = H | theta, e)}. The default {@code g = theta·(1-e)} (SPEC §8) reads theta as
 * the high-risk probability at zero safety effort; any other signal model can be plugged in as a
 * {@link SignalModel}.
 */
public final class RiskMultiplier {

  /** {@code g(theta, e)}: probability of a high-risk evaluation signal, in [0, 1]. */
  @FunctionalInterface
  public interface SignalModel {
    double probabilityHigh(double theta, double effort);
  }

  /** The default signal model {@code g = theta·(1-e)}; needs theta and e in [0, 1]. */
  public static final SignalModel LINEAR =
      (theta, effort) -> {
        unit("theta", theta);
        return theta * (1.0 - effort);
      };

  private RiskMultiplier() {}

  /** {@code 1 + (alpha-1)·theta·(1-e)}. */
  public static double expected(double alpha, double theta, double effort) {
    return expected(alpha, theta, effort, LINEAR);
  }

  /** {@code 1 + (alpha-1)·g(theta, e)} for a pluggable signal model g. */
  public static double expected(double alpha, double theta, double effort, SignalModel g) {
    if (!(alpha >= 1.0) || !Double.isFinite(alpha)) {
      throw new IllegalArgumentException("alpha must be finite and >= 1, was " + alpha);
    }
    unit("effort", effort);
    if (g == null) {
      throw new IllegalArgumentException("signal model must not be null");
    }
    double high = g.probabilityHigh(theta, effort);
    if (!(high >= 0.0 && high <= 1.0)) {
      throw new IllegalArgumentException("signal model probability must be in [0, 1], was " + high);
    }
    return 1.0 + (alpha - 1.0) * high;
  }

  private static void unit(String field, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(field + " must be in [0, 1], was " + value);
    }
  }
}
