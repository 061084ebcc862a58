package org.computecap.sim.run;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
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
 * (journaled when a journal is given), at a logical tick that advances by one per command. The
 * simulator sends only commands it believes valid, so a rejection means its model of the rules is
 * wrong: it stops with the command and the rule instead of carrying on with a market that differs
 * from what it thinks.
 *
 * <p>It also keeps the book-keeping the agents need: which of their orders still rest (so they can
 * be cancelled at the end of a session) and the trades of the current session.
 */
final class Market implements AutoCloseable {
  private final Engine engine;
  private final JournaledEngine journaled;
  private long tick;
  private long nextOrderId = 1;
  private final TreeMap<Long, long[]> resting = new TreeMap<>();
  private final List<TradeExecuted> trades = new ArrayList<>();

  private long tickCents = 1;
  private long lotPermits = 1;

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
    priceCents = price;
    // The engine numbers accepted orders 1, 2, 3...; this market places every order and stops on
    // any rejection, so it knows the id before the engine reports it (submit's fills need it).
    long id = nextOrderId++;
    resting.put(id, new long[] {accountId, quantity});
    List<Event> events =
        submit(
            new PlaceOrder(
                accountId,
                buy ? Side.BUY : Side.SELL,
                OrderType.LIMIT,
                priceCents,
                quantity,
                vintage));
    if (!(events.get(0) instanceof OrderAccepted accepted) || accepted.orderId() != id) {
      throw new IllegalStateException("the engine gave order " + id + " another id: " + events);
    }
  }

  /** Cancels every resting order of {@code accountId} (all accounts when negative). */
  void cancelAll(long accountId) {
    List<Long> ids = new ArrayList<>();
    for (var e : resting.entrySet()) {
      if (accountId < 0 || e.getValue()[0] == accountId) {
        ids.add(e.getKey());
      }
    }
    for (long id : ids) {
      long[] o = resting.remove(id);
      submit(new CancelOrder(id, o[0]));
    }
  }

  /** The trades since the last call, and forgets them. */
  List<TradeExecuted> drainTrades() {
    List<TradeExecuted> out = new ArrayList<>(trades);
    trades.clear();
    return out;
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
    }
  }

  @Override
  public void close() {
    if (journaled != null) {
      journaled.close();
    }
  }
}
