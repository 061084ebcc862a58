package org.computecap.economics.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AuditDesignTest {

  @Test
  void rho_star_is_price_over_linear_penalty() {
    // p = 2, linear = 10: rho* = 2/10 = 0.2.
    assertThat(AuditDesign.rhoStar(2.0, 10.0)).isCloseTo(0.2, within(1e-15));
  }

  @Test
  void enforcement_cost_is_n_times_audit_cost_times_rho_star() {
    // n = 100, k = 50, rho* = 0.2: 100·50·0.2 = 1000.
    assertThat(AuditDesign.enforcementCost(100, 50.0, 2.0, 10.0)).isCloseTo(1000.0, within(1e-9));
  }

  @Test
  void rho_max_is_budget_over_n_times_audit_cost_and_at_most_one() {
    // B = 500, n = 100, k = 50: 500/5000 = 0.1.
    assertThat(AuditDesign.rhoMax(500.0, 100, 50.0)).isCloseTo(0.1, within(1e-15));
    assertThat(AuditDesign.rhoMax(1e9, 100, 50.0)).isEqualTo(1.0);
    assertThat(AuditDesign.rhoMax(0.0, 100, 0.0)).isEqualTo(1.0);
  }

  @Test
  void feasibility_compares_rho_star_with_rho_max() {
    // rho* = 0.2; budget 500 gives 0.1 (infeasible), budget 1000 gives 0.2 (feasible).
    assertThat(AuditDesign.feasible(2.0, 10.0, 500.0, 100, 50.0)).isFalse();
    assertThat(AuditDesign.feasible(2.0, 10.0, 1000.0, 100, 50.0)).isTrue();
    // rho* = 2 > 1 is infeasible whatever the budget.
    assertThat(AuditDesign.feasible(20.0, 10.0, 1e12, 100, 50.0)).isFalse();
  }

  @Test
  void best_shortfall_matches_hand_values() {
    // p = 5, rho = 0.1, linear = 10, quadratic = 5: gain 5D - 0.1(10D + 5D^2) = 4D - D^2/2,
    // maximal at D = 4; the formula gives (5 - 1)/(2·0.1·5) = 4.
    assertThat(AuditDesign.bestShortfall(2.0, 10.0, 5.0, 0.1, 10.0, 5.0))
        .isCloseTo(4.0, within(1e-12));
    // quadratic = 0.5: (5 - 1)/0.1 = 40 exceeds the 2·10 = 20 owed, so all 20 is evaded.
    assertThat(AuditDesign.bestShortfall(2.0, 10.0, 5.0, 0.1, 10.0, 0.5)).isEqualTo(20.0);
    // Purely linear penalty, not deterred: everything owed is evaded.
    assertThat(AuditDesign.bestShortfall(2.0, 10.0, 5.0, 0.1, 10.0, 0.0)).isEqualTo(20.0);
    // rho·linear = 0.5·10 = 5 >= p = 5: deterred.
    assertThat(AuditDesign.bestShortfall(2.0, 10.0, 5.0, 0.5, 10.0, 5.0)).isZero();
  }

  @Test
  void malformed_inputs_name_the_field() {
    assertThatThrownBy(() -> AuditDesign.rhoStar(1.0, 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("linear");
    assertThatThrownBy(() -> AuditDesign.rhoStar(-1.0, 2.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("p must");
    assertThatThrownBy(() -> AuditDesign.rhoMax(1.0, 0, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("n must");
    assertThatThrownBy(() -> AuditDesign.bestShortfall(1.0, 1.0, 1.0, 1.5, 1.0, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rho");
    assertThatThrownBy(() -> new PenaltyFunction(-1.0, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("linear");
  }

  @Test
  void penalty_value_and_derivative_match_hand_values() {
    // phi(D) = 3D + 2D^2: phi(4) = 12 + 32 = 44, phi'(4) = 3 + 16 = 19.
    PenaltyFunction phi = new PenaltyFunction(3.0, 2.0);
    assertThat(phi.value(4.0)).isEqualTo(44.0);
    assertThat(phi.derivative(4.0)).isEqualTo(19.0);
    assertThat(phi.value(0.0)).isZero();
    assertThat(phi.derivative(0.0)).isEqualTo(3.0);
  }
}
