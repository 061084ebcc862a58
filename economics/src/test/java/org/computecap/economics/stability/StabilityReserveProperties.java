package org.computecap.economics.stability;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.computecap.economics.stability.StabilityReservePath.Period;
import org.computecap.economics.stability.StabilityReservePath.Row;
import org.computecap.economics.stability.StabilityReserveRule.Band;

/**
 * The stability reserve rule over any valid rule (thresholds up to 10^15 permits, any rate) and any
 * TNAC, with TNACs drawn both anywhere and within a few permits of each threshold, where off-by-one
 * mistakes live.
 */
class StabilityReserveProperties {

  private static final long MAX = StabilityReserveRule.MAX_PERMITS;

  /** A valid rule from three unordered thresholds. */
  private static StabilityReserveRule rule(
      long a, long b, long c, long ratePpm, long volume, long limit, boolean limited) {
    long[] t = {a, b, c};
    Arrays.sort(t);
    return new StabilityReserveRule(
        t[2], t[1], ratePpm, t[0], volume, limited ? OptionalLong.of(limit) : OptionalLong.empty());
  }

  /** A TNAC near one of the rule's thresholds ({@code which} 0..2), or anywhere (3). */
  private static long tnac(StabilityReserveRule r, int which, long offset, long anywhere) {
    long base =
        switch (which) {
          case 0 -> r.releaseThresholdPermits();
          case 1 -> r.lowerThresholdPermits();
          case 2 -> r.upperThresholdPermits();
          default -> anywhere;
        };
    return Math.max(0L, base + (which == 3 ? 0 : offset));
  }

  @Property
  void intake_is_never_negative_nor_above_tnac_and_never_comes_with_a_release(
      @ForAll @LongRange(min = 0, max = MAX) long a,
      @ForAll @LongRange(min = 0, max = MAX) long b,
      @ForAll @LongRange(min = 0, max = MAX) long c,
      @ForAll @LongRange(min = 0, max = 1_000_000) long ratePpm,
      @ForAll @LongRange(min = 0, max = MAX) long volume,
      @ForAll @IntRange(min = 0, max = 3) int which,
      @ForAll @LongRange(min = -3, max = 3) long offset,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long anywhere,
      @ForAll @LongRange(min = 0, max = MAX) long reserve) {
    StabilityReserveRule r = rule(a, b, c, ratePpm, volume, 0, false);
    long n = tnac(r, which, offset, anywhere);
    StabilityReserveRule.Action action = r.action(n, reserve);

    assertThat(action.intakePermits()).isBetween(0L, n);
    assertThat(action.releasePermits()).isBetween(0L, Math.min(volume, reserve));
    assertThat(action.intakePermits() > 0 && action.releasePermits() > 0).isFalse();
  }

  @Property
  void each_band_holds_exactly_its_range_with_the_eu_bounds(
      @ForAll @LongRange(min = 0, max = MAX) long a,
      @ForAll @LongRange(min = 0, max = MAX) long b,
      @ForAll @LongRange(min = 0, max = MAX) long c,
      @ForAll @IntRange(min = 0, max = 3) int which,
      @ForAll @LongRange(min = -3, max = 3) long offset,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long anywhere) {
    StabilityReserveRule r = rule(a, b, c, 240_000, 1, 0, false);
    long n = tnac(r, which, offset, anywhere);
    Band expected =
        n > r.upperThresholdPermits()
            ? Band.RATE_INTAKE
            : n > r.lowerThresholdPermits()
                ? Band.EXCESS_INTAKE
                : n >= r.releaseThresholdPermits() ? Band.NO_ACTION : Band.RELEASE;

    assertThat(r.band(n)).isEqualTo(expected);
    if (expected == Band.EXCESS_INTAKE) {
      assertThat(r.intakePermits(n)).isEqualTo(n - r.lowerThresholdPermits());
    }
  }

  @Property
  void rate_intake_is_the_exact_product_rounded_half_up(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long n,
      @ForAll @LongRange(min = 0, max = 1_000_000) long ratePpm) {
    BigInteger million = BigInteger.valueOf(1_000_000);
    BigInteger exact =
        BigInteger.valueOf(n)
            .multiply(BigInteger.valueOf(ratePpm))
            .multiply(BigInteger.TWO)
            .add(million)
            .divide(million.multiply(BigInteger.TWO));

    assertThat(StabilityReserveRule.ppmOfRounded(n, ratePpm)).isEqualTo(exact.longValueExact());
  }

  @Property
  void intake_never_falls_as_tnac_rises_when_the_jump_at_the_upper_threshold_is_not_negative(
      @ForAll @LongRange(min = 0, max = MAX) long a,
      @ForAll @LongRange(min = 0, max = MAX) long b,
      @ForAll @LongRange(min = 0, max = MAX) long c,
      @ForAll @LongRange(min = 0, max = 1_000_000) long ratePpm,
      @ForAll @IntRange(min = 0, max = 3) int which,
      @ForAll @LongRange(min = -3, max = 3) long offset,
      @ForAll @LongRange(min = 0, max = MAX) long anywhere,
      @ForAll @LongRange(min = 0, max = 5) long step) {
    StabilityReserveRule r = rule(a, b, c, ratePpm, 1, 0, false);
    long n = tnac(r, which, offset, anywhere);
    long intake = r.intakePermits(n);
    long more = r.intakePermits(n + step);

    if (r.band(n) == r.band(n + step) || r.jumpAtUpperPermits() >= 0) {
      assertThat(more).isGreaterThanOrEqualTo(intake);
    }
    // Release never rises with TNAC.
    assertThat(r.releasePermits(n + step, MAX)).isLessThanOrEqualTo(r.releasePermits(n, MAX));
  }

  @Property
  void the_eu_intake_never_falls_as_tnac_rises(
      @ForAll @LongRange(min = 0, max = 3_000_000_000L) long n,
      @ForAll @LongRange(min = 0, max = 200_000_000L) long step) {
    StabilityReserveRule eu = StabilityReserveRule.EU;

    assertThat(eu.intakePermits(n + step)).isGreaterThanOrEqualTo(eu.intakePermits(n));
  }

  @Property
  void after_invalidation_the_reserve_holds_at_most_the_limit(
      @ForAll @LongRange(min = 0, max = MAX) long limit,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long reserve) {
    StabilityReserveRule r = rule(3, 2, 1, 0, 0, limit, true);
    long invalidated = r.invalidatedPermits(reserve);

    assertThat(invalidated).isBetween(0L, reserve);
    assertThat(reserve - invalidated).isEqualTo(Math.min(reserve, limit));
  }

  @Property(tries = 300)
  void a_path_conserves_permits_and_never_goes_negative(
      @ForAll @LongRange(min = 0, max = 2_000_000) long a,
      @ForAll @LongRange(min = 0, max = 2_000_000) long b,
      @ForAll @LongRange(min = 0, max = 2_000_000) long c,
      @ForAll @LongRange(min = 0, max = 1_000_000) long ratePpm,
      @ForAll @LongRange(min = 0, max = 500_000) long volume,
      @ForAll @LongRange(min = 0, max = 3_000_000) long limit,
      @ForAll boolean limited,
      @ForAll @LongRange(min = 0, max = 3_000_000) long startTnac,
      @ForAll @LongRange(min = 0, max = 3_000_000) long startReserve,
      @ForAll @IntRange(min = 1, max = 40) int count,
      @ForAll long seed) {
    StabilityReserveRule r = rule(a, b, c, ratePpm, volume, limit, limited);
    Random random = new Random(seed);
    List<Period> periods = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      periods.add(
          new Period(
              random.nextInt(300_000), random.nextInt(1_000_000), random.nextInt(1_500_000)));
    }
    List<Row> rows = StabilityReservePath.path(r, startTnac, startReserve, periods);

    long in = startTnac + startReserve;
    long out = 0;
    long tnac = startTnac;
    long reserve = startReserve;
    for (int t = 0; t < count; t++) {
      Row row = rows.get(t);
      Period p = periods.get(t);
      in += p.freeAllocationPermits() + p.scheduledAuctionPermits();
      out += row.surrenderedPermits() + row.invalidatedPermits();
      assertThat(row.tnacPermits() + row.reservePermits() + out).isEqualTo(in);
      assertThat(row.tnacReadPermits()).isEqualTo(tnac);
      assertThat(row.band()).isEqualTo(r.band(tnac));
      assertThat(row.intakePermits())
          .isEqualTo(Math.min(r.intakePermits(tnac), p.scheduledAuctionPermits()));
      assertThat(row.releasePermits()).isEqualTo(r.releasePermits(tnac, reserve));
      assertThat(row.auctionPermits()).isNotNegative();
      assertThat(row.tnacPermits()).isNotNegative();
      assertThat(row.reservePermits()).isNotNegative();
      assertThat(row.surrenderedPermits() + row.unmetDemandPermits()).isEqualTo(p.demandPermits());
      if (limited) {
        assertThat(row.reservePermits()).isLessThanOrEqualTo(limit);
      }
      tnac = row.tnacPermits();
      reserve = row.reservePermits();
    }
  }
}
