package org.computecap.sim.scenario;

import org.computecap.economics.market.BenefitFamily;

/**
 * A developer type's training workload (issue 13), beside the inference workload its top-level
 * fields describe: its own benefit function of training compute and its own permits and energy per
 * unit of compute. The two workloads are independent: neither's benefit depends on the other's
 * compute, so a developer's optimum is each workload's optimum at the price it faces (the permit
 * price for a workload the program covers, none for one it does not).
 *
 * <p>Invariant (checked by {@link ScenarioLoader}): the benefit parameters are valid for the
 * family, permitsPerUnit &gt;= 1, energyPerUnit &gt;= 0; a workload the program leaves uncovered
 * has benefit P1 (its no-cap optimum {@code (k/a)^(1/(k+1))} is finite only with a cost per unit).
 *
 * @param permitsPerUnit permits per unit of training compute before the risk multiplier
 * @param energyPerUnit MWh per unit of training compute
 */
public record TrainingWorkload(
    BenefitFamily benefit,
    double theta,
    double beta,
    double k,
    double a,
    double permitsPerUnit,
    double energyPerUnit) {}
