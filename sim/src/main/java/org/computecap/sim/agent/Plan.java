package org.computecap.sim.agent;

import java.util.function.DoubleUnaryOperator;
import org.computecap.economics.audit.Enforcement;
import org.computecap.economics.market.Evasion;
import org.computecap.economics.market.Population;

/**
 * One developer's decisions in one period, each the economics library's optimum for it given the
 * price, its holdings and the enforcement it faces: the permits it wants to hold at a price (its
 * Eq. 5 demand, less what a strategic developer leaves unreported under P2 Eq. (1) and App. A, plus
 * make-good owed, plus a bank when the price is below what a permit is worth next period), and
 * after trading the compute it runs with what it holds ({@link #use}).
 *
 * <p>Money is in cents here and in utility units inside the economics library ({@code centsPerUtil}
 * converts). A permit weight w is permits per unit of compute: intensity (permits per unit before
 * the multiplier) times the expected risk multiplier lambdaBar. Reports are in the program's base
 * unit (compute times intensity), whole numbers: a truthful report is exactly the base quantity
 * used, so rounding never makes an honest developer short.
 */
public final class Plan {
  private static final double MAX_PRICE_CENTS = 1e15;

  private final Developer developer;
  private final Valuation valuation;
  private final Population one;
  private final double lambda;
  private final Enforcement enforcement;
  private final double centsPerUtil;
  private final long makeGood;
  private final double bankPriceCents;
  private final double bankCapacity;

  /** What it quotes instead of its price-taking target (a price-setter's schedule), or null. */
  private final DoubleUnaryOperator schedule;

  /** Permits a hoarder holds back at every price (issue 18), 0 for everyone else. */
  private final long hoard;

  /**
   * @param weight permits per unit of compute (intensity times lambdaBar), &gt; 0
   * @param enforcement what under-reporting costs this developer, in cents and permits; null for a
   *     developer that always reports the truth
   * @param makeGood permits owed from earlier shortfalls, surrendered on top of this period's
   * @param bankPriceCents below this price the developer also holds {@code bankCapacity} permits to
   *     bank; 0 when nothing is banked
   */
  public Plan(
      Developer developer,
      double weight,
      Enforcement enforcement,
      double centsPerUtil,
      long makeGood,
      double bankPriceCents,
      double bankCapacity) {
    this(
        developer,
        weight,
        enforcement == null ? null : enforcement.inMoneyUnit(centsPerUtil),
        centsPerUtil,
        makeGood,
        bankPriceCents,
        bankCapacity,
        null,
        0);
  }

  // enforcement already in utility units.
  private Plan(
      Developer developer,
      double weight,
      Enforcement enforcement,
      double centsPerUtil,
      long makeGood,
      double bankPriceCents,
      double bankCapacity,
      DoubleUnaryOperator schedule,
      long hoard) {
    this.developer = developer;
    this.valuation = new Valuation(developer, weight, centsPerUtil);
    // The valuation's one-developer population: the same developer and weight.
    this.one = valuation.population();
    this.lambda = weight / developer.permitsPerUnit();
    this.enforcement = enforcement;
    this.centsPerUtil = centsPerUtil;
    this.makeGood = makeGood;
    this.bankPriceCents = bankPriceCents;
    this.bankCapacity = bankCapacity;
    this.schedule = schedule;
    this.hoard = hoard;
  }

  /**
   * The same plan quoting {@code schedule} (permits it wants to hold at a price in cents,
   * non-increasing) in every session instead of its price-taking {@link #target}: a price-setting
   * developer's schedule (Hahn 1984, {@code run/PriceSetting}). Its need, and what it runs once
   * trading is over ({@link #use}), stay its own demand.
   */
  public Plan withSchedule(DoubleUnaryOperator schedule) {
    return new Plan(
        developer,
        valuation.weight(),
        enforcement,
        centsPerUtil,
        makeGood,
        bankPriceCents,
        bankCapacity,
        schedule,
        hoard);
  }

  /**
   * The same plan for a hoarding developer (issue 18) that also holds {@code permits} at every
   * price: its hoard so far and what it adds this period, never sold and never used.
   */
  public Plan withHoard(long permits) {
    return new Plan(
        developer,
        valuation.weight(),
        enforcement,
        centsPerUtil,
        makeGood,
        bankPriceCents,
        bankCapacity,
        schedule,
        permits);
  }

  /** Permits it holds back at every price: its hoard (issue 18), 0 unless it hoards. */
  public long hoard() {
    return hoard;
  }

  public Developer developer() {
    return developer;
  }

  public Valuation valuation() {
    return valuation;
  }

  /** Permits per unit of compute the plan uses. */
  public double weight() {
    return valuation.weight();
  }

  /** The expected risk multiplier lambdaBar the plan uses. */
  public double lambda() {
    return lambda;
  }

  public long makeGood() {
    return makeGood;
  }

  public boolean strategic() {
    return enforcement != null;
  }

  /**
   * Permits the developer retires for this period's compute at a price: {@code w·c(p)} when
   * truthful, {@code max(0, w·c(p) - D(p))} when strategic (zero when it reports nothing).
   */
  public double need(double priceCents) {
    if (valuation.composite()) {
      // Both workloads covered: truthful by construction (the loader refuses STRATEGIC).
      return valuation.permitsAt(Math.max(0.0, priceCents));
    }
    return Evasion.permits(one, 0, Math.max(0.0, priceCents) / centsPerUtil, enforcement);
  }

  /**
   * Permits it wants to hold at a price, what it quotes: its need, make-good, the bank below the
   * bank price and a hoarder's hoard at any price; a price-setter's schedule instead when it has
   * one ({@link #withSchedule}).
   */
  public double target(double priceCents) {
    if (schedule != null) {
      return schedule.applyAsDouble(priceCents);
    }
    double bank = priceCents <= bankPriceCents ? bankCapacity : 0.0;
    return need(priceCents) + makeGood + bank + hoard;
  }

  /** Permits it leaves unreported at a price (P2's best shortfall, or all it owes). */
  public double hiddenAt(double priceCents) {
    if (enforcement == null) {
      return 0.0;
    }
    return Evasion.choose(one, 0, Math.max(0.0, priceCents) / centsPerUtil, enforcement)
        .shortfall();
  }

  /**
   * What the developer runs holding {@code held} free permits once the market has closed, when an
   * unused permit is still worth {@code floorCents} (its bank value, or 0 when it expires). The
   * permits' shadow price is the lowest price at or above the floor at which it needs no more than
   * it holds beyond make-good, give or take {@code slackPermits} (a lot and a permit: holdings are
   * whole lots, needs are not, and a developer whose demand hardly responds to price would
   * otherwise read a permit of rounding as a large price); compute and the unreported shortfall are
   * its optimum at that price ({@link Evasion#choose}), so a developer with more permits than it
   * wants computes its demand and keeps the rest. The report is rounded down to what its permits
   * cover at lambdaBar, and the quantity used is a whole number of units: an honest report is
   * exactly what an audit measures.
   */
  public Use use(long held, double floorCents, long slackPermits) {
    return use(held, floorCents, slackPermits, Double.POSITIVE_INFINITY);
  }

  /**
   * As {@link #use(long, double, long)}, under a price ceiling of {@code ceilingCents} (issue 14):
   * when its permits' shadow price would be above the ceiling, the developer runs its demand at the
   * ceiling and reports it in full, buying what its permits do not cover at the ceiling price.
   */
  public Use use(long held, double floorCents, long slackPermits, double ceilingCents) {
    long available = Math.max(0, held - makeGood);
    double shadow = shadowPrice(available + slackPermits, floorCents);
    boolean capped = shadow > ceilingCents;
    if (capped) {
      shadow = ceilingCents;
      available = Long.MAX_VALUE / 4;
    }
    if (!Double.isFinite(shadow)) {
      return new Use(0.0, 0, 0, 0.0, shadow, developer.uncoveredCompute());
    }
    if (valuation.composite()) {
      return useBoth(available, shadow);
    }
    double price = shadow / centsPerUtil;
    double compute;
    double hiddenPermits;
    if (enforcement == null) {
      compute = valuation.computeAt(shadow);
      hiddenPermits = 0.0;
    } else {
      Evasion.Choice c = Evasion.choose(one, 0, price, enforcement);
      compute = c.compute();
      hiddenPermits = c.shortfall();
    }
    double intensity = developer.permitsPerUnit();
    double baseWanted = compute * intensity;
    double hiddenBase = Math.min(baseWanted, hiddenPermits / lambda);
    long covered = coveredReport(available);
    long reported = Math.min(covered, (long) Math.floor(baseWanted - hiddenBase + 1e-9));
    // A deterred developer runs what it reports; one that evades runs what it wants and
    // leaves unreported whatever its permits do not cover.
    long base = hiddenPermits > 0 ? (long) Math.floor(baseWanted + 1e-9) : reported;
    double share = enforcement == null ? 1.0 : enforcement.hideableShare();
    if (hiddenPermits > 0 && share < 1.0) {
      // An attested meter (issue 17) reads what it runs: at most its uncertainty goes unreported,
      // also when its permits cover less of its report than it planned.
      base = Math.min(base, (long) Math.floor(reported / (1.0 - share) + 1e-9));
    }
    return new Use(
        base / intensity,
        base,
        reported,
        lambda * (base - reported),
        shadow,
        developer.uncoveredCompute());
  }

  // A composite developer's use: each workload its demand at the shadow price, the report the
  // whole covered quantity its permits cover, and when rounding cuts it both workloads in
  // proportion, so the report is exactly what an audit measures.
  private Use useBoth(long available, double shadow) {
    double first = valuation.firstComputeAt(shadow);
    double second = valuation.secondComputeAt(shadow);
    double baseWanted = developer.permitsPerUnit() * first + valuation.secondIntensity() * second;
    long reported = Math.min(coveredReport(available), (long) Math.floor(baseWanted + 1e-9));
    double scale = baseWanted > 0 ? reported / baseWanted : 0.0;
    return new Use(scale * (first + second), reported, reported, 0.0, shadow, scale * second);
  }

  // The largest whole report whose obligation at lambdaBar the available permits cover.
  private long coveredReport(long available) {
    long r = (long) Math.floor(available / lambda + 1e-9);
    while (r > 0 && lambda * r > available + 1e-9) {
      r--;
    }
    return r;
  }

  private double shadowPrice(long available, double floorCents) {
    double floor = Math.max(0.0, floorCents);
    if (need(floor) <= available) {
      return floor;
    }
    double lo = Math.max(floor, 1e-6);
    double hi = Math.max(2.0 * lo, 1.0);
    while (need(hi) > available) {
      lo = hi;
      hi *= 2.0;
      if (hi > MAX_PRICE_CENTS) {
        return Double.POSITIVE_INFINITY;
      }
    }
    while (hi - lo > 1e-10 * hi) {
      double mid = 0.5 * (lo + hi);
      if (need(mid) > available) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  /**
   * A period's use of compute.
   *
   * @param compute compute run, in the scenario's unit
   * @param base the covered quantity used (compute times intensity), what an audit measures
   * @param reported the covered quantity reported, {@code <= base}
   * @param hiddenPermits permits owed for the unreported part at lambdaBar
   * @param shadowPriceCents the price at which the developer valued its last permit
   * @param secondCompute compute of its second workload: the covered part of {@code compute} for a
   *     composite developer, else what its uncovered workload runs (0 without one)
   */
  public record Use(
      double compute,
      long base,
      long reported,
      double hiddenPermits,
      double shadowPriceCents,
      double secondCompute) {}
}
