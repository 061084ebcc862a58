package org.computecap.sim.stability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.computecap.economics.stability.StabilityReserveRule;
import org.computecap.engine.program.StabilityReserve;
import org.computecap.engine.stability.StabilityRule;
import org.junit.jupiter.api.Test;

/**
 * The engine's whole-permit stability reserve rule ({@link StabilityRule}) and the economics'
 * ({@link StabilityReserveRule}) must agree: the engine may not depend on the economics module, so
 * it has its own copy, and this module sees both. Compared on every threshold and its neighbours,
 * on values near the top of the range, and on seeded random TNACs, reserves and rules.
 */
class StabilityRuleAgreementTest {
  private static final long MAX = StabilityReserveRule.MAX_PERMITS;

  private static StabilityReserve engineRule(StabilityReserveRule r) {
    return new StabilityReserve(
        r.upperThresholdPermits(),
        r.lowerThresholdPermits(),
        r.intakeRatePpm(),
        r.releaseThresholdPermits(),
        r.releaseVolumePermits(),
        r.invalidationLimitPermits().orElse(StabilityReserve.NO_LIMIT));
  }

  /** Asserts that both rules decide alike for one TNAC and reserve; returns nothing on success. */
  private static void agree(StabilityReserveRule economics, long tnac, long reserve) {
    StabilityReserveRule.Settlement expected = economics.settle(tnac, reserve);
    // Nothing caps the withholding here, as the economics places the whole intake in the reserve.
    StabilityRule.Decision actual =
        StabilityRule.decide(engineRule(economics), tnac, reserve, Long.MAX_VALUE);
    String at = "rule " + economics + ", TNAC " + tnac + ", reserve " + reserve;
    assertThat(actual.band().name()).as(at).isEqualTo(expected.action().band().name());
    assertThat(actual.intakePermits()).as(at).isEqualTo(expected.action().intakePermits());
    assertThat(actual.withheldPermits()).as(at).isEqualTo(expected.action().intakePermits());
    assertThat(actual.releasePermits()).as(at).isEqualTo(expected.action().releasePermits());
    assertThat(actual.invalidatedPermits()).as(at).isEqualTo(expected.invalidatedPermits());
    assertThat(actual.reserveAfterPermits()).as(at).isEqualTo(expected.reserveAfterPermits());
  }

  private static List<Long> aroundThresholds(StabilityReserveRule r) {
    List<Long> values = new ArrayList<>(List.of(0L, 1L, MAX - 1, MAX));
    for (long t :
        new long[] {
          r.upperThresholdPermits(), r.lowerThresholdPermits(), r.releaseThresholdPermits()
        }) {
      for (long d = -2; d <= 2; d++) {
        if (t + d >= 0 && t + d <= MAX) {
          values.add(t + d);
        }
      }
    }
    return values;
  }

  @Test
  void the_engine_and_the_economics_agree_on_the_eu_rule_at_and_around_every_threshold() {
    StabilityReserveRule eu = StabilityReserveRule.EU;
    long[] reserves = {0, 1, 99_999_999, 100_000_000, 300_000_000, 400_000_000, 900_000_000};
    for (long tnac : aroundThresholds(eu)) {
      for (long reserve : reserves) {
        agree(eu, tnac, reserve);
      }
    }
    // The EU's 40,000-permit jump at the upper threshold, in the engine too.
    StabilityReserve engineEu = engineRule(eu);
    assertThat(StabilityRule.intakePermits(engineEu, 1_096_000_001L)).isEqualTo(263_040_000L);
    assertThat(StabilityRule.intakePermits(engineEu, 1_096_000_000L)).isEqualTo(263_000_000L);
  }

  @Test
  void the_engine_and_the_economics_agree_on_many_random_rules_tnacs_and_reserves() {
    SplittableRandom random = new SplittableRandom(14);
    for (int rule = 0; rule < 200; rule++) {
      long scale = random.nextBoolean() ? 10_000 : MAX;
      long a = random.nextLong(scale + 1);
      long b = random.nextLong(scale + 1);
      long c = random.nextLong(scale + 1);
      long[] sorted = {a, b, c};
      Arrays.sort(sorted);
      OptionalLong limit =
          random.nextInt(3) == 0
              ? OptionalLong.empty()
              : OptionalLong.of(random.nextLong(scale + 1));
      long rate =
          random.nextInt(4) == 0 ? random.nextInt(3) * 500_000L : random.nextLong(1_000_001);
      StabilityReserveRule r =
          new StabilityReserveRule(
              sorted[2], sorted[1], rate, sorted[0], random.nextLong(scale + 1), limit);
      for (long tnac : aroundThresholds(r)) {
        agree(r, tnac, random.nextLong(scale + 1));
      }
      for (int i = 0; i < 500; i++) {
        agree(r, random.nextLong(scale + 1), random.nextLong(scale + 1));
      }
    }
  }

  @Test
  void the_engine_rounds_a_half_permit_of_intake_up_as_the_economics_does() {
    // 50% of 3 is 1.5 -> 2; of 5 is 2.5 -> 3 (only the rate band rounds).
    StabilityReserveRule half = new StabilityReserveRule(0, 0, 500_000, 0, 0, OptionalLong.empty());
    assertThat(StabilityRule.intakePermits(engineRule(half), 3)).isEqualTo(2);
    assertThat(StabilityRule.intakePermits(engineRule(half), 5)).isEqualTo(3);
    agree(half, 3, 0);
    agree(half, 5, 0);
  }
}
