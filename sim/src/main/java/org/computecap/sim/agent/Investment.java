package org.computecap.sim.agent;

import org.computecap.economics.efficiency.EfficiencyChoice;
import org.computecap.economics.efficiency.EfficiencyFirm;
import org.computecap.economics.efficiency.EffortCost;
import org.computecap.economics.efficiency.Instrument;
import org.computecap.sim.scenario.Efficiency;

/**
 * A developer's efficiency investment so far (issue 13): its durable effort and what it had before
 * any effort. The effort is the economics' static optimum ({@link EfficiencyChoice}) at the price
 * the developer expects, and never falls: energy per unit of compute only improves.
 *
 * <p>Units. The economics prices energy at p per unit and the firm uses {@code E0·(1 - e)} units of
 * energy per unit of compute. Here energy is counted in the program's permits (a permit covers a
 * fixed amount of energy, e.g. 100 kWh): p is the permit price in utility units ({@code
 * priceCents/centsPerUtil}) and E0 is the permits per unit of compute before effort ({@code
 * intensity0} times the expected risk multiplier, 1 in an energy program). In MWh the same product
 * reads {@code (p·permitsPerMwh)·(energy0 MWh per unit)}: the price per MWh is the permit price
 * times {@code intensity0/energy0} permits per MWh, so nothing depends on the choice of unit. The
 * effort cost is in cents per period, so kappa and phi enter the economics divided by centsPerUtil.
 *
 * @param params the type's cost of effort and its most effort
 * @param effort the effort reached, in [0, maxEffort]
 * @param intensity0 permits per unit of compute before any effort
 * @param energy0 MWh per unit of compute before any effort
 * @param choicePriceCents the permit price this period's choice was made at (NaN before any)
 * @param trend what the technology trend has left of intensity0 and energy0 this period, {@code (1
 *     - trend)^(t-1)} (1 without a trend)
 */
public record Investment(
    Efficiency params,
    double effort,
    double intensity0,
    double energy0,
    double choicePriceCents,
    double trend) {

  /** A developer that has not invested yet. */
  public static Investment none(Efficiency params, double intensity0, double energy0) {
    return new Investment(params, 0.0, intensity0, energy0, Double.NaN, 1.0);
  }

  /** The economics' optimal effort e* at a permit price, for weight {@code lambda·intensity0}. */
  public double optimalEffort(Developer d, double priceCents, double lambda, double centsPerUtil) {
    EfficiencyFirm firm =
        new EfficiencyFirm(
            d.a(),
            d.k(),
            intensity0 * trend * lambda,
            new EffortCost(params.kappaCents() / centsPerUtil, params.phiCents() / centsPerUtil));
    double p = Math.max(0.0, priceCents) / centsPerUtil;
    return EfficiencyChoice.optimum(firm, new Instrument.Permit(p, 0.0)).effort();
  }

  /**
   * The investment after the choice at {@code priceCents} in the program's period {@code steps +
   * 1}: the trend moved to that period, then the larger of the effort so far and the optimum for
   * the trend's E0 there, no more than the type's limit.
   */
  public Investment choose(
      Developer d, double priceCents, double lambda, double centsPerUtil, int steps) {
    Investment now =
        new Investment(
            params, effort, intensity0, energy0, choicePriceCents, params.trendFactor(steps));
    double e = Math.min(params.maxEffort(), now.optimalEffort(d, priceCents, lambda, centsPerUtil));
    return new Investment(params, Math.max(effort, e), intensity0, energy0, priceCents, now.trend);
  }

  /** Permits per unit of compute after trend and effort: {@code intensity0·trend·(1 - e)}. */
  public double intensity() {
    return intensity0 * trend * (1.0 - effort);
  }

  /** MWh per unit of compute after trend and effort: {@code energy0·trend·(1 - e)}. */
  public double energyPerUnit() {
    return energy0 * trend * (1.0 - effort);
  }

  /**
   * What keeping the effort costs this period: {@code K(e)} rounded to the nearest whole cent, a
   * half cent up, as a bill would be. Money is whole cents everywhere it is paid, so the classes'
   * rows add up exactly to the period's total and welfare subtracts the cents the CSVs show; the
   * effort itself is still the optimum of the unrounded {@code K} (less than half a cent apart).
   */
  public long costCents() {
    if (effort == 0.0) {
      return 0L;
    }
    return Math.round(new EffortCost(params.kappaCents(), params.phiCents()).cost(effort));
  }
}
