package org.computecap.engine.compliance;

/**
 * Steele, Lea and Flood's SplitMix64 generator, written out here so the audit lottery's stream is
 * fixed by this file and not by a JDK version ({@code java.util.Random} and {@code
 * SplittableRandom} are not part of the journal's contract). One generator per audit draw, seeded
 * from the market seed (in the genesis command) and the period, so every period's draw is
 * reproducible on replay and independent of the others.
 */
public final class SplitMix64 {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  /** Keeps audit streams apart from any other use of the same market seed ("AUDIT"). */
  private static final long AUDIT_DOMAIN = 0x4155_4449_5400_0000L;

  private long state;

  public SplitMix64(long seed) {
    this.state = seed;
  }

  /** The generator of the audit draw of {@code period}: {@code mix64(seed ^ mix64(D + p))}. */
  public static SplitMix64 forAudit(long marketSeed, int period) {
    return new SplitMix64(mix64(marketSeed ^ mix64(AUDIT_DOMAIN + period)));
  }

  /** The next 64 uniformly distributed bits. */
  public long nextLong() {
    state += GOLDEN_GAMMA;
    return mix64(state);
  }

  /** A uniform integer in {@code [0, bound)}, without modulo bias (rejection sampling). */
  public long nextBelow(long bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound: " + bound + " must be above 0");
    }
    // Accept the top 63 bits only below the largest multiple of bound that fits in 2^63.
    long limit = Long.divideUnsigned(Long.MIN_VALUE, bound) * bound;
    while (true) {
      long r = nextLong() >>> 1;
      if (Long.compareUnsigned(r, limit) < 0) {
        return r % bound;
      }
    }
  }

  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
