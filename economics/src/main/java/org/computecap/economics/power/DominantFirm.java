package org.computecap.economics.power;

import org.computecap.economics.market.PriceRoot;

/**
 * Market power in a permit market: Hahn (1984), "Market Power and Transferable Property Rights",
 * QJE 99(4). One dominant firm (or a coalition acting as one) faces a fringe of price-takers. Every
 * permit of the cap Q is allocated free; the dominant firm gets {@code A}, the fringe the rest. The
 * dominant firm chooses its holding x knowing the price clears the fringe on what is left, {@code
 * p(x) = P_f(Q - x)} with {@code P_f} the fringe's inverse demand, so {@code p'(x) = -1/D_f'(p)}.
 * It maximises {@code B_d(x) - p(x)·(x - A)}; the first-order condition is
 *
 * <pre>B_d'(x) = p(x) + p'(x)·(x - A).</pre>
 *
 * A net seller (A above its competitive holding x*) holds more than x* to raise the price it sells
 * at; a net buyer holds less to depress the price it buys at; at {@code A = x*} the second term
 * vanishes at x* and the outcome is the competitive one. Permit payments are transfers, so welfare
 * is the benefit of the two holdings and the loss against the competitive equilibrium is zero at
 * {@code A = x*} and positive elsewhere.
 *
 * <p>How it is solved, and why the same way the simulator quotes: at a fringe price p with fringe
 * slope {@code s = -D_f'(p)}, the dominant firm's best holding {@link #holdingAt} is where its
 * marginal value mu satisfies {@code mu = p + (x - A)/s} with {@code x = D_d(mu)}, a strictly
 * monotone equation in mu. The equilibrium is the price at which that holding and the fringe's
 * demand exhaust the cap, {@code holdingAt(p) + D_f(p) = Q}: exactly the price a uniform-price call
 * auction finds when the dominant firm posts {@code holdingAt} as its schedule and the fringe posts
 * its demand. It is found from the competitive price outwards ({@link PriceRoot}), on the side the
 * sign of {@code A - x*} picks. The root is the profit maximum when the dominant firm's profit is
 * quasi-concave in x, which holds for linear demand and for the families and ranges tested
 * (DominantFirmTest checks the profit against every other holding on a grid); a fringe demand that
 * bends so sharply that the profit has several peaks is outside what this solves.
 *
 * <p>With free disposal a dominant firm whose own demand saturates (P1 with a &gt; 0) may hold
 * permits it does not use: where its marginal value has fallen to 0 it holds {@code A - p·s}.
 */
public final class DominantFirm {
  private static final double TOLERANCE = 1e-12;

  private DominantFirm() {}

  /**
   * A market outcome for the dominant firm and the fringe.
   *
   * @param price the permit price, utility per permit
   * @param holding permits the dominant firm holds
   * @param allocation permits it was allocated free
   * @param cap permits in all; the fringe holds {@code cap - holding} and was allocated {@code cap
   *     - allocation}
   * @param marginalValue the dominant firm's marginal value of its last permit ({@code = price} in
   *     the competitive outcome)
   * @param dominantBenefit its gross benefit {@code B_d(holding)}
   * @param fringeBenefit the fringe's gross benefit {@code B_f(cap - holding)}
   */
  public record Outcome(
      double price,
      double holding,
      double allocation,
      double cap,
      double marginalValue,
      double dominantBenefit,
      double fringeBenefit) {

    /** Permits the fringe holds. */
    public double fringeHolding() {
      return cap - holding;
    }

    /** Permits the dominant firm sells to the fringe (negative when it buys). */
    public double netSales() {
      return allocation - holding;
    }

    /** The dominant firm's benefit plus what it earns selling: {@code B_d(x) + p·(A - x)}. */
    public double dominantSurplus() {
      return dominantBenefit + price * netSales();
    }

    /** The fringe's benefit less what it pays for the dominant firm's sales. */
    public double fringeSurplus() {
      return fringeBenefit - price * netSales();
    }

    /** Total benefit; payments are transfers. */
    public double welfare() {
      return dominantBenefit + fringeBenefit;
    }
  }

  /**
   * The dominant firm's marginal value mu at its best holding against a fringe price {@code price}
   * &gt; 0 whose demand has slope {@code fringeSlope} <= 0 there: the root of {@code mu = p + (x -
   * A)/s}, {@code x = D_d(mu)}, {@code s = -fringeSlope}; 0 when even a zero marginal value leaves
   * it selling less than that (it then holds permits it does not use, {@link #holdingAt}). A fringe
   * that does not respond (s = 0) leaves it its allocation: any trade would move the price without
   * bound.
   */
  public static double shadowPrice(
      PermitDemand dominant, double allocation, double price, double fringeSlope) {
    checkPrice(price);
    checkAllocation(allocation);
    if (!(fringeSlope <= 0.0) || Double.isInfinite(fringeSlope)) {
      throw new IllegalArgumentException("fringeSlope must be finite and <= 0, was " + fringeSlope);
    }
    double s = -fringeSlope;
    if (s == 0.0) {
      return allocation > 0 ? dominant.marginalValue(allocation) : Double.POSITIVE_INFINITY;
    }
    if (dominant.permits(0.0) - allocation + price * s <= 0.0) {
      return 0.0;
    }
    double mu =
        PriceRoot.find(m -> (dominant.permits(m) - allocation) / s - (m - price), price, TOLERANCE);
    if (Double.isNaN(mu)) {
      throw new IllegalArgumentException(
          "the dominant firm's marginal value at price " + price + " is out of a double's range");
    }
    return mu;
  }

  /**
   * The holding the dominant firm chooses when the fringe's price is {@code price} and its slope
   * {@code fringeSlope}: its demand at {@link #shadowPrice}, or {@code A - p·s} when that is 0 and
   * it withholds permits it does not use. The simulator posts this, price by price, as the dominant
   * firm's schedule.
   */
  public static double holdingAt(
      PermitDemand dominant, double allocation, double price, double fringeSlope) {
    double mu = shadowPrice(dominant, allocation, price, fringeSlope);
    if (fringeSlope == 0.0) {
      return allocation;
    }
    return mu == 0.0 ? allocation + price * fringeSlope : dominant.permits(mu);
  }

  /**
   * The competitive equilibrium: everyone, the dominant firm included, takes the price; it holds
   * {@code x* = D_d(p*)}, its efficient holding, with {@code D_d(p*) + D_f(p*) = Q}.
   *
   * @throws IllegalArgumentException when the cap does not bind (demand at a zero price is at most
   *     the cap: no price to move) or an argument is out of range
   */
  public static Outcome competitive(
      PermitDemand dominant, PermitDemand fringe, double cap, double allocation) {
    double price = competitivePrice(dominant, fringe, cap, allocation);
    double holding = dominant.permits(price);
    return outcome(dominant, fringe, cap, allocation, price, holding, price);
  }

  /** The dominant firm's efficient holding x*: its competitive demand. */
  public static double efficientHolding(PermitDemand dominant, PermitDemand fringe, double cap) {
    return competitive(dominant, fringe, cap, 0.0).holding();
  }

  /**
   * Hahn's equilibrium: the price at which the dominant firm's best holding ({@link #holdingAt})
   * and the fringe's demand exhaust the cap.
   *
   * @throws IllegalArgumentException when the cap does not bind or an argument is out of range
   */
  public static Outcome equilibrium(
      PermitDemand dominant, PermitDemand fringe, double cap, double allocation) {
    double competitive = competitivePrice(dominant, fringe, cap, allocation);
    double price =
        PriceRoot.find(
            p -> holdingAt(dominant, allocation, p, fringe.slope(p)) + fringe.permits(p) - cap,
            competitive,
            TOLERANCE);
    if (Double.isNaN(price)) {
      throw new IllegalArgumentException(
          "the dominant firm's price is out of a double's range for cap " + cap);
    }
    double holding = cap - fringe.permits(price);
    double mu = shadowPrice(dominant, allocation, price, fringe.slope(price));
    return outcome(dominant, fringe, cap, allocation, price, holding, mu);
  }

  /**
   * Welfare of the competitive equilibrium less Hahn's, for the same cap: zero when the allocation
   * is the efficient holding, positive otherwise.
   */
  public static double welfareLoss(
      PermitDemand dominant, PermitDemand fringe, double cap, double allocation) {
    return competitive(dominant, fringe, cap, allocation).welfare()
        - equilibrium(dominant, fringe, cap, allocation).welfare();
  }

  private static double competitivePrice(
      PermitDemand dominant, PermitDemand fringe, double cap, double allocation) {
    if (!(cap > 0.0) || Double.isInfinite(cap)) {
      throw new IllegalArgumentException("cap must be finite and > 0, was " + cap);
    }
    checkAllocation(allocation);
    if (allocation > cap) {
      throw new IllegalArgumentException(
          "allocation must be at most the cap " + cap + ", was " + allocation);
    }
    double atZero = dominant.permits(0.0) + fringe.permits(0.0);
    if (atZero <= cap) {
      throw new IllegalArgumentException(
          "cap "
              + cap
              + " does not bind: "
              + atZero
              + " permits are wanted at a zero price, so there is no price to move");
    }
    double price = PriceRoot.find(p -> dominant.permits(p) + fringe.permits(p) - cap, 1.0, 1e-14);
    if (Double.isNaN(price)) {
      throw new IllegalArgumentException(
          "cap " + cap + " puts the competitive price out of a double's range");
    }
    return price;
  }

  private static Outcome outcome(
      PermitDemand dominant,
      PermitDemand fringe,
      double cap,
      double allocation,
      double price,
      double holding,
      double marginalValue) {
    return new Outcome(
        price,
        holding,
        allocation,
        cap,
        marginalValue,
        dominant.benefit(holding),
        fringe.benefit(cap - holding));
  }

  private static void checkPrice(double price) {
    if (!(price > 0.0) || Double.isInfinite(price)) {
      throw new IllegalArgumentException("price must be finite and > 0, was " + price);
    }
  }

  private static void checkAllocation(double allocation) {
    if (!(allocation >= 0.0) || Double.isInfinite(allocation)) {
      throw new IllegalArgumentException("allocation must be finite and >= 0, was " + allocation);
    }
  }
}
