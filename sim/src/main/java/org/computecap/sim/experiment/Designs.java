package org.computecap.sim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Expands a design into its cells; every expansion is a pure function of its inputs. */
final class Designs {
  private Designs() {}

  /** Every combination, the first factor varying slowest (row-major order). */
  static List<Cell> fullFactorial(List<Factor> factors) {
    int total = 1;
    for (Factor f : factors) {
      if (f.values().isEmpty() && !f.continuous()) {
        throw new IllegalArgumentException(
            "factors: " + f.name() + " has no values (only a list design gives them by cell)");
      }
      if (f.continuous()) {
        throw new IllegalArgumentException(
            "factors: "
                + f.name()
                + " gives a range, which only a latin-hypercube design "
                + "samples; give values (or from/to/step) for a full-factorial design");
      }
      total = Math.multiplyExact(total, f.values().size());
    }
    if (total > 100_000) {
      throw new IllegalArgumentException(
          "design: a full factorial of these factors has " + total + " cells, more than 100000");
    }
    List<Cell> cells = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      List<JsonNode> values = new ArrayList<>();
      int rest = i;
      int stride = total;
      for (Factor f : factors) {
        stride /= f.values().size();
        values.add(f.values().get(rest / stride));
        rest %= stride;
      }
      cells.add(new Cell(i, values));
    }
    return cells;
  }

  /**
   * A Latin-hypercube sample: for each factor an independent seeded permutation assigns sample i to
   * stratum perm[i] of [0, 1), and a uniform draw places it inside the stratum. A range maps the
   * point linearly (rounded for whole-number fields); a list of values takes the value whose share
   * of [0, 1) holds it, so each value gets an equal share of the samples.
   */
  static List<Cell> latinHypercube(List<Factor> factors, int samples, long seed) {
    for (Factor f : factors) {
      if (f.values().isEmpty() && !f.continuous()) {
        throw new IllegalArgumentException(
            "factors: " + f.name() + " needs values or a range from/to for a latin hypercube");
      }
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<double[]> points = new ArrayList<>();
    for (int f = 0; f < factors.size(); f++) {
      int[] perm = new int[samples];
      for (int i = 0; i < samples; i++) {
        perm[i] = i;
      }
      for (int i = samples - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
      double[] u = new double[samples];
      for (int i = 0; i < samples; i++) {
        u[i] = (perm[i] + random.nextDouble()) / samples;
      }
      points.add(u);
    }
    List<Cell> cells = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      List<JsonNode> values = new ArrayList<>();
      for (int f = 0; f < factors.size(); f++) {
        values.add(at(factors.get(f), points.get(f)[i]));
      }
      cells.add(new Cell(i, values));
    }
    return cells;
  }

  private static JsonNode at(Factor f, double u) {
    if (!f.continuous()) {
      return f.values().get(Math.min(f.values().size() - 1, (int) (u * f.values().size())));
    }
    double v = f.low() + u * (f.high() - f.low());
    return f.whole() ? LongNode.valueOf(Math.round(v)) : DoubleNode.valueOf(v);
  }
}
