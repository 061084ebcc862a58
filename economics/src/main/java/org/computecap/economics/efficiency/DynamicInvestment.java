package org.computecap.economics.efficiency;

import java.util.ArrayList;
import java.util.List;

/**
 * The efficiency effort of a developer who looks ahead over {@code horizon} periods when its free
 * allocation follows an {@link AllocationRule}. It chooses once an effort e (a durable efficiency
 * level, whose upkeep {@code K(e)} is paid every period) and in each period t its compute c_t, at a
 * permit price p expected constant, discounting at {@code delta = 1/(1 + r)}:
 *
 * <pre>
 *   PV = sum_(t&lt;T) delta^t·[-c_t^(-k) - a·c_t - K(e) + p·(A_t - E(e)·c_t)],
 *   A_(t+1) = persistence·A_t + ownShare·E(e)·c_t.
 * </pre>
 *
 * First-order conditions, with {@code p_t = p·(1 - sigma_t)} the effective energy price net of the
 * allocation the energy brings back ({@link AllocationRule#returnedShare}):
 *
 * <pre>
 *   dPV/dc_t = 0:  c_t = (k/(a + p_t·E(e)))^(1/(k+1))
 *   dPV/de = 0:    sum_t delta^t·p_t·E0·c_t = K'(e)·sum_t delta^t
 * </pre>
 *
 * so e* is the static effort of {@link EfficiencyChoice} with its single price replaced by the
 * discounted mean of the p_t (the same unique root, each period's term being increasing in 1 - e).
 * Benchmarking has sigma = 0, hence e* equal to the static e* for any horizon and discount; an
 * update share lambda &gt; 0 makes sigma_t &gt; 0 before the last period and lowers every p_t, and
 * since p·c*(p) rises with p, it lowers e*: updating on own history dulls the incentive.
 */
public final class DynamicInvestment {

  /**
   * The optimal plan.
   *
   * @param effort e*
   * @param energyPerCompute E(e*)
   * @param compute c*_t for each period
   * @param effectivePrice p_t for each period
   */
  public record Plan(
      double effort, double energyPerCompute, List<Double> compute, List<Double> effectivePrice) {

    /** Energy used in period t, {@code E(e*)·c*_t}. */
    public double energy(int t) {
      return energyPerCompute * compute.get(t);
    }
  }

  private DynamicInvestment() {}

  /**
   * The optimal plan at permit price {@code price} (&gt;= 0), discount rate {@code discountRate}
   * (&gt;= 0, per period) over {@code horizon} (&gt;= 1) periods under {@code rule}.
   */
  public static Plan optimum(
      EfficiencyFirm firm, double price, double discountRate, int horizon, AllocationRule rule) {
    EfficiencyFirm.nonNegative("price", price);
    double discount = 1.0 / (1.0 + EfficiencyFirm.nonNegative("discountRate", discountRate));
    if (horizon < 1) {
      throw new IllegalArgumentException("horizon must be >= 1, was " + horizon);
    }
    if (rule == null) {
      throw new IllegalArgumentException("rule must not be null");
    }
    double[] sigma = rule.returnedShare(discount, horizon);
    double[] weights = new double[horizon];
    double[] prices = new double[horizon];
    double weight = 1.0;
    for (int t = 0; t < horizon; t++) {
      weights[t] = weight;
      prices[t] = price * (1.0 - sigma[t]);
      weight *= discount;
    }
    EfficiencyChoice.Root root = EfficiencyChoice.root(firm, weights, prices);
    double s = root.shareLeft();
    List<Double> compute = new ArrayList<>(horizon);
    List<Double> effective = new ArrayList<>(horizon);
    for (int t = 0; t < horizon; t++) {
      compute.add(firm.computeAtShare(s, prices[t]));
      effective.add(prices[t]);
    }
    return new Plan(
        root.effort(), firm.energy0() * s, List.copyOf(compute), List.copyOf(effective));
  }

  /**
   * PV of any plan: effort e in [0, 1) and compute c_t &gt; 0 for each period, with the allocation
   * starting at {@code initialAllocation} (&gt;= 0) and following {@code rule}. The plan of {@link
   * #optimum} maximises it.
   */
  public static double presentValue(
      EfficiencyFirm firm,
      double price,
      double discountRate,
      AllocationRule rule,
      double initialAllocation,
      double effort,
      double[] compute) {
    double discount = 1.0 / (1.0 + EfficiencyFirm.nonNegative("discountRate", discountRate));
    double allocation = EfficiencyFirm.nonNegative("initialAllocation", initialAllocation);
    double energyPerCompute = firm.energyPerCompute(effort);
    double upkeep = firm.cost().cost(effort);
    double pv = 0.0;
    double weight = 1.0;
    for (double c : compute) {
      EfficiencyFirm.positive("compute", c);
      double energy = energyPerCompute * c;
      double period =
          -Math.pow(c, -firm.k()) - firm.a() * c - upkeep + price * (allocation - energy);
      pv += weight * period;
      allocation = rule.nextAllocation(allocation, energy);
      weight *= discount;
    }
    return pv;
  }
}
