package org.computecap.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicationsTest {

  static SimulationResult result(long seed, double price) {
    return result(seed, price, 0.0, 1.0);
  }

  static SimulationResult result(long seed, double price, double evasion, double compliance) {
    PeriodResult p =
        new PeriodResult(
            1,
            1000,
            1000,
            price,
            100.0,
            50,
            Double.NaN,
            0,
            90.0,
            Double.NaN,
            95.0,
            950.0,
            compliance,
            evasion,
            0,
            3,
            1,
            0,
            10.0,
            10.0,
            9.0,
            1.0,
            0,
            0,
            0,
            0.0,
            Double.NaN,
            Double.NaN,
            0,
            0.0,
            0,
            0.0,
            Double.NaN,
            WorkloadTotals.NONE,
            1.0,
            Double.NaN,
            0,
            0,
            0.0,
            MarketPower.NONE);
    return new SimulationResult(
        "r",
        "r",
        seed,
        "00",
        1,
        java.util.Map.of(),
        List.of(p),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  @Test
  void the_interval_uses_students_t_hand_checked() {
    // mean 2, sample sd 1, t(0.975, 2) = 4.303: half-width 4.303/sqrt(3) = 2.4843.
    Stats s = Stats.of(new double[] {1, 2, 3});
    assertThat(s.mean()).isEqualTo(2.0);
    assertThat(s.halfWidth()).isCloseTo(2.4843, within(1e-4));
    assertThat(Stats.of(new double[] {5, Double.NaN}).n()).isEqualTo(1);
    assertThat(Stats.of(new double[] {Double.NaN}).mean()).isNaN();
  }

  @Test
  void runs_come_back_in_seed_order_whatever_thread_finishes_first() {
    Replications r =
        Replications.run(
            10,
            8,
            4,
            seed -> {
              // Later seeds finish first: the work shrinks as the seed grows.
              double x = 0;
              for (long i = 0; i < (20 - seed) * 200_000L; i++) {
                x += Math.sqrt(i);
              }
              return result(seed, 100 + seed + (x < 0 ? 1 : 0));
            },
            Progress.silent(8));
    assertThat(r.runs())
        .extracting(SimulationResult::seed)
        .containsExactly(10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L);
    Stats price = r.stats(0, PeriodResult::clearingPrice);
    assertThat(price.mean()).isEqualTo(113.5);
    assertThat(r.toJson().get("periods").get(0).get("clearingPrice").get("mean").asDouble())
        .isEqualTo(113.5);
  }

  @Test
  void the_progress_bar_fills_in_proportion() {
    assertThat(Progress.bar("runs", 15, 30))
        .isEqualTo("runs [###############...............] 15/30");
    Progress p = Progress.silent(3);
    p.step();
    assertThat(p.done()).isEqualTo(1);
  }

  // Issue 10: confidence intervals of shares were not clamped to [0, 1].
  @Test
  void the_interval_of_a_share_stays_within_zero_and_one() {
    Replications r =
        Replications.run(
            1,
            3,
            1,
            seed -> result(seed, seed, seed == 3 ? 0.3 : 0.0, seed == 3 ? 0.7 : 1.0),
            Progress.silent(3));
    ObjectNode period = (ObjectNode) r.toJson().get("periods").get(0);
    assertThat(period.get("evasionRate").get("ci95Low").asDouble()).isZero();
    assertThat(period.get("evasionRate").get("ci95High").asDouble()).isLessThanOrEqualTo(1.0);
    assertThat(period.get("complianceRate").get("ci95High").asDouble()).isEqualTo(1.0);
    assertThat(period.get("clearingPrice").get("ci95Low").asDouble()).isNegative();
  }
}
