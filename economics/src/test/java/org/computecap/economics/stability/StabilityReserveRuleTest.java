package org.computecap.economics.stability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.computecap.economics.stability.StabilityReserveRule.Action;
import org.computecap.economics.stability.StabilityReserveRule.Band;
import org.junit.jupiter.api.Test;

/** The EU's rule checked by hand at and around every threshold, and the rule's validation. */
class StabilityReserveRuleTest {

  private static final StabilityReserveRule EU = StabilityReserveRule.EU;

  @Test
  void the_eu_values_are_the_2023_decision() {
    assertThat(EU.upperThresholdPermits()).isEqualTo(1_096_000_000L);
    assertThat(EU.lowerThresholdPermits()).isEqualTo(833_000_000L);
    assertThat(EU.intakeRatePpm()).isEqualTo(240_000L);
    assertThat(EU.releaseThresholdPermits()).isEqualTo(400_000_000L);
    assertThat(EU.releaseVolumePermits()).isEqualTo(100_000_000L);
    assertThat(EU.invalidationLimitPermits()).hasValue(400_000_000L);
  }

  @Test
  void above_the_upper_threshold_intake_is_24_percent_of_tnac() {
    // 0.24 * 1,096,000,001 = 263,040,000.24
    assertThat(EU.action(1_096_000_001L)).isEqualTo(new Action(Band.RATE_INTAKE, 263_040_000L, 0L));
    // 0.24 * 1,500,000,000 = 360,000,000 exactly
    assertThat(EU.intakePermits(1_500_000_000L)).isEqualTo(360_000_000L);
  }

  @Test
  void at_the_upper_threshold_intake_is_tnac_minus_the_lower_threshold() {
    // The decision: "higher than 833 million and lower than or equal to 1 096 million".
    assertThat(EU.action(1_096_000_000L))
        .isEqualTo(new Action(Band.EXCESS_INTAKE, 263_000_000L, 0L));
    assertThat(EU.intakePermits(1_095_999_999L)).isEqualTo(262_999_999L);
  }

  @Test
  void the_eu_formulas_miss_each_other_by_40000_permits_at_the_upper_threshold() {
    // 24% of 1,096 M is 263.04 M, not 1,096 M - 833 M = 263 M: intake jumps up by 40,000.
    assertThat(StabilityReserveRule.ppmOfRounded(1_096_000_000L, 240_000L)).isEqualTo(263_040_000L);
    assertThat(1_096_000_000L - 833_000_000L).isEqualTo(263_000_000L);
    assertThat(EU.jumpAtUpperPermits()).isEqualTo(40_000L);
  }

  @Test
  void just_above_the_lower_threshold_one_permit_is_taken_in() {
    assertThat(EU.action(833_000_001L)).isEqualTo(new Action(Band.EXCESS_INTAKE, 1L, 0L));
  }

  @Test
  void at_and_just_below_the_lower_threshold_nothing_happens() {
    assertThat(EU.action(833_000_000L)).isEqualTo(new Action(Band.NO_ACTION, 0L, 0L));
    assertThat(EU.action(832_999_999L)).isEqualTo(new Action(Band.NO_ACTION, 0L, 0L));
  }

  @Test
  void at_the_release_threshold_nothing_is_released() {
    assertThat(EU.action(400_000_000L)).isEqualTo(new Action(Band.NO_ACTION, 0L, 0L));
    assertThat(EU.action(400_000_001L)).isEqualTo(new Action(Band.NO_ACTION, 0L, 0L));
  }

  @Test
  void one_permit_below_the_release_threshold_100_million_are_released() {
    assertThat(EU.action(399_999_999L)).isEqualTo(new Action(Band.RELEASE, 0L, 100_000_000L));
    assertThat(EU.action(0L)).isEqualTo(new Action(Band.RELEASE, 0L, 100_000_000L));
  }

  @Test
  void a_reserve_holding_less_than_the_release_volume_releases_all_it_holds() {
    assertThat(EU.action(399_999_999L, 30_000_000L))
        .isEqualTo(new Action(Band.RELEASE, 0L, 30_000_000L));
    assertThat(EU.releasePermits(399_999_999L, 0L)).isZero();
    assertThat(EU.releasePermits(399_999_999L, 100_000_000L)).isEqualTo(100_000_000L);
    assertThat(EU.releasePermits(400_000_000L, 500_000_000L)).isZero();
  }

  @Test
  void reserve_holdings_above_400_million_are_invalidated() {
    assertThat(EU.invalidatedPermits(400_000_000L)).isZero();
    assertThat(EU.invalidatedPermits(400_000_001L)).isEqualTo(1L);
    assertThat(EU.invalidatedPermits(2_500_000_000L)).isEqualTo(2_100_000_000L);
    assertThat(EU.invalidatedPermits(0L)).isZero();
  }

  @Test
  void settling_takes_in_then_invalidates_above_the_limit() {
    // 1,200 M: intake 288 M into a reserve of 300 M = 588 M, 188 M of it above 400 M.
    assertThat(EU.settle(1_200_000_000L, 300_000_000L))
        .isEqualTo(
            new StabilityReserveRule.Settlement(
                new Action(Band.RATE_INTAKE, 288_000_000L, 0L), 188_000_000L, 400_000_000L));
    // 300 M: release 100 M from 150 M, nothing to invalidate.
    assertThat(EU.settle(300_000_000L, 150_000_000L))
        .isEqualTo(
            new StabilityReserveRule.Settlement(
                new Action(Band.RELEASE, 0L, 100_000_000L), 0L, 50_000_000L));
    assertThatThrownBy(() -> EU.settle(0, StabilityReserveRule.MAX_PERMITS + 1))
        .hasMessage("reservePermits must be within [0, 1000000000000000], was 1000000000000001");
  }

  @Test
  void without_an_invalidation_limit_nothing_is_invalidated() {
    StabilityReserveRule none = withRate(240_000L, OptionalLong.empty());

    assertThat(none.invalidatedPermits(Long.MAX_VALUE)).isZero();
  }

  @Test
  void intake_rounds_to_the_nearest_permit_with_ties_up() {
    StabilityReserveRule half = withRate(500_000L, OptionalLong.empty());

    assertThat(half.intakePermits(1_096_000_001L)).isEqualTo(548_000_001L); // .5 up
    assertThat(half.intakePermits(1_096_000_003L)).isEqualTo(548_000_002L); // .5 up
    assertThat(EU.intakePermits(1_096_000_002L)).isEqualTo(263_040_000L); // .48 down
    assertThat(EU.intakePermits(1_096_000_003L)).isEqualTo(263_040_001L); // .72 up
  }

  @Test
  void intake_is_exact_up_to_the_largest_long() {
    StabilityReserveRule all = withRate(1_000_000L, OptionalLong.empty());

    assertThat(all.intakePermits(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    // 0.24 * (2^63 - 1) = 2,213,609,288,845,146,193.68
    assertThat(EU.intakePermits(Long.MAX_VALUE)).isEqualTo(2_213_609_288_845_146_194L);
  }

  @Test
  void a_lower_threshold_above_the_upper_is_refused_naming_both() {
    assertThatThrownBy(() -> rule(800, 900, 240_000, 400, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lowerThresholdPermits must be <= upperThresholdPermits (800), was 900");
  }

  @Test
  void a_release_threshold_above_the_lower_is_refused_naming_both() {
    assertThatThrownBy(() -> rule(1096, 833, 240_000, 900, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("releaseThresholdPermits must be <= lowerThresholdPermits (833), was 900");
  }

  @Test
  void a_rate_outside_0_to_a_million_ppm_is_refused() {
    assertThatThrownBy(() -> rule(1096, 833, 1_000_001, 400, 100))
        .hasMessage("intakeRatePpm must be within [0, 1000000], was 1000001");
    assertThatThrownBy(() -> rule(1096, 833, -1, 400, 100))
        .hasMessage("intakeRatePpm must be within [0, 1000000], was -1");
  }

  @Test
  void negative_quantities_are_refused_by_name() {
    assertThatThrownBy(() -> rule(1096, 833, 240_000, 400, -1))
        .hasMessage("releaseVolumePermits must be >= 0, was -1");
    assertThatThrownBy(() -> rule(1096, 833, 240_000, -1, 100))
        .hasMessage("releaseThresholdPermits must be >= 0, was -1");
    assertThatThrownBy(() -> withRate(240_000L, OptionalLong.of(-5)))
        .hasMessage("invalidationLimitPermits must be >= 0, was -5");
    assertThatThrownBy(() -> EU.intakePermits(-1)).hasMessage("tnacPermits must be >= 0, was -1");
    assertThatThrownBy(() -> EU.releasePermits(0, -1))
        .hasMessage("reservePermits must be >= 0, was -1");
  }

  @Test
  void thresholds_may_coincide() {
    StabilityReserveRule flat = rule(500, 500, 100_000, 500, 10);

    assertThat(flat.action(501)).isEqualTo(new Action(Band.RATE_INTAKE, 50L, 0L));
    assertThat(flat.action(500)).isEqualTo(new Action(Band.NO_ACTION, 0L, 0L));
    assertThat(flat.action(499)).isEqualTo(new Action(Band.RELEASE, 0L, 10L));
  }

  private static StabilityReserveRule rule(
      long upper, long lower, long ratePpm, long release, long volume) {
    return new StabilityReserveRule(upper, lower, ratePpm, release, volume, OptionalLong.empty());
  }

  private static StabilityReserveRule withRate(long ratePpm, OptionalLong limit) {
    return new StabilityReserveRule(
        1_096_000_000L, 833_000_000L, ratePpm, 400_000_000L, 100_000_000L, limit);
  }
}
