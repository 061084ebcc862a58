package org.computecap.economics.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Issue 17's enforcement levers against hand-worked cases (each worked in its comment). */
class EnforcementLeversTest {
  private static final double INF = Double.POSITIVE_INFINITY;
  private static final PenaltyFunction QUADRATIC = new PenaltyFunction(0.0, 1.0);

  @Test
  void the_sanction_is_collateral_plus_fine_up_to_the_cap() {
    PenaltyFunction phi = new PenaltyFunction(10.0, 1.0);
    // K = 50, L = 200: D = 5 gives 50 + 50 + 25 = 125; D = 10 gives 250, capped at 200.
    assertThat(Collateral.sanction(phi, 50.0, 200.0, 5.0)).isEqualTo(125.0);
    assertThat(Collateral.sanction(phi, 50.0, 200.0, 10.0)).isEqualTo(200.0);
    assertThat(Collateral.sanction(phi, 50.0, 200.0, 0.0)).isZero();
    // 50 + 10D + D^2 = 200: D = (-10 + sqrt(700))/2 = 8.2287566.
    assertThat(Collateral.capBindsAt(phi, 50.0, 200.0)).isCloseTo(8.2287566, within(1e-6));
    assertThat(Collateral.capBindsAt(phi, 250.0, 200.0)).isZero();
    assertThat(Collateral.capBindsAt(phi, 50.0, INF)).isEqualTo(INF);
  }

  @Test
  void without_collateral_or_cap_the_threshold_is_p2s_price_over_linear_penalty() {
    // p = 2, a = 10: rho* = 0.2 (P2 Prop 8 ii), whatever the quadratic term.
    assertThat(Collateral.minimumAuditProbability(2.0, new PenaltyFunction(10.0, 1.0), 0, INF, INF))
        .isCloseTo(0.2, within(1e-15));
    assertThat(Collateral.minimumAuditProbability(2.0, new PenaltyFunction(10.0, 0), 0, INF, INF))
        .isCloseTo(0.2, within(1e-15));
  }

  @Test
  void collateral_lowers_the_audit_probability_that_deters_a_pure_quadratic_fine() {
    // p = 20, phi = D^2, K = 2500: rho(2500 + D^2) >= 20 D for all D iff the discriminant
    // 400 - 4 rho^2 2500 <= 0, i.e. rho >= 0.2 (tightest at D* = sqrt(K/b) = 50).
    assertThat(Collateral.minimumAuditProbability(20.0, QUADRATIC, 2500.0, INF, INF))
        .isCloseTo(0.2, within(1e-12));
    // Without collateral no audit rate deters the first permit: the fine's slope at 0 is 0.
    assertThat(Collateral.minimumAuditProbability(20.0, QUADRATIC, 0.0, INF, INF)).isEqualTo(INF);
    // The inverse: at rho = 0.2 the smallest collateral is (p - rho a)^2/(4 rho^2 b) = 2500.
    assertThat(Collateral.minimumCollateral(20.0, 0.2, QUADRATIC, INF))
        .isCloseTo(2500.0, within(1e-9));
    // Linear fine a = 10, p = 6, Dmax = 50: at rho = 0.5 the shortfall of 50 needs
    // 0.5 (K + 500) >= 300, K >= 100; and K = 100 gives rho = 6·50/600 = 0.5 back.
    PenaltyFunction linear = new PenaltyFunction(10.0, 0.0);
    assertThat(Collateral.minimumCollateral(6.0, 0.5, linear, 50.0)).isCloseTo(100, within(1e-9));
    assertThat(Collateral.minimumAuditProbability(6.0, linear, 100.0, INF, 50.0))
        .isCloseTo(0.5, within(1e-12));
    // Deterred already by the fine: no collateral needed.
    assertThat(Collateral.minimumCollateral(6.0, 0.6, linear, 50.0)).isZero();
  }

  @Test
  void a_liability_cap_raises_the_threshold_to_price_times_max_shortfall_over_cap() {
    // p = 20, phi = D^2, K = 2500, L = 10000, Dmax = 200: the cap binds at sqrt(7500) = 86.6
    // < 200, and evading all 200 needs rho·10000 >= 4000, rho >= 0.4 (above the 0.2 uncapped).
    assertThat(Collateral.minimumAuditProbability(20.0, QUADRATIC, 2500.0, 10000.0, 200.0))
        .isCloseTo(0.4, within(1e-12));
    assertThat(Collateral.deters(20.0, 0.4, QUADRATIC, 2500.0, 10000.0, 200.0)).isTrue();
    assertThat(Collateral.deters(20.0, 0.39, QUADRATIC, 2500.0, 10000.0, 200.0)).isFalse();
    assertThat(Collateral.minimumLiabilityCap(20.0, 0.4, 200.0)).isCloseTo(10000, within(1e-9));
    // With no bound on the shortfall, a finite cap never deters.
    assertThat(Collateral.minimumAuditProbability(20.0, QUADRATIC, 2500.0, 10000.0, INF))
        .isEqualTo(INF);
  }

  @Test
  void the_best_shortfall_weighs_the_forfeited_collateral_and_the_cap() {
    // p = 20, rho = 0.1, phi = D^2, no collateral: D = 20/0.2 = 100, gain 2000 - 1000 = 1000.
    assertThat(Collateral.bestShortfall(20, 0.1, QUADRATIC, 0, INF, 1000)).isEqualTo(100.0);
    // K = 2500: gain at 100 is 2000 - 0.1·12500 = 750 > 0, still 100.
    assertThat(Collateral.bestShortfall(20, 0.1, QUADRATIC, 2500, INF, 1000)).isEqualTo(100.0);
    // K = 12000: 2000 - 0.1·22000 = -200 < 0: truthful.
    assertThat(Collateral.bestShortfall(20, 0.1, QUADRATIC, 12000, INF, 1000)).isZero();
    // rho = 0.2, K = 2500 is the threshold: the gain at D = 50 is exactly 0, a tie goes to 0.
    assertThat(Collateral.bestShortfall(20, 0.2, QUADRATIC, 2500, INF, 1000)).isZero();
    // A cap of 5000 makes evading all 1000 pay: 20000 - 500 beats 100's 1000.
    assertThat(Collateral.bestShortfall(20, 0.1, QUADRATIC, 0, 5000, 1000)).isEqualTo(1000.0);
  }

  @Test
  void two_stage_detection_is_the_screen_times_one_minus_the_false_negative_rate() {
    // screen 0.5, FN 0.2, FP 0.1: detection 0.4, false alarm 0.05.
    TwoStageAudit t = new TwoStageAudit(0.5, 0.2, 0.1);
    assertThat(t.detectionProbability()).isCloseTo(0.4, within(1e-15));
    assertThat(t.falseAlarmProbability()).isCloseTo(0.05, within(1e-15));
    // p = 4, a = 10: 0.4·10 = 4 >= 4 deters; 4.1 does not; the threshold screen is 4/(10·0.8).
    assertThat(t.deters(4.0, 10.0)).isTrue();
    assertThat(t.deters(4.1, 10.0)).isFalse();
    assertThat(TwoStageAudit.minimumScreenProbability(4.0, 10.0, 0.2))
        .isCloseTo(0.5, within(1e-15));
    assertThat(TwoStageAudit.minimumScreenProbability(4.0, 10.0, 1.0)).isEqualTo(INF);
  }

  @Test
  void false_positives_cost_honest_developers_and_the_regulator() {
    TwoStageAudit t = new TwoStageAudit(0.5, 0.2, 0.1);
    // An honest developer bears a full audit with probability 0.05: 0.05·1000 = 50.
    assertThat(t.honestBurden(1000.0)).isCloseTo(50.0, within(1e-12));
    // n = 100 all honest, screen 10, audit 1000: 100·0.5·(10 + 0.1·1000) = 5500.
    assertThat(t.enforcementCost(100, 10.0, 1000.0, 0.0)).isCloseTo(5500.0, within(1e-9));
    // All violators: 100·0.5·(10 + 0.8·1000) = 40500.
    assertThat(t.enforcementCost(100, 10.0, 1000.0, 1.0)).isCloseTo(40500.0, within(1e-9));
    // At the thresholds: one stage costs 100·1000·0.4 = 40000, two stages 5500;
    // (10 + 100)/0.8 < 1000. With FP = 0.8, 10 + 800 > 800: one stage is cheaper.
    assertThat(TwoStageAudit.cheaperThanOneStage(10.0, 1000.0, 0.2, 0.1)).isTrue();
    assertThat(TwoStageAudit.cheaperThanOneStage(10.0, 1000.0, 0.2, 0.8)).isFalse();
  }

  @Test
  void escalation_multiplies_the_audit_probability_by_its_present_value_factor() {
    // step 0.2, decay 0.5, beta 0.9: 1 + 0.18/(1 - 0.9·0.7) = 1 + 0.18/0.37 = 1.4864865.
    Escalation e = new Escalation(0.2, 0.5, 0.9);
    assertThat(e.factor()).isCloseTo(1.0 + 0.18 / 0.37, within(1e-15));
    assertThat(e.effectiveAuditProbability(0.1)).isCloseTo(0.14864865, within(1e-8));
    // p = 1, a = 10: 0.1/1.4864865 = 0.1·0.37/0.55 = 0.0672727.
    assertThat(e.minimumBaseAuditProbability(1.0, 10.0)).isCloseTo(0.037 / 0.55, within(1e-12));
    assertThat(e.deters(1.0, 0.0673, 10.0)).isTrue();
    assertThat(e.deters(1.0, 0.0672, 10.0)).isFalse();
    assertThat(new Escalation(0.0, 0.5, 0.9).factor()).isEqualTo(1.0);
    // Undiscounted long run: 0.1·0.5/0.3 = 1/6; a step at or above the decay never settles.
    assertThat(Escalation.longRunAuditProbability(0.1, 0.2, 0.5)).isCloseTo(1 / 6.0, within(1e-15));
    assertThat(Escalation.longRunAuditProbability(0.1, 0.5, 0.5)).isEqualTo(INF);
  }

  @Test
  void escalations_factor_matches_a_seeded_simulation_of_a_persistent_evader() {
    // rho 0.1, step 0.2, decay 0.5: the raise never exceeds 0.2/0.5 = 0.4, so rho + x < 1
    // and the closed form is exact; the discounted audit probabilities of 40000 evaders
    // must average to rho_esc within sampling error.
    Escalation e = new Escalation(0.2, 0.5, 0.9);
    SplittableRandom random = new SplittableRandom(17);
    int paths = 40_000;
    double sum = 0.0;
    for (int n = 0; n < paths; n++) {
      double x = 0.0;
      double weight = 1.0 - e.discount();
      for (int t = 0; t < 200; t++) {
        double rho = 0.1 + x;
        sum += weight * rho;
        boolean detected = random.nextDouble() < rho;
        x = (1.0 - e.decay()) * x + (detected ? e.step() : 0.0);
        weight *= e.discount();
      }
    }
    assertThat(sum / paths).isCloseTo(e.effectiveAuditProbability(0.1), within(1e-3));
  }

  @Test
  void malformed_lever_inputs_name_the_field() {
    assertThatThrownBy(() -> new TwoStageAudit(0.5, 1.2, 0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("falseNegative");
    assertThatThrownBy(() -> new Escalation(0.2, 0.5, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("discount");
    assertThatThrownBy(() -> new Escalation(0.9, 0.0, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("discount·(1 - decay + step)");
    assertThatThrownBy(() -> Collateral.sanction(QUADRATIC, -1.0, INF, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("collateral");
    assertThatThrownBy(() -> Collateral.minimumAuditProbability(1.0, QUADRATIC, 1.0, INF, 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxShortfall");
  }
}
