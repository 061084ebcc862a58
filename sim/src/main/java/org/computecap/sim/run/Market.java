package org.computecap.sim.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.computecap.engine.Engine;
import org.computecap.engine.EngineState;
import org.computecap.engine.Event;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.Rejection;
import org.computecap.engine.Result;
import org.computecap.engine.auction.AuctionState;
import org.computecap.engine.command.CancelOrder;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.command.OrderType;
import org.computecap.engine.command.PlaceOrder;
import org.computecap.engine.command.Side;
import org.computecap.engine.exchange.OrderAccepted;
import org.computecap.engine.exchange.TradeExecuted;
import org.computecap.engine.journal.Journal;
import org.computecap.engine.journal.JournaledEngine;
import org.computecap.engine.registry.Hold;
import org.computecap.engine.registry.HoldingLimitRule;
import org.computecap.engine.registry.Registry;
import org.computecap.engine.registry.SystemAccount;
import org.computecap.engine.stability.StabilityState;

/**
 * The simulator's only door into the market: every change goes through the real engine as a command
 * (journaled when a journal is given, which then streams to its file), at a logical tick that
 * advances by one per command. The simulator sends only commands it believes valid, so a rejection
 * means its model of the rules is wrong: it stops with the command and the rule instead of carrying
 * on with a market that differs from what it thinks.
 *
 * <p>It also keeps the book-keeping the agents need: the orders each agent placed in the current
 * session, so that one agent's cancel-and-requote costs its own orders and not the whole book, the
 * trades since they were last collected and the last trade price. Whether an order still rests is
 * the engine's answer ({@code ExchangeState.remaining}), not a second book kept here: the one kept
 * here before (boxed ids in a tree per account and one for the whole book, updated on every fill)
 * cost more than the engine's own matching at 10^5 developers. Every session ends with {@link
 * #cancelEverything}, which forgets the session's orders, so this book-keeping is bounded by one
 * session's orders.
 */
final class Market implements AutoCloseable {
  private final Engine engine;
  private final JournaledEngine journaled;
  private long tick;
  private long nextOrderId = 1;

  /** The id of the session's first order: order {@code sessionFirstId + s} is in slot s. */
  private long sessionFirstId = 1;

  /** Orders placed this session. */
  private int placed;

  /** The account of each order placed this session, by slot. */
  private long[] accountOf = new long[1024];

  /**
   * The slot of the same account's order placed before it this session (and not yet cancelled), or
   * -1.
   */
  private int[] previousOfAccount = new int[1024];

  /**
   * Account id -> the slot of its latest order this session, valid when its stamp is {@link
   * #session}.
   */
  private int[] latestOfAccount = new int[64];

  private int[] latestStamp = new int[64];
  private int session = 1;

  /** One account's slots, newest first, while {@link #cancelAll} cancels them oldest first. */
  private int[] cancelScratch = new int[64];

  private final List<TradeExecuted> trades = new ArrayList<>();
  private long lastTradePrice;
  private long tradeCount;

  private long tickCents = 1;
  private long lotPermits = 1;
  private long holdingLimitRefusals;

  /** A market on a fresh engine; {@code journal} may be null (nothing is journaled). */
  Market(Journal journal) {
    this.engine = new Engine(ProgramParser.standard());
    this.journaled =
        journal == null ? null : new JournaledEngine(engine, journal, CommandCodec.standard());
  }

  /** Applies {@code command}; throws when the engine rejects it (see the class comment). */
  List<Event> submit(Command command) {
    Result r = attempt(command);
    if (!r.isAccepted()) {
      throw new IllegalStateException("engine rejected " + command + ": " + r.rejection().code());
    }
    return r.events();
  }

  // Applies (and journals) a command and collects its trades; a rejection is the caller's to
  // read. Only buying under a holding limit expects one (see acquiring).
  private Result attempt(Command command) {
    Result r =
        journaled != null ? journaled.submit(tick++, command) : engine.apply(tick++, command);
    if (!r.isAccepted()) {
      return r;
    }
    for (Event e : r.events()) {
      if (e instanceof TradeExecuted t) {
        trades.add(t);
        tradeCount++;
        lastTradePrice = t.priceCents();
      }
    }
    return r;
  }

  /**
   * Sends a command that brings {@code quantity} permits into {@code accountId} ({@code
   * withQuantity} builds it for a quantity) and copes with the program's holding limit (issue 15)
   * as a participant must: when the engine refuses it with {@code HOLDING_LIMIT_EXCEEDED}, the
   * agent reads its room under the limit (the engine's own figures: its limit with the compliance
   * exemption, less what it holds, has in sell orders and may still receive from open buying) and
   * asks again for what fits, in whole lots, or stops there. Any other rejection is a bug, as for
   * {@link #submit}. Returns the events and the quantity asked for that was accepted (0: none).
   */
  Acquired acquiring(
      long accountId, long quantity, java.util.function.LongFunction<Command> withQuantity) {
    Result r = attempt(withQuantity.apply(quantity));
    if (r.isAccepted()) {
      return new Acquired(r.events(), quantity);
    }
    if (r.rejection() != Rejection.HOLDING_LIMIT_EXCEEDED) {
      throw new IllegalStateException(
          "engine rejected " + withQuantity.apply(quantity) + ": " + r.rejection().code());
    }
    holdingLimitRefusals++;
    long fits = Math.min(quantity, roomUnderLimit(accountId)) / lotPermits * lotPermits;
    if (fits < 1) {
      return new Acquired(List.of(), 0);
    }
    return new Acquired(submit(withQuantity.apply(fits)), fits);
  }

  /**
   * Applies {@code command} when the engine accepts it; the one rejection {@code allowed} (a rule
   * the agent has no way to check beforehand, such as an exhausted new-entrant reserve) is returned
   * as the events' absence, any other throws as in {@link #submit}.
   */
  List<Event> submitUnless(Command command, Rejection allowed) {
    Result r = attempt(command);
    if (r.isAccepted()) {
      return r.events();
    }
    if (r.rejection() != allowed) {
      throw new IllegalStateException("engine rejected " + command + ": " + r.rejection().code());
    }
    return List.of();
  }

  /** What {@link #acquiring} sent: the accepted command's events and its quantity. */
  record Acquired(List<Event> events, long quantity) {}

  /** Permits {@code accountId} may still acquire under the program's holding limit, now. */
  long roomUnderLimit(long accountId) {
    EngineState s = engine.state();
    long worst =
        s.registry().freePermitsTotal(accountId)
            + s.registry().reservedPermits(accountId, Hold.EXCHANGE)
            + s.pendingPurchasePermits(accountId);
    return Math.max(0, HoldingLimitRule.allowed(s, accountId) - worst);
  }

  /** Buying refused by the holding limit so far (each a real rejection the agent read). */
  long holdingLimitRefusals() {
    return holdingLimitRefusals;
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
    long id = nextOrderId;
    List<Event> events;
    if (buy) {
      Acquired a =
          acquiring(
              accountId,
              quantity,
              q -> new PlaceOrder(accountId, Side.BUY, OrderType.LIMIT, price, q, vintage));
      if (a.quantity() == 0) {
        return;
      }
      events = a.events();
    } else {
      events =
          submit(new PlaceOrder(accountId, Side.SELL, OrderType.LIMIT, price, quantity, vintage));
    }
    nextOrderId++;
    remember(id, accountId);
    if (!(events.get(0) instanceof OrderAccepted accepted) || accepted.orderId() != id) {
      throw new IllegalStateException("the engine gave order " + id + " another id: " + events);
    }
  }

  /** Cancels every resting order of {@code accountId}, oldest first. */
  void cancelAll(long accountId) {
    int a = accountSlot(accountId);
    if (latestStamp[a] != session) {
      return;
    }
    latestStamp[a] = 0;
    int count = 0;
    for (int s = latestOfAccount[a]; s >= 0; s = previousOfAccount[s]) {
      cancelScratch = count == cancelScratch.length ? grow(cancelScratch) : cancelScratch;
      cancelScratch[count++] = s;
    }
    for (int j = count - 1; j >= 0; j--) {
      cancelIfResting(sessionFirstId + cancelScratch[j], accountId);
    }
  }

  /**
   * Cancels every resting order of every account, oldest first, and ends the session: its orders
   * are forgotten.
   */
  void cancelEverything() {
    int count = placed;
    placed = 0;
    session++;
    long first = sessionFirstId;
    sessionFirstId = nextOrderId;
    for (int s = 0; s < count; s++) {
      cancelIfResting(first + s, accountOf[s]);
    }
  }

  private void cancelIfResting(long id, long accountId) {
    if (engine.state().exchange().remaining(id) > 0) {
      submit(new CancelOrder(id, accountId));
    }
  }

  // Records order id (the session's next) as the latest of its account.
  private void remember(long id, long accountId) {
    int s = Math.toIntExact(id - sessionFirstId);
    if (s != placed) {
      throw new AssertionError("order " + id + " out of sequence in the session");
    }
    if (s == accountOf.length) {
      accountOf = Arrays.copyOf(accountOf, 2 * s);
      previousOfAccount = Arrays.copyOf(previousOfAccount, 2 * s);
    }
    int a = accountSlot(accountId);
    accountOf[s] = accountId;
    previousOfAccount[s] = latestStamp[a] == session ? latestOfAccount[a] : -1;
    latestOfAccount[a] = s;
    latestStamp[a] = session;
    placed++;
  }

  // Account ids are small positive numbers here (the simulator numbers its accounts from 1).
  private int accountSlot(long accountId) {
    if (accountId < 0 || accountId >= Integer.MAX_VALUE) {
      throw new IllegalArgumentException("account id out of the simulator's range: " + accountId);
    }
    int a = (int) accountId;
    if (a >= latestOfAccount.length) {
      int size = Math.max(a + 1, 2 * latestOfAccount.length);
      latestOfAccount = Arrays.copyOf(latestOfAccount, size);
      latestStamp = Arrays.copyOf(latestStamp, size);
    }
    return a;
  }

  private static int[] grow(int[] a) {
    return Arrays.copyOf(a, 2 * a.length);
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

  /**
   * Permits the stability reserve withheld from {@code period}'s auction volume at the previous
   * close (issue 14), 0 without a reserve: the engine refuses an auction offering them.
   */
  long stabilityWithheld(int period) {
    StabilityState s = engine.state().featureOrNull(StabilityState.class);
    return s == null ? 0L : s.withheldFrom(period);
  }

  /** Permits left in the price containment reserve (issue 14), 0 without one. */
  long priceContainmentLeft() {
    return engine.state().registry().freePermitsTotal(SystemAccount.PRICE_CONTAINMENT_RESERVE.id());
  }

  /** Whether the engine would open a price containment reserve sale in {@code period} now. */
  boolean reserveSaleMayOpen(int period) {
    AuctionState a = engine.state().featureOrNull(AuctionState.class);
    return a != null && a.reserveSaleMayOpen(period);
  }

  /** Permits left in price containment tier {@code tier}. */
  long tierLeft(int tier) {
    return engine.state().feature(AuctionState.class).priceContainmentTierLeft(tier);
  }

  /** Free cash of {@code account}, in cents. */
  long freeCash(long account) {
    return registry().freeCash(account);
  }

  /** The permits {@code account} still needs for {@code period}: the engine's own count. */
  long unmetObligation(long account, int period) {
    return AuctionState.unmetObligation(engine.state(), account, period);
  }

  /**
   * Permits the stability reserve releases into {@code period}'s first auction, on top of the
   * volume it offers (the engine adds them when the auction opens), 0 without a reserve.
   */
  long stabilityRelease(int period) {
    StabilityState s = engine.state().featureOrNull(StabilityState.class);
    return s == null ? 0L : s.pendingRelease(period);
  }

  Engine engine() {
    return engine;
  }

  long journalEntries() {
    return engine.state().seq();
  }

  @Override
  public void close() {
    if (journaled != null) {
      journaled.close();
    }
  }
}
