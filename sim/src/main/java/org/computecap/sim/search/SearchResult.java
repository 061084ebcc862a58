package org.computecap.sim.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.computecap.sim.experiment.Metric;
import org.computecap.sim.run.Stats;

/**
 * The statistics of a finished search: the optimum (the point with the best mean objective over its
 * replications; the first evaluated wins a tie), each point's objective with its 95% Student-t
 * interval, its paired difference from the optimum (replication by replication, under common random
 * numbers) with its interval, whether it is near-optimal (not significantly worse: the difference's
 * interval reaches 0), and how often it is the argmax when the replications are resampled (a
 * bootstrap that resamples the same replications for every point, keeping the pairing).
 */
public final class SearchResult {
  private final PolicySearch search;
  private final List<SearchPoint> points;
  private final SearchPoint optimum;
  private final double[] argmaxShare;

  private SearchResult(
      PolicySearch search, List<SearchPoint> points, SearchPoint optimum, double[] argmaxShare) {
    this.search = search;
    this.points = points;
    this.optimum = optimum;
    this.argmaxShare = argmaxShare;
  }

  /** The statistics of {@code points} evaluated by {@code search}. */
  public static SearchResult of(PolicySearch search, List<SearchPoint> points) {
    SearchPoint best = best(search, points);
    if (best == null) {
      throw new IllegalArgumentException(
          "objective: no evaluated point has the objective defined in every replication (a metric"
              + " it reads, such as a price with no trade, had no value); choose metrics that are"
              + " defined for these policies");
    }
    return new SearchResult(search, List.copyOf(points), best, bootstrap(search, points));
  }

  /** The point with the best mean objective among those defined in every replication. */
  static SearchPoint best(PolicySearch search, List<SearchPoint> points) {
    SearchPoint best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (SearchPoint p : points) {
      if (!p.defined()) {
        continue;
      }
      double score = search.objective().score(mean(p.objective()));
      if (best == null || score > bestScore) {
        best = p;
        bestScore = score;
      }
    }
    return best;
  }

  // For each resample of the replication indices (the same for every point), the point with the
  // best mean score; a point's share is how often it wins. Seeded by the search's seed.
  private static double[] bootstrap(PolicySearch search, List<SearchPoint> points) {
    int[] wins = new int[points.size()];
    int n = search.replications();
    SplittableRandom random = new SplittableRandom(search.seed() ^ 0x5EA2C4B007L);
    int[] pick = new int[n];
    for (int b = 0; b < search.bootstrap(); b++) {
      for (int i = 0; i < n; i++) {
        pick[i] = random.nextInt(n);
      }
      int winner = -1;
      double winning = Double.NEGATIVE_INFINITY;
      for (SearchPoint p : points) {
        if (!p.defined()) {
          continue;
        }
        double sum = 0.0;
        for (int i : pick) {
          sum += p.objective()[i];
        }
        double score = search.objective().score(sum / n);
        if (winner < 0 || score > winning) {
          winner = p.index();
          winning = score;
        }
      }
      wins[winner]++;
    }
    double[] share = new double[wins.length];
    for (int i = 0; i < wins.length; i++) {
      share[i] = (double) wins[i] / search.bootstrap();
    }
    return share;
  }

  public PolicySearch search() {
    return search;
  }

  /** Every evaluated point, in the order of evaluation. */
  public List<SearchPoint> points() {
    return points;
  }

  public SearchPoint optimum() {
    return optimum;
  }

  /** The objective's mean and 95% interval over {@code p}'s replications. */
  public Stats objective(SearchPoint p) {
    return Stats.of(p.objective());
  }

  /**
   * {@code p}'s objective less the optimum's, replication by replication, with its 95% interval:
   * negative when p is worse for a maximised objective, positive for a minimised one.
   */
  public Stats difference(SearchPoint p) {
    double[] d = new double[p.objective().length];
    for (int r = 0; r < d.length; r++) {
      d[r] = p.objective()[r] - optimum.objective()[r];
    }
    return Stats.of(d);
  }

  /**
   * Whether {@code p} is not significantly worse than the optimum: the 95% interval of the paired
   * difference reaches 0 (a test of each point on its own, not corrected for the many points).
   */
  public boolean nearOptimal(SearchPoint p) {
    if (!p.defined()) {
      return false;
    }
    if (p == optimum) {
      return true;
    }
    Stats d = difference(p);
    boolean maximize = search.objective().maximize();
    return maximize ? d.high() >= 0.0 : d.low() <= 0.0;
  }

  /** The near-optimal points, in the order of evaluation. */
  public List<SearchPoint> nearOptimalSet() {
    List<SearchPoint> out = new ArrayList<>();
    for (SearchPoint p : points) {
      if (nearOptimal(p)) {
        out.add(p);
      }
    }
    return out;
  }

  /** How often {@code p} was the argmax over bootstrap resamples of the replications. */
  public double argmaxShare(SearchPoint p) {
    return argmaxShare[p.index()];
  }

  /** Collected metric {@code m}'s statistics at {@code p}, a share's interval clamped to [0, 1]. */
  public Stats metric(SearchPoint p, int m) {
    Stats s = Stats.of(p.metrics()[m]);
    return search.collected().get(m).share() ? s.clampedTo(0.0, 1.0) : s;
  }

  /** The extent {low, high} of parameter {@code i} over the near-optimal points. */
  public double[] nearOptimalRange(int i) {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (SearchPoint p : nearOptimalSet()) {
      low = Math.min(low, p.value(i));
      high = Math.max(high, p.value(i));
    }
    return new double[] {low, high};
  }

  /** search.csv: one row per evaluated point. */
  public String searchCsv() {
    StringBuilder sb = new StringBuilder("point,round");
    for (SearchParameter p : search.parameters()) {
      sb.append(',').append(field(p.field()));
    }
    sb.append(
        ",runs_count,objective_mean,objective_sd,objective_ci95_low,objective_ci95_high,"
            + "difference_mean,difference_ci95_low,difference_ci95_high,near_optimal,"
            + "argmax_share");
    for (Metric m : search.collected()) {
      sb.append(',').append(m.name());
    }
    sb.append('\n');
    for (SearchPoint p : points) {
      sb.append(p.index()).append(',').append(p.round());
      values(sb, p);
      Stats o = objective(p);
      Stats d = difference(p);
      sb.append(',').append(o.n());
      sb.append(',').append(number(o.mean())).append(',').append(number(o.sd()));
      sb.append(',').append(number(o.low())).append(',').append(number(o.high()));
      sb.append(',').append(number(d.mean()));
      sb.append(',').append(number(d.low())).append(',').append(number(d.high()));
      sb.append(',').append(nearOptimal(p)).append(',').append(number(argmaxShare(p)));
      for (int m = 0; m < search.collected().size(); m++) {
        sb.append(',').append(number(metric(p, m).mean()));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** optimum.csv: the optimum's parameters, then the objective and every metric with its CI. */
  public String optimumCsv() {
    StringBuilder sb = new StringBuilder("point");
    for (SearchParameter p : search.parameters()) {
      sb.append(',').append(field(p.field()));
    }
    sb.append(",quantity,unit,runs_count,mean,sd,ci95_low,ci95_high\n");
    row(sb, "objective", search.objective().unit(), objective(optimum));
    for (int m = 0; m < search.collected().size(); m++) {
      Metric metric = search.collected().get(m);
      row(sb, metric.name(), metric.unit(), metric(optimum, m));
    }
    return sb.toString();
  }

  private void row(StringBuilder sb, String quantity, String unit, Stats s) {
    sb.append(optimum.index());
    values(sb, optimum);
    sb.append(',').append(quantity).append(',').append(field(unit));
    sb.append(',').append(s.n()).append(',').append(number(s.mean()));
    sb.append(',').append(number(s.sd())).append(',').append(number(s.low()));
    sb.append(',').append(number(s.high())).append('\n');
  }

  private static void values(StringBuilder sb, SearchPoint p) {
    for (JsonNode v : p.values()) {
      sb.append(',').append(v.toString());
    }
  }

  static double mean(double[] values) {
    double sum = 0.0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  private static String number(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "";
  }

  private static String field(String s) {
    return s.indexOf(',') < 0 && s.indexOf('"') < 0 ? s : '"' + s.replace("\"", "\"\"") + '"';
  }
}
