package org.computecap.sim.scenario;

import java.util.List;

/**
 * What a scenario with PRICE_SETTING developers (Hahn 1984, issue 18) must be for the simulator to
 * play Hahn's model, checked at load so a combination it cannot play is refused naming its field,
 * never simulated wrongly: trading by call auction (the uniform price the coalition sets), every
 * permit allocated free (an auction would be a second market to move), no banking (the model is
 * static), and a fringe of price-takers (ZI-C agents quote no schedule and strategic ones a demand
 * the coalition's knowledge of the fringe does not cover).
 */
final class PriceSettingRules {
  private PriceSettingRules() {}

  static void refuseUnplayable(
      String source, ProgramTerms terms, MarketSettings market, List<DeveloperType> developers) {
    int setter = -1;
    boolean taker = false;
    for (int i = 0; i < developers.size(); i++) {
      DeveloperType d = developers.get(i);
      if (d.strategyMix().getOrDefault(Strategy.PRICE_SETTING, 0.0) > 0.0 && setter < 0) {
        setter = i;
      }
      taker |= d.strategyMix().getOrDefault(Strategy.PRICE_TAKING, 0.0) > 0.0;
    }
    if (setter < 0) {
      return;
    }
    String at =
        source
            + ": developers["
            + setter
            + "] ("
            + developers.get(setter).name()
            + ").strategy PRICE_SETTING ";
    if (market.trading() != TradingMode.CALL_AUCTION) {
      throw new IllegalArgumentException(
          at
              + "needs market.trading CALL_AUCTION (the uniform price it sets), was "
              + market.trading());
    }
    if (terms.freeSharePpm() != 1_000_000) {
      throw new IllegalArgumentException(
          at
              + "needs allocation.freeSharePpm 1000000 (Hahn's model allocates every permit"
              + " free; an auction would be a second market to move), was "
              + terms.freeSharePpm());
    }
    if (terms.banking()) {
      throw new IllegalArgumentException(
          at + "needs banking: false in the program (Hahn's model is one period, static)");
    }
    if (!taker) {
      throw new IllegalArgumentException(
          at + "needs a fringe: at least one PRICE_TAKING developer whose price it moves");
    }
    for (int i = 0; i < developers.size(); i++) {
      for (var e : developers.get(i).strategyMix().entrySet()) {
        Strategy s = e.getKey();
        if ((s == Strategy.ZI_C || s == Strategy.STRATEGIC) && e.getValue() > 0.0) {
          throw new IllegalArgumentException(
              source
                  + ": developers["
                  + i
                  + "] ("
                  + developers.get(i).name()
                  + ").strategy cannot include "
                  + s
                  + " beside a PRICE_SETTING developer: Hahn's fringe takes the price and"
                  + " reports truthfully; make it PRICE_TAKING");
        }
      }
    }
  }
}
