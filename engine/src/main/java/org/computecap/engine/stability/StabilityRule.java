package org.computecap.engine.stability;

import org.computecap.engine.program.StabilityReserve;

/**
 * The stability reserve rule in whole permits (issue 14), the engine's own copy of the economics'
 * {@code StabilityReserveRule} (the engine depends on no other module and has no {@code double}; a
 * test in module sim checks that the two agree). For a TNAC {@code n}:
 *
 * <ul>
 *   <li>{@code n > upper}: intake {@code round(rate · n / 10^6)}, ties up;
 *   <li>{@code lower < n <= upper}: intake {@code n - lower};
 *   <li>{@code release <= n <= lower}: nothing;
 *   <li>{@code n < release}: release {@code min(releaseVolume, reserve)}.
 * </ul>
 *
 * The engine can withhold at most the next period's auction volume, so the intake the reserve
 * actually takes in ({@code withheld}) is capped by what the caller says can be withheld; then what
 * the reserve would hold above the invalidation limit is invalidated.
 */
public final class StabilityRule {
  private static final long PPM = 1_000_000L;

  private StabilityRule() {}

  /**
   * One period's decision.
   *
   * @param band the band the TNAC falls in
   * @param intakePermits what the rule withholds
   * @param withheldPermits what the reserve takes in: the intake, at most what can be withheld
   * @param releasePermits what the reserve releases into the next period's auctions
   * @param invalidatedPermits what the reserve holds above the limit after intake and release
   * @param reserveAfterPermits the reserve's balance: before + withheld - release - invalidated
   */
  public record Decision(
      StabilityBand band,
      long intakePermits,
      long withheldPermits,
      long releasePermits,
      long invalidatedPermits,
      long reserveAfterPermits) {}

  /** The band of a TNAC {@code tnac >= 0}, each bound as the EU decision words it. */
  public static StabilityBand band(StabilityReserve rule, long tnac) {
    if (tnac > rule.upperThresholdPermits()) {
      return StabilityBand.RATE_INTAKE;
    }
    if (tnac > rule.lowerThresholdPermits()) {
      return StabilityBand.EXCESS_INTAKE;
    }
    if (tnac >= rule.releaseThresholdPermits()) {
      return StabilityBand.NO_ACTION;
    }
    return StabilityBand.RELEASE;
  }

  /** The permits the rule withholds for a TNAC {@code tnac >= 0}. */
  public static long intakePermits(StabilityReserve rule, long tnac) {
    return switch (band(rule, tnac)) {
      case RATE_INTAKE -> ppmOfRounded(tnac, rule.intakeRatePpm());
      case EXCESS_INTAKE -> tnac - rule.lowerThresholdPermits();
      case NO_ACTION, RELEASE -> 0L;
    };
  }

  /**
   * The decision for a TNAC, a reserve holding {@code reserve} permits and at most {@code
   * withholdable} permits that the next period's auctions can give up (all three &gt;= 0).
   */
  public static Decision decide(StabilityReserve rule, long tnac, long reserve, long withholdable) {
    StabilityBand band = band(rule, tnac);
    long intake = intakePermits(rule, tnac);
    long withheld = Math.min(intake, withholdable);
    long release =
        band == StabilityBand.RELEASE ? Math.min(rule.releaseVolumePermits(), reserve) : 0L;
    long balance = reserve + withheld - release;
    long invalidated =
        rule.hasInvalidationLimit() ? Math.max(0L, balance - rule.invalidationLimitPermits()) : 0L;
    return new Decision(band, intake, withheld, release, invalidated, balance - invalidated);
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
}
