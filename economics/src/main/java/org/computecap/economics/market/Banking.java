package org.computecap.economics.market;

import java.util.function.DoubleUnaryOperator;

/**
 * The intertemporal permit-market equilibrium with banking and no borrowing (Hotelling; Rubin 1996,
 * "A model of intertemporal emission trading, banking, and borrowing", JEEM 31): given the permits
 * issued each period {@code Q_t}, one aggregate demand {@code S(p)} for permits used in a period, a
 * discount rate r and a bank carried in, it finds prices {@code p_t}, use {@code S(p_t)} and the
 * bank {@code b_t} at the end of each period with
 *
 * <ul>
 *   <li>{@code b_t = b_{t-1} + Q_t - S(p_t) >= 0} (a bank is never negative: no borrowing);
 *   <li>{@code p_{t+1} = (1+r)·p_t} whenever {@code b_t > 0} (holding a permit must earn the rate,
 *       no more), {@code p_{t+1} <= (1+r)·p_t} otherwise (nobody wants to bank);
 *   <li>{@code b_T = 0} unless the last price is 0 (a permit left at the end is worth nothing).
 * </ul>
 *
 * <p>So discounted prices {@code p_t/(1+r)^t} are constant within each "banking episode" and fall
 * between episodes. The episodes are found like a taut string: from the first period s of an
 * episode, the price P(s, e) that clears periods s..e together (their use equal to their issue plus
 * the bank carried in, prices growing at r) is computed for every e; the episode ends at the e with
 * the highest P(s, e) (the last one on ties), because a lower price would leave some prefix of the
 * episode short (a negative bank) and a higher one would leave permits unused. With a falling cap
 * and r = 0 the whole horizon is usually one episode: one flat price.
 *
 * <p>Cost: {@code O(T^2)} one-dimensional root finds for T periods ({@link PriceRoot}: about 10
 * evaluations of {@code S} each, from the price of the episode one period shorter).
 */
public final class Banking {

  /**
   * The equilibrium path.
   *
   * @param price price of each period
   * @param used permits used (retired) in each period, {@code S(price)}
   * @param bank permits banked at the end of each period
   */
  public record Path(double[] price, double[] used, double[] bank) {}

  /** Relative width to which each episode's price is found. */
  private static final double TOLERANCE = 1e-14;

  private Banking() {}

  /** The path for a population's aggregate demand, {@link MarketClearing#aggregateDemand}. */
  public static Path solve(Population pop, double[] caps, double rate, double initialBank) {
    return solve(p -> MarketClearing.aggregateDemand(pop, p), caps, rate, initialBank);
  }

  /**
   * The path for a non-increasing aggregate demand {@code demand} (permits at a price; may be
   * infinite at price 0), caps {@code caps[t] >= 0}, rate r &gt;= 0 and a bank carried into the
   * first period.
   */
  public static Path solve(
      DoubleUnaryOperator demand, double[] caps, double rate, double initialBank) {
    validate(caps, rate, initialBank);
    int periods = caps.length;
    double[] price = new double[periods];
    double[] used = new double[periods];
    double[] bank = new double[periods];
    double carried = initialBank;
    int start = 0;
    while (start < periods) {
      int end = start;
      double best = Double.NEGATIVE_INFINITY;
      double hint = 1.0;
      for (int e = start; e < periods; e++) {
        double p = episodePrice(demand, caps, rate, start, e, carried, hint);
        hint = p > 0.0 ? p : hint;
        if (p >= best) {
          best = p;
          end = e;
        }
      }
      for (int t = start; t <= end; t++) {
        price[t] = best * Math.pow(1.0 + rate, t - start);
        used[t] =
            best > 0.0
                ? demand.applyAsDouble(price[t])
                : Math.min(demand.applyAsDouble(0.0), caps[t] + carried);
        carried = carried + caps[t] - used[t];
        bank[t] = Math.max(0.0, carried);
      }
      if (best > 0.0) {
        // The episode uses exactly what it had; what rounding leaves is not a bank.
        bank[end] = 0.0;
        carried = 0.0;
      }
      start = end + 1;
    }
    return new Path(price, used, bank);
  }

  /**
   * The price P of period {@code start} at which periods start..end, with prices {@code
   * P·(1+r)^(t-start)}, use exactly their caps plus {@code carried}; 0 when even a zero price
   * leaves permits over. {@code hint} (&gt; 0) is where the search starts: the price of the episode
   * one period shorter is close.
   */
  static double episodePrice(
      DoubleUnaryOperator demand,
      double[] caps,
      double rate,
      int start,
      int end,
      double carried,
      double hint) {
    double supply = carried;
    double[] growth = new double[end - start + 1];
    for (int t = start; t <= end; t++) {
      supply += caps[t];
      growth[t - start] = Math.pow(1.0 + rate, t - start);
    }
    double total = supply;
    DoubleUnaryOperator excess =
        p -> {
          double used = 0.0;
          for (double g : growth) {
            used += demand.applyAsDouble(p * g);
          }
          return used - total;
        };
    if (excess.applyAsDouble(0.0) <= 0.0) {
      return 0.0;
    }
    double price = PriceRoot.find(excess, hint, TOLERANCE);
    if (Double.isNaN(price)) {
      throw new IllegalArgumentException("the caps put a price outside the range of a double");
    }
    return price;
  }

  private static void validate(double[] caps, double rate, double initialBank) {
    if (caps == null || caps.length == 0) {
      throw new IllegalArgumentException("caps must list at least one period");
    }
    for (int t = 0; t < caps.length; t++) {
      if (!(caps[t] >= 0.0) || Double.isInfinite(caps[t])) {
        throw new IllegalArgumentException("caps[" + t + "] must be finite and >= 0");
      }
    }
    if (!(rate >= 0.0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("rate must be finite and >= 0, was " + rate);
    }
    if (!(initialBank >= 0.0) || Double.isInfinite(initialBank)) {
      throw new IllegalArgumentException("initialBank must be finite and >= 0, was " + initialBank);
    }
  }
}
