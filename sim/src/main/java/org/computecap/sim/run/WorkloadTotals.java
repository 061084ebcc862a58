package org.computecap.sim.run;

/**
 * A period's compute and energy by workload (issue 13), over the active developers and whether or
 * not the program covers the workload: an uncovered workload's compute is its no-cap optimum. With
 * one workload per developer, the covered one holds the period's totals and the other is 0.
 *
 * @param inferenceCompute inference compute, in the scenario's compute unit
 * @param trainingCompute training compute, in the scenario's compute unit
 * @param inferenceEnergy MWh used by inference
 * @param trainingEnergy MWh used by training
 * @param leakedEnergy MWh the developers that relocated run outside the program: both workloads at
 *     their no-cap optimum (NaN when one of them has no finite no-cap optimum, POWER or LOG)
 */
public record WorkloadTotals(
    double inferenceCompute,
    double trainingCompute,
    double inferenceEnergy,
    double trainingEnergy,
    double leakedEnergy) {

  /** No compute at all (tests of outputs that do not look at workloads). */
  public static final WorkloadTotals NONE = new WorkloadTotals(0, 0, 0, 0, 0);

  /** Energy of both workloads, MWh. */
  public double energy() {
    return inferenceEnergy + trainingEnergy;
  }
}
