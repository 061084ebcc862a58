package org.computecap.engine.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.computecap.engine.Rejection;
import org.computecap.engine.command.CancelOrder;
import org.computecap.engine.command.ExchangeCommand;
import org.computecap.engine.command.OrderType;
import org.computecap.engine.command.PlaceOrder;
import org.computecap.engine.command.RunCallAuction;
import org.computecap.engine.command.Side;
import org.computecap.engine.command.StartCallAuction;
import org.computecap.engine.program.BookLayout;
import org.computecap.engine.program.Program;

/**
 * A naive model of the exchange for the randomized simulation (package {@code simulation}): the
 * rules of {@code docs/exchange.md} written again, independently of {@link ExchangeHandler}, over
 * {@link ReferenceOrderBook}s and a model ledger. The simulation predicts each exchange command's
 * outcome with it and compares {@link #booksHash()} with the engine's {@link
 * ExchangeState#booksHash()}: the fast books against the reference books.
 */
public final class ExchangeModel implements MatchListener {
  /** The simulation's model of balances, in the registry's terms. */
  public interface Ledger {
    boolean exists(long account);

    /** Whether the account may hold both permits and cash (a participant). */
    boolean trades(long account);

    long freeCash(long account);

    long freePermits(long account, int vintage);

    void reserveCash(long account, long cents);

    void releaseCash(long account, long cents);

    /** Reserved cash of {@code from} paid into the free cash of {@code to}. */
    void settleCash(long from, long to, long cents);

    /** Free cash of {@code from} paid into the free cash of {@code to}. */
    void payCash(long from, long to, long cents);

    void reservePermits(long account, int vintage, long quantity);

    void releasePermits(long account, int vintage, long quantity);

    /** Reserved permits of {@code from} delivered into the free permits of {@code to}. */
    void settlePermits(long from, long to, int vintage, long quantity);

    /** Free permits of {@code from} delivered into the free permits of {@code to}. */
    void movePermits(long from, long to, int vintage, long quantity);
  }

  private final Program.Exchange settings;
  private final TreeMap<Integer, ExchangeState.Venue> venues = new TreeMap<>();
  private long lastOrderId;
  private Ledger ledger;
  private ExchangeState.Venue active;
  private int period;
  private int oldestTradable;

  public ExchangeModel(Program.Exchange settings) {
    this.settings = settings;
  }

  /**
   * Applies the command to the model; returns the rejection expected, or null for OK.
   *
   * @param oldestTradable the oldest vintage still eligible for surrender (the first period with
   *     banking, the current one without)
   */
  public Rejection apply(
      ExchangeCommand command, int currentPeriod, int oldestTradable, Ledger ledger) {
    this.ledger = ledger;
    this.period = currentPeriod;
    this.oldestTradable = oldestTradable;
    if (command instanceof PlaceOrder c) {
      return place(c);
    } else if (command instanceof CancelOrder c) {
      return cancel(c);
    } else if (command instanceof StartCallAuction c) {
      if (c.vintage() < oldestTradable || c.vintage() > period) {
        return Rejection.VINTAGE_NOT_TRADABLE;
      }
      ExchangeState.Venue v = venues.get(key(c.vintage()));
      if (v != null && v.callPhase) {
        return Rejection.CALL_AUCTION_ALREADY_OPEN;
      }
      venue(c.vintage()).callPhase = true;
      return null;
    } else if (command instanceof RunCallAuction c) {
      if (c.vintage() < oldestTradable || c.vintage() > period) {
        return Rejection.VINTAGE_NOT_TRADABLE;
      }
      ExchangeState.Venue v = venues.get(key(c.vintage()));
      if (v == null || !v.callPhase) {
        return Rejection.NO_CALL_AUCTION_OPEN;
      }
      active = v;
      v.book.uncross(v.data.lastPriceCents(), this);
      v.callPhase = false;
      return null;
    }
    throw new AssertionError("unknown exchange command " + command);
  }

  private Rejection place(PlaceOrder c) {
    long a = c.accountId();
    if (!ledger.exists(a)) {
      return Rejection.UNKNOWN_ACCOUNT;
    } else if (!ledger.trades(a)) {
      return Rejection.ROLE_NOT_PERMITTED;
    } else if (c.vintage() < oldestTradable || c.vintage() > period) {
      return Rejection.VINTAGE_NOT_TRADABLE;
    } else if (c.priceCents() % settings.tickCents() != 0) {
      return Rejection.PRICE_NOT_ON_TICK;
    } else if (c.quantity() % settings.lotPermits() != 0) {
      return Rejection.QUANTITY_NOT_MULTIPLE_OF_LOT;
    }
    ExchangeState.Venue existing = venues.get(key(c.vintage()));
    boolean call = existing != null && existing.callPhase;
    if (call && c.type() != OrderType.LIMIT) {
      return Rejection.ORDER_TYPE_NOT_ALLOWED_IN_CALL_PHASE;
    }
    boolean buy = c.side() == Side.BUY;
    if (!buy && ledger.freePermits(a, c.vintage()) < c.quantity()) {
      return Rejection.INSUFFICIENT_PERMITS;
    }
    long cost = c.type() == OrderType.MARKET ? 1 : c.priceCents() * c.quantity();
    if (buy && ledger.freeCash(a) < cost) {
      return Rejection.INSUFFICIENT_CASH;
    }
    long id = ++lastOrderId;
    active = venue(c.vintage());
    long left = c.quantity();
    if (call) {
      active.book.rest(id, a, c.side(), c.priceCents(), left, c.vintage());
    } else {
      left =
          active.book.place(
              id,
              a,
              c.side(),
              c.type(),
              c.priceCents(),
              left,
              c.vintage(),
              buy ? ledger.freeCash(a) : 0,
              this);
    }
    if (left > 0 && c.type() == OrderType.LIMIT) {
      if (buy) {
        ledger.reserveCash(a, c.priceCents() * left);
      } else {
        ledger.reservePermits(a, c.vintage(), left);
      }
    }
    return null;
  }

  private Rejection cancel(CancelOrder c) {
    if (!ledger.exists(c.accountId())) {
      return Rejection.UNKNOWN_ACCOUNT;
    }
    for (ExchangeState.Venue v : venues.values()) {
      OrderBook book = v.book;
      if (!book.contains(c.orderId())) {
        continue;
      }
      if (book.account(c.orderId()) != c.accountId()) {
        return Rejection.ORDER_NOT_OWNED_BY_ACCOUNT;
      }
      Side side = book.side(c.orderId());
      long price = book.priceCents(c.orderId());
      int vintage = book.vintage(c.orderId());
      long left = book.cancel(c.orderId());
      release(c.accountId(), side, price, left, vintage);
      return null;
    }
    return Rejection.UNKNOWN_ORDER;
  }

  private void release(long account, Side side, long price, long quantity, int vintage) {
    if (side == Side.BUY) {
      ledger.releaseCash(account, price * quantity);
    } else {
      ledger.releasePermits(account, vintage, quantity);
    }
  }

  private int key(int vintage) {
    return settings.books() == BookLayout.PER_VINTAGE ? vintage : -1;
  }

  private ExchangeState.Venue venue(int vintage) {
    return venues.computeIfAbsent(
        key(vintage),
        k ->
            new ExchangeState.Venue(
                k, new ReferenceOrderBook(settings.lotPermits(), settings.selfTradePrevention())));
  }

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
    if (takerBuys) {
      ledger.payCash(takerAccount, makerAccount, priceCents * quantity);
      ledger.settlePermits(makerAccount, takerAccount, sellVintage, quantity);
    } else {
      ledger.settleCash(makerAccount, takerAccount, priceCents * quantity);
      ledger.movePermits(takerAccount, makerAccount, sellVintage, quantity);
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
    ledger.settleCash(buyAccount, sellAccount, priceCents * quantity);
    if (buyLimitCents > priceCents) {
      ledger.releaseCash(buyAccount, (buyLimitCents - priceCents) * quantity);
    }
    ledger.settlePermits(sellAccount, buyAccount, sellVintage, quantity);
    active.data.record(period, priceCents, quantity);
  }

  @Override
  public void selfTradeCancelled(
      long orderId, long account, Side side, long priceCents, long remaining, int vintage) {
    release(account, side, priceCents, remaining, vintage);
  }

  /**
   * A period close with banking off, as {@code docs/exchange.md} states it: every resting order
   * that would deliver a vintage up to {@code lastVintage} is cancelled and its reservation
   * released (with one book per vintage, every order of those books, whose call phases end).
   */
  public void closeVintagesUpTo(int lastVintage, Ledger ledger) {
    this.ledger = ledger;
    boolean perVintage = settings.books() == BookLayout.PER_VINTAGE;
    for (ExchangeState.Venue v : venues.values()) {
      if (perVintage && v.key > lastVintage) {
        continue;
      }
      List<long[]> doomed = new ArrayList<>();
      v.book.forEachOrder(
          (id, account, side, price, remaining, vintage) -> {
            if (perVintage || side == Side.SELL && vintage <= lastVintage) {
              doomed.add(new long[] {id, account});
            }
          });
      for (long[] o : doomed) {
        Side side = v.book.side(o[0]);
        long price = v.book.priceCents(o[0]);
        int vintage = v.book.vintage(o[0]);
        release(o[1], side, price, v.book.cancel(o[0]), vintage);
      }
      if (perVintage) {
        v.callPhase = false;
      }
    }
  }

  /** Resting order ids with their accounts, as {id, account} pairs, for the generator. */
  public List<long[]> restingOrders() {
    List<long[]> out = new ArrayList<>();
    for (ExchangeState.Venue v : venues.values()) {
      v.book.forEachOrder(
          (id, account, side, price, remaining, vintage) -> out.add(new long[] {id, account}));
    }
    return out;
  }

  public long lastOrderId() {
    return lastOrderId;
  }

  public boolean inCallPhase(int vintage) {
    ExchangeState.Venue v = venues.get(key(vintage));
    return v != null && v.callPhase;
  }

  /** The same hash as {@link ExchangeState#booksHash()} over the model's books. */
  public byte[] booksHash() {
    return ExchangeState.booksHash(lastOrderId, new ArrayList<>(venues.values()));
  }
}
