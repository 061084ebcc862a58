package org.computecap.economics.efficiency;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.computecap.economics.efficiency.AllocationRule.Benchmarking;
import org.computecap.economics.efficiency.AllocationRule.Grandfathering;
import org.computecap.economics.efficiency.Instrument.Permit;
import org.computecap.economics.efficiency.Instrument.Tax;

/**
 * The developer's joint choice of compute and efficiency (issue 13) as properties over several
 * orders of magnitude of every parameter: monotone in the price, zero below the threshold, the same
 * under a tax, first-order conditions met, and the allocation rules' ranking.
 */
class EfficiencyProperties {

  private static EfficiencyFirm firm(
      double log10A, double log10K, double log10E0, double log10Kappa) {
    return firm(log10A, log10K, log10E0, log10Kappa, 0.0);
  }

  private static EfficiencyFirm firm(
      double log10A, double log10K, double log10E0, double log10Kappa, double phi) {
    return new EfficiencyFirm(
        Math.pow(10, log10A),
        Math.pow(10, log10K),
        Math.pow(10, log10E0),
        new EffortCost(Math.pow(10, log10Kappa), phi));
  }

  @Property
  void effort_rises_and_energy_falls_as_the_price_rises(
      @ForAll @DoubleRange(min = -4, max = 0) double log10A,
      @ForAll @DoubleRange(min = -1, max = 1) double log10K,
      @ForAll @DoubleRange(min = -2, max = 2) double log10E0,
      @ForAll @DoubleRange(min = -3, max = 3) double log10Kappa,
      @ForAll @DoubleRange(min = 0, max = 2) double phi,
      @ForAll @DoubleRange(min = -4, max = 3) double log10P,
      @ForAll @DoubleRange(min = 0, max = 2) double log10Step) {
    EfficiencyFirm f = firm(log10A, log10K, log10E0, log10Kappa, phi);
    double p = Math.pow(10, log10P);
    double higher = p * Math.pow(10, log10Step);
    EfficiencyChoice.Choice low = EfficiencyChoice.optimum(f, new Tax(p));
    EfficiencyChoice.Choice high = EfficiencyChoice.optimum(f, new Tax(higher));
    assertThat(high.effort()).isGreaterThanOrEqualTo(low.effort() * (1 - 1e-10));
    assertThat(high.energy()).isLessThanOrEqualTo(low.energy() * (1 + 1e-10));
    if (phi == 0.0 && log10Step > 0.01) {
      assertThat(high.effort()).isGreaterThan(low.effort());
    }
  }

  @Property
  void effort_is_zero_exactly_up_to_the_threshold_price(
      @ForAll @DoubleRange(min = -4, max = 0) double log10A,
      @ForAll @DoubleRange(min = -1, max = 1) double log10K,
      @ForAll @DoubleRange(min = -2, max = 2) double log10E0,
      @ForAll @DoubleRange(min = -3, max = 3) double log10Kappa,
      @ForAll @Scale(6) @DoubleRange(min = 1e-3, max = 10) double phi,
      @ForAll @Scale(6) @DoubleRange(min = 0.001, max = 0.999) double belowShare) {
    EfficiencyFirm f = firm(log10A, log10K, log10E0, log10Kappa, phi);
    double threshold = EfficiencyChoice.investmentThreshold(f);
    assertThat(EfficiencyChoice.optimum(f, new Tax(0.0)).effort()).isZero();
    assertThat(EfficiencyChoice.optimum(f, new Tax(threshold * belowShare)).effort()).isZero();
    assertThat(EfficiencyChoice.optimum(f, new Tax(threshold / belowShare)).effort()).isPositive();
    // At the threshold the first unit of effort is worth exactly what it costs.
    assertThat(EfficiencyChoice.marginalValueOfEffort(f, 0.0, threshold))
        .isCloseTo(0.0, org.assertj.core.api.Assertions.within(1e-9 * phi));
  }

  @Property
  void the_optimum_meets_both_first_order_conditions(
      @ForAll @DoubleRange(min = -4, max = 0) double log10A,
      @ForAll @DoubleRange(min = -1, max = 1) double log10K,
      @ForAll @DoubleRange(min = -2, max = 2) double log10E0,
      @ForAll @DoubleRange(min = -3, max = 3) double log10Kappa,
      @ForAll @DoubleRange(min = 0, max = 2) double phi,
      @ForAll @DoubleRange(min = -4, max = 3) double log10P) {
    EfficiencyFirm f = firm(log10A, log10K, log10E0, log10Kappa, phi);
    double p = Math.pow(10, log10P);
    EfficiencyChoice.Choice choice = EfficiencyChoice.optimum(f, new Tax(p));
    double c = choice.compute();
    double e = choice.effort();
    // dU/dc = k·c^(-k-1) - a - p·E(e) = 0.
    double marginalCost = f.a() + p * choice.energyPerCompute();
    assertThat(f.k() * Math.pow(c, -f.k() - 1) / marginalCost - 1.0).isBetween(-1e-12, 1e-12);
    double saving = p * f.energy0() * c;
    if (e > 0.0) {
      // dU/de = p·E0·c - K'(e) = 0, relative to the size of either side.
      assertThat(Math.abs(saving - f.cost().marginal(e)) / saving).isLessThan(1e-9);
    } else {
      assertThat(saving).isLessThanOrEqualTo(f.cost().phi() * (1 + 1e-12));
    }
  }

  @Property
  void no_other_effort_or_compute_does_better(
      @ForAll @DoubleRange(min = -4, max = 0) double log10A,
      @ForAll @DoubleRange(min = -1, max = 1) double log10K,
      @ForAll @DoubleRange(min = -1, max = 1) double log10E0,
      @ForAll @DoubleRange(min = -2, max = 2) double log10Kappa,
      @ForAll @DoubleRange(min = 0, max = 1) double phi,
      @ForAll @DoubleRange(min = -3, max = 1) double log10P) {
    EfficiencyFirm f = firm(log10A, log10K, log10E0, log10Kappa, phi);
    Tax tax = new Tax(Math.pow(10, log10P));
    EfficiencyChoice.Choice best = EfficiencyChoice.optimum(f, tax);
    double slack = 1e-12 * Math.abs(best.utility());
    for (int j = 0; j < 200; j++) {
      double e = j / 200.0;
      double c = f.compute(e, tax.energyPrice());
      assertThat(EfficiencyChoice.utility(f, c, e, tax))
          .isLessThanOrEqualTo(best.utility() + slack);
    }
    for (double factor : new double[] {0.9, 0.999, 1.001, 1.1}) {
      assertThat(EfficiencyChoice.utility(f, best.compute() * factor, best.effort(), tax))
          .isLessThanOrEqualTo(best.utility() + slack);
    }
  }

  @Property
  void a_permit_price_and_an_equal_tax_differ_only_by_the_value_of_the_free_allocation(
      @ForAll @DoubleRange(min = -4, max = 0) double log10A,
      @ForAll @DoubleRange(min = -2, max = 2) double log10E0,
      @ForAll @DoubleRange(min = -3, max = 3) double log10Kappa,
      @ForAll @DoubleRange(min = -4, max = 3) double log10P,
      @ForAll @DoubleRange(min = 0, max = 1e4) double allocation,
      @ForAll @Scale(6) @DoubleRange(min = 1e-3, max = 1e3) double c,
      @ForAll @DoubleRange(min = 0, max = 0.99) double e) {
    EfficiencyFirm f = firm(log10A, 0.0, log10E0, log10Kappa);
    double p = Math.pow(10, log10P);
    Permit permit = new Permit(p, allocation);
    Tax tax = new Tax(p);
    // The firm's problem is the same: utility differs by a constant at every (c, e) ...
    double gap = EfficiencyChoice.utility(f, c, e, permit) - EfficiencyChoice.utility(f, c, e, tax);
    assertThat(gap)
        .isCloseTo(
            p * allocation, org.assertj.core.api.Assertions.within(scale(f, c, e, p, allocation)));
    // ... so the optimum is the same.
    EfficiencyChoice.Choice underPermit = EfficiencyChoice.optimum(f, permit);
    EfficiencyChoice.Choice underTax = EfficiencyChoice.optimum(f, tax);
    assertThat(underPermit.effort()).isEqualTo(underTax.effort());
    assertThat(underPermit.compute()).isEqualTo(underTax.compute());
  }

  private static double scale(EfficiencyFirm f, double c, double e, double p, double allocation) {
    return 1e-12
        * (Math.pow(c, -f.k())
            + f.a() * c
            + f.cost().cost(e)
            + p * f.energy0() * c
            + p * allocation);
  }

  @Property
  void updating_on_own_history_dulls_the_incentive_that_benchmarking_keeps(
      @ForAll @DoubleRange(min = -4, max = 0) double log10A,
      @ForAll @DoubleRange(min = -1, max = 1) double log10K,
      @ForAll @DoubleRange(min = -2, max = 2) double log10E0,
      @ForAll @DoubleRange(min = -3, max = 3) double log10Kappa,
      @ForAll @DoubleRange(min = -4, max = 3) double log10P,
      @ForAll @DoubleRange(min = 0, max = 0.5) double discountRate,
      @ForAll @IntRange(min = 2, max = 30) int horizon,
      @ForAll @DoubleRange(min = 0.01, max = 1) double updateShare) {
    EfficiencyFirm f = firm(log10A, log10K, log10E0, log10Kappa);
    double p = Math.pow(10, log10P);
    double benchmark =
        DynamicInvestment.optimum(f, p, discountRate, horizon, new Benchmarking()).effort();
    double updating =
        DynamicInvestment.optimum(f, p, discountRate, horizon, new Grandfathering(updateShare))
            .effort();
    double fixed =
        DynamicInvestment.optimum(f, p, discountRate, horizon, new Grandfathering(0.0)).effort();
    double staticEffort = EfficiencyChoice.optimum(f, new Tax(p)).effort();
    assertThat(updating).isLessThan(benchmark);
    assertThat(fixed).isEqualTo(benchmark);
    assertThat(benchmark).isCloseTo(staticEffort, org.assertj.core.api.Assertions.within(1e-12));
    // A larger update share dulls it further.
    double more =
        DynamicInvestment.optimum(
                f, p, discountRate, horizon, new Grandfathering(Math.min(1.0, 2 * updateShare)))
            .effort();
    assertThat(more).isLessThanOrEqualTo(updating);
  }

  @Property
  void the_dynamic_plan_maximises_present_value_under_either_rule(
      @ForAll @DoubleRange(min = -3, max = 0) double log10A,
      @ForAll @DoubleRange(min = -1, max = 1) double log10E0,
      @ForAll @DoubleRange(min = -2, max = 2) double log10Kappa,
      @ForAll @DoubleRange(min = -3, max = 1) double log10P,
      @ForAll @DoubleRange(min = 0, max = 0.3) double discountRate,
      @ForAll @IntRange(min = 1, max = 6) int horizon,
      @ForAll @DoubleRange(min = 0, max = 1) double updateShare,
      @ForAll @IntRange(min = 0, max = 5) int perturbed) {
    EfficiencyFirm f = firm(log10A, 0.0, log10E0, log10Kappa);
    double p = Math.pow(10, log10P);
    AllocationRule rule = new Grandfathering(updateShare);
    DynamicInvestment.Plan plan = DynamicInvestment.optimum(f, p, discountRate, horizon, rule);
    double[] c = plan.compute().stream().mapToDouble(Double::doubleValue).toArray();
    double best = DynamicInvestment.presentValue(f, p, discountRate, rule, 10.0, plan.effort(), c);
    double slack = 1e-11 * Math.max(1.0, Math.abs(best));
    for (double delta : new double[] {-0.01, -1e-4, 1e-4, 0.01}) {
      double e = plan.effort() + delta;
      if (e >= 0.0 && e < 1.0) {
        double[] recomputed = new double[horizon];
        for (int t = 0; t < horizon; t++) {
          recomputed[t] = f.compute(e, plan.effectivePrice().get(t));
        }
        assertThat(DynamicInvestment.presentValue(f, p, discountRate, rule, 10.0, e, recomputed))
            .isLessThanOrEqualTo(best + slack);
      }
      double[] moved = c.clone();
      moved[perturbed % horizon] *= 1.0 + delta;
      assertThat(
              DynamicInvestment.presentValue(f, p, discountRate, rule, 10.0, plan.effort(), moved))
          .isLessThanOrEqualTo(best + slack);
    }
  }
}
