package org.computecap.sim.run;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.computecap.engine.command.RunCallAuction;
import org.computecap.engine.command.StartCallAuction;
import org.computecap.engine.exchange.TradeExecuted;
import org.computecap.sim.agent.Decisions;
import org.computecap.sim.agent.Developer;
import org.computecap.sim.agent.PriceGrid;
import org.computecap.sim.agent.Quote;
import org.computecap.sim.agent.Quotes;
import org.computecap.sim.agent.Valuation;
import org.computecap.sim.scenario.MarketSettings;
import org.computecap.sim.scenario.ProgramTerms;
import org.computecap.sim.scenario.Strategy;

/**
 * One period's secondary market on the engine's book. In the call auction every price-taking or
 * strategic agent posts its whole schedule (what it wants to hold at each grid price), so the
 * engine's uniform price is where aggregate demand meets the permits in circulation: the
 * competitive price of P2 Eq. 6, discovered without anyone knowing it. In continuous rounds agents
 * take turns in a seeded random order, each replacing its resting quotes: ZI-C agents one random
 * constrained quote (Gode and Sunder), price-taking agents a bid and an ask at their marginal
 * values. Every resting order is cancelled when the session ends, so the surrender that follows
 * sees free permits.
 */
final class Trading {
  private final Market market;
  private final Agents agents;
  private final ProgramTerms terms;
  private final MarketSettings settings;
  private final PriceGrid grid;
  private final SplittableRandom random;
  private final int period;
  private final long[] makeGood;
  private long volume;

  Trading(
      Market market,
      Agents agents,
      ProgramTerms terms,
      MarketSettings settings,
      PriceGrid grid,
      SplittableRandom random,
      int period,
      long[] makeGood) {
    this.market = market;
    this.agents = agents;
    this.terms = terms;
    this.settings = settings;
    this.grid = grid;
    this.random = random;
    this.period = period;
    this.makeGood = makeGood;
  }

  /** Runs the session; returns its volume-weighted average price (NaN with no trade). */
  double run(Tally tally, List<TradeRow> rows) {
    market.drainTrades();
    if (settings.trading().call()) {
      callAuction();
    }
    if (settings.trading().continuous()) {
      continuous();
    }
    market.cancelAll(-1);
    List<TradeExecuted> trades = market.drainTrades();
    double value = 0;
    long quantity = 0;
    for (TradeExecuted t : trades) {
      value += (double) t.priceCents() * t.quantity();
      quantity += t.quantity();
    }
    record(trades, "main", tally, rows);
    volume = quantity;
    return quantity == 0 ? Double.NaN : value / quantity;
  }

  long volume() {
    return volume;
  }

  void record(List<TradeExecuted> trades, String session, Tally tally, List<TradeRow> rows) {
    for (TradeExecuted t : trades) {
      rows.add(
          new TradeRow(
              period, session, t.buyAccountId(), t.sellAccountId(), t.priceCents(), t.quantity()));
      tally.trade(t.buyAccountId(), t.sellAccountId(), t.priceCents(), t.quantity());
    }
  }

  /** Permits agent i wants to hold at price p: demand, less planned evasion, plus make-good. */
  double target(int i, double priceCents) {
    if (!agents.active[i]) {
      return 0.0;
    }
    Developer d = agents.developers.get(i);
    double demand = agents.valuation[i].permitsAt(priceCents);
    double evade =
        Decisions.shortfall(
            d.strategy(),
            demand,
            priceCents,
            terms.auditProbability(),
            terms.linearCentsPerPermit(),
            terms.quadraticCentsPerPermitSquared());
    return demand - evade + makeGood[i];
  }

  private void callAuction() {
    market.submit(new StartCallAuction(period));
    long[] held = holdings();
    for (int i = 0; i < agents.size(); i++) {
      Developer d = agents.developers.get(i);
      if (d.strategy() == Strategy.ZI_C && agents.active[i]) {
        continue;
      }
      int agent = i;
      for (Quote q : Quotes.schedule(grid, held[i], p -> target(agent, p), terms.lotPermits())) {
        place(d.accountId(), q);
      }
    }
    market.submit(new RunCallAuction(period));
    market.cancelAll(-1);
  }

  private void continuous() {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < agents.size(); i++) {
      if (agents.active[i] || holdings()[i] > 0) {
        order.add(i);
      }
    }
    long lot = settings.ziLotPermits() > 0 ? settings.ziLotPermits() : defaultLot();
    for (int round = 0; round < settings.continuousRounds(); round++) {
      shuffle(order);
      for (int i : order) {
        Developer d = agents.developers.get(i);
        market.cancelAll(d.accountId());
        long h = market.registry().freePermits(d.accountId(), oldest(), period);
        for (Quote q : quotes(i, h, lot)) {
          place(d.accountId(), q);
        }
      }
    }
  }

  private List<Quote> quotes(int i, long holdings, long lot) {
    Developer d = agents.developers.get(i);
    Valuation v = agents.valuation[i];
    List<Quote> out = new ArrayList<>();
    if (!agents.active[i]) {
      if (holdings > 0) {
        out.add(new Quote(false, grid.lowest(), holdings));
      }
      return out;
    }
    long need = makeGood[i];
    if (d.strategy() == Strategy.ZI_C) {
      Quote q =
          Quotes.zeroIntelligence(random, v, Math.max(0, holdings - need), lot, grid.highest());
      if (q != null) {
        out.add(q);
      }
      return out;
    }
    // A bid for one more lot at the highest grid price where the agent still wants it,
    // an ask for one lot at the lowest price where it no longer does: the continuous
    // counterpart of its call-auction schedule (evasion and make-good included).
    int hi = grid.size() - 1;
    long bid = -1;
    for (int j = hi; j >= 0; j--) {
      if (target(i, grid.price(j)) >= holdings + lot) {
        bid = grid.price(j);
        break;
      }
    }
    if (bid > 0) {
      out.add(new Quote(true, bid, lot));
    }
    long sell = Math.min(lot, holdings);
    for (int j = 0; j <= hi && sell > 0; j++) {
      if (target(i, grid.price(j)) <= holdings - sell) {
        if (grid.price(j) > bid) {
          out.add(new Quote(false, grid.price(j), sell));
        }
        break;
      }
    }
    return out;
  }

  private long defaultLot() {
    long total = 0;
    long[] held = holdings();
    for (long h : held) {
      total += h;
    }
    return Math.max(1, total / Math.max(1, held.length) / 100);
  }

  /** Places a quote; a sell is split over the vintages held, oldest first. */
  private void place(long accountId, Quote q) {
    if (q.buy()) {
      market.limit(accountId, true, q.priceCents(), q.quantity(), period);
      return;
    }
    long left = q.quantity();
    for (int v = oldest(); v <= period && left > 0; v++) {
      long free = market.registry().freePermits(accountId, v);
      long part = Math.min(free, left);
      if (part > 0) {
        market.limit(accountId, false, q.priceCents(), part, v);
        left -= part;
      }
    }
  }

  private int oldest() {
    return market.engine().state().oldestEligibleVintage(period);
  }

  private long[] holdings() {
    long[] out = new long[agents.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] =
          market.registry().freePermits(agents.developers.get(i).accountId(), oldest(), period);
    }
    return out;
  }

  private void shuffle(List<Integer> order) {
    for (int j = order.size() - 1; j > 0; j--) {
      int k = random.nextInt(j + 1);
      Integer tmp = order.get(j);
      order.set(j, order.get(k));
      order.set(k, tmp);
    }
  }
}
