package org.computecap.sim.run;

/**
 * One size class in one period, for class-periods.csv and the report's efficiency charts (issue
 * 13): how many of the class's developers were active, the compute they ran and the energy it took,
 * what they spent on efficiency, and their net cash from selling and buying permits on the
 * exchange. The classes' compute, energy and investment add up to the period's totals in
 * periods.csv, and SMALL's and ACADEMIC's net trading cash to its small-firm revenue.
 *
 * @param sizeClass the class's name ({@code FRONTIER}, {@code LARGE}, {@code SMALL}, {@code
 *     ACADEMIC})
 * @param developers active developers of the class this period
 * @param compute covered compute run, in the scenario's compute unit
 * @param energy energy the covered compute used, MWh: each developer's compute times its energy per
 *     unit this period
 * @param investmentCents what the class spent keeping its efficiency effort this period
 * @param netTradingCents exchange sales less exchange purchases this period, cents
 * @param inferenceCompute the class's inference compute, covered or not (issue 13)
 * @param trainingCompute the class's training compute, covered or not
 */
public record ClassPeriodRow(
    int period,
    String sizeClass,
    int developers,
    double compute,
    double energy,
    double investmentCents,
    long netTradingCents,
    double inferenceCompute,
    double trainingCompute) {

  /** The class's energy per unit of compute, MWh per unit; NaN when it ran no compute. */
  public double energyPerUnit() {
    return compute > 0 ? energy / compute : Double.NaN;
  }
}
