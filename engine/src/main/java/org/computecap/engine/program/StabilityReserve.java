package org.computecap.engine.program;

/**
 * A stability reserve of the EU Market Stability Reserve type (issue 14), the program's {@code
 * stabilityReserve} section: once a period the engine reads the total number of permits in
 * circulation (TNAC) and withholds permits from the next period's auction volume into the reserve,
 * releases permits from it into the next period's auctions, or does nothing; what the reserve holds
 * above the invalidation limit is cancelled. The rule itself is {@code
 * org.computecap.engine.stability.StabilityRule}; docs/rules.md states it and its timing.
 *
 * <p>{@link ProgramLoader} validates the ranges: quantities in [0, 10^15], the rate in [0, 10^6]
 * ppm, {@code releaseThreshold <= lower <= upper}.
 *
 * @param upperThresholdPermits above it, intake is the rate times TNAC
 * @param lowerThresholdPermits above it (up to the upper threshold), intake is TNAC minus it
 * @param intakeRatePpm the share of TNAC taken in above the upper threshold
 * @param releaseThresholdPermits below it, the reserve releases
 * @param releaseVolumePermits what a release adds to the next period's auctions, at most what the
 *     reserve holds
 * @param invalidationLimitPermits reserve holdings above it are cancelled; {@link #NO_LIMIT}: never
 */
public record StabilityReserve(
    long upperThresholdPermits,
    long lowerThresholdPermits,
    long intakeRatePpm,
    long releaseThresholdPermits,
    long releaseVolumePermits,
    long invalidationLimitPermits) {

  /** The invalidation limit of a reserve that never invalidates. */
  public static final long NO_LIMIT = -1;

  /** Whether holdings above {@link #invalidationLimitPermits} are invalidated. */
  public boolean hasInvalidationLimit() {
    return invalidationLimitPermits != NO_LIMIT;
  }
}
