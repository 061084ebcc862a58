package org.computecap.economics.stability;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.computecap.economics.market.PriceRoot;

/**
 * The permits a period offers as a function of the price (issue 14): what is held, plus the primary
 * auction's volume at or above its reserve price (the floor), plus each stability mechanism's step:
 * a cost containment reserve's volume at or above its trigger (RGGI CCR), an emissions containment
 * reserve's volume taken away below its trigger (RGGI ECR), each price containment tier's volume at
 * or above its price (California APCR), and unlimited permits at or above a price ceiling. The
 * supply is a non-decreasing step function of the price, so with a non-increasing demand the excess
 * demand is non-increasing and the clearing price is where it changes sign: inside a step, where
 * demand meets the supply there, or at a step's price, where demand lies between the supply just
 * below and at it (the mechanism sells only what is wanted there). Immutable.
 *
 * <p>Invariant: every quantity &gt;= 0 (finite but the ceiling's), every price finite and &gt;= 0.
 */
public final class SupplyCurve {
  private final double held;
  // The auction: its volume, offered at or above its reserve, less what the emissions
  // containment reserve withholds below its trigger (only from the auction's volume).
  private final double auction;
  private final double reserve;
  private final double withheld;
  private final double withholdBelow;
  private final List<double[]> steps; // {price, quantity}: +quantity at p >= price

  private SupplyCurve(
      double held,
      double auction,
      double reserve,
      double withheld,
      double withholdBelow,
      List<double[]> steps) {
    this.held = held;
    this.auction = auction;
    this.reserve = reserve;
    this.withheld = withheld;
    this.withholdBelow = withholdBelow;
    this.steps = steps;
  }

  /** A fixed supply of {@code held} permits at every price. */
  public static SupplyCurve of(double held) {
    check(held, "held");
    return new SupplyCurve(held, 0, 0, 0, 0, List.of());
  }

  /** Plus an auction's {@code volume}, offered only at or above {@code reservePrice}. */
  public SupplyCurve withAuction(double volume, double reservePrice) {
    check(volume, "auction volume");
    check(reservePrice, "reservePrice");
    return new SupplyCurve(held, volume, reservePrice, withheld, withholdBelow, steps);
  }

  /** Plus a cost containment reserve's {@code volume}, released at or above {@code trigger}. */
  public SupplyCurve withCostContainment(double trigger, double volume) {
    return plus(trigger, volume, "cost containment volume", "trigger");
  }

  /**
   * Less an emissions containment reserve's {@code volume}, withheld from the auction's volume
   * below {@code trigger}.
   */
  public SupplyCurve withEmissionsContainment(double trigger, double volume) {
    check(trigger, "trigger");
    check(volume, "emissions containment volume");
    return new SupplyCurve(held, auction, reserve, volume, trigger, steps);
  }

  /** Plus a price containment tier's {@code volume}, sold at {@code price} and above. */
  public SupplyCurve withTier(double price, double volume) {
    return plus(price, volume, "tier volume", "tier price");
  }

  /** Unlimited permits at or above {@code ceiling}. */
  public SupplyCurve withCeiling(double ceiling) {
    return plus(ceiling, Double.POSITIVE_INFINITY, "ceiling", "ceiling");
  }

  /** Permits offered at {@code price}. */
  public double at(double price) {
    double s = held;
    if (price >= reserve) {
      s += Math.max(0.0, auction - (price < withholdBelow ? withheld : 0.0));
    }
    for (double[] step : steps) {
      s += price >= step[0] ? step[1] : 0.0;
    }
    return s;
  }

  /**
   * The clearing price against a non-increasing {@code demand}: 0 when the supply at 0 covers what
   * is wanted at 0, otherwise the price at which demand less supply turns from positive to not (to
   * a relative 1e-12; at a step, the step's price).
   *
   * @throws IllegalStateException when demand exceeds supply at every price a double holds
   */
  public double clearingPrice(DoubleUnaryOperator demand) {
    DoubleUnaryOperator excess = p -> demand.applyAsDouble(p) - at(p);
    if (excess.applyAsDouble(0.0) <= 0) {
      return 0.0;
    }
    double start = reserve > 0 ? reserve : 1.0;
    double price = PriceRoot.find(excess, start, 1e-12);
    if (Double.isNaN(price)) {
      throw new IllegalStateException("demand exceeds the supply at every price");
    }
    return price;
  }

  private SupplyCurve plus(double price, double quantity, String what, String where) {
    check(price, where);
    if (!(quantity >= 0)) {
      throw new IllegalArgumentException(what + " must be >= 0, was " + quantity);
    }
    List<double[]> more = new ArrayList<>(steps);
    more.add(new double[] {price, quantity});
    return new SupplyCurve(held, auction, reserve, withheld, withholdBelow, List.copyOf(more));
  }

  private static void check(double v, String field) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(field + " must be finite and >= 0, was " + v);
    }
  }
}
