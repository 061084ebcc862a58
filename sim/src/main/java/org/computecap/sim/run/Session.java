package org.computecap.sim.run;

import java.util.List;
import java.util.SplittableRandom;
import org.computecap.engine.command.RunCallAuction;
import org.computecap.engine.command.StartCallAuction;
import org.computecap.engine.exchange.TradeExecuted;
import org.computecap.sim.agent.Plan;
import org.computecap.sim.agent.PriceGrid;
import org.computecap.sim.agent.Quote;
import org.computecap.sim.agent.Quotes;
import org.computecap.sim.scenario.MarketSettings;
import org.computecap.sim.scenario.ProgramTerms;
import org.computecap.sim.scenario.Strategy;

/**
 * One trading session on the engine's book and the trades it made.
 *
 * <ul>
 *   <li>{@link #opening}: before the primary auction, a call auction in which holders with more
 *       permits than they want offer them at their marginal values and buyers bid for what they
 *       want at no more than the price they expect (the auction will sell at no more than that). It
 *       moves surplus free allocations and banks to whoever needs them, so the auction then sells
 *       only what the market still wants.
 *   <li>{@link #main}: the secondary market of the period, by the scenario's trading mode. In a
 *       call auction every price-taking or strategic agent posts its whole schedule (what it wants
 *       to hold at each grid price), so the engine's uniform price is where aggregate demand meets
 *       the permits in circulation: the competitive price of P2 Eq. 6, discovered without anyone
 *       knowing it. In continuous rounds agents take turns in a seeded random order, each replacing
 *       its resting quotes: a price-taker its schedule seen through a window around the last trade
 *       price (its marginal values there, and its whole remaining demand or supply at the window's
 *       edges), a ZI-C agent one random constrained quote (Gode and Sunder 1993). Trading stops
 *       after a number of rounds without a trade.
 * </ul>
 *
 * Every resting order is cancelled when a session ends, so what follows sees free permits.
 *
 * @param volume permits traded
 * @param vwapCents volume-weighted average price, NaN without trades
 * @param closingCents price of the last trade, NaN without trades
 */
record Session(
    String name, List<TradeExecuted> trades, long volume, double vwapCents, double closingCents) {

  /** The opening call auction of the period (see the class comment). */
  static Session opening(Period at, Planning plan) {
    Market market = at.market();
    Cohort cohort = plan.cohort();
    ProgramTerms terms = at.terms();
    int period = at.number();
    PriceGrid grid = plan.scheduleGrid();
    double expectedCents = plan.expectation().priceCents();
    market.drainTrades();
    market.submit(new StartCallAuction(period));
    long[] held = market.holdings(cohort.accounts, period);
    // On the grid up to the expected price: units a buyer values above it are bid at it.
    PriceGrid capped = grid.atOrBelow(expectedCents);
    for (int i = 0; capped != null && i < cohort.size(); i++) {
      if (cohort.active[i] && strategyOf(cohort, i) != Strategy.ZI_C) {
        Plan own = cohort.plans[i];
        for (Quote q : Quotes.schedule(capped, held[i], own::target, terms.lotPermits())) {
          place(market, cohort.accounts.id(i), q, period);
        }
      }
    }
    market.submit(new RunCallAuction(period));
    market.cancelEverything();
    return of("opening", market.drainTrades());
  }

  /** The main session of the period by the scenario's trading mode. */
  static Session main(Period at, Planning plan) {
    return main(at, plan, LinkHook.NONE);
  }

  /** The main session, with a linked run's link desk trading in its call auction (issue 18). */
  static Session main(Period at, Planning plan, LinkHook link) {
    Market market = at.market();
    Cohort cohort = plan.cohort();
    ProgramTerms terms = at.terms();
    MarketSettings settings = at.settings();
    int period = at.number();
    market.drainTrades();
    if (settings.trading().call()) {
      call(market, cohort, terms, period, plan.scheduleGrid(), link);
    }
    if (settings.trading().continuous()) {
      new Continuous(market, cohort, terms, settings, period, plan.grid(), at.random())
          .run(plan.expectation().priceCents());
    }
    market.cancelEverything();
    return of("main", market.drainTrades());
  }

  static Session of(String name, List<TradeExecuted> trades) {
    double value = 0;
    long quantity = 0;
    for (TradeExecuted t : trades) {
      value += (double) t.priceCents() * t.quantity();
      quantity += t.quantity();
    }
    double closing = trades.isEmpty() ? Double.NaN : trades.get(trades.size() - 1).priceCents();
    return new Session(
        name,
        List.copyOf(trades),
        quantity,
        quantity == 0 ? Double.NaN : value / quantity,
        closing);
  }

  private static void call(
      Market market, Cohort cohort, ProgramTerms terms, int period, PriceGrid grid, LinkHook link) {
    market.submit(new StartCallAuction(period));
    long[] held = market.holdings(cohort.accounts, period);
    for (int i = 0; i < cohort.size(); i++) {
      long id = cohort.accounts.id(i);
      if (!cohort.active[i]) {
        if (held[i] > 0) {
          market.sell(id, grid.lowest(), held[i], period);
        }
      } else if (strategyOf(cohort, i) != Strategy.ZI_C) {
        for (Quote q :
            Quotes.schedule(grid, held[i], cohort.plans[i]::target, terms.lotPermits())) {
          place(market, id, q, period);
        }
      }
    }
    link.placeOrders(market, period, grid);
    market.submit(new RunCallAuction(period));
    market.cancelEverything();
  }

  static Strategy strategyOf(Cohort cohort, int i) {
    return cohort.accounts.developer(i).strategy();
  }

  /** Places a quote; a sell is split over the vintages held, oldest first. */
  static void place(Market market, long accountId, Quote q, int period) {
    if (q.buy()) {
      market.limit(accountId, true, q.priceCents(), q.quantity(), period);
    } else {
      market.sell(accountId, q.priceCents(), q.quantity(), period);
    }
  }

  /** Continuous double-auction rounds (see the class comment). */
  private static final class Continuous {
    private final Market market;
    private final Cohort cohort;
    private final ProgramTerms terms;
    private final MarketSettings settings;
    private final int period;
    private final PriceGrid grid;
    private final SplittableRandom random;
    private final int halfWindow;

    Continuous(
        Market market,
        Cohort cohort,
        ProgramTerms terms,
        MarketSettings settings,
        int period,
        PriceGrid grid,
        SplittableRandom random) {
      this.market = market;
      this.cohort = cohort;
      this.terms = terms;
      this.settings = settings;
      this.period = period;
      this.grid = grid;
      this.random = random;
      this.halfWindow =
          (int)
              Math.max(1, Math.round((double) settings.quoteWindowPpm() / settings.gridStepPpm()));
    }

    void run(double expectedCents) {
      long[] held = market.holdings(cohort.accounts, period);
      int[] order = traders(held);
      long lot = settings.ziLotPermits() > 0 ? settings.ziLotPermits() : defaultLot(held);
      double reference = expectedCents > 0 ? expectedCents : grid.lowest();
      long sessionStart = market.tradeCount();
      int quietLimit = anyZeroIntelligence(order) ? settings.quietRounds() : 1;
      int quiet = 0;
      for (int round = 0; round < settings.continuousRounds() && quiet < quietLimit; round++) {
        shuffle(order);
        long tradesBefore = market.tradeCount();
        for (int i : order) {
          long id = cohort.accounts.id(i);
          market.cancelAll(id);
          long h = market.freePermits(id, period);
          if (market.tradeCount() > sessionStart) {
            reference = market.lastTradePrice();
          }
          for (Quote q : quotes(i, h, lot, reference)) {
            place(market, id, q, period);
          }
        }
        quiet = market.tradeCount() == tradesBefore ? quiet + 1 : 0;
      }
    }

    private boolean anyZeroIntelligence(int[] order) {
      for (int i : order) {
        if (cohort.active[i] && strategyOf(cohort, i) == Strategy.ZI_C) {
          return true;
        }
      }
      return false;
    }

    private int[] traders(long[] held) {
      int n = 0;
      int[] out = new int[cohort.size()];
      for (int i = 0; i < cohort.size(); i++) {
        if (cohort.active[i] || held[i] > 0) {
          out[n++] = i;
        }
      }
      return java.util.Arrays.copyOf(out, n);
    }

    private List<Quote> quotes(int i, long holdings, long lot, double reference) {
      if (!cohort.active[i]) {
        return holdings > 0 ? List.of(new Quote(false, grid.lowest(), holdings)) : List.of();
      }
      Plan plan = cohort.plans[i];
      if (strategyOf(cohort, i) == Strategy.ZI_C) {
        long tradable = Math.max(0, holdings - plan.makeGood());
        Quote q = Quotes.zeroIntelligence(random, plan.valuation(), tradable, lot, grid.highest());
        return q == null ? List.of() : List.of(q);
      }
      int j = grid.indexAtOrBelow(reference);
      PriceGrid window = grid.slice(j - halfWindow, j + halfWindow);
      return Quotes.schedule(window, holdings, plan::target, terms.lotPermits());
    }

    // Gode and Sunder's traders hold a few units each: a lot of 5% of the average holding
    // gives each agent about twenty lots; with trading going on until 200 rounds pass without
    // a trade, ZI-C reaches their 97-99% (larger lots leave each agent up to a lot away from
    // its optimum, fewer rounds stop before the last gains are found).
    private long defaultLot(long[] held) {
      long total = 0;
      int n = 0;
      for (int i = 0; i < held.length; i++) {
        if (cohort.active[i]) {
          total += held[i];
          n++;
        }
      }
      return Math.max(1, total / Math.max(1, n) / 20);
    }

    private void shuffle(int[] order) {
      for (int j = order.length - 1; j > 0; j--) {
        int k = random.nextInt(j + 1);
        int tmp = order[j];
        order[j] = order[k];
        order[k] = tmp;
      }
    }
  }
}
