package org.computecap.sim.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.computecap.sim.run.LinkedPeriod;

/**
 * The metrics of a linked run (issue 18), one column each in runs.csv, read from a {@link
 * LinkedPeriod}: A is the first jurisdiction of the linked scenario, B the second. An experiment on
 * a linked scenario names these, and only these; the single-program catalogue ({@link Metric})
 * reads one program's period and has nothing to say about two.
 */
public final class LinkedMetrics {
  private record Entry(Metric metric, ToDoubleFunction<LinkedPeriod> value) {}

  private static final Map<String, Entry> ALL = catalogue();

  private LinkedMetrics() {}

  /** Every linked metric in runs.csv order. */
  public static List<Metric> all() {
    List<Metric> out = new ArrayList<>();
    ALL.values().forEach(e -> out.add(e.metric()));
    return out;
  }

  /**
   * The linked metric called {@code name}.
   *
   * @throws IllegalArgumentException naming the known linked metrics
   */
  public static Metric named(String name) {
    Entry e = ALL.get(name);
    if (e == null) {
      throw new IllegalArgumentException(
          "metrics: "
              + name
              + " is not a metric of a linked scenario (known: "
              + String.join(", ", ALL.keySet())
              + ")");
    }
    return e.metric();
  }

  /** The value of metric {@code m} in period {@code p}, as a CSV cell (NaN empty). */
  static String format(Metric m, LinkedPeriod p) {
    double v = ALL.get(m.name()).value().applyAsDouble(p);
    if (!Double.isFinite(v)) {
      return "";
    }
    return m.whole() ? Long.toString((long) v) : Double.toString(v);
  }

  private static Map<String, Entry> catalogue() {
    Map<String, Entry> m = new LinkedHashMap<>();
    String price = "cents per permit";
    add(m, "price_a_cents", "price in A", price, false, p -> p.price()[0]);
    add(m, "price_b_cents", "price in B", price, false, p -> p.price()[1]);
    add(
        m,
        "theory_price_a_cents",
        "price in A (linked theory)",
        price,
        false,
        p -> p.theoryPrice()[0]);
    add(
        m,
        "theory_price_b_cents",
        "price in B (linked theory)",
        price,
        false,
        p -> p.theoryPrice()[1]);
    add(
        m,
        "price_b_over_a_ratio",
        "price in B / price in A",
        "ratio",
        false,
        p -> p.price()[1] / p.price()[0]);
    add(m, "flow_permits", "permits of A moved to B", "permits", true, LinkedPeriod::flowPermits);
    add(
        m,
        "theory_flow_permits",
        "flow A to B (linked theory)",
        "permits",
        false,
        LinkedPeriod::theoryFlow);
    add(
        m,
        "linked_units_permits",
        "linked units issued",
        "permits",
        true,
        LinkedPeriod::linkedUnits);
    add(m, "movers_count", "developers relocated", "developers", true, LinkedPeriod::movers);
    add(
        m,
        "leakage_compute_units",
        "leakage: compute moved out of its home",
        "compute units",
        false,
        LinkedPeriod::leakedCompute);
    add(
        m,
        "leakage_risk_weighted_permits",
        "leakage, risk-weighted",
        "permits",
        false,
        LinkedPeriod::leakedRiskWeighted);
    add(m, "compute_a_units", "compute in A", "compute units", false, p -> p.compute()[0]);
    add(m, "compute_b_units", "compute in B", "compute units", false, p -> p.compute()[1]);
    add(
        m,
        "total_compute_units",
        "compute in A and B",
        "compute units",
        false,
        LinkedPeriod::totalCompute);
    add(
        m,
        "risk_weighted_a_permits",
        "risk-weighted compute in A",
        "permits",
        false,
        p -> p.riskWeighted()[0]);
    add(
        m,
        "risk_weighted_b_permits",
        "risk-weighted compute in B",
        "permits",
        false,
        p -> p.riskWeighted()[1]);
    add(
        m,
        "total_risk_weighted_permits",
        "risk-weighted compute in A and B",
        "permits",
        false,
        LinkedPeriod::totalRiskWeighted);
    return m;
  }

  private static void add(
      Map<String, Entry> m,
      String name,
      String label,
      String unit,
      boolean whole,
      ToDoubleFunction<LinkedPeriod> f) {
    // A linked metric is read from a linked period (format), never from one program's period.
    Metric metric =
        new Metric(
            name,
            label,
            unit,
            false,
            whole,
            (p, c, s) -> {
              throw new IllegalStateException(name + " is read from a linked run's period");
            });
    m.put(name, new Entry(metric, f));
  }
}
