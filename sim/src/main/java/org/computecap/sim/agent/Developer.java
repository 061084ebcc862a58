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
 *     for an energy program), &gt;= 1
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
    double assistanceFactor) {

  /** The engine account id of this developer (positive, 1-based). */
  public long accountId() {
    return index + 1L;
  }
}
