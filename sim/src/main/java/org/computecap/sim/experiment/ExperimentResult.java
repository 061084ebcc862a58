package org.computecap.sim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.computecap.sim.run.Stats;

/**
 * The numbers behind cells.csv, cell-periods.csv and the figures, read back from runs.csv's text
 * (so a resumed experiment summarises stored runs exactly as fresh ones). A replication's value of
 * a metric is its mean over the run's periods (periods where the metric is undefined, such as a
 * price with no trade, are left out); a cell's statistics are over its replications, with 95%
 * Student-t intervals, clamped to [0, 1] for shares.
 */
public final class ExperimentResult {
  private final Experiment experiment;
  private final List<Integer> periods;
  // [cell][replication][metric]: the run's mean over periods.
  private final double[][][] runMeans;
  // [cell][period index][metric][replication]
  private final double[][][][] periodValues;

  private ExperimentResult(
      Experiment experiment, List<Integer> periods, double[][][] runMeans, double[][][][] pv) {
    this.experiment = experiment;
    this.periods = periods;
    this.runMeans = runMeans;
    this.periodValues = pv;
  }

  static ExperimentResult of(Experiment e, String runsCsv) {
    int factors = e.factors().size();
    int metrics = e.metrics().size();
    int reps = e.replications();
    List<String> lines = runsCsv.lines().skip(1).toList();
    TreeMap<Integer, Integer> periodIndex = new TreeMap<>();
    for (String line : lines) {
      periodIndex.put(Integer.parseInt(Csv.split(line).get(3 + factors)), 0);
    }
    List<Integer> periods = new ArrayList<>(periodIndex.keySet());
    for (int i = 0; i < periods.size(); i++) {
      periodIndex.put(periods.get(i), i);
    }
    int cells = e.cells().size();
    double[][][][] pv = new double[cells][periods.size()][metrics][reps];
    for (double[][][] c : pv) {
      for (double[][] p : c) {
        for (double[] m : p) {
          java.util.Arrays.fill(m, Double.NaN);
        }
      }
    }
    for (String line : lines) {
      List<String> f = Csv.split(line);
      int cell = Integer.parseInt(f.get(0));
      int rep = Integer.parseInt(f.get(1));
      int p = periodIndex.get(Integer.parseInt(f.get(3 + factors)));
      for (int m = 0; m < metrics; m++) {
        String v = f.get(4 + factors + m);
        pv[cell][p][m][rep] = v.isEmpty() ? Double.NaN : Double.parseDouble(v);
      }
    }
    double[][][] runMeans = new double[cells][reps][metrics];
    for (int c = 0; c < cells; c++) {
      for (int r = 0; r < reps; r++) {
        for (int m = 0; m < metrics; m++) {
          double[] series = new double[periods.size()];
          for (int p = 0; p < periods.size(); p++) {
            series[p] = pv[c][p][m][r];
          }
          runMeans[c][r][m] =
              e.metrics().get(m).spreadOverPeriods() ? spread(series) : mean(series);
        }
      }
    }
    return new ExperimentResult(e, List.copyOf(periods), runMeans, pv);
  }

  // The mean of the finite values; NaN when there is none.
  static double mean(double[] values) {
    double sum = 0;
    int n = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  // The sample standard deviation of the finite values; NaN with fewer than two.
  static double spread(double[] values) {
    double mean = mean(values);
    double squares = 0;
    int n = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        squares += (v - mean) * (v - mean);
        n++;
      }
    }
    return n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1));
  }

  public Experiment experiment() {
    return experiment;
  }

  public List<Integer> periods() {
    return periods;
  }

  /** Replication values (run means over periods) of metric {@code m} in cell {@code cell}. */
  public double[] values(int cell, int m) {
    double[] out = new double[experiment.replications()];
    for (int r = 0; r < out.length; r++) {
      out[r] = runMeans[cell][r][m];
    }
    return out;
  }

  /** Statistics of metric {@code m} over the replications of cell {@code cell}. */
  public Stats stats(int cell, int m) {
    return Stats.of(values(cell, m));
  }

  /** Statistics of metric {@code m} in period index {@code p} over a cell's replications. */
  public Stats stats(int cell, int p, int m) {
    return Stats.of(periodValues[cell][p][m]);
  }

  /** cells.csv: one row per cell and metric. */
  String cellsCsv() {
    StringBuilder sb = new StringBuilder("cell");
    factorHeader(sb);
    sb.append(",metric,unit,runs_count,mean,sd,ci95_low,ci95_high\n");
    for (Cell c : experiment.cells()) {
      for (int m = 0; m < experiment.metrics().size(); m++) {
        row(sb, c, null, m, stats(c.index(), m));
      }
    }
    return sb.toString();
  }

  /** cell-periods.csv: one row per cell, period and metric. */
  String cellPeriodsCsv() {
    StringBuilder sb = new StringBuilder("cell");
    factorHeader(sb);
    sb.append(",period,metric,unit,runs_count,mean,sd,ci95_low,ci95_high\n");
    for (Cell c : experiment.cells()) {
      for (int p = 0; p < periods.size(); p++) {
        for (int m = 0; m < experiment.metrics().size(); m++) {
          row(sb, c, periods.get(p), m, stats(c.index(), p, m));
        }
      }
    }
    return sb.toString();
  }

  private void factorHeader(StringBuilder sb) {
    for (Factor f : experiment.factors()) {
      sb.append(',').append(Csv.field(f.name()));
    }
  }

  private void row(StringBuilder sb, Cell c, Integer period, int m, Stats s) {
    Metric metric = experiment.metrics().get(m);
    sb.append(c.index());
    for (var v : c.values()) {
      sb.append(',').append(Csv.field(Factor.text(v)));
    }
    if (period != null) {
      sb.append(',').append(period);
    }
    sb.append(',').append(metric.name()).append(',').append(Csv.field(metric.unit()));
    sb.append(',').append(s.n()).append(',').append(Csv.number(s.mean()));
    sb.append(',').append(Csv.number(s.sd()));
    Stats shown = metric.share() ? s.clampedTo(0.0, 1.0) : s;
    double low = shown.low();
    double high = shown.high();
    sb.append(',').append(Csv.number(low)).append(',').append(Csv.number(high)).append('\n');
  }
}
