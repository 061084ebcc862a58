package org.computecap.engine.exchange;

import java.util.ArrayList;
import java.util.List;
import org.computecap.engine.EngineState;
import org.computecap.engine.Event;
import org.computecap.engine.Rejection;
import org.computecap.engine.Result;
import org.computecap.engine.WriteAccess;
import org.computecap.engine.command.CancelOrder;
import org.computecap.engine.command.ExchangeCommand;
import org.computecap.engine.command.OrderType;
import org.computecap.engine.command.PlaceOrder;
import org.computecap.engine.command.RunCallAuction;
import org.computecap.engine.command.Side;
import org.computecap.engine.command.StartCallAuction;
import org.computecap.engine.program.AccountRule;
import org.computecap.engine.program.Program;
import org.computecap.engine.registry.HoldingLimitRule;
import org.computecap.engine.registry.Registry;

/**
 * Applies the exchange commands (§6). Each handler checks, in this order of precedence: the account
 * exists and may hold both permits and cash (a trade gives it one or the other); the vintage trades
 * (from the oldest vintage still eligible for surrender up to the current period); the price is on
 * the tick and the quantity a whole number of lots; the order type is allowed in the book's phase;
 * and the free balance covers the order (a sell its permits, a limit or IOC buy price · quantity in
 * cash, a market buy any cash at all, its budget being all the free cash). Only then does it assign
 * the order its id (the last id plus one) and match, and every fill settles through the registry
 * with balances those checks guaranteed, so nothing after the first mutation can fail.
 */
public final class ExchangeHandler {
  private ExchangeHandler() {}

  public static Result apply(WriteAccess access, ExchangeCommand command) {
    EngineState state = access.state();
    ExchangeState exchange = state.exchange();
    if (command instanceof PlaceOrder c) {
      return place(access, exchange, c);
    }
    if (command instanceof CancelOrder c) {
      return cancel(access, exchange, c);
    }
    if (command instanceof StartCallAuction c) {
      return startCall(state, exchange, c);
    }
    if (command instanceof RunCallAuction c) {
      return runCall(access, exchange, c);
    }
    throw new AssertionError("no exchange handler for " + command.getClass().getName());
  }

  private static Result place(WriteAccess access, ExchangeState exchange, PlaceOrder c) {
    EngineState state = access.state();
    Registry r = state.registry();
    Rejection broken = checkAccount(r, c.accountId());
    if (broken == null) {
      broken = AccountRule.maySend(state, c.accountId());
    }
    if (broken == null) {
      broken = checkVintage(state, c.vintage());
    }
    if (broken != null) {
      return Result.rejected(broken);
    }
    Program.Exchange settings = exchange.settings();
    if (c.priceCents() % settings.tickCents() != 0) {
      return Result.rejected(Rejection.PRICE_NOT_ON_TICK);
    }
    if (c.quantity() % settings.lotPermits() != 0) {
      return Result.rejected(Rejection.QUANTITY_NOT_MULTIPLE_OF_LOT);
    }
    ExchangeState.Venue existing = exchange.existingVenue(c.vintage());
    if (existing != null && existing.callPhase && c.type() != OrderType.LIMIT) {
      return Result.rejected(Rejection.ORDER_TYPE_NOT_ALLOWED_IN_CALL_PHASE);
    }
    long budget = 0;
    if (c.side() == Side.SELL) {
      if (r.freePermits(c.accountId(), c.vintage()) < c.quantity()) {
        return Result.rejected(Rejection.INSUFFICIENT_PERMITS);
      }
    } else {
      budget = r.freeCash(c.accountId());
      long needed = c.type() == OrderType.MARKET ? 1 : c.priceCents() * c.quantity();
      if (budget < needed) {
        return Result.rejected(Rejection.INSUFFICIENT_CASH);
      }
      // Issue 15: the worst case, as if the whole order filled, within the holding limit.
      Rejection limit = HoldingLimitRule.mayAcquire(state, c.accountId(), c.quantity());
      if (limit != null) {
        return Result.rejected(limit);
      }
    }
    ExchangeState.Venue venue = exchange.venue(c.vintage());
    List<Event> events = new ArrayList<>(4);
    long orderId = exchange.assignOrderId();
    events.add(
        new OrderAccepted(
            orderId, c.accountId(), c.side(), c.type(), c.priceCents(), c.quantity(), c.vintage()));
    exchange.begin(access.ledger(), events, venue, state.currentPeriod());
    long left;
    if (venue.callPhase) {
      venue.book.rest(orderId, c.accountId(), c.side(), c.priceCents(), c.quantity(), c.vintage());
      left = c.quantity();
    } else {
      left =
          venue.book.place(
              orderId,
              c.accountId(),
              c.side(),
              c.type(),
              c.priceCents(),
              c.quantity(),
              c.vintage(),
              budget,
              exchange.listener());
    }
    if (left > 0) {
      if (c.type() == OrderType.LIMIT) {
        exchange.reserve(c.accountId(), c.side(), c.priceCents(), left, c.vintage());
        events.add(new OrderRested(orderId, c.accountId(), left));
      } else {
        events.add(
            new OrderCancelled(orderId, c.accountId(), left, CancelReason.UNFILLED_REMAINDER));
      }
    }
    exchange.end();
    return Result.accepted(events);
  }

  private static Result cancel(WriteAccess access, ExchangeState exchange, CancelOrder c) {
    EngineState state = access.state();
    Registry r = state.registry();
    if (!r.exists(c.accountId())) {
      return Result.rejected(Rejection.UNKNOWN_ACCOUNT);
    }
    ExchangeState.Venue venue = exchange.venueOfOrder(c.orderId());
    if (venue == null) {
      return Result.rejected(Rejection.UNKNOWN_ORDER);
    }
    OrderBook book = venue.book;
    if (book.account(c.orderId()) != c.accountId()) {
      return Result.rejected(Rejection.ORDER_NOT_OWNED_BY_ACCOUNT);
    }
    Side side = book.side(c.orderId());
    long price = book.priceCents(c.orderId());
    int vintage = book.vintage(c.orderId());
    List<Event> events = new ArrayList<>(1);
    exchange.begin(access.ledger(), events, venue, state.currentPeriod());
    long left = book.cancel(c.orderId());
    exchange.release(c.accountId(), side, price, left, vintage);
    events.add(new OrderCancelled(c.orderId(), c.accountId(), left, CancelReason.REQUESTED));
    exchange.end();
    return Result.accepted(events);
  }

  private static Result startCall(EngineState state, ExchangeState exchange, StartCallAuction c) {
    Rejection broken = checkVintage(state, c.vintage());
    if (broken != null) {
      return Result.rejected(broken);
    }
    ExchangeState.Venue existing = exchange.existingVenue(c.vintage());
    if (existing != null && existing.callPhase) {
      return Result.rejected(Rejection.CALL_AUCTION_ALREADY_OPEN);
    }
    exchange.venue(c.vintage()).callPhase = true;
    return Result.accepted(new CallAuctionStarted(c.vintage()));
  }

  private static Result runCall(WriteAccess access, ExchangeState exchange, RunCallAuction c) {
    EngineState state = access.state();
    Rejection broken = checkVintage(state, c.vintage());
    if (broken != null) {
      return Result.rejected(broken);
    }
    ExchangeState.Venue venue = exchange.existingVenue(c.vintage());
    if (venue == null || !venue.callPhase) {
      return Result.rejected(Rejection.NO_CALL_AUCTION_OPEN);
    }
    List<Event> events = new ArrayList<>();
    exchange.begin(access.ledger(), events, venue, state.currentPeriod());
    long volume = venue.book.uncross(venue.data.lastPriceCents(), exchange.listener());
    long price = volume > 0 ? venue.book.lastUncrossPriceCents() : 0;
    venue.callPhase = false;
    events.add(new CallAuctionRan(c.vintage(), price, volume));
    exchange.end();
    return Result.accepted(events);
  }

  private static Rejection checkAccount(Registry r, long accountId) {
    if (!r.exists(accountId)) {
      return Rejection.UNKNOWN_ACCOUNT;
    }
    if (!r.canHoldPermits(accountId) || !r.canHoldCash(accountId)) {
      return Rejection.ROLE_NOT_PERMITTED;
    }
    return null;
  }

  /**
   * Vintages trade from the oldest one still eligible for surrender (the first period with banking,
   * the current one without) up to the current period.
   */
  private static Rejection checkVintage(EngineState state, int vintage) {
    int current = state.currentPeriod();
    if (vintage < state.oldestEligibleVintage(current) || vintage > current) {
      return Rejection.VINTAGE_NOT_TRADABLE;
    }
    return null;
  }
}
