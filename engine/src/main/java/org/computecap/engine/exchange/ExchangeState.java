package org.computecap.engine.exchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import org.computecap.engine.CanonicalReader;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.EngineState;
import org.computecap.engine.Event;
import org.computecap.engine.FeatureState;
import org.computecap.engine.WriteAccess;
import org.computecap.engine.collections.LongLongMap;
import org.computecap.engine.command.Side;
import org.computecap.engine.program.BookLayout;
import org.computecap.engine.program.Program;
import org.computecap.engine.registry.Hold;
import org.computecap.engine.registry.Ledger;
import org.computecap.engine.registry.Registry;

/**
 * The exchange's part of the engine state: one venue (order book, market data, call phase flag) per
 * vintage, or a single venue for all vintages, and the last order id assigned. The exchange assigns
 * order ids itself, one more than the last, to every accepted {@code PlaceOrder} (a rejected one
 * takes none), and reports the id in {@code OrderAccepted}; ids therefore increase in arrival
 * order, which is the books' time priority.
 *
 * <p>Its private {@link Settlement} is the books' {@link MatchListener}: each fill is settled in
 * the registry the moment the book reports it (delivery versus payment), so a trade never exists
 * without its transfer. A resting buy order reserves price · remaining cash and a resting sell
 * order its remaining permits, both under {@link Hold#EXCHANGE}; an incoming order pays or delivers
 * from free balances, which the handler checked before matching began.
 *
 * <p>Invariant ({@link #checkInvariants}): for every account, the cash and permits reserved under
 * {@code EXCHANGE} equal what its resting orders hold; each fast book is internally consistent;
 * every resting id is at most the last assigned id.
 */
public final class ExchangeState implements FeatureState {
  static final String NAME = "exchange";

  private final Program.Exchange settings;
  private final boolean bookPerVintage;
  private final int firstPeriod;
  private final OrderBooks books;
  private Venue[] venues = new Venue[4];
  private long lastOrderId;
  private final transient Settlement settlement = new Settlement();

  /**
   * account -> permits its resting buy orders may still bring it, kept only for a program with a
   * holding limit (issue 15), which checks new buying against it. Derived from the books (so not in
   * the state hash, and rebuilt from them when a snapshot is read); off the hot path otherwise.
   */
  private final transient LongLongMap openBuyPermits;

  // The context of the command now running (see begin); not state.
  private transient Ledger ledger;
  private transient List<Event> events;
  private transient Venue active;
  private transient int period;

  /** One book with its market data. */
  static final class Venue {
    final int key;
    final OrderBook book;
    final MarketData data;
    boolean callPhase;

    Venue(int key, OrderBook book) {
      this(key, book, new MarketData());
    }

    Venue(int key, OrderBook book, MarketData data) {
      this.key = key;
      this.book = book;
      this.data = data;
    }
  }

  private ExchangeState(
      Program.Exchange settings, int firstPeriod, OrderBooks books, boolean trackBuys) {
    this.openBuyPermits = trackBuys ? new LongLongMap() : null;
    this.settings = settings;
    this.bookPerVintage = settings.books() == BookLayout.PER_VINTAGE;
    this.firstPeriod = firstPeriod;
    this.books = books;
  }

  /** The exchange of a market that opens under {@code program}, on {@code books}. */
  public static ExchangeState open(Program program, OrderBooks books) {
    return new ExchangeState(
        program.exchange(),
        program.firstPeriod(),
        books,
        program.registryControls().holdingLimit().isOn());
  }

  /**
   * Permits the account's resting buy orders may still bring it (issue 15's holding limit); 0 for a
   * program without a holding limit, which does not keep the count.
   */
  public long openBuyPermits(long account) {
    return openBuyPermits == null ? 0 : openBuyPermits.get(account, 0L);
  }

  /** Counts a resting buy quantity in or out of the holding limit's worst case. */
  private void countBuy(long account, long delta) {
    if (openBuyPermits != null && openBuyPermits.add(account, delta) == 0) {
      openBuyPermits.remove(account);
    }
  }

  Program.Exchange settings() {
    return settings;
  }

  /** The id the next accepted order gets. */
  long nextOrderId() {
    return lastOrderId + 1;
  }

  /** The last order id assigned, 0 before the first order. */
  public long lastOrderId() {
    return lastOrderId;
  }

  /** The venue trading {@code vintage}, created on first use. */
  Venue venue(int vintage) {
    int index = bookPerVintage ? vintage - firstPeriod : 0;
    if (index >= venues.length) {
      venues = Arrays.copyOf(venues, Math.max(index + 1, venues.length * 2));
    }
    Venue v = venues[index];
    if (v == null) {
      v =
          new Venue(
              bookPerVintage ? vintage : -1,
              books.create(settings.lotPermits(), settings.selfTradePrevention()));
      venues[index] = v;
    }
    return v;
  }

  /**
   * The venue whose book holds the order, or null: a lookup in each venue's id map, and there is
   * one venue per vintage traded (a handful), so this does not grow with the book.
   */
  Venue venueOfOrder(long orderId) {
    for (Venue v : venues) {
      if (v != null && v.book.contains(orderId)) {
        return v;
      }
    }
    return null;
  }

  /** The quantity the resting order still has, or 0 when no book holds it. */
  public long remaining(long orderId) {
    Venue v = venueOfOrder(orderId);
    return v == null ? 0 : v.book.remaining(orderId);
  }

  /** Assigns the next order id, for an order that passed every check. */
  long assignOrderId() {
    return ++lastOrderId;
  }

  /** Sets the context in which the books' callbacks settle and report. */
  void begin(Ledger ledger, List<Event> events, Venue venue, int period) {
    this.ledger = ledger;
    this.events = events;
    this.active = venue;
    this.period = period;
  }

  void end() {
    this.ledger = null;
    this.events = null;
    this.active = null;
  }

  /** The listener the books report to while a command runs. */
  MatchListener listener() {
    return settlement;
  }

  /**
   * Settles what the books report, in the registry, for the command now running (see {@link
   * #begin}); private so that nothing outside a command can move balances through it.
   */
  private final class Settlement implements MatchListener {
    @Override
    public void traded(
        long makerOrderId,
        long makerAccount,
        long takerOrderId,
        long takerAccount,
        boolean takerBuys,
        int sellVintage,
        long priceCents,
        long quantity) {
      long value = priceCents * quantity;
      if (takerBuys) {
        ledger.charge(takerAccount, makerAccount, value);
        ledger.settlePermits(makerAccount, takerAccount, sellVintage, quantity, Hold.EXCHANGE);
        events.add(
            new TradeExecuted(
                takerOrderId,
                takerAccount,
                makerOrderId,
                makerAccount,
                sellVintage,
                priceCents,
                quantity));
      } else {
        ledger.settleCash(makerAccount, takerAccount, value, Hold.EXCHANGE);
        ledger.transfer(takerAccount, makerAccount, sellVintage, quantity);
        countBuy(makerAccount, -quantity);
        events.add(
            new TradeExecuted(
                makerOrderId,
                makerAccount,
                takerOrderId,
                takerAccount,
                sellVintage,
                priceCents,
                quantity));
      }
      active.data.record(period, priceCents, quantity);
    }

    @Override
    public void auctionTraded(
        long buyOrderId,
        long buyAccount,
        long buyLimitCents,
        long sellOrderId,
        long sellAccount,
        int sellVintage,
        long priceCents,
        long quantity) {
      ledger.settleCash(buyAccount, sellAccount, priceCents * quantity, Hold.EXCHANGE);
      long saved = (buyLimitCents - priceCents) * quantity;
      if (saved > 0) {
        ledger.releaseCash(buyAccount, saved, Hold.EXCHANGE);
      }
      ledger.settlePermits(sellAccount, buyAccount, sellVintage, quantity, Hold.EXCHANGE);
      countBuy(buyAccount, -quantity);
      events.add(
          new TradeExecuted(
              buyOrderId, buyAccount, sellOrderId, sellAccount, sellVintage, priceCents, quantity));
      active.data.record(period, priceCents, quantity);
    }

    @Override
    public void selfTradeCancelled(
        long orderId, long account, Side side, long priceCents, long remaining, int vintage) {
      release(account, side, priceCents, remaining, vintage);
      events.add(
          new OrderCancelled(orderId, account, remaining, CancelReason.SELF_TRADE_PREVENTION));
    }
  }

  /**
   * Cancels every resting order that would deliver permits of a vintage up to {@code lastVintage}
   * and releases its reservation: with one book per vintage, all orders of those books (whose call
   * phases also end); with a single book, the sell orders of those vintages. For the compliance
   * feature at a period close with banking off, before it expires the free permits, so that no
   * expired vintage stays on offer. Returns the {@code OrderCancelled(VINTAGE_CLOSED)} events in
   * book order. It cannot fail, so a handler may call it after its checks; it changes state, so it
   * takes the engine's {@link WriteAccess}.
   */
  public static List<Event> closeVintagesUpTo(WriteAccess access, int lastVintage) {
    EngineState state = access.state();
    ExchangeState exchange = state.exchange();
    List<Event> events = new ArrayList<>();
    for (Venue v : exchange.venues) {
      if (v == null || exchange.bookPerVintage && v.key > lastVintage) {
        continue;
      }
      List<long[]> doomed = new ArrayList<>();
      v.book.forEachOrder(
          (id, account, side, price, remaining, vintage) -> {
            if (exchange.bookPerVintage || side == Side.SELL && vintage <= lastVintage) {
              doomed.add(new long[] {id, account});
            }
          });
      exchange.begin(access.ledger(), events, v, state.currentPeriod());
      for (long[] order : doomed) {
        Side side = v.book.side(order[0]);
        long price = v.book.priceCents(order[0]);
        int vintage = v.book.vintage(order[0]);
        long left = v.book.cancel(order[0]);
        exchange.release(order[1], side, price, left, vintage);
        events.add(new OrderCancelled(order[0], order[1], left, CancelReason.VINTAGE_CLOSED));
      }
      if (exchange.bookPerVintage) {
        v.callPhase = false;
      }
      exchange.end();
    }
    return events;
  }

  /**
   * Cancels every resting order of {@code account} and gives back its reservations (issue 15: a
   * regulator suspended, restricted or closed the account). It walks every book, which is fine for
   * a rare regulator's act; it cannot fail, so a handler may call it after its checks.
   */
  public static List<Event> cancelOrdersOf(WriteAccess access, long account) {
    EngineState state = access.state();
    ExchangeState exchange = state.exchange();
    List<Event> events = new ArrayList<>();
    for (Venue v : exchange.venues) {
      if (v == null) {
        continue;
      }
      List<Long> doomed = new ArrayList<>();
      v.book.forEachOrder(
          (id, owner, side, price, remaining, vintage) -> {
            if (owner == account) {
              doomed.add(id);
            }
          });
      if (doomed.isEmpty()) {
        continue;
      }
      exchange.begin(access.ledger(), events, v, state.currentPeriod());
      for (long id : doomed) {
        Side side = v.book.side(id);
        long price = v.book.priceCents(id);
        int vintage = v.book.vintage(id);
        long left = v.book.cancel(id);
        exchange.release(account, side, price, left, vintage);
        events.add(new OrderCancelled(id, account, left, CancelReason.ACCOUNT_STATUS));
      }
      exchange.end();
    }
    return events;
  }

  /** Gives back the reservation of a resting quantity leaving the book untraded. */
  void release(long account, Side side, long priceCents, long quantity, int vintage) {
    if (side == Side.BUY) {
      ledger.releaseCash(account, priceCents * quantity, Hold.EXCHANGE);
      countBuy(account, -quantity);
    } else {
      ledger.releasePermits(account, vintage, quantity, Hold.EXCHANGE);
    }
  }

  /** Reserves for a quantity about to rest on the book. */
  void reserve(long account, Side side, long priceCents, long quantity, int vintage) {
    if (side == Side.BUY) {
      ledger.reserveCash(account, priceCents * quantity, Hold.EXCHANGE);
      countBuy(account, quantity);
    } else {
      ledger.reservePermits(account, vintage, quantity, Hold.EXCHANGE);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void writeCanonical(CanonicalWriter w) {
    w.writeLong(settings.tickCents())
        .writeLong(settings.lotPermits())
        .writeBoolean(settings.selfTradePrevention())
        .writeBoolean(bookPerVintage)
        .writeLong(lastOrderId);
    int count = 0;
    for (Venue v : venues) {
      count += v == null ? 0 : 1;
    }
    w.writeInt(count);
    for (Venue v : venues) {
      if (v != null) {
        writeVenue(w, v);
      }
    }
  }

  /**
   * SHA-256 of the last order id and every book (orders in book order, call phase, market data):
   * the exchange's part of the state, for tests that compare it with a model.
   */
  public byte[] booksHash() {
    List<Venue> used = new ArrayList<>();
    for (Venue v : venues) {
      if (v != null) {
        used.add(v);
      }
    }
    return booksHash(lastOrderId, used);
  }

  /** The hash of {@link #booksHash()} for venues given in ascending key order. */
  static byte[] booksHash(long lastOrderId, List<Venue> venuesByKey) {
    CanonicalWriter w = new CanonicalWriter();
    w.writeLong(lastOrderId).writeInt(venuesByKey.size());
    for (Venue v : venuesByKey) {
      writeVenue(w, v);
    }
    return w.finish();
  }

  /**
   * The exchange of a snapshot, read back from {@link #writeCanonical}: each book gets its resting
   * orders again in id order, which is their arrival order, so every price level lists them in the
   * same time priority as before.
   */
  public static ExchangeState readCanonical(CanonicalReader r, Program program, OrderBooks books) {
    ExchangeState x = open(program, books);
    long tick = r.readLong();
    long lot = r.readLong();
    boolean stp = r.readBoolean();
    boolean perVintage = r.readBoolean();
    if (tick != x.settings.tickCents()
        || lot != x.settings.lotPermits()
        || stp != x.settings.selfTradePrevention()
        || perVintage != x.bookPerVintage) {
      throw new IllegalArgumentException(
          "snapshot: the exchange settings differ from the program's " + x.settings);
    }
    x.lastOrderId = r.readLong();
    int venues = r.readCount();
    for (int i = 0; i < venues; i++) {
      x.readVenue(r);
    }
    return x;
  }

  private void readVenue(CanonicalReader r) {
    int key = r.readInt();
    boolean call = r.readBoolean();
    MarketData data = MarketData.readCanonical(r);
    int count = r.readCount();
    long[][] orders = new long[count][];
    for (int i = 0; i < count; i++) {
      orders[i] =
          new long[] {
            r.readLong(),
            r.readLong(),
            r.readBoolean() ? 1 : 0,
            r.readLong(),
            r.readLong(),
            r.readInt()
          };
    }
    int index = bookPerVintage ? key - firstPeriod : 0;
    if (index < 0
        || (!bookPerVintage && key != -1)
        || index < venues.length && venues[index] != null) {
      throw new IllegalArgumentException("snapshot: a book with key " + key + " does not fit");
    }
    if (index >= venues.length) {
      venues = Arrays.copyOf(venues, Math.max(index + 1, venues.length * 2));
    }
    Venue v =
        new Venue(key, books.create(settings.lotPermits(), settings.selfTradePrevention()), data);
    v.callPhase = call;
    venues[index] = v;
    Arrays.sort(orders, (a, b) -> Long.compare(a[0], b[0]));
    for (long[] o : orders) {
      v.book.rest(o[0], o[1], o[2] == 1 ? Side.BUY : Side.SELL, o[3], o[4], (int) o[5]);
      if (o[2] == 1) {
        countBuy(o[1], o[4]);
      }
    }
  }

  static void writeVenue(CanonicalWriter w, Venue v) {
    w.writeInt(v.key).writeBoolean(v.callPhase);
    v.data.writeCanonical(w);
    w.writeInt(v.book.orderCount());
    v.book.forEachOrder(
        (id, account, side, price, remaining, vintage) ->
            w.writeLong(id)
                .writeLong(account)
                .writeBoolean(side == Side.BUY)
                .writeLong(price)
                .writeLong(remaining)
                .writeInt(vintage));
  }

  @Override
  public void checkInvariants(EngineState state) {
    Registry r = state.registry();
    LongLongMap cashHeld = new LongLongMap();
    LongLongMap permitsHeld = new LongLongMap();
    LongLongMap buyPermits = new LongLongMap();
    for (Venue v : venues) {
      if (v == null) {
        continue;
      }
      if (v.book instanceof ArrayOrderBook fast) {
        fast.checkConsistency();
      }
      v.book.forEachOrder(
          (id, account, side, price, remaining, vintage) -> {
            if (id > lastOrderId) {
              throw new AssertionError(
                  "resting order " + id + " above last order id " + lastOrderId);
            }
            if (!r.exists(account)) {
              throw new AssertionError("resting order " + id + " of unknown account " + account);
            }
            if (side == Side.BUY) {
              cashHeld.add(account, Math.multiplyExact(price, remaining));
              buyPermits.add(account, remaining);
            } else {
              permitsHeld.add(account, remaining);
            }
          });
    }
    for (long account : r.accountIds()) {
      if (openBuyPermits != null
          && openBuyPermits.get(account, 0L) != buyPermits.get(account, 0L)) {
        throw new AssertionError(
            "account "
                + account
                + " counts "
                + openBuyPermits.get(account, 0L)
                + " permits in buy orders for its holding limit, its resting orders "
                + buyPermits.get(account, 0L));
      }
      long cash = r.reservedCash(account, Hold.EXCHANGE);
      long permits = r.reservedPermits(account, Hold.EXCHANGE);
      long cashOrders = cashHeld.get(account, 0L);
      long permitOrders = permitsHeld.get(account, 0L);
      if (cash != cashOrders || permits != permitOrders) {
        throw new AssertionError(
            "account "
                + account
                + " reserves "
                + cash
                + " cents and "
                + permits
                + " permits on the exchange, its resting orders hold "
                + cashOrders
                + " cents and "
                + permitOrders
                + " permits");
      }
    }
  }

  @Override
  public void describe(SortedMap<String, Long> summary) {
    long orders = 0;
    long trades = 0;
    long volume = 0;
    for (Venue v : venues) {
      if (v != null) {
        orders += v.book.orderCount();
        trades += v.data.tradeCount();
        volume += v.data.volume();
      }
    }
    summary.put("openOrders", orders);
    summary.put("trades", trades);
    summary.put("tradedPermits", volume);
  }

  /** Market data and depth of the book trading {@code vintage}, for adapters and tests. */
  public BookView view(int vintage) {
    Venue v = existingVenue(vintage);
    return v == null ? null : new BookView(v);
  }

  /** The venue trading {@code vintage}, or null when it has not been used yet. */
  Venue existingVenue(int vintage) {
    int index = bookPerVintage ? vintage - firstPeriod : 0;
    return index >= 0 && index < venues.length ? venues[index] : null;
  }
}
