package org.computecap.sim.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One evaluated policy: its parameter values and, per replication, each collected metric and the
 * objective. Replication r of every point ran under the same seed (common random numbers), so
 * {@code objective[r]} of two points can be compared pairwise.
 *
 * @param index the order of evaluation, from 0 (search.csv's {@code point})
 * @param round the round that evaluated it: {@code coarse}, {@code refine-K} or {@code surface}
 * @param values one value per parameter, in the search's parameter order
 * @param metrics {@code metrics[m][r]}: metric m (the search's collected order) in replication r
 * @param objective the objective of each replication (NaN where a metric it reads is undefined)
 */
public record SearchPoint(
    int index, String round, List<JsonNode> values, double[][] metrics, double[] objective) {

  public SearchPoint {
    values = List.copyOf(values);
  }

  /** Whether every replication's objective is defined, so the point can be ranked. */
  public boolean defined() {
    for (double v : objective) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /** Parameter {@code i}'s value as a number. */
  public double value(int i) {
    return values.get(i).asDouble();
  }
}
