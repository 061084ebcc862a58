package org.computecap.economics.efficiency;

import java.util.ArrayList;
import java.util.List;
import org.computecap.economics.efficiency.AllocationRule.Grandfathering;
import org.computecap.economics.efficiency.Instrument.Tax;

/**
 * Effort and energy against the permit price for one developer: the table of docs/efficiency.md and
 * {@code computecap analyze efficiency}. Each row is the static optimum of {@link EfficiencyChoice}
 * (the same as benchmarking over any horizon), the energy the developer would use at that price
 * without investing (P1's capped compute times E0), and the effort under grandfathering updated on
 * own history from {@link DynamicInvestment}. Built from those classes only, so the table is the
 * model and nothing else.
 */
public final class EfficiencyTable {

  /** P1's cost per FLOP at the centre of Fig. 1's fixed-price scenario. */
  public static final double DEFAULT_A = 0.01;

  /** P1's curvature. */
  public static final double DEFAULT_K = 1.0;

  /** Energy per unit compute before effort, the unit of energy. */
  public static final double DEFAULT_ENERGY0 = 1.0;

  /** Effort cost scale: e* = 0.034 at P1's fixed price b = 0.01, 0.33 at p = 1. */
  public static final double DEFAULT_KAPPA = 1.0;

  /** The default prices of the table, around P1's b = 0.01. */
  public static final List<Double> DEFAULT_PRICES =
      List.of(0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0);

  /**
   * One price.
   *
   * @param price permit price p
   * @param effort e* (static, equal to benchmarking's)
   * @param compute c*
   * @param energyPerCompute E(e*)
   * @param energy E(e*)·c*
   * @param energyWithoutEffort E0·c* at e = 0 (P1's capped compute times E0)
   * @param effortUpdating e* under grandfathering updated on own energy
   */
  public record Row(
      double price,
      double effort,
      double compute,
      double energyPerCompute,
      double energy,
      double energyWithoutEffort,
      double effortUpdating) {}

  private EfficiencyTable() {}

  /** P1's firm with the default energy and effort cost. */
  public static EfficiencyFirm defaultFirm() {
    return new EfficiencyFirm(
        DEFAULT_A, DEFAULT_K, DEFAULT_ENERGY0, EffortCost.quadratic(DEFAULT_KAPPA));
  }

  /**
   * One row per price, in the given order; the updating column is over {@code horizon} periods at
   * {@code discountRate} with update share {@code updateShare}.
   */
  public static List<Row> rows(
      EfficiencyFirm firm,
      List<Double> prices,
      double discountRate,
      int horizon,
      double updateShare) {
    Grandfathering updating = new Grandfathering(updateShare);
    List<Row> rows = new ArrayList<>(prices.size());
    for (double p : prices) {
      EfficiencyFirm.nonNegative("price", p);
      EfficiencyChoice.Choice choice = EfficiencyChoice.optimum(firm, new Tax(p));
      double withoutEffort = firm.energy0() * firm.compute(0.0, p);
      double effortUpdating =
          DynamicInvestment.optimum(firm, p, discountRate, horizon, updating).effort();
      rows.add(
          new Row(
              p,
              choice.effort(),
              choice.compute(),
              choice.energyPerCompute(),
              choice.energy(),
              withoutEffort,
              effortUpdating));
    }
    return List.copyOf(rows);
  }
}
