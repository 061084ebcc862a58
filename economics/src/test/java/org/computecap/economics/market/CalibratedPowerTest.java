package org.computecap.economics.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CalibratedPowerTest {
  private static final double[] OBSERVED = {100, 400};
  private static final double[] LAMBDA = {1, 3};

  @Test
  void the_price_of_two_calibrated_developers_is_the_hand_worked_value() {
    // beta 0.5, q = 2, cap half of the risk-weighted 100 + 3*400 = 1300: Q = 650.
    // Demand in permits: 1*100*(2/p)^2 + 3*400*(2/(3p))^2 = (400 + 533.33)/p^2 = 650,
    // so p = sqrt(933.33/650) = 1.198289...
    double p = CalibratedPower.price(OBSERVED, LAMBDA, 0.5, 2.0, 650);
    assertThat(p).isCloseTo(Math.sqrt((400 + 1600.0 / 3) / 650), within(1e-12));
    assertThat(p).isCloseTo(1.198289, within(1e-6));
    double permits =
        CalibratedPower.compute(100, 1, 0.5, 2.0, p)
            + 3 * CalibratedPower.compute(400, 3, 0.5, 2.0, p);
    assertThat(permits).isCloseTo(650, within(1e-9));
  }

  @Test
  void with_every_multiplier_one_and_the_cap_at_observed_compute_the_price_is_the_cost() {
    double p = CalibratedPower.price(OBSERVED, new double[] {1, 1}, 0.3, 7.5, 500);
    assertThat(p).isCloseTo(7.5, within(1e-12));
    assertThat(CalibratedPower.compute(400, 1, 0.3, 7.5, p)).isCloseTo(400, within(1e-9));
  }

  @Test
  void the_closed_form_is_the_library_market_clearing_on_the_same_population() {
    double[] observed = {3.2, 150, 4_000, 71_000, 250_000};
    double[] lambda = {1, 1, 3, 3, 2};
    for (double beta : new double[] {0.3, 0.5, 0.7}) {
      Population pop = CalibratedPower.population(observed, lambda, beta, 1.3);
      for (double share : new double[] {1.0, 0.6, 0.2}) {
        double cap = share * (3.2 + 150 + 12_000 + 213_000 + 500_000);
        double solved = MarketClearing.solve(pop, cap).price();
        assertThat(CalibratedPower.price(observed, lambda, beta, 1.3, cap))
            .as("beta %s share %s", beta, share)
            .isCloseTo(solved, within(solved * 1e-9));
      }
    }
  }

  @Test
  void bad_input_is_refused_naming_the_field_and_the_rule() {
    assertThatThrownBy(() -> CalibratedPower.price(OBSERVED, new double[] {1}, 0.5, 1, 1))
        .hasMessage("lambda must be as long as observed, was 1.0");
    assertThatThrownBy(() -> CalibratedPower.theta(0, 0.5, 1))
        .hasMessage("observed must be finite and > 0, was 0.0");
    assertThatThrownBy(() -> CalibratedPower.price(OBSERVED, LAMBDA, 1.0, 1, 1))
        .hasMessage("beta must be in (0, 1), was 1.0");
    assertThatThrownBy(() -> CalibratedPower.price(OBSERVED, LAMBDA, 0.5, 1, 0))
        .hasMessage("capPermits must be finite and > 0, was 0.0");
  }
}
