package org.computecap.sim.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.computecap.engine.Engine;
import org.computecap.engine.Event;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.Result;
import org.computecap.engine.command.CancelOrder;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.command.OrderType;
import org.computecap.engine.command.PlaceOrder;
import org.computecap.engine.command.Side;
import org.computecap.engine.exchange.OrderAccepted;
import org.computecap.engine.exchange.OrderCancelled;
import org.computecap.engine.exchange.TradeExecuted;
import org.computecap.engine.journal.Journal;
import org.computecap.engine.journal.JournaledEngine;
import org.computecap.engine.registry.Registry;

/**
 * The simulator's only door into the market: every change goes through the real engine as a command
 * (journaled when a journal is given, which then streams to its file), at a logical tick that
 * advances by one per command. The simulator sends only commands it believes valid, so a rejection
 * means its model of the rules is wrong: it stops with the command and the rule instead of carrying
 * on with a market that differs from what it thinks.
 *
 * <p>It also keeps the book-keeping the agents need: which of their orders still rest, indexed by
 * account so that one agent's cancel-and-requote costs its own orders and not the whole book, the
 * trades since they were last collected and the last trade price.
 */
final class Market implements AutoCloseable {
  private final Engine engine;
  private final JournaledEngine journaled;
  private long tick;
  private long nextOrderId = 1;

  /** Resting order id -> {account, quantity left}, in placement order. */
  private final TreeMap<Long, long[]> resting = new TreeMap<>();

  /** Account -> its resting order ids, in placement order. */
  private final Map<Long, TreeSet<Long>> restingByAccount = new HashMap<>();

  private final List<TradeExecuted> trades = new ArrayList<>();
  private long lastTradePrice;
  private long tradeCount;

  private long tickCents = 1;
  private long lotPermits = 1;

  /** A market on a fresh engine; {@code journal} may be null (nothing is journaled). */
  Market(Journal journal) {
    this.engine = new Engine(ProgramParser.standard());
    this.journaled =
        journal == null ? null : new JournaledEngine(engine, journal, CommandCodec.standard());
  }

  /** Applies {@code command}; throws when the engine rejects it (see the class comment). */
  List<Event> submit(Command command) {
    Result r =
        journaled != null ? journaled.submit(tick++, command) : engine.apply(tick++, command);
    if (!r.isAccepted()) {
      throw new IllegalStateException("engine rejected " + command + ": " + r.rejection().code());
    }
    for (Event e : r.events()) {
      if (e instanceof TradeExecuted t) {
        trades.add(t);
        tradeCount++;
        lastTradePrice = t.priceCents();
        fill(t.buyOrderId(), t.quantity());
        fill(t.sellOrderId(), t.quantity());
      } else if (e instanceof OrderCancelled c) {
        // Self-trade prevention or the engine's own clean-up took it off the book.
        fill(c.orderId(), c.quantity());
      }
    }
    return r.events();
  }

  /** The exchange's tick and lot sizes, which every order is rounded to. */
  void increments(long tick, long lot) {
    this.tickCents = tick;
    this.lotPermits = lot;
  }

  long tickCents() {
    return tickCents;
  }

  /**
   * Places a limit order, its price rounded to the tick in the trader's disfavour (a bid down, an
   * ask up) and its quantity down to whole lots; nothing is placed when less than a lot or a tick
   * remains. It rests (reserved) until filled or cancelled.
   */
  void limit(long accountId, boolean buy, long priceCents, long quantity, int vintage) {
    long price =
        buy
            ? priceCents / tickCents * tickCents
            : -Math.floorDiv(-priceCents, tickCents) * tickCents;
    quantity = quantity / lotPermits * lotPermits;
    if (price < 1 || price > PlaceOrder.MAX_PRICE_OR_QUANTITY || quantity < 1) {
      return;
    }
    // The engine numbers accepted orders 1, 2, 3...; this market places every order and stops on
    // any rejection, so it knows the id before the engine reports it (submit's fills need it).
    long id = nextOrderId++;
    resting.put(id, new long[] {accountId, quantity});
    restingByAccount.computeIfAbsent(accountId, a -> new TreeSet<>()).add(id);
    List<Event> events =
        submit(
            new PlaceOrder(
                accountId, buy ? Side.BUY : Side.SELL, OrderType.LIMIT, price, quantity, vintage));
    if (!(events.get(0) instanceof OrderAccepted accepted) || accepted.orderId() != id) {
      throw new IllegalStateException("the engine gave order " + id + " another id: " + events);
    }
  }

  /** Cancels every resting order of {@code accountId}, oldest first. */
  void cancelAll(long accountId) {
    TreeSet<Long> ids = restingByAccount.remove(accountId);
    if (ids == null) {
      return;
    }
    for (long id : ids) {
      if (resting.remove(id) != null) {
        submit(new CancelOrder(id, accountId));
      }
    }
  }

  /** Cancels every resting order of every account, oldest first. */
  void cancelEverything() {
    List<long[]> orders = new ArrayList<>();
    for (var e : resting.entrySet()) {
      orders.add(new long[] {e.getKey(), e.getValue()[0]});
    }
    resting.clear();
    restingByAccount.clear();
    for (long[] o : orders) {
      submit(new CancelOrder(o[0], o[1]));
    }
  }

  /** The trades since the last call, and forgets them. */
  List<TradeExecuted> drainTrades() {
    List<TradeExecuted> out = new ArrayList<>(trades);
    trades.clear();
    return out;
  }

  /** Trades made since the market opened. */
  long tradeCount() {
    return tradeCount;
  }

  /** The price of the last trade on the exchange, 0 before any. */
  long lastTradePrice() {
    return lastTradePrice;
  }

  /** Free permits of {@code accountId} usable in period {@code period} (eligible vintages). */
  long freePermits(long accountId, int period) {
    return registry().freePermits(accountId, oldestEligible(period), period);
  }

  /** Free permits of every developer usable in {@code period}, by developer index. */
  long[] holdings(Accounts accounts, int period) {
    int oldest = oldestEligible(period);
    long[] out = new long[accounts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = registry().freePermits(accounts.id(i), oldest, period);
    }
    return out;
  }

  /** Sells {@code quantity} of the account's free permits at a price, oldest vintage first. */
  void sell(long accountId, long priceCents, long quantity, int period) {
    long left = quantity;
    for (int v = oldestEligible(period); v <= period && left > 0; v++) {
      long part = Math.min(left, registry().freePermits(accountId, v));
      if (part > 0) {
        limit(accountId, false, priceCents, part, v);
        left -= part;
      }
    }
  }

  int oldestEligible(int period) {
    return engine.state().oldestEligibleVintage(period);
  }

  Registry registry() {
    return engine.state().registry();
  }

  Engine engine() {
    return engine;
  }

  long journalEntries() {
    return engine.state().seq();
  }

  private void fill(long orderId, long quantity) {
    long[] o = resting.get(orderId);
    if (o == null) {
      return;
    }
    o[1] -= quantity;
    if (o[1] <= 0) {
      resting.remove(orderId);
      TreeSet<Long> ids = restingByAccount.get(o[0]);
      if (ids != null) {
        ids.remove(orderId);
      }
    }
  }

  @Override
  public void close() {
    if (journaled != null) {
      journaled.close();
    }
  }
}
