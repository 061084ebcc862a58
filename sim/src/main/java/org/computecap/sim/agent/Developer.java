package org.computecap.sim.agent;

import org.computecap.economics.market.BenefitFamily;
import org.computecap.engine.program.Workload;
import org.computecap.sim.scenario.SizeClass;
import org.computecap.sim.scenario.Strategy;
import org.computecap.sim.scenario.TrueRisk;

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
 * @param workload the workload the top-level benefit and intensity describe, always one the program
 *     covers (issue 13)
 * @param second its other workload, null when it has one: covered beside the first when {@code
 *     secondCovered} (a program of scope ALL), otherwise outside the program, where it runs its
 *     no-cap optimum every period
 * @param trueRisk its true risk and evaluation noise (issue 18), null for P2's two-signal draw
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
    Investment investment,
    Workload workload,
    Part second,
    boolean secondCovered,
    TrueRisk trueRisk) {

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
        next,
        workload,
        second,
        secondCovered,
        trueRisk);
  }

  /**
   * The same developer with the demand of both its workloads multiplied by {@code m} (a demand
   * shock, {@code DemandShocks}); its intensities, investment and everything else unchanged.
   */
  public Developer withDemandScale(double m) {
    double[] b = Part.scale(family, theta, beta, k, a, m);
    return new Developer(
        index,
        name,
        type,
        sizeClass,
        strategy,
        family,
        b[0],
        beta,
        k,
        b[1],
        permitsPerUnit,
        energyPerUnit,
        outputPerUnit,
        history,
        riskType,
        effortCost,
        manipulationCost,
        relocationCost,
        assistanceFactor,
        investment,
        workload,
        second == null ? null : second.scaled(m),
        secondCovered,
        trueRisk);
  }

  /** The first covered workload as a {@link Part}, with its intensity after any effort. */
  public Part first() {
    return new Part(workload, family, theta, beta, k, a, permitsPerUnit, energyPerUnit);
  }

  /** Whether the program covers both its workloads, so its permits serve two demands. */
  public boolean composite() {
    return second != null && secondCovered;
  }

  /** What its uncovered workload runs each period (its no-cap optimum), 0 when it has none. */
  public double uncoveredCompute() {
    return second == null || secondCovered ? 0.0 : second.noCapCompute();
  }

  /**
   * Compute of {@code w} out of a period's covered compute and its second workload's compute (the
   * covered part of a composite developer's, or its uncovered workload's).
   */
  public double computeOf(Workload w, double covered, double secondCompute) {
    double first = secondCovered ? covered - secondCompute : covered;
    double out = workload == w ? first : 0.0;
    return out + (second != null && second.workload() == w ? secondCompute : 0.0);
  }

  /** MWh used by both workloads: each one's compute times its energy per unit. */
  public double energy(double covered, double secondCompute) {
    if (second == null) {
      return covered * energyPerUnit;
    }
    double first = secondCovered ? covered - secondCompute : covered;
    return first * energyPerUnit + secondCompute * second.energyPerUnit();
  }

  /** MWh used by its covered workloads: the energy the program's cap bounds. */
  public double coveredEnergy(double covered, double secondCompute) {
    return secondCovered ? energy(covered, secondCompute) : covered * energyPerUnit;
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
