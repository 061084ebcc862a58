package org.computecap.sim.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.computecap.sim.experiment.Metric;

/**
 * What a policy search optimises: a weighted sum of experiment metrics, taken per replication
 * ({@code sum_m w_m·x_m}, where {@code x_m} is the replication's value of metric m: its mean over
 * the run's periods, as in cells.csv), to maximise or to minimise. A weight's unit is the
 * objective's unit per unit of its metric: with {@code welfare_utils: 1} the objective is in
 * utility, so {@code total_compute_units: -0.025} charges 0.025 utility per compute unit and {@code
 * enforcement_cost_cents: -0.0000025} converts cents to utility at $4,000 a util.
 *
 * <p>Taken per replication, not per cell mean, so that two policies evaluated under the same seeds
 * (common random numbers) can be compared by paired differences of their objectives.
 *
 * @param maximize whether larger is better
 * @param weights each metric's weight, in the file's order
 * @param unit the objective's unit for tables and figure axes ({@code utility}, {@code cents}), as
 *     the file states it; {@code objective units} when it does not
 */
public record Objective(boolean maximize, Map<Metric, Double> weights, String unit) {

  public Objective {
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("an objective needs at least one weighted metric");
    }
    weights = new LinkedHashMap<>(weights);
  }

  /**
   * Reads {@code objective: {maximize: {METRIC: WEIGHT, ...}, unit: TEXT}} (or {@code minimize};
   * {@code unit} optional); {@code at} is the field's name in messages ({@code e.yaml: objective}).
   * Refuses a missing or empty objective, both or neither direction, an unknown metric (with the
   * catalogue) and a weight that is not a finite non-zero number, each naming the field.
   */
  public static Objective parse(JsonNode node, String at) {
    if (node == null || node.isNull()) {
      throw new IllegalArgumentException(
          at + " is missing: give maximize or minimize, a mapping of metric names to weights");
    }
    int fields = node.isObject() ? node.size() - (node.has("unit") ? 1 : 0) : 0;
    if (!node.isObject()
        || fields != 1
        || !(node.has("maximize") || node.has("minimize"))
        || node.has("maximize") && node.has("minimize")) {
      throw new IllegalArgumentException(
          at
              + " must have exactly one of maximize or minimize (a mapping of metric names to"
              + " weights) and optionally unit, had "
              + fieldNames(node));
    }
    String unit = "objective units";
    if (node.has("unit")) {
      JsonNode u = node.get("unit");
      if (!u.isTextual() || u.asText().isBlank()) {
        throw new IllegalArgumentException(at + ".unit must be non-blank text, was " + u);
      }
      unit = u.asText();
    }
    boolean maximize = node.has("maximize");
    String direction = maximize ? "maximize" : "minimize";
    JsonNode terms = node.get(direction);
    String where = at + "." + direction;
    if (terms == null || !terms.isObject() || terms.isEmpty()) {
      throw new IllegalArgumentException(
          where + " must name at least one metric with its weight, e.g. {welfare_utils: 1}");
    }
    Map<Metric, Double> weights = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = terms.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      Metric m;
      try {
        m = Metric.named(e.getKey());
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(
            where + "." + e.getKey() + ": " + ex.getMessage().replaceFirst("^metrics: ", ""), ex);
      }
      JsonNode w = e.getValue();
      if (w == null || !w.isNumber() || !Double.isFinite(w.asDouble()) || w.asDouble() == 0.0) {
        throw new IllegalArgumentException(
            where
                + "."
                + e.getKey()
                + " must be a finite non-zero number (the objective's units per "
                + m.unit()
                + "), was "
                + (w == null ? "missing" : w.toString()));
      }
      weights.put(m, w.asDouble());
    }
    return new Objective(maximize, weights, unit);
  }

  private static String fieldNames(JsonNode node) {
    if (node == null || !node.isObject()) {
      return node == null ? "nothing" : node.getNodeType().toString().toLowerCase(Locale.ROOT);
    }
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names.isEmpty() ? "no field" : String.join(", ", names);
  }

  /** The metrics the objective reads, in its order. */
  public List<Metric> metrics() {
    return List.copyOf(weights.keySet());
  }

  /**
   * The objective of one replication, from its metric values in {@link #metrics()} order; NaN when
   * any is undefined (a metric with no value in any of the run's periods).
   */
  public double value(double[] metricValues) {
    double sum = 0.0;
    int i = 0;
    for (double w : weights.values()) {
      double x = metricValues[i++];
      if (!Double.isFinite(x)) {
        return Double.NaN;
      }
      sum += w * x;
    }
    return sum;
  }

  /** The objective turned so that larger is better: itself when maximising, negated otherwise. */
  public double score(double value) {
    return maximize ? value : -value;
  }

  /** For people: {@code maximize 1 × welfare_utils − 0.025 × total_compute_units}. */
  public String describe() {
    StringBuilder sb = new StringBuilder(maximize ? "maximize " : "minimize ");
    boolean first = true;
    for (Map.Entry<Metric, Double> e : weights.entrySet()) {
      double w = e.getValue();
      if (first) {
        sb.append(w < 0 ? "-" : "");
      } else {
        sb.append(w < 0 ? " - " : " + ");
      }
      sb.append(number(Math.abs(w))).append(" x ").append(e.getKey().name());
      first = false;
    }
    return sb.toString();
  }

  static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%.6g", v)
            .replaceFirst("0+(e|$)", "$1")
            .replaceFirst("\\.(e|$)", "$1");
  }
}
