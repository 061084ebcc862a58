package org.computecap.sim.run;

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
 */
record Usage(double[] compute, long[] base, long[] reported) {

  /**
   * Each active developer's use of the permits it holds, when an unused permit is still worth
   * {@code floorCents} (its bank value, or 0 when it would expire); {@code slackPermits} is the
   * rounding of holdings to whole lots (see {@link Plan#use}).
   */
  static Usage decide(Cohort cohort, long[] held, double floorCents, long slackPermits) {
    int n = cohort.size();
    double[] compute = new double[n];
    long[] base = new long[n];
    long[] reported = new long[n];
    for (int i = 0; i < n; i++) {
      if (cohort.active[i]) {
        Plan.Use u = cohort.plans[i].use(held[i], floorCents, slackPermits);
        compute[i] = u.compute();
        base[i] = u.base();
        reported[i] = u.reported();
      }
    }
    return new Usage(compute, base, reported);
  }

  /** Whether developer i reported everything it used. */
  boolean truthful(int i) {
    return reported[i] >= base[i];
  }
}
