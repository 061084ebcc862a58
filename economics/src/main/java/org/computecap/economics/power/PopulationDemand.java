package org.computecap.economics.power;

import org.computecap.economics.market.Demand;
import org.computecap.economics.market.Equilibrium;
import org.computecap.economics.market.MarketClearing;
import org.computecap.economics.market.Population;
import org.computecap.economics.market.Welfare;

/**
 * The permit demand of developers of the market library ({@link Population}, any of its benefit
 * families), each a price-taker: {@code D(p) = sum lambdaBar_i·c_i(p)} (P2 Eq. 5 and 6). Used for
 * the price-taking fringe, and for a dominant firm or a coalition acting as one: a coalition that
 * holds x permits splits them among its members where their marginal values per permit are equal,
 * which is the competitive split of x among them ({@link MarketClearing#solve} with cap x), so its
 * marginal value is that split's price and its benefit the members' total.
 *
 * <p>Everything delegates to the market library; nothing here re-derives a demand.
 */
public final class PopulationDemand implements PermitDemand {
  private final Population population;

  private PopulationDemand(Population population) {
    this.population = population;
  }

  /** The demand of {@code population}. */
  public static PopulationDemand of(Population population) {
    if (population == null) {
      throw new IllegalArgumentException("population must not be null");
    }
    return new PopulationDemand(population);
  }

  public Population population() {
    return population;
  }

  @Override
  public double permits(double price) {
    return MarketClearing.aggregateDemand(population, price);
  }

  /** {@code sum lambdaBar_i·c_i(p)·eps_i(p)/p}, eps_i the demand elasticity of developer i. */
  @Override
  public double slope(double price) {
    if (!(price > 0.0) || Double.isInfinite(price)) {
      throw new IllegalArgumentException("price must be finite and > 0, was " + price);
    }
    double sum = 0.0;
    for (int i = 0; i < population.size(); i++) {
      double permits = population.lambdaBar(i) * Demand.compute(population, i, price);
      sum += permits * Demand.elasticity(population, i, price);
    }
    return sum / price;
  }

  @Override
  public double marginalValue(double permits) {
    return split(permits).price();
  }

  @Override
  public double benefit(double permits) {
    return Welfare.total(population, split(permits).compute());
  }

  /**
   * How {@code permits} > 0 are used among the developers: each one's compute at the price where
   * they want exactly that many (all at their saturation when they want fewer at a zero price).
   */
  public Equilibrium split(double permits) {
    if (!(permits > 0.0) || Double.isInfinite(permits)) {
      throw new IllegalArgumentException("permits must be finite and > 0, was " + permits);
    }
    return MarketClearing.solve(population, permits);
  }
}
