package org.computecap.sim.agent;

import org.computecap.economics.market.BenefitFamily;
import org.computecap.sim.scenario.SizeClass;
import org.computecap.sim.scenario.Strategy;

/**
 * One developer agent's fixed traits, expanded from a scenario's developer type. Its mutable
 * situation (holdings, cash, history) lives in the engine and in the simulation's period state;
 * what it decides from these traits is in {@link Valuation} and {@link Decisions}.
 *
 * @param index position in the population (0-based), also the order of every output row
 * @param permitsPerUnit permits per unit of compute before the risk multiplier (energy intensity
 *     for an energy program) after any efficiency effort, &gt; 0
 * @param energyPerUnit MWh per unit of compute after any efficiency effort
 * @param investment its efficiency investment so far, null when it never invests
 */
public record Developer(
    int index,
    String name,
    String type,
    SizeClass sizeClass,
    Strategy strategy,
    BenefitFamily family,
    double theta,
    double beta,
    double k,
    double a,
    double permitsPerUnit,
    double energyPerUnit,
    double outputPerUnit,
    double[] history,
    double riskType,
    double effortCost,
    double manipulationCost,
    double relocationCost,
    double assistanceFactor,
    Investment investment) {

  /**
   * The same developer after an investment: its intensity and energy per unit are the investment's
   * (so demand, reports, verified activity and energy totals all use them).
   */
  public Developer withInvestment(Investment next) {
    return new Developer(
        index,
        name,
        type,
        sizeClass,
        strategy,
        family,
        theta,
        beta,
        k,
        a,
        next.intensity(),
        next.energyPerUnit(),
        outputPerUnit,
        history,
        riskType,
        effortCost,
        manipulationCost,
        relocationCost,
        assistanceFactor,
        next);
  }

  /** Efficiency effort reached, 0 for a developer that never invests. */
  public double efficiencyEffort() {
    return investment == null ? 0.0 : investment.effort();
  }

  /** What its efficiency effort costs this period, cents (0 without investment). */
  public double investmentCents() {
    return investment == null ? 0.0 : investment.costCents();
  }

  /** The engine account id of this developer (positive, 1-based). */
  public long accountId() {
    return index + 1L;
  }
}
