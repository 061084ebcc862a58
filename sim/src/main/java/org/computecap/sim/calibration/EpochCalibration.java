package org.computecap.sim.calibration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.computecap.economics.market.CalibratedPower;
import org.computecap.sim.scenario.SizeClass;

/**
 * The P2 risk-weighted scenario calibrated from the extract's training runs (issue 18). Each
 * organisation that leads a run is one developer:
 *
 * <ul>
 *   <li><b>compute</b>: its observed compute a year C_i is its 2023-2025 compute over three years,
 *       in the program's unit ({@link Settings#unitFlop()} FLOP);
 *   <li><b>benefit</b>: P2's power benefit with one beta, its theta set so that its marginal value
 *       at C_i is the data's cost of compute q ({@link CalibratedPower#theta}); q is the median
 *       over the runs with a cost of training compute cost over training compute, and the money
 *       scale is one utility = q, so theta_i = C_i^(1-beta) exactly;
 *   <li><b>risk class</b>: H (probability 1 of an H evaluation, multiplier alpha) when any of its
 *       runs carries Epoch's "Frontier model" flag, L (multiplier 1) otherwise, with no safety
 *       effort, so the classes do not move;
 *   <li><b>size class</b>: FRONTIER when H; ACADEMIC when its category is Academia or Government;
 *       LARGE when its largest run is at least 1e25 FLOP (the EU AI Act's systemic-risk
 *       presumption); SMALL otherwise;
 *   <li><b>cap</b>: {@link Settings#capShare()} of the observed compute a year of all of them, in
 *       permits of one risk-weighted unit.
 * </ul>
 */
public final class EpochCalibration {
  /** The years the extract covers, one entry of {@link Organisation#computeByYear()} each. */
  public static final int FIRST_YEAR = 2023;

  public static final int YEARS = 3;

  /**
   * What the data does not settle, stated: the scenario's parameters beyond the data.
   *
   * @param beta the power benefit's exponent (compute's price elasticity is 1/(1-beta))
   * @param alphaPpm the H multiplier, parts per million
   * @param capShare the cap as a share of the observed compute a year, in (0, 1]
   * @param unitFlop FLOP in one unit of the program (and one permit at multiplier 1)
   * @param auditProbabilityPpm the audit probability
   * @param linearPenaltyCents the linear penalty per permit found missing
   * @param quadraticPenaltyCents the quadratic penalty per permit squared
   * @param periods the program's periods (years)
   */
  public record Settings(
      double beta,
      long alphaPpm,
      double capShare,
      double unitFlop,
      long auditProbabilityPpm,
      long linearPenaltyCents,
      long quadraticPenaltyCents,
      int periods) {

    /** The shipped scenario's settings. */
    public static final Settings DEFAULT =
        new Settings(0.5, 3_000_000, 0.8, 1e21, 250_000, 400_000, 100, 3);

    public Settings {
      check(beta > 0 && beta < 1, "beta", "in (0, 1)", beta);
      check(
          alphaPpm >= 1_000_000 && alphaPpm <= 100_000_000, "alphaPpm", "in [1e6, 1e8]", alphaPpm);
      check(capShare > 0 && capShare <= 1, "capShare", "in (0, 1]", capShare);
      check(unitFlop >= 1 && Double.isFinite(unitFlop), "unitFlop", "finite and >= 1", unitFlop);
      check(
          auditProbabilityPpm >= 0 && auditProbabilityPpm <= 1_000_000,
          "auditProbabilityPpm",
          "in [0, 1e6]",
          auditProbabilityPpm);
      check(linearPenaltyCents >= 0, "linearPenaltyCents", ">= 0", linearPenaltyCents);
      check(quadraticPenaltyCents >= 0, "quadraticPenaltyCents", ">= 0", quadraticPenaltyCents);
      check(periods >= 1 && periods <= 100, "periods", "in [1, 100]", periods);
    }

    /** These settings with the cap at {@code share} of observed compute. */
    public Settings withCapShare(double share) {
      return new Settings(
          beta,
          alphaPpm,
          share,
          unitFlop,
          auditProbabilityPpm,
          linearPenaltyCents,
          quadraticPenaltyCents,
          periods);
    }

    /** The H multiplier. */
    public double alpha() {
      return alphaPpm / 1e6;
    }

    private static void check(boolean ok, String field, String rule, double value) {
      if (!ok) {
        throw new IllegalArgumentException(field + " must be " + rule + ", was " + value);
      }
    }
  }

  private EpochCalibration() {}

  /** The organisations leading the runs, largest 2023-2025 compute first (then by name). */
  public static List<Organisation> organisations(List<EpochRun> runs) {
    Map<String, List<EpochRun>> byLead = new LinkedHashMap<>();
    for (EpochRun r : runs) {
      byLead.computeIfAbsent(r.organization(), k -> new ArrayList<>()).add(r);
    }
    List<Organisation> orgs = new ArrayList<>();
    Set<String> slugs = new HashSet<>();
    for (Map.Entry<String, List<EpochRun>> e : byLead.entrySet()) {
      double[] byYear = new double[YEARS];
      EpochRun largest = null;
      boolean frontier = false;
      for (EpochRun r : e.getValue()) {
        int y = r.date().getYear() - FIRST_YEAR;
        if (y < 0 || y >= YEARS) {
          throw new IllegalArgumentException(
              r.model() + ": published " + r.date() + ", outside " + FIRST_YEAR + "-2025");
        }
        byYear[y] += r.computeFlop();
        if (largest == null || r.computeFlop() > largest.computeFlop()) {
          largest = r;
        }
        frontier |= r.frontier();
      }
      String slug = slug(e.getKey());
      if (!slugs.add(slug)) {
        throw new IllegalArgumentException(
            "two organisations give the developer name '" + slug + "' (" + e.getKey() + ")");
      }
      orgs.add(
          new Organisation(
              e.getKey(),
              slug,
              largest.category(),
              largest.country(),
              e.getValue().size(),
              byYear,
              largest.computeFlop(),
              frontier));
    }
    orgs.sort(
        Comparator.comparingDouble(Organisation::totalFlop)
            .reversed()
            .thenComparing(Organisation::name));
    return List.copyOf(orgs);
  }

  /** Its observed compute a year in the program's unit: 2023-2025 compute over three years. */
  public static double observedUnits(Organisation o, Settings s) {
    return o.totalFlop() / YEARS / s.unitFlop();
  }

  /** Its risk multiplier: alpha for a frontier organisation, 1 otherwise. */
  public static double lambda(Organisation o, Settings s) {
    return o.frontier() ? s.alpha() : 1.0;
  }

  /** Its size class by the rule above. */
  public static SizeClass sizeClass(Organisation o) {
    if (o.frontier()) {
      return SizeClass.FRONTIER;
    }
    if (o.nonIndustry()) {
      return SizeClass.ACADEMIC;
    }
    return o.largestRunFlop() >= 1e25 ? SizeClass.LARGE : SizeClass.SMALL;
  }

  /**
   * The cost of compute q in dollars per FLOP: the median, over the runs with a cost, of training
   * compute cost (2023 USD) over training compute.
   *
   * @throws IllegalArgumentException when no run has a cost
   */
  public static double costPerFlopUsd(List<EpochRun> runs) {
    double[] perFlop =
        runs.stream()
            .filter(r -> r.costUsd() != null && r.costUsd() > 0)
            .mapToDouble(r -> r.costUsd() / r.computeFlop())
            .sorted()
            .toArray();
    if (perFlop.length == 0) {
      throw new IllegalArgumentException("no run has a training compute cost: q is not defined");
    }
    int n = perFlop.length;
    return n % 2 == 1 ? perFlop[n / 2] : (perFlop[n / 2 - 1] + perFlop[n / 2]) / 2;
  }

  /** The cost of one program unit of compute in cents: the market's cents per utility. */
  public static double centsPerUnit(List<EpochRun> runs, Settings s) {
    return costPerFlopUsd(runs) * s.unitFlop() * 100;
  }

  /** The runs' compute in each year from 2023, FLOP. */
  public static double[] computeByYear(List<EpochRun> runs) {
    double[] y = new double[YEARS];
    for (Organisation o : organisations(runs)) {
      for (int i = 0; i < YEARS; i++) {
        y[i] += o.computeByYear()[i];
      }
    }
    return y;
  }

  /**
   * The growth a year of the runs' total compute: exp of the least-squares slope of its log on the
   * year, less 1 (with three years, the geometric mean growth from the first to the last).
   */
  public static double growth(List<EpochRun> runs) {
    double[] y = computeByYear(runs);
    double meanX = (YEARS - 1) / 2.0;
    double meanY = 0;
    for (double v : y) {
      meanY += Math.log(v) / YEARS;
    }
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < YEARS; i++) {
      sxy += (i - meanX) * (Math.log(y[i]) - meanY);
      sxx += (i - meanX) * (i - meanX);
    }
    return Math.exp(sxy / sxx) - 1;
  }

  /** {@link #growth} as a scenario's {@code demand.growthPpm}, rounded to a whole ppm. */
  public static long growthPpm(List<EpochRun> runs) {
    return Math.round(growth(runs) * 1e6);
  }

  /** The cap in permits: the share of the observed compute a year of every organisation. */
  public static long capPermits(List<Organisation> orgs, Settings s) {
    double sum = 0;
    for (Organisation o : orgs) {
      sum += observedUnits(o, s);
    }
    return Math.round(s.capShare() * sum);
  }

  /**
   * The competitive permit price in cents for a cap of {@code capPermits}, every developer truthful
   * (P2 Eq. 6 on the calibrated population, {@link CalibratedPower#price}).
   */
  public static double competitivePriceCents(List<EpochRun> runs, Settings s, double capPermits) {
    List<Organisation> orgs = organisations(runs);
    double[] c = new double[orgs.size()];
    double[] l = new double[orgs.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = observedUnits(orgs.get(i), s);
      l[i] = lambda(orgs.get(i), s);
    }
    return CalibratedPower.price(c, l, s.beta(), 1.0, capPermits) * centsPerUnit(runs, s);
  }

  /** A developer name: lower case letters and digits, any other run of characters one '-'. */
  static String slug(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    s = s.replaceAll("^-+|-+$", "");
    if (s.isEmpty()) {
      throw new IllegalArgumentException("organisation '" + name + "' gives no developer name");
    }
    return s;
  }
}
