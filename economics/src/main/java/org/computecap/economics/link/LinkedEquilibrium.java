package org.computecap.economics.link;

import java.util.function.DoubleUnaryOperator;
import org.computecap.economics.market.MarketClearing;
import org.computecap.economics.market.Population;

/**
 * The competitive equilibrium of two linked cap-and-trade programs A and B.
 *
 * <p>A permit of A surrendered in B counts as {@code rate} units of B (B's registry cancels nothing
 * of its own cap: the origin's permit is cancelled and a recognised unit issued in B above B's
 * cap); a unit of B taken to A under a two-way link counts as {@code 1/rate} permits of A, so a
 * round trip creates nothing. With price-taking arbitrage, permits flow from the market where they
 * are worth less (in the destination's units) to the other until
 *
 * <ul>
 *   <li>{@code p_B = p_A / rate} (two-way, or one-way while the flow goes A to B); in the notation
 *       e = 1/rate (A permits per B unit), {@code p_B = e·p_A};
 *   <li>or a bound binds: the quota ({@code quotaB}: recognised units B may issue, for a flow into
 *       B; {@code quotaA} for a flow into A) or the origin's whole supply, and then the price ratio
 *       stays apart by the quota's scarcity rent;
 *   <li>under a one-way link the flow cannot go back, so {@code p_B <= p_A / rate} always, with
 *       equality when B's autarky price is above A's (in B's units) and no bound binds.
 * </ul>
 *
 * Total permits surrendered are {@code S_A - f + S_B + rate·f} for a flow of f permits from A to B:
 * the sum of the caps adjusted by the rate. Each market's price at a supply is the caller's inverse
 * demand ({@link #of(Population, double, Population, double, double, LinkRegime, double, double)}
 * uses the economics' {@link MarketClearing}).
 *
 * @param priceA A's clearing price
 * @param priceB B's clearing price
 * @param flow permits of A that became units of B (negative: units of B that became permits of A)
 * @param supplyA permits surrendered in A after the flow
 * @param supplyB units surrendered in B after the flow
 * @param quotaBinding whether a quota (or the origin's whole supply) stopped the flow short of
 *     equal prices
 */
public record LinkedEquilibrium(
    double priceA,
    double priceB,
    double flow,
    double supplyA,
    double supplyB,
    boolean quotaBinding) {

  private static final int BISECTIONS = 200;

  /** Total permits surrendered in both programs: the caps adjusted by the rate. */
  public double totalSupply() {
    return supplyA + supplyB;
  }

  /**
   * The linked equilibrium of two populations with caps (supplies) {@code supplyA}, {@code
   * supplyB}, through {@link MarketClearing}.
   */
  public static LinkedEquilibrium of(
      Population a,
      double supplyA,
      Population b,
      double supplyB,
      double rate,
      LinkRegime regime,
      double quotaA,
      double quotaB) {
    return solve(
        s -> MarketClearing.solve(a, s).price(),
        supplyA,
        s -> MarketClearing.solve(b, s).price(),
        supplyB,
        rate,
        regime,
        quotaA,
        quotaB);
  }

  /**
   * The linked equilibrium for inverse demands {@code priceA(supply)}, {@code priceB(supply)}
   * (non-increasing in the supply; the price at which that many permits clear).
   *
   * @param rate units of B one permit of A becomes (&gt; 0, finite)
   * @param quotaA most units of A the link may issue for B's permits (&gt;= 0; infinity: none)
   * @param quotaB most units of B the link may issue for A's permits (&gt;= 0; infinity: none)
   */
  public static LinkedEquilibrium solve(
      DoubleUnaryOperator priceA,
      double supplyA,
      DoubleUnaryOperator priceB,
      double supplyB,
      double rate,
      LinkRegime regime,
      double quotaA,
      double quotaB) {
    check("supplyA", supplyA, false);
    check("supplyB", supplyB, false);
    check("rate", rate, true);
    if (!(quotaA >= 0.0) || !(quotaB >= 0.0)) {
      throw new IllegalArgumentException(
          "quotaA and quotaB must be >= 0, were " + quotaA + ", " + quotaB);
    }
    if (regime == null) {
      throw new IllegalArgumentException("regime must not be null");
    }
    // gap(f) = p_B after the flow - p_A after the flow in B's units; decreasing in f.
    DoubleUnaryOperator gap =
        f -> priceB.applyAsDouble(supplyB + rate * f) - priceA.applyAsDouble(supplyA - f) / rate;
    double gap0 = gap.applyAsDouble(0.0);
    if (gap0 > 0 && regime.aToB()) {
      return flow(priceA, supplyA, priceB, supplyB, rate, gap, Math.min(supplyA, quotaB / rate));
    }
    if (gap0 < 0 && regime.bToA()) {
      // f < 0: rate·|f| units leave B and |f| permits of A are issued for them.
      double lowest = -Math.min(supplyB / rate, quotaA);
      return flow(priceA, supplyA, priceB, supplyB, rate, gap, lowest);
    }
    return at(priceA, supplyA, priceB, supplyB, rate, 0.0, false);
  }

  /**
   * The flow between 0 and {@code bound} (either sign) where the gap closes, by bisection; the
   * bound itself when the gap is still open there. An origin's whole supply is approached, never
   * reached, since no market clears with nothing.
   */
  private static LinkedEquilibrium flow(
      DoubleUnaryOperator priceA,
      double supplyA,
      DoubleUnaryOperator priceB,
      double supplyB,
      double rate,
      DoubleUnaryOperator gap,
      double bound) {
    double limit = bound > 0 ? Math.min(bound, supplyA * (1 - 1e-9)) : bound;
    if (bound < 0) {
      limit = Math.max(bound, -supplyB / rate * (1 - 1e-9));
    }
    double gapAtLimit = gap.applyAsDouble(limit);
    if (bound > 0 ? gapAtLimit >= 0 : gapAtLimit <= 0) {
      return at(priceA, supplyA, priceB, supplyB, rate, limit, true);
    }
    double lo = 0.0;
    double hi = limit;
    for (int i = 0; i < BISECTIONS && lo != hi; i++) {
      double mid = 0.5 * (lo + hi);
      if (mid == lo || mid == hi) {
        break;
      }
      double g = gap.applyAsDouble(mid);
      if (bound > 0 ? g > 0 : g < 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return at(priceA, supplyA, priceB, supplyB, rate, 0.5 * (lo + hi), false);
  }

  private static LinkedEquilibrium at(
      DoubleUnaryOperator priceA,
      double supplyA,
      DoubleUnaryOperator priceB,
      double supplyB,
      double rate,
      double f,
      boolean bound) {
    double sa = supplyA - f;
    double sb = supplyB + rate * f;
    return new LinkedEquilibrium(
        priceA.applyAsDouble(sa), priceB.applyAsDouble(sb), f, sa, sb, bound);
  }

  private static void check(String name, double value, boolean positive) {
    if (!(positive ? value > 0.0 : value >= 0.0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          name + " must be finite and " + (positive ? "> 0" : ">= 0") + ", was " + value);
    }
  }
}
