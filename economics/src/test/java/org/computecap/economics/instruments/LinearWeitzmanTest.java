package org.computecap.economics.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.computecap.economics.audit.Normal;
import org.computecap.economics.instruments.LinearWeitzman.Outcome;
import org.junit.jupiter.api.Test;

/**
 * Weitzman (1974) and Roberts and Spence (1976) in the linear model, against hand-worked values.
 */
class LinearWeitzmanTest {

  // MB = 10 + theta - Q, MD = 2 + 0.5 Q, sigma = 2 (worked by hand in the comments).
  private static final LinearWeitzman MODEL = new LinearWeitzman(10, 1, 2, 0.5, 2);

  @Test
  void the_hand_worked_example_gives_weitzmans_delta_and_each_instruments_expected_welfare() {
    // Qbar = (10 - 2)/1.5 = 16/3; tax t = 10 - 16/3 = 14/3.
    assertThat(MODEL.optimalCap()).isCloseTo(16.0 / 3, within(1e-12));
    assertThat(MODEL.taxFor(MODEL.optimalCap())).isCloseTo(14.0 / 3, within(1e-12));
    // Delta = 4·(1 - 0.5)/(2·1) = 1; cap loss 4/3, tax loss 4·0.25/(2·1.5) = 1/3.
    assertThat(MODEL.advantage()).isCloseTo(1.0, within(1e-12));
    assertThat(MODEL.capLoss()).isCloseTo(4.0 / 3, within(1e-12));
    assertThat(MODEL.taxLoss()).isCloseTo(1.0 / 3, within(1e-12));
    // First best (64 + 4)/3; the cap 8·16/3 - 0.75·(16/3)^2 = 64/3; the tax 64/3 + 1.
    assertThat(MODEL.firstBestWelfare()).isCloseTo(68.0 / 3, within(1e-12));
    Outcome cap = MODEL.cap(MODEL.optimalCap());
    Outcome tax = MODEL.tax(MODEL.taxFor(MODEL.optimalCap()));
    assertThat(cap.welfare()).isCloseTo(64.0 / 3, within(1e-9));
    assertThat(tax.welfare()).isCloseTo(67.0 / 3, within(1e-9));
    assertThat(tax.welfare() - cap.welfare()).isCloseTo(MODEL.advantage(), within(1e-9));
    assertThat(MODEL.firstBestWelfare() - cap.welfare()).isCloseTo(MODEL.capLoss(), within(1e-9));
    assertThat(MODEL.firstBestWelfare() - tax.welfare()).isCloseTo(MODEL.taxLoss(), within(1e-9));
  }

  @Test
  void a_cap_fixes_the_quantity_and_moves_the_price_a_tax_the_reverse() {
    Outcome cap = MODEL.cap(5);
    assertThat(cap.quantityMean()).isCloseTo(5, within(1e-12));
    assertThat(cap.quantityVariance()).isCloseTo(0, within(1e-9));
    assertThat(cap.priceMean()).isCloseTo(5, within(1e-9)); // 10 - 5
    assertThat(cap.priceVariance()).isCloseTo(4, within(1e-9)); // sigma^2
    Outcome tax = MODEL.tax(5);
    assertThat(tax.quantityMean()).isCloseTo(5, within(1e-9));
    assertThat(tax.quantityVariance()).isCloseTo(4, within(1e-9)); // sigma^2/b^2
    assertThat(tax.priceMean()).isCloseTo(5, within(1e-12));
    assertThat(tax.priceVariance()).isCloseTo(0, within(1e-9));
  }

  @Test
  void flat_marginal_damage_favours_the_tax_and_vertical_marginal_damage_the_cap() {
    LinearWeitzman flat = new LinearWeitzman(10, 1, 2, 0, 2);
    assertThat(flat.advantage()).isCloseTo(2.0, within(1e-12)); // sigma^2/(2b)
    assertThat(flat.taxLoss()).isZero(); // the tax at marginal damage is the first best
    LinearWeitzman steep = new LinearWeitzman(10, 1, 2, 1e6, 2);
    assertThat(steep.advantage()).isLessThan(-1e5);
    assertThat(steep.capLoss()).isLessThan(1e-5); // the cap is nearly the first best
    LinearWeitzman knifeEdge = new LinearWeitzman(10, 1, 2, 1, 2);
    assertThat(knifeEdge.advantage()).isZero();
    // The sign of Delta is the sign of the simulated comparison, at every slope.
    for (double d : new double[] {0, 0.3, 0.9, 1.1, 3, 30}) {
      LinearWeitzman m = new LinearWeitzman(10, 1, 2, d, 2);
      double q = m.optimalCap();
      double gap = m.tax(m.taxFor(q)).welfare() - m.cap(q).welfare();
      assertThat(gap).as("d = " + d).isCloseTo(m.advantage(), within(1e-9));
    }
  }

  @Test
  void the_hybrid_nests_the_cap_and_the_tax() {
    double q = MODEL.optimalCap();
    double t = MODEL.taxFor(q);
    Outcome wide = MODEL.hybrid(q, -1e9, 1e9);
    assertThat(wide.welfare()).isCloseTo(MODEL.cap(q).welfare(), within(1e-9));
    Outcome closed = MODEL.hybrid(q, t, t);
    assertThat(closed.welfare()).isCloseTo(MODEL.tax(t).welfare(), within(1e-9));
    assertThat(closed.quantityVariance()).isCloseTo(4, within(1e-9));
  }

  @Test
  void the_hybrids_closed_form_equals_a_direct_integration_over_the_shock() {
    // floor 3, ceiling 6.5 around the cap's expected price 14/3.
    double q = MODEL.optimalCap();
    Outcome h = MODEL.hybrid(q, 3, 6.5);
    int n = 200_000;
    double lo = -10 * 2;
    double step = 40.0 / n;
    double w = 0;
    double q1 = 0;
    double q2 = 0;
    double p1 = 0;
    for (int j = 0; j < n; j++) {
      double theta = lo + (j + 0.5) * step;
      double density = Math.exp(-theta * theta / 8) / Math.sqrt(8 * Math.PI) * step;
      double mbAtCap = 10 + theta - q;
      double price = Math.max(3, Math.min(6.5, mbAtCap));
      double quantity = mbAtCap == price ? q : 10 + theta - price;
      w += density * ((10 + theta - 2) * quantity - 0.75 * quantity * quantity);
      q1 += density * quantity;
      q2 += density * quantity * quantity;
      p1 += density * price;
    }
    assertThat(h.welfare()).isCloseTo(w, within(1e-6));
    assertThat(h.quantityMean()).isCloseTo(q1, within(1e-6));
    assertThat(h.quantityVariance()).isCloseTo(q2 - q1 * q1, within(1e-6));
    assertThat(h.priceMean()).isCloseTo(p1, within(1e-6));
  }

  @Test
  void the_hybrid_with_its_levels_set_optimally_is_at_least_as_good_as_the_better_instrument() {
    for (double d : new double[] {0.2, 1, 5}) {
      LinearWeitzman m = new LinearWeitzman(10, 1, 2, d, 2);
      double q0 = m.optimalCap();
      double best = Double.NEGATIVE_INFINITY;
      // A grid over the cap and the band around the cap's expected price.
      for (double dq = -1; dq <= 1; dq += 0.05) {
        double q = q0 + dq;
        double center = m.taxFor(q);
        for (double below = 0; below <= 4; below += 0.1) {
          for (double above = 0; above <= 4; above += 0.1) {
            best = Math.max(best, m.hybrid(q, center - below, center + above).welfare());
          }
        }
      }
      double cap = m.cap(q0).welfare();
      double tax = m.tax(m.taxFor(q0)).welfare();
      assertThat(best).as("d = " + d).isGreaterThanOrEqualTo(Math.max(cap, tax) - 1e-12);
      if (d == 1) {
        // Where Weitzman is indifferent (Delta = 0) the band gains strictly (Roberts-Spence).
        assertThat(best).isGreaterThan(Math.max(cap, tax) + 0.1 * m.capLoss());
      }
    }
  }

  @Test
  void the_optimal_hybrid_meets_roberts_and_spences_conditions_and_beats_both_instruments() {
    for (double d : new double[] {0.2, 1, 5}) {
      LinearWeitzman m = new LinearWeitzman(10, 1, 2, d, 2);
      LinearWeitzman.Hybrid h = m.optimalHybrid();
      double sigma = 2;
      double zl = (h.floor() - 10 + h.quantity()) / sigma;
      double zh = (h.ceiling() - 10 + h.quantity()) / sigma;
      // The ceiling is the expected marginal damage when it binds (Q = (a + theta - ceiling)/b),
      // the floor the same when it binds, and where the cap binds E[MB - MD] = 0.
      double aboveTheta = sigma * Normal.pdf(zh) / (1 - Normal.cdf(zh));
      double belowTheta = -sigma * Normal.pdf(zl) / Normal.cdf(zl);
      double middleTheta =
          sigma * (Normal.pdf(zl) - Normal.pdf(zh)) / (Normal.cdf(zh) - Normal.cdf(zl));
      assertThat(h.ceiling())
          .as("d = " + d)
          .isCloseTo(2 + d * (10 - h.ceiling() + aboveTheta), within(1e-4));
      assertThat(h.floor())
          .as("d = " + d)
          .isCloseTo(2 + d * (10 - h.floor() + belowTheta), within(1e-4));
      assertThat(h.quantity())
          .as("d = " + d)
          .isCloseTo((10 - 2 + middleTheta) / (1 + d), within(1e-4));
      double best = m.hybrid(h.quantity(), h.floor(), h.ceiling()).welfare();
      double cap = m.cap(m.optimalCap()).welfare();
      double tax = m.tax(m.taxFor(m.optimalCap())).welfare();
      assertThat(best).as("d = " + d).isGreaterThan(Math.max(cap, tax));
    }
  }

  @Test
  void bad_parameters_are_refused_naming_them() {
    assertThatThrownBy(() -> new LinearWeitzman(10, 0, 2, 1, 2)).hasMessageContaining("b (|B''|)");
    assertThatThrownBy(() -> new LinearWeitzman(10, 1, 2, -1, 2)).hasMessageContaining("d (D'')");
    assertThatThrownBy(() -> new LinearWeitzman(10, 1, 2, 1, -2)).hasMessageContaining("sigma");
    assertThatThrownBy(() -> MODEL.hybrid(5, 6, 3)).hasMessageContaining("floor 6.0");
  }
}
