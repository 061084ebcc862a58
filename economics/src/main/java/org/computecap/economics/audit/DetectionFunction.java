package org.computecap.economics.audit;

/**
 * Detection technology of a noisy audit (P2 App. A): {@code d(D)} is the probability that an audit
 * of a developer who under-retired by D reveals the shortfall. With audit signal {@code c~ = c +
 * eta}, {@code d(D) = Pr(c~ >= c - D) = Pr(eta >= -D)}. Pluggable so that a regulator can model its
 * own metering; {@link #gaussian(double)} is the default.
 *
 * <p>Implementations must return a probability in [0, 1] for every D >= 0.
 */
@FunctionalInterface
public interface DetectionFunction {

  /** Probability that an audit reveals a shortfall of size {@code shortfall} >= 0. */
  double probability(double shortfall);

  /**
   * Gaussian audit noise {@code eta ~ N(0, sigma^2)}: {@code d(D) = Phi(D/sigma)}, equal to 1/2 at
   * D = 0 and rising to 1, which is why noisy audits need {@code 2p/linear}.
   */
  static DetectionFunction gaussian(double sigma) {
    Arguments.positive("sigma", sigma);
    return shortfall -> Normal.cdf(shortfall / sigma);
  }

  /** A perfect audit (P2 Sec 3.3): every shortfall is revealed. */
  static DetectionFunction perfect() {
    return shortfall -> 1.0;
  }
}
