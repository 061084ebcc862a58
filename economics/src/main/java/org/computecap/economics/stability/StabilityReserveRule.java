package org.computecap.economics.stability;

import java.util.OptionalLong;

/**
 * A stability reserve of the EU Market Stability Reserve type (issue 14): once a period the
 * regulator reads the total number of permits in circulation (TNAC) and either withholds permits
 * from future auctions into the reserve (intake), releases permits from the reserve into auctions
 * (release), or does nothing. Quantities are whole permits and the rate is in parts per million, as
 * the program's fields are, so the answers are exact integers.
 *
 * <p>The bands, for a TNAC {@code n} (each bound as the EU decision words it):
 *
 * <ul>
 *   <li>{@code n > upper}: intake {@code round(intakeRate · n)} ({@link Band#RATE_INTAKE});
 *   <li>{@code lower < n <= upper}: intake {@code n - lower} ({@link Band#EXCESS_INTAKE});
 *   <li>{@code release <= n <= lower}: nothing ({@link Band#NO_ACTION});
 *   <li>{@code n < release}: release {@code releaseVolume}, or what the reserve holds when that is
 *       less ({@link Band#RELEASE}).
 * </ul>
 *
 * Rounding is to the nearest whole permit with ties rounded up (half away from zero: n is never
 * negative). Intake never exceeds n (the rate is at most 10^6 ppm and {@code n - lower <= n}), and
 * intake and release are never both positive because their bands are disjoint.
 *
 * <p>The excess band exists so that intake does not jump from nothing to {@code rate · lower} as
 * TNAC crosses the lower threshold (the EU's pre-2023 cliff at 833 M: 24% of 833 M is 200 M). The
 * EU chose 1,096 M as the point where the two formulas almost meet: {@code 0.24 · 1,096 M = 263.04
 * M} against {@code 1,096 M - 833 M = 263 M}, so intake still jumps up by 40,000 permits at the
 * upper threshold; the formulas meet exactly at {@code 833 M / 0.76 ≈ 1,096.05 M}. Intake is
 * non-decreasing in TNAC over the whole line exactly when that jump is not negative ({@link
 * #jumpAtUpperPermits()} &gt;= 0), as it is for the EU.
 *
 * <p>Above the optional invalidation limit the reserve's holdings stop being valid (the EU cancels
 * what the MSR holds above 400 M each year since 2023), so the reserve never holds more than the
 * limit after an invalidation.
 *
 * @param upperThresholdPermits above it, intake is the rate times TNAC
 * @param lowerThresholdPermits above it (up to the upper threshold), intake is TNAC minus it
 * @param intakeRatePpm the share of TNAC taken in above the upper threshold, in [0, 10^6]
 * @param releaseThresholdPermits below it, the reserve releases
 * @param releaseVolumePermits what a release puts into auctions, when the reserve holds it
 * @param invalidationLimitPermits reserve holdings above it are invalidated; empty: never
 */
public record StabilityReserveRule(
    long upperThresholdPermits,
    long lowerThresholdPermits,
    long intakeRatePpm,
    long releaseThresholdPermits,
    long releaseVolumePermits,
    OptionalLong invalidationLimitPermits) {

  /** Parts per million in one. */
  public static final long PPM = 1_000_000L;

  /**
   * The largest quantity {@link #settle} and the path accept, as the engine's commands cap theirs.
   */
  public static final long MAX_PERMITS = 1_000_000_000_000_000L;

  /**
   * The EU's rule since Decision (EU) 2023/852 until 2030: intake 24% of TNAC above 1,096 M, TNAC -
   * 833 M between 833 M and 1,096 M, nothing from 400 M to 833 M, a release of 100 M below 400 M,
   * and holdings above 400 M invalidated.
   */
  public static final StabilityReserveRule EU =
      new StabilityReserveRule(
          1_096_000_000L,
          833_000_000L,
          240_000L,
          400_000_000L,
          100_000_000L,
          OptionalLong.of(400_000_000L));

  /** Which formula applies to a TNAC. */
  public enum Band {
    /** TNAC above the upper threshold: intake is the rate times TNAC. */
    RATE_INTAKE,
    /** TNAC above the lower threshold, at most the upper: intake is TNAC minus the lower. */
    EXCESS_INTAKE,
    /** TNAC from the release threshold to the lower threshold, both included: nothing. */
    NO_ACTION,
    /** TNAC below the release threshold: release. */
    RELEASE
  }

  /**
   * What the rule does for one TNAC.
   *
   * @param band the band the TNAC falls in
   * @param intakePermits permits withheld from auctions into the reserve
   * @param releasePermits permits released from the reserve into auctions
   */
  public record Action(Band band, long intakePermits, long releasePermits) {}

  /**
   * One period's action on a reserve and the invalidation that follows it.
   *
   * @param action what the rule does for the TNAC
   * @param invalidatedPermits what the reserve held above the limit after intake and release
   * @param reserveAfterPermits the reserve's balance at the end: before + intake - release -
   *     invalidated
   */
  public record Settlement(Action action, long invalidatedPermits, long reserveAfterPermits) {}

  /** Validates every field, naming it and the rule it breaks. */
  public StabilityReserveRule {
    nonNegative("upperThresholdPermits", upperThresholdPermits);
    nonNegative("lowerThresholdPermits", lowerThresholdPermits);
    nonNegative("releaseThresholdPermits", releaseThresholdPermits);
    nonNegative("releaseVolumePermits", releaseVolumePermits);
    if (intakeRatePpm < 0 || intakeRatePpm > PPM) {
      throw new IllegalArgumentException(
          "intakeRatePpm must be within [0, 1000000], was " + intakeRatePpm);
    }
    if (lowerThresholdPermits > upperThresholdPermits) {
      throw new IllegalArgumentException(
          "lowerThresholdPermits must be <= upperThresholdPermits ("
              + upperThresholdPermits
              + "), was "
              + lowerThresholdPermits);
    }
    if (releaseThresholdPermits > lowerThresholdPermits) {
      throw new IllegalArgumentException(
          "releaseThresholdPermits must be <= lowerThresholdPermits ("
              + lowerThresholdPermits
              + "), was "
              + releaseThresholdPermits);
    }
    if (invalidationLimitPermits == null) {
      throw new IllegalArgumentException(
          "invalidationLimitPermits must be given (OptionalLong.empty() for none)");
    }
    if (invalidationLimitPermits.isPresent()) {
      nonNegative("invalidationLimitPermits", invalidationLimitPermits.getAsLong());
    }
  }

  /** The band a TNAC of {@code tnacPermits} (&gt;= 0) falls in. */
  public Band band(long tnacPermits) {
    nonNegative("tnacPermits", tnacPermits);
    if (tnacPermits > upperThresholdPermits) {
      return Band.RATE_INTAKE;
    }
    if (tnacPermits > lowerThresholdPermits) {
      return Band.EXCESS_INTAKE;
    }
    if (tnacPermits >= releaseThresholdPermits) {
      return Band.NO_ACTION;
    }
    return Band.RELEASE;
  }

  /** Permits withheld into the reserve for a TNAC of {@code tnacPermits} (&gt;= 0). */
  public long intakePermits(long tnacPermits) {
    return switch (band(tnacPermits)) {
      case RATE_INTAKE -> ppmOfRounded(tnacPermits, intakeRatePpm);
      case EXCESS_INTAKE -> tnacPermits - lowerThresholdPermits;
      case NO_ACTION, RELEASE -> 0L;
    };
  }

  /**
   * Permits released for a TNAC of {@code tnacPermits} (&gt;= 0) from a reserve holding {@code
   * reservePermits} (&gt;= 0): the release volume, or the whole reserve when it holds less.
   */
  public long releasePermits(long tnacPermits, long reservePermits) {
    nonNegative("reservePermits", reservePermits);
    return band(tnacPermits) == Band.RELEASE ? Math.min(releaseVolumePermits, reservePermits) : 0L;
  }

  /** The action for a TNAC when the reserve holds at least the release volume. */
  public Action action(long tnacPermits) {
    return action(tnacPermits, releaseVolumePermits);
  }

  /** The action for a TNAC and a reserve holding {@code reservePermits}. */
  public Action action(long tnacPermits, long reservePermits) {
    return new Action(
        band(tnacPermits), intakePermits(tnacPermits), releasePermits(tnacPermits, reservePermits));
  }

  /**
   * The action for a TNAC and a reserve holding {@code reservePermits}, both in [0, {@link
   * #MAX_PERMITS}], with the whole intake placed in the reserve (the auctions can withhold it), the
   * release taken out of it, and then what it holds above the invalidation limit invalidated.
   */
  public Settlement settle(long tnacPermits, long reservePermits) {
    atMost("tnacPermits", tnacPermits, MAX_PERMITS);
    atMost("reservePermits", reservePermits, MAX_PERMITS);
    Action action = action(tnacPermits, reservePermits);
    long balance = reservePermits + action.intakePermits() - action.releasePermits();
    long invalidated = invalidatedPermits(balance);
    return new Settlement(action, invalidated, balance - invalidated);
  }

  /**
   * Permits invalidated from a reserve holding {@code reservePermits} (&gt;= 0): what it holds
   * above the invalidation limit, or none without a limit.
   */
  public long invalidatedPermits(long reservePermits) {
    nonNegative("reservePermits", reservePermits);
    if (invalidationLimitPermits.isEmpty()) {
      return 0L;
    }
    return Math.max(0L, reservePermits - invalidationLimitPermits.getAsLong());
  }

  /**
   * How much intake jumps as TNAC goes from the upper threshold to one permit above it: {@code
   * round(rate · (upper + 1)) - (upper - lower)}. Negative means more TNAC can mean less intake.
   */
  public long jumpAtUpperPermits() {
    if (upperThresholdPermits == Long.MAX_VALUE) {
      return 0L;
    }
    return intakePermits(upperThresholdPermits + 1) - intakePermits(upperThresholdPermits);
  }

  /**
   * {@code round(n · ppm / 10^6)}, ties up, exact for every {@code n >= 0} and {@code ppm} in [0,
   * 10^6]: n is split at 10^6 so that no product overflows.
   */
  static long ppmOfRounded(long n, long ppm) {
    long whole = (n / PPM) * ppm;
    long rest = (n % PPM) * ppm;
    return whole + (rest + PPM / 2) / PPM;
  }

  static void atMost(String field, long value, long max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(field + " must be within [0, " + max + "], was " + value);
    }
  }

  static long nonNegative(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must be >= 0, was " + value);
    }
    return value;
  }
}
