package org.computecap.economics.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.computecap.economics.market.Population;
import org.junit.jupiter.api.Test;

class DominantFirmTest {
  private static final double EPS = 1e-9;

  // Hand-worked linear case: fringe inverse demand p = 10 - q, dominant marginal value
  // 12 - 2x, cap 6. Competitive: 12 - 2x = 10 - (6 - x) gives x* = 8/3, p* = 20/3. Hahn's
  // first-order condition 12 - 2x = 10 - (6 - x) + (x - A) gives x_H = (8 + A)/4, and
  // p_H = 4 + x_H; welfare W(x) = B_d(x) + B_f(6 - x) has W'' = -3, so the loss is
  // 3/2·(x_H - x*)² = 3/32·(A - 8/3)².
  private static final LinearDemand FRINGE = new LinearDemand(10, 1);
  private static final LinearDemand DOMINANT = new LinearDemand(12, 2);
  private static final double CAP = 6;

  @Test
  void a_net_seller_in_the_linear_case_matches_the_closed_form() {
    DominantFirm.Outcome h = DominantFirm.equilibrium(DOMINANT, FRINGE, CAP, 5);
    // A = 5: x_H = 13/4, p_H = 29/4, marginal value 12 - 6.5 = 5.5 = 7.25 + (3.25 - 5).
    assertThat(h.holding()).isCloseTo(3.25, within(EPS));
    assertThat(h.price()).isCloseTo(7.25, within(EPS));
    assertThat(h.marginalValue()).isCloseTo(5.5, within(EPS));
    assertThat(h.netSales()).isCloseTo(1.75, within(EPS));
    // Loss 3/32·(7/3)² = 49/96.
    assertThat(DominantFirm.welfareLoss(DOMINANT, FRINGE, CAP, 5))
        .isCloseTo(49.0 / 96, within(EPS));
    // It gains from its power: B_d(3.25) + 7.25·1.75 = 28.4375 + 12.6875 = 41.125 against
    // B_d(8/3) + (20/3)(5 - 8/3) = 24.888... + 15.555... = 40.444...
    assertThat(h.dominantSurplus()).isCloseTo(41.125, within(EPS));
    assertThat(DominantFirm.competitive(DOMINANT, FRINGE, CAP, 5).dominantSurplus())
        .isCloseTo(364.0 / 9, within(EPS));
  }

  @Test
  void a_net_buyer_in_the_linear_case_matches_the_closed_form() {
    DominantFirm.Outcome h = DominantFirm.equilibrium(DOMINANT, FRINGE, CAP, 0);
    // A = 0: x_H = 2, p_H = 6, loss 3/32·(8/3)² = 2/3.
    assertThat(h.holding()).isCloseTo(2.0, within(EPS));
    assertThat(h.price()).isCloseTo(6.0, within(EPS));
    assertThat(DominantFirm.welfareLoss(DOMINANT, FRINGE, CAP, 0)).isCloseTo(2.0 / 3, within(EPS));
    DominantFirm.Outcome c = DominantFirm.competitive(DOMINANT, FRINGE, CAP, 0);
    assertThat(c.price()).isCloseTo(20.0 / 3, within(EPS));
    assertThat(c.holding()).isCloseTo(8.0 / 3, within(EPS));
  }

  @Test
  void the_linear_closed_form_holds_at_every_allocation() {
    for (double a = 0; a <= CAP; a += 0.25) {
      double xh = (8 + a) / 4;
      DominantFirm.Outcome h = DominantFirm.equilibrium(DOMINANT, FRINGE, CAP, a);
      assertThat(h.holding()).as("A = %s", a).isCloseTo(xh, within(EPS));
      assertThat(h.price()).as("A = %s", a).isCloseTo(4 + xh, within(EPS));
      assertThat(DominantFirm.welfareLoss(DOMINANT, FRINGE, CAP, a))
          .as("A = %s", a)
          .isCloseTo(3.0 / 32 * (a - 8.0 / 3) * (a - 8.0 / 3), within(EPS));
    }
  }

  @Test
  void at_its_efficient_holding_the_dominant_firm_does_not_distort_the_market() {
    PermitDemand dominant = PopulationDemand.of(Population.builder().addPower(3, 0.5, 1).build());
    PermitDemand fringe = fringe();
    double cap = 500;
    double efficient = DominantFirm.efficientHolding(dominant, fringe, cap);
    DominantFirm.Outcome h = DominantFirm.equilibrium(dominant, fringe, cap, efficient);
    DominantFirm.Outcome c = DominantFirm.competitive(dominant, fringe, cap, efficient);
    assertThat(h.price()).isCloseTo(c.price(), within(EPS * c.price()));
    assertThat(h.holding()).isCloseTo(efficient, within(EPS * cap));
    assertThat(h.netSales()).isCloseTo(0.0, within(EPS * cap));
    assertThat(Math.abs(DominantFirm.welfareLoss(dominant, fringe, cap, efficient)))
        .isLessThan(1e-9 * Math.abs(c.welfare()));
  }

  @Test
  void a_net_seller_withholds_and_raises_the_price_and_a_net_buyer_depresses_it() {
    for (PermitDemand dominant : dominants()) {
      PermitDemand fringe = fringe();
      double cap = 500;
      DominantFirm.Outcome c = DominantFirm.competitive(dominant, fringe, cap, 0);
      double efficient = c.holding();
      DominantFirm.Outcome seller = DominantFirm.equilibrium(dominant, fringe, cap, 0.8 * cap);
      assertThat(seller.price()).isGreaterThan(c.price());
      assertThat(seller.holding()).isGreaterThan(efficient);
      assertThat(seller.netSales()).isPositive();
      assertThat(seller.marginalValue()).isLessThan(seller.price());
      DominantFirm.Outcome buyer = DominantFirm.equilibrium(dominant, fringe, cap, 0);
      assertThat(buyer.price()).isLessThan(c.price());
      assertThat(buyer.holding()).isLessThan(efficient);
      assertThat(buyer.netSales()).isNegative();
      assertThat(buyer.marginalValue()).isGreaterThan(buyer.price());
    }
  }

  @Test
  void the_welfare_loss_is_never_negative_and_grows_with_the_distance_from_the_efficient_holding() {
    for (PermitDemand dominant : dominants()) {
      PermitDemand fringe = fringe();
      double cap = 500;
      double efficient = DominantFirm.efficientHolding(dominant, fringe, cap);
      double previous = Double.POSITIVE_INFINITY;
      // From A = 0 up to the efficient holding the loss falls, and rises beyond it.
      for (double a = 0; a <= cap; a += cap / 20) {
        double loss = DominantFirm.welfareLoss(dominant, fringe, cap, a);
        assertThat(loss).as("A = %s", a).isGreaterThanOrEqualTo(-1e-9);
        if (a + cap / 20 <= efficient) {
          assertThat(loss).as("A = %s", a).isLessThan(previous);
        }
        previous = loss;
      }
      assertThat(DominantFirm.welfareLoss(dominant, fringe, cap, cap))
          .isGreaterThan(DominantFirm.welfareLoss(dominant, fringe, cap, 0.9 * cap));
    }
  }

  @Test
  void hahns_holding_beats_every_other_holding_for_the_dominant_firm() {
    for (PermitDemand dominant : dominants()) {
      PermitDemand fringe = fringe();
      double cap = 500;
      for (double a : new double[] {0, 100, 250, 400, 500}) {
        DominantFirm.Outcome h = DominantFirm.equilibrium(dominant, fringe, cap, a);
        double best = profit(dominant, fringe, cap, a, h.holding());
        for (double x = 1; x < cap; x += 1) {
          assertThat(profit(dominant, fringe, cap, a, x))
              .as("A = %s, x = %s against x_H = %s", a, x, h.holding())
              .isLessThanOrEqualTo(best + 1e-9 * Math.abs(best));
        }
      }
    }
  }

  @Test
  void a_coalition_acts_as_one_firm_with_its_members_demand() {
    // beta = 1/2: members theta 2 and 3 demand (4 + 9)/p², as one firm of theta sqrt(13).
    Population members = Population.builder().addPower(2, 0.5, 1).addPower(3, 0.5, 1).build();
    PopulationDemand coalition = PopulationDemand.of(members);
    PermitDemand one =
        PopulationDemand.of(Population.builder().addPower(Math.sqrt(13), 0.5, 1).build());
    DominantFirm.Outcome c = DominantFirm.equilibrium(coalition, fringe(), 500, 400);
    DominantFirm.Outcome o = DominantFirm.equilibrium(one, fringe(), 500, 400);
    assertThat(c.price()).isCloseTo(o.price(), within(EPS * o.price()));
    assertThat(c.holding()).isCloseTo(o.holding(), within(EPS * 500));
    // The members split the holding at one marginal value: compute (theta_i/mu)², 4:9.
    double[] split = coalition.split(c.holding()).compute();
    assertThat(split[1] / split[0]).isCloseTo(9.0 / 4, within(EPS));
    assertThat(coalition.split(c.holding()).price()).isCloseTo(c.marginalValue(), within(1e-8));
    assertThat(DominantFirm.welfareLoss(coalition, fringe(), 500, 400)).isPositive();
  }

  @Test
  void the_population_demand_slope_is_the_derivative_of_its_demand() {
    PopulationDemand d =
        PopulationDemand.of(
            Population.builder().addPower(2, 0.3, 1.5).addLog(3, 1).addP1(1, 0.02, 2).build());
    for (double p : new double[] {0.05, 0.5, 2}) {
      double h = 1e-6 * p;
      double numeric = (d.permits(p + h) - d.permits(p - h)) / (2 * h);
      assertThat(d.slope(p)).isCloseTo(numeric, within(1e-5 * Math.abs(numeric)));
      // marginalValue inverts permits.
      assertThat(d.marginalValue(d.permits(p))).isCloseTo(p, within(1e-10 * p));
    }
  }

  @Test
  void a_saturating_seller_holds_permits_it_does_not_use_to_hold_the_price_up() {
    // A P1 dominant firm (k = 1, a = 0.01) saturates at (k/a)^(1/(k+1)) = 10 permits. Allocated
    // the whole cap of 19 against the linear fringe p = 10 - q, it sells like a monopolist
    // where its marginal revenue is 0: p = 10 - (19 - x) and 0 = p + (x - 19) give x = 14,
    // p = 5, so it keeps 4 permits it does not use.
    PermitDemand dominant = PopulationDemand.of(Population.builder().addP1(1, 0.01, 1).build());
    DominantFirm.Outcome h = DominantFirm.equilibrium(dominant, FRINGE, 19, 19);
    assertThat(h.marginalValue()).isEqualTo(0.0);
    assertThat(h.holding()).isCloseTo(14.0, within(EPS));
    assertThat(h.price()).isCloseTo(5.0, within(EPS));
    assertThat(dominant.permits(0.0)).isCloseTo(10.0, within(EPS));
    assertThat(h.price()).isGreaterThan(DominantFirm.competitive(dominant, FRINGE, 19, 19).price());
  }

  @Test
  void bad_arguments_are_refused_naming_them() {
    PermitDemand dominant = PopulationDemand.of(Population.builder().addPower(3, 0.5, 1).build());
    assertThatThrownBy(() -> DominantFirm.equilibrium(dominant, fringe(), 500, 501))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allocation must be at most the cap");
    assertThatThrownBy(() -> DominantFirm.equilibrium(dominant, fringe(), 500, -1))
        .hasMessageContaining("allocation must be finite and >= 0");
    assertThatThrownBy(() -> DominantFirm.equilibrium(dominant, fringe(), 0, 0))
        .hasMessageContaining("cap must be finite and > 0");
    assertThatThrownBy(() -> DominantFirm.holdingAt(dominant, 10, 1, 0.5))
        .hasMessageContaining("fringeSlope must be finite and <= 0");
    PermitDemand p1 = PopulationDemand.of(Population.builder().addP1(1, 0.01, 1).build());
    assertThatThrownBy(() -> DominantFirm.equilibrium(p1, p1, 100, 10))
        .hasMessageContaining("does not bind");
  }

  private static double profit(
      PermitDemand dominant, PermitDemand fringe, double cap, double a, double x) {
    double p = fringe.marginalValue(cap - x);
    return dominant.benefit(x) - p * (x - a);
  }

  private static PermitDemand fringe() {
    return PopulationDemand.of(
        Population.builder()
            .addPower(1, 0.5, 1)
            .addPower(1.5, 0.5, 1.2)
            .addPower(0.7, 0.5, 1)
            .addPower(2, 0.5, 1)
            .addLog(1, 1)
            .build());
  }

  private static PermitDemand[] dominants() {
    return new PermitDemand[] {
      PopulationDemand.of(Population.builder().addPower(3, 0.5, 1).build()),
      PopulationDemand.of(Population.builder().addPower(1, 0.3, 1).addLog(4, 1.5).build()),
      PopulationDemand.of(Population.builder().addP1(1, 1e-4, 1).build())
    };
  }
}
