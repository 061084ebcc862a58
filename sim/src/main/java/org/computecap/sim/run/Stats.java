package org.computecap.sim.run;

/**
 * Mean and 95% confidence interval of a sample of replications, with Student's t quantile for small
 * samples (replications are few and their spread unknown, so the normal 1.96 would make intervals
 * too narrow). Non-finite values (a period with no trade) are left out. The interval's bounds may
 * be clamped to a measure's range ({@link #clampedTo}): a share's interval never leaves [0, 1].
 */
public record Stats(int n, double mean, double halfWidth, double low, double high) {

  public Stats(int n, double mean, double halfWidth) {
    this(n, mean, halfWidth, mean - halfWidth, mean + halfWidth);
  }

  /** The same statistics with the interval's bounds clamped to [min, max]. */
  public Stats clampedTo(double min, double max) {
    return new Stats(
        n,
        mean,
        halfWidth,
        Double.isNaN(low) ? low : Math.max(min, low),
        Double.isNaN(high) ? high : Math.min(max, high));
  }

  /** Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom. */
  private static final double[] T975 = {
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
    2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
    2.052, 2.048, 2.045, 2.042
  };

  public static Stats of(double[] values) {
    int n = 0;
    double sum = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        n++;
        sum += v;
      }
    }
    if (n == 0) {
      return new Stats(0, Double.NaN, Double.NaN);
    }
    double mean = sum / n;
    if (n == 1) {
      return new Stats(1, mean, Double.NaN);
    }
    double ss = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        ss += (v - mean) * (v - mean);
      }
    }
    double sd = Math.sqrt(ss / (n - 1));
    return new Stats(n, mean, t975(n - 1) * sd / Math.sqrt(n));
  }

  static double t975(int degrees) {
    return degrees <= T975.length ? T975[degrees - 1] : 1.960 + 2.4 / degrees;
  }

  /**
   * The sample standard deviation (n - 1 in the denominator), recovered from the half-width; NaN
   * below two values.
   */
  public double sd() {
    return n < 2 ? Double.NaN : halfWidth * Math.sqrt(n) / t975(n - 1);
  }
}
