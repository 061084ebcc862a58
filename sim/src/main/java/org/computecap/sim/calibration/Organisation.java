package org.computecap.sim.calibration;

import java.util.List;

/**
 * One organisation of the extract as a developer of the calibrated scenario: the runs attributed to
 * it (those it leads, {@link EpochRun#organization()}) and what the scenario reads from them.
 *
 * @param name the organisation as Epoch spells it
 * @param slug its developer name in the scenario: lower case, runs of other characters as '-'
 * @param category the category of its largest run (Industry, Academia, Government, ...)
 * @param country the country of its largest run
 * @param runs how many runs it leads
 * @param computeByYear its runs' compute (FLOP) in each year from 2023, index 0 = 2023
 * @param largestRunFlop its largest run
 * @param frontier whether any of its runs carries Epoch's "Frontier model" flag
 */
public record Organisation(
    String name,
    String slug,
    String category,
    String country,
    int runs,
    double[] computeByYear,
    double largestRunFlop,
    boolean frontier) {

  /** Its 2023-2025 compute in FLOP. */
  public double totalFlop() {
    double sum = 0;
    for (double c : computeByYear) {
      sum += c;
    }
    return sum;
  }

  /** Whether its lead category is academic or governmental research rather than industry. */
  public boolean nonIndustry() {
    return List.of("Academia", "Government").contains(category);
  }
}
