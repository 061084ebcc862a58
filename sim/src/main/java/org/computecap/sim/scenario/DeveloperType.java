package org.computecap.sim.scenario;

import java.util.Map;
import org.computecap.economics.market.BenefitFamily;

/**
 * One row of a scenario's population: {@code count} developers sharing a benefit function, an
 * intensity and a behaviour. Compute is measured in the scenario's compute unit (e.g. 1e23 FLOP);
 * {@code permitsPerUnit} converts it into the program's covered quantity (energy per unit for a P1
 * energy program, 1 for a P2 compute program, where the risk multiplier is applied on top). Money
 * amounts (manipulation, relocation and effort costs) are in cents per period; benefits are in the
 * scenario's utility unit, converted with {@link MarketSettings#centsPerUtil()}.
 *
 * <p>Invariant (checked by {@link ScenarioLoader}): count &gt;= 1, the benefit parameters are valid
 * for the family, permitsPerUnit &gt;= 1, riskType in [0, 1], shares of the strategy mix positive,
 * spread in [0, 0.9].
 *
 * @param energyPerUnit energy (MWh) per unit of compute, E_i of P1; for the energy totals
 * @param history verified output of the two periods before the program, in compute units; null
 *     means the developer's no-cap optimum (for a P1 firm) or its first-period demand
 * @param effortCost kappa of the effort cost {@code kappa·e^2/2} in cents; 0 = effort fixed at 0
 * @param manipulationCost gamma in cents; infinite = never manipulates an evaluation
 * @param relocationCost cents per period; infinite = never relocates
 * @param efficiency its efficiency investment, null when it never invests (energy per unit fixed)
 * @param training its training workload (issue 13), null when the type has one workload: then the
 *     top-level benefit and intensity are that workload, the one the program covers (training for a
 *     TRAINING scope, inference otherwise); with it, the top level is the inference workload
 * @param entryPeriod the period its developers enter the program (issue 18): their accounts are
 *     opened then, after the period's free allocation; the program's first period for incumbents
 * @param hoardShare the share of each period's cap this type's HOARDING developers together buy and
 *     bank beyond their own needs (issue 18); 0 when the type has no HOARDING developer
 * @param trueRisk its true risk and evaluation noise (issue 18's finer risk classes), null for P2's
 *     two-signal draw from riskType
 */
public record DeveloperType(
    String name,
    int count,
    SizeClass sizeClass,
    Map<Strategy, Double> strategyMix,
    BenefitFamily benefit,
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
    double spread,
    Efficiency efficiency,
    TrainingWorkload training,
    int entryPeriod,
    double hoardShare,
    TrueRisk trueRisk) {

  /**
   * A type present from the program's first period (entry period 1), hoarding nothing, of P2's
   * two-signal risk model (no true risk).
   */
  public DeveloperType(
      String name,
      int count,
      SizeClass sizeClass,
      Map<Strategy, Double> strategyMix,
      BenefitFamily benefit,
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
      double spread,
      Efficiency efficiency,
      TrainingWorkload training) {
    this(
        name,
        count,
        sizeClass,
        strategyMix,
        benefit,
        theta,
        beta,
        k,
        a,
        permitsPerUnit,
        energyPerUnit,
        outputPerUnit,
        history,
        riskType,
        effortCost,
        manipulationCost,
        relocationCost,
        assistanceFactor,
        spread,
        efficiency,
        training,
        1,
        0.0,
        null);
  }

  /** Whether some of its developers hoard. */
  public boolean hoards() {
    return strategyMix.getOrDefault(Strategy.HOARDING, 0.0) > 0.0;
  }
}
