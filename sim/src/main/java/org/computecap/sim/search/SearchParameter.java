package org.computecap.sim.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One policy lever a search moves: a scenario field by {@code --set} path, its bounds and the
 * number of points of the coarse grid over them. A whole-number parameter (both bounds whole, as
 * every program field in ppm, cents or permits is) is evaluated at whole numbers only.
 *
 * @param field the field path, e.g. {@code audit.probabilityPpm}
 * @param label what figures call it
 * @param unit the unit figures show (empty when none)
 * @param low the lower bound, evaluated
 * @param high the upper bound, evaluated
 * @param points points of the coarse grid, both bounds included (at least 2)
 * @param whole whether values are whole numbers
 */
public record SearchParameter(
    String field, String label, String unit, double low, double high, int points, boolean whole) {

  public SearchParameter {
    if (!(high > low) || !Double.isFinite(low) || !Double.isFinite(high)) {
      throw new IllegalArgumentException(
          field + ": to (" + high + ") must be finite and above from (" + low + ")");
    }
    if (points < 2) {
      throw new IllegalArgumentException(field + ": points must be >= 2, was " + points);
    }
  }

  /** The coarse grid's spacing. */
  public double coarseStep() {
    return (high - low) / (points - 1);
  }

  /**
   * The spacing of refinement round {@code k} (from 1): the coarse step halved k times, at least 1
   * for a whole-number parameter.
   */
  public double step(int k) {
    double s = coarseStep() / Math.pow(2, k);
    return whole ? Math.max(1.0, Math.rint(s)) : s;
  }

  /** The coarse grid: {@code points} values evenly spaced from low to high. */
  public List<JsonNode> coarse() {
    LinkedHashSet<JsonNode> out = new LinkedHashSet<>();
    for (int i = 0; i < points; i++) {
      out.add(node(low + (high - low) * i / (points - 1)));
    }
    return new ArrayList<>(out);
  }

  /**
   * The refinement values around {@code centre} at spacing {@code step}: centre - step, centre,
   * centre + step, kept within the bounds (a value past a bound is left out, not clipped onto it,
   * because the bound is already on the coarse grid).
   */
  public List<JsonNode> around(double centre, double step) {
    LinkedHashSet<JsonNode> out = new LinkedHashSet<>();
    for (int d = -1; d <= 1; d++) {
      double v = centre + d * step;
      if (v >= low - 1e-9 * Math.abs(step) && v <= high + 1e-9 * Math.abs(step)) {
        out.add(node(Math.min(high, Math.max(low, v))));
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * A value as the scenario field takes it: a whole number for a whole parameter, otherwise to 12
   * significant digits, so that a grid of 0 to 0.9 in 4 points is 0.3 and 0.6, not
   * 0.30000000000000004, in search.csv and in the scenario.
   */
  public JsonNode node(double v) {
    if (whole) {
      return LongNode.valueOf(Math.round(v));
    }
    return DoubleNode.valueOf(
        v == 0.0 ? 0.0 : new BigDecimal(v).round(new MathContext(12)).doubleValue());
  }
}
