package org.computecap.sim.run;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.computecap.economics.market.Banking;
import org.computecap.economics.market.PriceRoot;
import org.computecap.economics.stability.SupplyCurve;
import org.computecap.engine.program.Program;
import org.computecap.sim.scenario.Expectations;
import org.computecap.sim.scenario.MarketSettings;
import org.computecap.sim.scenario.ProgramTerms;

/**
 * The price agents plan a period with, and what a permit kept for the next period is worth to them.
 *
 * <p>Rational expectations: the economics library's equilibrium for the permits available now (held
 * by the active developers, plus the primary auction's volume, less make-good owed) and the caps
 * still to come. When the program banks and periods remain, that is the intertemporal equilibrium
 * ({@link Banking}, at the scenario's discount rate); the bank price is next period's price
 * discounted one period, and the bank the path carries out of this period sizes how much each
 * developer stands ready to bank. An auction reserve binds when the price would fall below it: then
 * the auction sells only what is wanted at the reserve (or nothing, when the permits already held
 * clear below it). Adaptive expectations take last period's price; given ones the scenario's list.
 * Demand is the agents' own: truthful Eq. 5 demand, and P2 Eq. (1) for strategic developers, so
 * evasion moves the expected price as it moves the market.
 *
 * @param priceCents the price agents plan with (0 when the cap does not bind)
 * @param bankPriceCents below this price agents bank; 0 when nothing is banked
 * @param bankPermits the bank the equilibrium path carries out of this period (0 when unknown)
 */
record Expectation(double priceCents, double bankPriceCents, double bankPermits) {

  private static final double MAX_CENTS = 1e12;

  /** Forms the expectation of period {@code at} (see the record comment). */
  static Expectation form(
      Cohort cohort,
      Period at,
      long heldActive,
      long auctionVolume,
      double issuedShare,
      double lastPriceCents) {
    ProgramTerms terms = at.terms();
    MarketSettings settings = at.settings();
    int period = at.number();
    boolean banks = at.banks();
    double rate = settings.discountRate();
    double supply = Math.max(0, heldActive - cohort.makeGood()) + auctionVolume;
    if (period == terms.firstPeriod() && settings.initialPriceCents() > 0) {
      return fixed(settings.initialPriceCents(), banks, rate, settings.initialPriceCents());
    }
    if (settings.expectations() == Expectations.GIVEN) {
      double[] list = settings.expectedPricesCents();
      int j = period - terms.firstPeriod();
      double next = j + 1 < list.length ? list[j + 1] : 0.0;
      return fixed(list[j], banks, rate, next);
    }
    if (settings.expectations() == Expectations.ADAPTIVE && lastPriceCents > 0) {
      return fixed(lastPriceCents, banks, rate, lastPriceCents);
    }
    Expectation e = rational(cohort::need, terms, period, supply, issuedShare, banks, rate);
    e = contained(e, cohort::need, at, supply, auctionVolume);
    long reserve = terms.reservePriceCents(period);
    if (auctionVolume > 0 && reserve > 0 && e.priceCents < reserve) {
      // The auction cannot sell below the reserve: what is held clears at its own price if
      // that is below the reserve (the auction sells nothing), else the reserve binds.
      double heldOnly = Math.max(0, heldActive - cohort.makeGood());
      Expectation held = rational(cohort::need, terms, period, heldOnly, issuedShare, banks, rate);
      return held.priceCents >= reserve
          ? new Expectation(reserve, Math.min(held.bankPriceCents, reserve), held.bankPermits)
          : held;
    }
    return e;
  }

  /**
   * The expectation with the auction's containment reserves (issue 14, RGGI's rules as the engine
   * applies them): the economics' {@link SupplyCurve} of what is held, the auction's volume at or
   * above its reserve, the cost containment reserve's room at or above its trigger and the
   * emissions containment reserve's volume withheld below its trigger, cleared against the agents'
   * demand; and California's price containment tiers left and its ceiling, when the auction at the
   * expected price would trigger a reserve sale ({@link PriceContainment#expected}). With banking
   * only this period's price moves (the path is not re-solved with the steps).
   */
  private static Expectation contained(
      Expectation e, DoubleUnaryOperator need, Period at, double supply, long auctionVolume) {
    ProgramTerms terms = at.terms();
    int period = at.number();
    Program program = terms.program();
    long room = program.costContainmentPermits(period);
    long withhold = program.auction().emissionsContainment().volume();
    boolean releases =
        auctionVolume > 0 && room > 0 && e.priceCents > program.costContainmentTriggerCents(period);
    boolean withholds =
        auctionVolume > 0
            && withhold > 0
            && e.priceCents < program.emissionsContainmentTriggerCents(period);
    boolean ceiling = program.priceControls().ceiling().isOn();
    boolean capped = ceiling && e.priceCents > program.priceCeilingCents(period);
    List<double[]> tiers =
        PriceContainment.expected(program, at.market(), period, e.priceCents)
            ? PriceContainment.tiersLeft(program, at.market(), period)
            : List.of();
    boolean contains = !tiers.isEmpty() && e.priceCents > tiers.get(0)[0];
    if (!releases && !withholds && !capped && !contains) {
      return e;
    }
    SupplyCurve curve =
        SupplyCurve.of(Math.max(0, supply - auctionVolume))
            .withAuction(auctionVolume, terms.reservePriceCents(period))
            .withCostContainment(program.costContainmentTriggerCents(period), room)
            .withEmissionsContainment(program.emissionsContainmentTriggerCents(period), withhold);
    curve = PriceContainment.withTiers(curve, contains ? tiers : List.of());
    if (ceiling) {
      curve = curve.withCeiling(program.priceCeilingCents(period));
    }
    double price = curve.clearingPrice(need);
    return new Expectation(price, Math.min(e.bankPriceCents, price), e.bankPermits);
  }

  private static Expectation fixed(double price, boolean banks, double rate, double next) {
    return new Expectation(price, banks ? next / (1.0 + rate) : 0.0, 0.0);
  }

  private static Expectation rational(
      DoubleUnaryOperator need,
      ProgramTerms terms,
      int period,
      double supply,
      double issuedShare,
      boolean banks,
      double rate) {
    if (!banks) {
      return new Expectation(clearing(need, supply), 0.0, 0.0);
    }
    Banking.Path path =
        Banking.solve(need, supplies(terms, period, supply, issuedShare), rate, 0.0);
    return new Expectation(path.price()[0], path.price()[1] / (1.0 + rate), path.bank()[0]);
  }

  /**
   * The permits available now and in each later period: later periods' caps times the share of this
   * period's cap that was issued (free allocation granted and auction volume; benchmark allocation
   * can leave part of the free budget unissued, and agents expect it to go on doing so).
   */
  static double[] supplies(ProgramTerms terms, int period, double supply, double issuedShare) {
    double[] future = terms.capsFrom(period + 1);
    double[] out = new double[future.length + 1];
    out[0] = supply;
    for (int t = 0; t < future.length; t++) {
      out[t + 1] = future[t] * issuedShare;
    }
    return out;
  }

  /**
   * The price at which {@code need} equals {@code supply} (to a relative 1e-12, {@link PriceRoot});
   * 0 when even a zero price leaves some, {@code MAX_CENTS} when even that price leaves a shortage.
   */
  static double clearing(DoubleUnaryOperator need, double supply) {
    if (need.applyAsDouble(0.0) <= supply) {
      return 0.0;
    }
    if (need.applyAsDouble(MAX_CENTS) > supply) {
      return MAX_CENTS;
    }
    double price = PriceRoot.find(p -> need.applyAsDouble(p) - supply, 1.0, 1e-12);
    // NaN: the shortage at 0 vanishes at every positive price a double holds.
    return Double.isNaN(price) ? 0.0 : price;
  }
}
