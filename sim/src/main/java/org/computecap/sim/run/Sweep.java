package org.computecap.sim.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.computecap.sim.scenario.Scenario;
import org.computecap.sim.scenario.ScenarioLoader;

/**
 * Runs a scenario over a grid of two program parameters (e.g. audit probability x linear penalty,
 * the two levers of P2 Prop 8) in parallel, and averages each cell's periods: the evidence behind
 * "which enforcement design deters evasion at what welfare". Cells come back in grid order (y
 * outer, x inner) whatever thread finished first.
 */
public final class Sweep {

  /** One grid cell's averages over the run's periods. */
  public record Cell(
      long x,
      long y,
      double meanPrice,
      double evasionRate,
      double complianceRate,
      double welfareRatio,
      long penalties) {}

  private Sweep() {}

  /** Runs every (x, y) pair of program values; {@code runner} runs one scenario. */
  public static List<Cell> run(
      Scenario base,
      String xField,
      long[] xs,
      String yField,
      long[] ys,
      Function<Scenario, SimulationResult> runner,
      int threads,
      Progress progress) {
    if (xs.length == 0 || ys.length == 0) {
      throw new IllegalArgumentException(
          "sweep grid must have at least one value on " + "each axis");
    }
    if (xField.equals(yField)) {
      throw new IllegalArgumentException(
          "--x and --y must be different fields, both are " + xField);
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<Cell>> futures = new ArrayList<>();
      for (long y : ys) {
        for (long x : xs) {
          Map<String, String> values = new LinkedHashMap<>();
          values.put(xField, Long.toString(x));
          values.put(yField, Long.toString(y));
          Scenario s = ScenarioLoader.withProgramValues(base, values);
          futures.add(
              pool.submit(
                  () -> {
                    Cell c = cell(x, y, runner.apply(s));
                    progress.step();
                    return c;
                  }));
        }
      }
      List<Cell> cells = new ArrayList<>();
      for (Future<Cell> f : futures) {
        cells.add(f.get());
      }
      return cells;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("sweep interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  static Cell cell(long x, long y, SimulationResult r) {
    double price = 0;
    int priced = 0;
    double evasion = 0;
    double compliance = 0;
    double welfare = 0;
    int welfareN = 0;
    long penalties = 0;
    for (PeriodResult p : r.periods()) {
      if (Double.isFinite(p.clearingPrice())) {
        price += p.clearingPrice();
        priced++;
      }
      evasion += p.evasionRate();
      compliance += p.complianceRate();
      if (Double.isFinite(p.welfareRatio())) {
        welfare += p.welfareRatio();
        welfareN++;
      }
      penalties += p.penaltiesCollected();
    }
    int n = r.periods().size();
    return new Cell(
        x,
        y,
        priced == 0 ? Double.NaN : price / priced,
        evasion / n,
        compliance / n,
        welfareN == 0 ? Double.NaN : welfare / welfareN,
        penalties);
  }
}
