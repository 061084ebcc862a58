package org.computecap.economics.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.computecap.economics.audit.Enforcement;
import org.computecap.economics.audit.PenaltyFunction;

/**
 * P2 Eq. (1) and the intertemporal equilibrium (Hotelling, Rubin 1996) as properties: the strategic
 * choice beats every other (compute, shortfall) pair on a grid, and the banking path satisfies its
 * arbitrage, no-borrowing and market-clearing conditions for any falling or rising cap.
 */
class EvasionAndBankingProperties {

  @Property(tries = 200)
  void the_strategic_choice_maximises_p2_equation_one(
      @ForAll @Scale(6) @DoubleRange(min = 0.5, max = 50) double theta,
      @ForAll @Scale(6) @DoubleRange(min = 0.2, max = 0.8) double beta,
      @ForAll @Scale(6) @DoubleRange(min = 1, max = 3) double lambda,
      @ForAll @Scale(6) @DoubleRange(min = 0.1, max = 10) double price,
      @ForAll @Scale(6) @DoubleRange(min = 0.05, max = 1) double rho,
      @ForAll @Scale(6) @DoubleRange(min = 0.1, max = 20) double linear,
      @ForAll @Scale(6) @DoubleRange(min = 0.01, max = 2) double quadratic,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 2) double sigma) {
    Population pop = Population.builder().addPower(theta, beta, lambda).build();
    Enforcement e = new Enforcement(rho, new PenaltyFunction(linear, quadratic), 0, sigma, 0);
    Evasion.Choice best = Evasion.choose(pop, 0, price, e);
    double bestU = utility(pop, e, price, best.compute(), best.shortfall());
    double scale = Math.max(1, Math.abs(bestU));
    for (int a = 1; a <= 60; a++) {
      double c = best.compute() * Math.pow(4, (a - 30) / 15.0);
      for (int b = 0; b <= 20; b++) {
        double d = lambda * c * b / 20.0;
        assertThat(utility(pop, e, price, c, d)).isLessThanOrEqualTo(bestU + 1e-8 * scale);
      }
    }
  }

  // U = v(c) - p·(lambda·c - D) - rho·Psi(D), P2 Eq. (1).
  private static double utility(Population pop, Enforcement e, double p, double c, double d) {
    double v = BenefitFamily.value(pop.family[0], pop.theta[0], pop.beta[0], 0, 0, c);
    return v - p * (pop.lambdaBar[0] * c - d) - e.rho() * e.expectedCharge(d);
  }

  @Property(tries = 200)
  void permits_demanded_fall_as_the_price_rises(
      @ForAll @Scale(6) @DoubleRange(min = 0.5, max = 50) double theta,
      @ForAll @Scale(6) @DoubleRange(min = 0.01, max = 10) double price,
      @ForAll @Scale(6) @DoubleRange(min = 1.0001, max = 3) double rise,
      @ForAll @Scale(6) @DoubleRange(min = 0.05, max = 1) double rho,
      @ForAll @Scale(6) @DoubleRange(min = 0.1, max = 20) double linear,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 2) double quadratic,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 2) double sigma) {
    Population pop = Population.builder().addLog(theta, 1.5).build();
    Enforcement e = new Enforcement(rho, new PenaltyFunction(linear, quadratic), 0, sigma, 0);
    assertThat(Evasion.permits(pop, 0, price * rise, e))
        .isLessThanOrEqualTo(Evasion.permits(pop, 0, price, e) * (1 + 1e-12));
  }

  @Property(tries = 300)
  void the_banking_path_clears_never_borrows_and_earns_the_rate_while_banking(
      @ForAll @IntRange(min = 1, max = 8) int periods,
      @ForAll @Scale(6) @DoubleRange(min = 10, max = 1000) double firstCap,
      @ForAll @Scale(6) @DoubleRange(min = -0.3, max = 0.3) double capGrowth,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 0.2) double rate,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 200) double initialBank,
      @ForAll @Scale(6) @DoubleRange(min = 0.2, max = 0.8) double beta) {
    Population pop =
        Population.builder().addPower(3.0, beta, 1.0).addLog(50.0, 2.0).addPower(1, 0.5, 1).build();
    double[] caps = new double[periods];
    for (int t = 0; t < periods; t++) {
      caps[t] = firstCap * Math.pow(1 + capGrowth, t);
    }
    Banking.Path path = Banking.solve(pop, caps, rate, initialBank);
    double carried = initialBank;
    for (int t = 0; t < periods; t++) {
      double p = path.price()[t];
      assertThat(p).isPositive();
      assertThat(path.used()[t])
          .isCloseTo(MarketClearing.aggregateDemand(pop, p), within(1e-9 * path.used()[t]));
      carried += caps[t] - path.used()[t];
      double scale = 1e-8 * (firstCap + initialBank);
      assertThat(carried).as("bank after period %d", t).isGreaterThanOrEqualTo(-scale);
      assertThat(path.bank()[t]).isGreaterThanOrEqualTo(0.0);
      if (t + 1 < periods) {
        double next = path.price()[t + 1];
        assertThat(next).isLessThanOrEqualTo((1 + rate) * p * (1 + 1e-9));
        if (path.bank()[t] > scale) {
          assertThat(next).isCloseTo((1 + rate) * p, within(1e-9 * next));
        }
      }
    }
    assertThat(carried).isCloseTo(0.0, within(1e-7 * (firstCap + initialBank) * periods));
  }
}
