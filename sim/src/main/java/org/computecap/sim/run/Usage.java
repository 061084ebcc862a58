package org.computecap.sim.run;

import org.computecap.engine.program.Workload;
import org.computecap.sim.agent.Plan;

/**
 * What each developer runs in a period, decided after trading from the permits it holds ({@link
 * Plan#use}): its demand at the permits' shadow price, never more than it wants, and for a
 * strategic developer the P2 Eq. (1) optimum with its unreported part. Inactive developers run
 * nothing here.
 *
 * @param compute compute run, by developer index
 * @param base covered quantity used (what an audit measures), whole units
 * @param reported covered quantity reported, whole units, {@code <= base}
 * @param second compute of each developer's second workload (issue 13): the covered part of {@code
 *     compute} when the program covers both, else what its uncovered workload runs; 0 without one
 */
record Usage(double[] compute, long[] base, long[] reported, double[] second) {

  /**
   * Each active developer's use of the permits it holds, when an unused permit is still worth
   * {@code floorCents} (its bank value, or 0 when it would expire); {@code slackPermits} is the
   * rounding of holdings to whole lots (see {@link Plan#use}); above {@code ceilingCents} (infinite
   * without a price ceiling) a developer buys what it needs at the ceiling instead.
   */
  static Usage decide(
      Cohort cohort, long[] held, double floorCents, long slackPermits, double ceilingCents) {
    int n = cohort.size();
    double[] compute = new double[n];
    long[] base = new long[n];
    long[] reported = new long[n];
    double[] second = new double[n];
    for (int i = 0; i < n; i++) {
      if (cohort.active[i]) {
        Plan.Use u = cohort.plans[i].use(held[i], floorCents, slackPermits, ceilingCents);
        compute[i] = u.compute();
        base[i] = u.base();
        reported[i] = u.reported();
        second[i] = u.secondCompute();
      }
    }
    return new Usage(compute, base, reported, second);
  }

  /** Developer i's compute of workload {@code w}, covered or not. */
  double computeOf(Cohort cohort, int i, Workload w) {
    return cohort.accounts.developer(i).computeOf(w, compute[i], second[i]);
  }

  /** MWh developer i used over both its workloads. */
  double energy(Cohort cohort, int i) {
    return cohort.accounts.developer(i).energy(compute[i], second[i]);
  }

  /** Whether developer i reported everything it used. */
  boolean truthful(int i) {
    return reported[i] >= base[i];
  }
}
