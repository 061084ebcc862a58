package org.computecap.sim.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;
import java.util.function.ToDoubleFunction;

/**
 * Runs one scenario under seeds {@code seed, seed+1, ..., seed+R-1} in parallel, one engine per run
 * (runs share nothing, so they parallelise on all cores), and summarises each period's key measures
 * as means with 95% confidence intervals. Results come back in seed order, so the summary does not
 * depend on which thread finished first.
 */
public final class Replications {
  /** The per-period measures summarised across replications, in output order. */
  static final Map<String, ToDoubleFunction<PeriodResult>> MEASURES = measures();

  /** The measures that are shares, whose interval bounds are clamped to [0, 1]. */
  private static final java.util.Set<ToDoubleFunction<PeriodResult>> SHARES =
      java.util.Set.of(MEASURES.get("complianceRate"), MEASURES.get("evasionRate"));

  private final List<SimulationResult> runs;

  private Replications(List<SimulationResult> runs) {
    this.runs = List.copyOf(runs);
  }

  /** Runs {@code count} seeds from {@code firstSeed} on {@code threads} threads. */
  public static Replications run(
      long firstSeed,
      int count,
      int threads,
      LongFunction<SimulationResult> runner,
      Progress progress) {
    if (count < 1) {
      throw new IllegalArgumentException("replications must be >= 1, was " + count);
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, count)));
    try {
      List<Future<SimulationResult>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        long seed = firstSeed + i;
        futures.add(
            pool.submit(
                () -> {
                  SimulationResult r = runner.apply(seed);
                  progress.step();
                  return r;
                }));
      }
      List<SimulationResult> out = new ArrayList<>();
      for (Future<SimulationResult> f : futures) {
        out.add(f.get());
      }
      return new Replications(out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("replications interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdownNow();
    }
  }

  public List<SimulationResult> runs() {
    return runs;
  }

  /** Stats of one measure in period index {@code j} across the runs. */
  public Stats stats(int j, ToDoubleFunction<PeriodResult> measure) {
    double[] values = new double[runs.size()];
    for (int r = 0; r < values.length; r++) {
      List<PeriodResult> ps = runs.get(r).periods();
      values[r] = j < ps.size() ? measure.applyAsDouble(ps.get(j)) : Double.NaN;
    }
    Stats s = Stats.of(values);
    return SHARES.contains(measure) ? s.clampedTo(0.0, 1.0) : s;
  }

  /** Stats of a share (compliance, evasion) in period index {@code j}: bounds within [0, 1]. */
  public Stats shareStats(int j, ToDoubleFunction<PeriodResult> measure) {
    return stats(j, measure).clampedTo(0.0, 1.0);
  }

  /** The summary for summary.json: per period, each measure's mean and 95% interval. */
  public ObjectNode toJson() {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("count", runs.size());
    ArrayNode seeds = root.putArray("seeds");
    for (SimulationResult r : runs) {
      seeds.add(r.seed());
    }
    ArrayNode periods = root.putArray("periods");
    for (int j = 0; j < runs.get(0).periods().size(); j++) {
      ObjectNode o = periods.addObject();
      o.put("period", runs.get(0).periods().get(j).period());
      for (Map.Entry<String, ToDoubleFunction<PeriodResult>> m : MEASURES.entrySet()) {
        Stats s = stats(j, m.getValue());
        ObjectNode v = o.putObject(m.getKey());
        put(v, "mean", s.mean());
        put(v, "ci95Low", s.low());
        put(v, "ci95High", s.high());
      }
    }
    return root;
  }

  private static void put(ObjectNode o, String field, double v) {
    if (Double.isFinite(v)) {
      o.put(field, v);
    } else {
      o.putNull(field);
    }
  }

  private static Map<String, ToDoubleFunction<PeriodResult>> measures() {
    Map<String, ToDoubleFunction<PeriodResult>> m = new LinkedHashMap<>();
    m.put("clearingPrice", PeriodResult::clearingPrice);
    m.put("theoreticalPrice", PeriodResult::theoreticalPrice);
    m.put("totalCompute", PeriodResult::totalCompute);
    m.put("complianceRate", PeriodResult::complianceRate);
    m.put("evasionRate", PeriodResult::evasionRate);
    m.put("audits", p -> p.audits());
    m.put("penaltiesCollected", p -> p.penaltiesCollected());
    m.put("welfareRatio", PeriodResult::welfareRatio);
    m.put("leakedFirms", p -> p.leakedFirms());
    return Collections.unmodifiableMap(m);
  }
}
