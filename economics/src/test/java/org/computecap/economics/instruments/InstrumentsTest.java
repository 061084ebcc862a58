package org.computecap.economics.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.computecap.economics.instruments.Instruments.Damage;
import org.computecap.economics.instruments.Instruments.Instrument;
import org.computecap.economics.instruments.Instruments.Outcome;
import org.computecap.economics.market.MarketClearing;
import org.computecap.economics.market.Population;
import org.junit.jupiter.api.Test;

/**
 * Prices, quantities and the hybrid for the simulator's benefit families under a multiplicative
 * demand shock: the integration against POWER's closed forms and hand-worked values, and Weitzman's
 * regimes.
 */
class InstrumentsTest {

  private static final double BETA = 0.5;
  private static final double CAP = 1000;
  private static final double V = 0.25; // log-variance: the simulator's fifth period at sigma 0.25

  // Four POWER developers of one beta and unequal thetas and intensities.
  private static Population power() {
    return Population.builder()
        .addPower(1.0, BETA, 1.0)
        .addPower(2.0, BETA, 1.5)
        .addPower(0.5, BETA, 0.8)
        .addPower(1.3, BETA, 1.2)
        .build();
  }

  private static double p1() {
    return MarketClearing.solve(power(), CAP).price();
  }

  @Test
  void for_power_the_integration_equals_the_closed_form_for_the_cap_the_tax_and_the_hybrid() {
    double p1 = p1();
    Damage damage = new Damage(0.3 * p1, 0.4 * p1 / CAP);
    for (Instrument x :
        new Instrument[] {
          Instrument.cap(CAP),
          Instrument.tax(p1),
          Instrument.tax(1.2 * p1),
          Instrument.hybrid(CAP, 0.85 * p1, 1.15 * p1)
        }) {
      Outcome numeric = Instruments.expected(power(), V, x, damage);
      Outcome closed = PowerInstruments.expected(BETA, p1, CAP, V, x, damage);
      assertThat(numeric.benefit()).as(x.toString()).isCloseTo(closed.benefit(), within(1e-7));
      assertThat(numeric.damage()).as(x.toString()).isCloseTo(closed.damage(), within(1e-7));
      assertThat(numeric.quantityMean())
          .as(x.toString())
          .isCloseTo(closed.quantityMean(), within(1e-6 * CAP));
      assertThat(numeric.quantityVariance())
          .as(x.toString())
          .isCloseTo(closed.quantityVariance(), within(1e-6 * CAP * CAP));
      assertThat(numeric.priceMean())
          .as(x.toString())
          .isCloseTo(closed.priceMean(), within(1e-8 * p1));
      assertThat(numeric.priceVariance())
          .as(x.toString())
          .isCloseTo(closed.priceVariance(), within(1e-8 * p1 * p1));
    }
  }

  @Test
  void the_closed_forms_give_the_hand_worked_moments_of_the_lognormal_shock() {
    double p1 = 0.01;
    // A tax at p1: E benefit = p1·q/beta, E Q = q, Var Q = q^2 (e^v - 1), no price variance.
    Outcome tax = PowerInstruments.expected(BETA, p1, CAP, V, Instrument.tax(p1), Damage.NONE);
    assertThat(tax.benefit()).isCloseTo(p1 * CAP / BETA, within(1e-12));
    assertThat(tax.quantityMean()).isCloseTo(CAP, within(1e-9));
    assertThat(tax.quantityVariance()).isCloseTo(CAP * CAP * Math.expm1(V), within(1e-6));
    assertThat(tax.priceVariance()).isCloseTo(0, within(1e-15));
    // A cap: E benefit = p1 q e^(-beta(1-beta)v/2)/beta; price p1·m^(1-beta).
    Outcome cap = PowerInstruments.expected(BETA, p1, CAP, V, Instrument.cap(CAP), Damage.NONE);
    assertThat(cap.benefit())
        .isCloseTo(p1 * CAP * Math.exp(-BETA * (1 - BETA) * V / 2) / BETA, within(1e-12));
    assertThat(cap.quantityVariance()).isCloseTo(0, within(1e-6));
    assertThat(cap.priceMean()).isCloseTo(p1 * Math.exp(-BETA * (1 - BETA) * V / 2), within(1e-15));
    // With damage D = d1 Q + d2 Q^2/2: E D = d1 q + d2 (q^2 + Var Q)/2.
    Damage damage = new Damage(0.004, 1e-5);
    Outcome taxed = PowerInstruments.expected(BETA, p1, CAP, V, Instrument.tax(p1), damage);
    assertThat(taxed.damage())
        .isCloseTo(0.004 * CAP + 1e-5 * CAP * CAP * Math.exp(V) / 2, within(1e-9));
  }

  @Test
  void the_tax_with_the_caps_expected_quantity_is_the_unshocked_price_when_demand_scales() {
    // POWER and LOG: compute at every price scales with m, whose mean is 1.
    assertThat(Instruments.taxForExpectedQuantity(power(), V, CAP))
        .isCloseTo(p1(), within(1e-9 * p1()));
    // P1: the shock does not scale demand at a positive price, so the tax differs; it still
    // gives the cap's expected quantity.
    Population p1Firms =
        Population.builder().addP1(1, 1e-4, 1.0).addP1(1, 2e-4, 2.0).addP1(2, 1e-5, 1.0).build();
    double q = 150;
    double t = Instruments.taxForExpectedQuantity(p1Firms, V, q);
    Outcome tax = Instruments.expected(p1Firms, V, Instrument.tax(t), Damage.NONE);
    Outcome cap = Instruments.expected(p1Firms, V, Instrument.cap(q), Damage.NONE);
    assertThat(tax.quantityMean()).isCloseTo(cap.quantityMean(), within(1e-6 * q));
    assertThat(t).isNotCloseTo(MarketClearing.solve(p1Firms, q).price(), within(1e-6 * t));
  }

  @Test
  void
      weitzmans_regimes_hold_exactly_for_the_power_population_and_the_linearisation_approximates_delta() {
    double p1 = p1();
    LinearWeitzman lin = Instruments.linearised(power(), V, CAP, Damage.NONE);
    double b = lin.b();
    // POWER: the inverse demand is p1 (Q/q)^-(1-beta), slope (1-beta) p1/q at the cap.
    assertThat(b).isCloseTo((1 - BETA) * p1 / CAP, within(1e-9 * b));
    double flatDelta = Instruments.linearised(power(), V, CAP, Damage.NONE).advantage();
    for (double v : new double[] {V, V / 4}) {
      for (double ratio : new double[] {0, 0.5, 1.5, 2}) {
        // Marginal damage equal to p1 at the cap (the cap is then about right), slope ratio·b.
        Damage damage = new Damage(Math.max(0, p1 - ratio * b * CAP), ratio * b);
        Outcome tax = Instruments.expected(power(), v, Instrument.tax(p1), damage);
        Outcome cap = Instruments.expected(power(), v, Instrument.cap(CAP), damage);
        double exact = tax.welfare() - cap.welfare();
        double delta = Instruments.linearised(power(), v, CAP, damage).advantage();
        assertThat(Math.signum(exact)).as("ratio " + ratio).isEqualTo(Math.signum(delta));
        // The linearisation's error grows with the shock's variance (the lognormal's curvature):
        // within a third of the flat-damage advantage at v = 0.25, a tenth at v = 0.0625.
        double scale = (v == V ? 0.35 : 0.1) * flatDelta * v / V;
        assertThat(exact).as("v " + v + ", ratio " + ratio).isCloseTo(delta, within(scale));
      }
    }
  }

  @Test
  void with_flat_damage_at_the_caps_price_the_tax_is_the_first_best_and_beats_cap_and_hybrid() {
    double p1 = p1();
    Damage flat = new Damage(p1, 0);
    double tax = Instruments.expected(power(), V, Instrument.tax(p1), flat).welfare();
    double cap = Instruments.expected(power(), V, Instrument.cap(CAP), flat).welfare();
    double hybrid =
        Instruments.expected(power(), V, Instrument.hybrid(CAP, 0.85 * p1, 1.15 * p1), flat)
            .welfare();
    assertThat(tax).isGreaterThan(hybrid);
    assertThat(hybrid).isGreaterThan(cap);
    // Near-vertical damage: the cap wins, the band in between.
    Damage steep = new Damage(0, p1 / CAP);
    double taxSteep = Instruments.expected(power(), V, Instrument.tax(p1), steep).welfare();
    double capSteep = Instruments.expected(power(), V, Instrument.cap(CAP), steep).welfare();
    double hybridSteep =
        Instruments.expected(power(), V, Instrument.hybrid(CAP, 0.85 * p1, 1.15 * p1), steep)
            .welfare();
    assertThat(capSteep).isGreaterThan(hybridSteep);
    assertThat(hybridSteep).isGreaterThan(taxSteep);
  }

  @Test
  void without_a_shock_every_instrument_set_at_the_caps_price_gives_the_same_outcome() {
    double p1 = p1();
    Outcome cap = Instruments.expected(power(), 0, Instrument.cap(CAP), Damage.NONE);
    Outcome tax = Instruments.expected(power(), 0, Instrument.tax(p1), Damage.NONE);
    assertThat(tax.benefit()).isCloseTo(cap.benefit(), within(1e-9 * cap.benefit()));
    assertThat(tax.quantityMean()).isCloseTo(CAP, within(1e-9 * CAP));
    assertThat(cap.quantityVariance()).isZero();
  }

  @Test
  void the_shock_scales_each_family_as_the_simulator_does() {
    Population pop =
        Population.builder().addPower(1.0, 0.5, 1).addLog(2.0, 1).addP1(1, 0.01, 1).build();
    Population scaled = Instruments.scaled(pop, 1.5);
    assertThat(scaled.theta(0)).isCloseTo(Math.pow(1.5, 0.5), within(1e-15));
    assertThat(scaled.theta(1)).isCloseTo(3.0, within(1e-15));
    assertThat(scaled.a(2)).isCloseTo(0.01 / 2.25, within(1e-15));
  }

  @Test
  void bad_instruments_and_damage_are_refused_naming_the_rule() {
    assertThatThrownBy(() -> Instrument.tax(0)).hasMessageContaining("a tax must be");
    assertThatThrownBy(() -> Instrument.hybrid(10, 5, 4)).hasMessageContaining("floor must be");
    assertThatThrownBy(() -> Instrument.cap(-1)).hasMessageContaining("a cap must be");
    assertThatThrownBy(() -> new Damage(-1, 0)).hasMessageContaining("damage linear and slope");
    assertThatThrownBy(() -> Instruments.expected(power(), -1, Instrument.cap(CAP), Damage.NONE))
        .hasMessageContaining("variance");
  }
}
