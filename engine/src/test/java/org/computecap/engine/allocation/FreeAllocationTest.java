package org.computecap.engine.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FreeAllocationTest {
  /**
   * Hand-checked example. Intensities E: 1 = 100/200 = 0.5, 2 = 420/420 = 1.0, 3 = 450/300 = 1.5, 4
   * = 100/50 = 2.0. Activity O: 1 = 100 (mean), 2 = 210 (220 is within 15% of the mean 210), 3 =
   * 200 (200 is 33% above the mean 150), 4 = 50 (one period).
   */
  static final List<ParticipantHistory> FOUR =
      List.of(
          new ParticipantHistory(3, new Activity(100, 150), new Activity(200, 300), 800_000),
          new ParticipantHistory(1, new Activity(100, 50), new Activity(100, 50), 1_000_000),
          new ParticipantHistory(4, null, new Activity(50, 100), 1_000_000),
          new ParticipantHistory(2, new Activity(200, 200), new Activity(220, 220), 1_200_000));

  @Test
  void benchmark_allocation_is_output_times_benchmark_times_assistance_factor() {
    // Percentile 50% of 4 participants: B = (0.5 + 1.0) / 2 = 0.75.
    // A = 100·0.75·1 = 75, 210·0.75·1.2 = 189, 200·0.75·0.8 = 120, 50·0.75·1 = 37.5.
    AllocationOutcome out = FreeAllocation.benchmark(FOUR, 1000, 500_000, 150_000);
    assertThat(out.benchmark()).isEqualTo(Fraction.of(3, 4));
    assertThat(out.grants())
        .containsExactly(new Grant(1, 75), new Grant(2, 189), new Grant(3, 120), new Grant(4, 37));
    assertThat(out.scaledToBudget()).isFalse();
    assertThat(out.allocatedPermits()).isEqualTo(421);
    assertThat(out.unallocatedPermits()).isEqualTo(579);
  }

  @Test
  void the_correction_factor_scales_everyone_and_largest_remainders_use_the_budget_exactly() {
    // Sum 421.5 > 300: factor 300/421.5 gives 53.38, 134.52, 85.41, 26.69 (floors sum 298);
    // the two spare permits go to the largest remainders: account 4 (.69), account 2 (.52).
    AllocationOutcome out = FreeAllocation.benchmark(FOUR, 300, 500_000, 150_000);
    assertThat(out.scaledToBudget()).isTrue();
    assertThat(out.grants())
        .containsExactly(new Grant(1, 53), new Grant(2, 135), new Grant(3, 85), new Grant(4, 27));
    assertThat(out.unallocatedPermits()).isZero();
  }

  @Test
  void the_default_tenth_percentile_keeps_at_least_the_single_most_efficient_participant() {
    AllocationOutcome out = FreeAllocation.benchmark(FOUR, 1000, 100_000, 150_000);
    assertThat(out.benchmark()).isEqualTo(Fraction.of(1, 2));
    assertThat(out.grants())
        .containsExactly(new Grant(1, 50), new Grant(2, 126), new Grant(3, 80), new Grant(4, 25));
  }

  @Test
  void the_percentile_rounds_the_number_of_benchmark_participants_up() {
    // 26% of 4 = 1.04 -> 2 participants: B = 0.75.
    assertThat(FreeAllocation.benchmarkIntensity(FOUR, 260_000)).isEqualTo(Fraction.of(3, 4));
    assertThat(FreeAllocation.benchmarkIntensity(FOUR, 1_000_000)).isEqualTo(Fraction.of(5, 4));
  }

  @Test
  void activity_is_the_two_period_mean_up_to_the_threshold_and_the_last_period_beyond_it() {
    // With a 20% threshold, 100 -> 150 sits exactly on it (|150-125| = 0.2·125): mean.
    assertThat(FreeAllocation.activityLevel(new Activity(100, 0), new Activity(150, 0), 200_000))
        .isEqualTo(Fraction.whole(125));
    assertThat(FreeAllocation.activityLevel(new Activity(100, 0), new Activity(151, 0), 200_000))
        .isEqualTo(Fraction.whole(151));
    assertThat(FreeAllocation.activityLevel(new Activity(100, 0), new Activity(115, 0), 150_000))
        .isEqualTo(Fraction.of(215, 2));
    assertThat(FreeAllocation.activityLevel(new Activity(150, 0), new Activity(100, 0), 150_000))
        .isEqualTo(Fraction.whole(100));
    assertThat(FreeAllocation.activityLevel(new Activity(70, 0), null, 150_000))
        .isEqualTo(Fraction.whole(70));
  }

  @Test
  void participants_without_output_are_left_out_of_the_benchmark_and_get_nothing() {
    List<ParticipantHistory> h =
        List.of(
            new ParticipantHistory(1, null, new Activity(0, 0), 1_000_000),
            new ParticipantHistory(2, null, new Activity(10, 20), 1_000_000));
    AllocationOutcome out = FreeAllocation.benchmark(h, 100, 100_000, 150_000);
    assertThat(out.benchmark()).isEqualTo(Fraction.whole(2));
    assertThat(out.grants()).containsExactly(new Grant(1, 0), new Grant(2, 20));
  }

  @Test
  void grandfathering_shares_the_whole_budget_in_proportion_to_mean_covered_quantity() {
    // Mean covered: 50, 210, 225, 100 (total 585) -> 85.47, 358.97, 384.62, 170.94;
    // floors sum 997 and the 3 spare permits go to accounts 2 (.97), 4 (.94), 3 (.62).
    AllocationOutcome out = FreeAllocation.grandfather(FOUR, 1000);
    assertThat(out.grants())
        .containsExactly(new Grant(1, 85), new Grant(2, 359), new Grant(3, 385), new Grant(4, 171));
    assertThat(out.unallocatedPermits()).isZero();
  }

  @Test
  void uniform_allocation_hands_the_rest_to_the_lowest_account_ids_and_keeps_nothing_back() {
    AllocationOutcome out = FreeAllocation.uniform(List.of(7L, 3L, 5L), 11);
    assertThat(out.grants()).containsExactly(new Grant(3, 4), new Grant(5, 4), new Grant(7, 3));
    assertThat(out.unallocatedPermits()).isZero();
  }

  @Test
  void equal_remainders_go_to_the_lower_account_id() {
    List<ParticipantHistory> h =
        List.of(
            new ParticipantHistory(9, null, new Activity(1, 1), 1_000_000),
            new ParticipantHistory(4, null, new Activity(1, 1), 1_000_000),
            new ParticipantHistory(6, null, new Activity(1, 1), 1_000_000));
    assertThat(FreeAllocation.grandfather(h, 10).grants())
        .containsExactly(new Grant(4, 4), new Grant(6, 3), new Grant(9, 3));
  }

  @Test
  void a_new_entrant_gets_projected_output_times_benchmark_times_assistance_floored() {
    assertThat(FreeAllocation.newEntrantBenchmark(101, Fraction.of(3, 4), 1_000_000)).isEqualTo(75);
    assertThat(FreeAllocation.newEntrantBenchmark(100, Fraction.of(3, 4), 1_100_000)).isEqualTo(82);
  }

  @Test
  void an_empty_population_allocates_nothing_and_keeps_the_budget() {
    AllocationOutcome out = FreeAllocation.benchmark(List.of(), 500, 100_000, 150_000);
    assertThat(out.grants()).isEmpty();
    assertThat(out.unallocatedPermits()).isEqualTo(500);
  }

  @Test
  void a_duplicate_account_is_refused() {
    assertThatThrownBy(
            () ->
                FreeAllocation.grandfather(
                    List.of(
                        new ParticipantHistory(1, null, new Activity(1, 1), 1),
                        new ParticipantHistory(1, null, new Activity(1, 1), 1)),
                    5))
        .hasMessage("histories: account 1 appears twice");
  }
}
