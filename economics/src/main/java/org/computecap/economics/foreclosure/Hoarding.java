package org.computecap.economics.foreclosure;

import org.computecap.economics.market.BenefitFamily;
import org.computecap.economics.market.Equilibrium;
import org.computecap.economics.market.MarketClearing;
import org.computecap.economics.market.Population;

/**
 * Foreclosure by hoarding (issue 18; P1's referee): incumbents buy {@code H} permits and bank them
 * beyond their own needs, never to sell them to entrants. For the period that is the cap reduced by
 * H: everyone, the hoarders included, clears at the competitive price of the supply less H (P2 Eq.
 * 6 for {@code Q - H}, {@link MarketClearing}), so each developer's compute falls to its demand at
 * that higher price. What the strategy costs the incumbents, against the same period without the
 * hoard, is the hoard bought at the higher price, plus the surplus they lose on their own use, less
 * what the higher price adds to the value of the permits they were given:
 *
 * <pre>
 *   cost = [S_I(p0) + p0·E] - [S_I(p1) + p1·E - p1·H]
 *        = (S_I(p0) - S_I(p1)) + p1·H - (p1 - p0)·E,
 *   S_I(p) = sum over incumbents of v_i(c_i(p)) - p·lambdaBar_i·c_i(p),
 * </pre>
 *
 * with p0 the price without the hoard, p1 with it and E the incumbents' endowment (free permits)
 * that period. A hoard held to the end of the program is never used, so nothing comes back: the
 * benefit the permits could have given is forgone. Pure functions of the population, in the
 * economics' money unit (utility per permit).
 */
public final class Hoarding {
  private Hoarding() {}

  /**
   * A period with and without a hoard.
   *
   * @param supply the permits available to the period without a hoard
   * @param hoard the permits withdrawn into the hoard, {@code hoard < supply}; negative when the
   *     hoarders release permits from a hoard built earlier (then the period has more than supply)
   * @param competitive the equilibrium for {@code supply}
   * @param hoarded the equilibrium for {@code supply - hoard}
   */
  public record Outcome(double supply, double hoard, Equilibrium competitive, Equilibrium hoarded) {

    /** The price increase the hoard causes, {@code p1 - p0}. */
    public double priceIncrease() {
      return hoarded.price() - competitive.price();
    }
  }

  /**
   * The period's competitive equilibrium with {@code supply} permits and with {@code supply -
   * hoard}.
   *
   * @throws IllegalArgumentException when supply is not finite and &gt; 0, or hoard not finite and
   *     below supply
   */
  public static Outcome of(Population pop, double supply, double hoard) {
    if (!(supply > 0.0) || Double.isInfinite(supply)) {
      throw new IllegalArgumentException("supply must be finite and > 0, was " + supply);
    }
    if (!(hoard < supply) || Double.isInfinite(hoard)) {
      throw new IllegalArgumentException(
          "hoard must be finite and below supply = " + supply + ", was " + hoard);
    }
    Equilibrium without = MarketClearing.solve(pop, supply);
    Equilibrium with = hoard == 0.0 ? without : MarketClearing.solve(pop, supply - hoard);
    return new Outcome(supply, hoard, without, with);
  }

  /** Compute of the developers with {@code members[i]} in an equilibrium. */
  public static double compute(Equilibrium e, boolean[] members) {
    check(e.compute().length, members);
    double sum = 0.0;
    for (int i = 0; i < members.length; i++) {
      sum += members[i] ? e.compute()[i] : 0.0;
    }
    return sum;
  }

  /** Compute the members (the entrants, say) lose to the hoard: theirs without it less with it. */
  public static double computeLost(Outcome o, boolean[] members) {
    return compute(o.competitive(), members) - compute(o.hoarded(), members);
  }

  /**
   * The members' surplus from their own use at an equilibrium, {@code sum v_i(c_i) -
   * p·lambdaBar_i·c_i}, with their endowment {@code endowment} valued at its price.
   */
  public static double surplus(Population pop, Equilibrium e, boolean[] members, double endowment) {
    check(pop.size(), members);
    double p = e.price();
    double sum = p * endowment;
    for (int i = 0; i < members.length; i++) {
      if (members[i]) {
        double c = e.compute()[i];
        BenefitFamily f = pop.family(i);
        sum += f.value(pop.theta(i), pop.beta(i), pop.k(i), pop.a(i), c) - p * pop.lambdaBar(i) * c;
      }
    }
    return sum;
  }

  /**
   * What hoarding costs the incumbents ({@code incumbents[i]}, the hoarders among them) in the
   * period: {@code (S_I(p0) - S_I(p1)) + p1·H - (p1 - p0)·E} (see the class comment), E their
   * endowment of free permits. Positive: the hoard costs them; it is the most raising entrants'
   * costs must be worth to them for the strategy to pay.
   */
  public static double incumbentsCost(
      Population pop, Outcome o, boolean[] incumbents, double endowment) {
    if (!(endowment >= 0.0) || Double.isInfinite(endowment)) {
      throw new IllegalArgumentException("endowment must be finite and >= 0, was " + endowment);
    }
    double before = surplus(pop, o.competitive(), incumbents, endowment);
    double after =
        surplus(pop, o.hoarded(), incumbents, endowment) - o.hoarded().price() * o.hoard();
    return before - after;
  }

  private static void check(int size, boolean[] members) {
    if (members == null || members.length != size) {
      throw new IllegalArgumentException(
          "members must have one entry per developer (" + size + ")");
    }
  }
}
