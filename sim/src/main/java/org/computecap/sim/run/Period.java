package org.computecap.sim.run;

import java.util.SplittableRandom;
import org.computecap.sim.scenario.MarketSettings;
import org.computecap.sim.scenario.ProgramTerms;

/**
 * What every step of one period shares: the period's number, the market (the engine), the program's
 * terms and the market settings, the developers' accounts, the run's seeded generator and its
 * running totals. The simulator builds one per period and hands it to each step together with that
 * step's own inputs; each step returns its result instead of writing into shared arrays.
 */
record Period(
    int number,
    Market market,
    ProgramTerms terms,
    MarketSettings settings,
    Accounts accounts,
    SplittableRandom random,
    Tally tally) {

  /** Whether permits kept now can be used later: the program banks and periods remain. */
  boolean banks() {
    return terms.banking() && number < terms.lastPeriod();
  }

  double centsPerUtil() {
    return settings.centsPerUtil();
  }

  /** Free permits of every developer usable now. */
  long[] holdings() {
    return market.holdings(accounts, number);
  }
}
