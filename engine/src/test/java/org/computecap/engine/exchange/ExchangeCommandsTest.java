package org.computecap.engine.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.computecap.engine.command.OrderType.IOC;
import static org.computecap.engine.command.OrderType.LIMIT;
import static org.computecap.engine.command.OrderType.MARKET;
import static org.computecap.engine.command.Side.BUY;
import static org.computecap.engine.command.Side.SELL;

import java.util.List;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.Engine;
import org.computecap.engine.Event;
import org.computecap.engine.Rejection;
import org.computecap.engine.Result;
import org.computecap.engine.TestPrograms;
import org.computecap.engine.command.CancelOrder;
import org.computecap.engine.command.ClosePeriod;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.IssuePermits;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.command.OrderType;
import org.computecap.engine.command.PlaceOrder;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.RunCallAuction;
import org.computecap.engine.command.Side;
import org.computecap.engine.command.StartCallAuction;
import org.computecap.engine.registry.Hold;
import org.computecap.engine.registry.Registry;
import org.junit.jupiter.api.Test;

/** The exchange commands through the engine: checks, delivery versus payment, events. */
class ExchangeCommandsTest {
  private static final int V = 2026;
  private Engine engine;
  private long tick = 1;

  private void open(String exchangeSection) {
    open(true, exchangeSection);
  }

  private void open(boolean banking, String exchangeSection) {
    engine = new Engine(TestPrograms.PARSER);
    String yaml = ExchangePrograms.yaml(V, 1_000_000, banking, exchangeSection);
    assertThat(engine.apply(0, new OpenMarket(yaml, 1)).isAccepted()).isTrue();
    for (long id = 1; id <= 3; id++) {
      ok(new OpenAccount(id, "p" + id, Role.PARTICIPANT));
      ok(new DepositCash(id, 100_000));
      ok(new IssuePermits(id, V, 50));
    }
    ok(new OpenAccount(9, "insurer", Role.INSURER));
    ok(new DepositCash(9, 100_000));
  }

  private void open() {
    open("");
  }

  private Result apply(Command c) {
    Result r = engine.apply(tick++, c);
    engine.checkInvariants();
    return r;
  }

  private List<Event> ok(Command c) {
    Result r = apply(c);
    assertThat(r.isAccepted()).as(c + " -> " + r).isTrue();
    return r.events();
  }

  private void rejected(Command c, Rejection expected) {
    String before = ledgerAndExchangeHash();
    Result r = apply(c);
    assertThat(r.rejection()).isEqualTo(expected);
    assertThat(r.events()).isEmpty();
    assertThat(ledgerAndExchangeHash()).isEqualTo(before);
  }

  /** The state hash without seq and tick, which every command moves on. */
  private String ledgerAndExchangeHash() {
    CanonicalWriter w = new CanonicalWriter();
    registry().writeCanonical(w);
    ExchangeState exchange = engine.state().featureOrNull(ExchangeState.class);
    w.writeBoolean(exchange != null);
    if (exchange != null) {
      exchange.writeCanonical(w);
    }
    return CanonicalWriter.hex(w.finish());
  }

  private Registry registry() {
    return engine.state().registry();
  }

  /**
   * An order of vintage V; {@code expectedId} is the id the engine will assign it (accepted orders
   * are numbered 1, 2, 3...), written for the reader; the events the tests check confirm it.
   */
  private static PlaceOrder order(
      long expectedId, long account, Side side, OrderType type, long price, long quantity) {
    return new PlaceOrder(account, side, type, price, quantity, V);
  }

  private BookView book() {
    return engine.state().featureOrNull(ExchangeState.class).view(V);
  }

  @Test
  void a_resting_buy_reserves_its_cash_and_a_resting_sell_its_permits() {
    open();
    assertThat(ok(order(1, 1, BUY, LIMIT, 100, 10)))
        .containsExactly(
            new OrderAccepted(1, 1, BUY, LIMIT, 100, 10, V), new OrderRested(1, 1, 10));
    ok(order(2, 2, SELL, LIMIT, 105, 4));
    assertThat(registry().freeCash(1)).isEqualTo(99_000);
    assertThat(registry().reservedCash(1, Hold.EXCHANGE)).isEqualTo(1_000);
    assertThat(registry().freePermits(2, V)).isEqualTo(46);
    assertThat(registry().reservedPermits(2, Hold.EXCHANGE)).isEqualTo(4);
    assertThat(book().bestBidCents()).isEqualTo(100);
    assertThat(book().bestAskCents()).isEqualTo(105);
  }

  @Test
  void a_crossing_buy_trades_at_the_resting_price_with_delivery_versus_payment() {
    open();
    ok(order(1, 2, SELL, LIMIT, 100, 4));
    ok(order(2, 3, SELL, LIMIT, 102, 4));
    List<Event> events = ok(order(3, 1, BUY, LIMIT, 103, 6));
    assertThat(events)
        .containsExactly(
            new OrderAccepted(3, 1, BUY, LIMIT, 103, 6, V),
            new TradeExecuted(3, 1, 1, 2, V, 100, 4),
            new TradeExecuted(3, 1, 2, 3, V, 102, 2));
    assertThat(registry().freeCash(1)).isEqualTo(100_000 - 400 - 204);
    assertThat(registry().freePermits(1, V)).isEqualTo(56);
    assertThat(registry().freeCash(2)).isEqualTo(100_400);
    assertThat(registry().freeCash(3)).isEqualTo(100_204);
    assertThat(registry().reservedPermits(3, Hold.EXCHANGE)).isEqualTo(2);
    assertThat(book().lastPriceCents()).isEqualTo(102);
    assertThat(book().vwapCents()).isEqualTo((400 + 204) / 6);
    assertThat(book().ohlc(V)).isEqualTo(new Ohlc(V, 100, 102, 100, 102, 6, 604 / 6));
  }

  @Test
  void a_crossing_sell_is_paid_from_the_resting_buyers_reservation() {
    open();
    ok(order(1, 1, BUY, LIMIT, 100, 5));
    assertThat(ok(order(2, 2, SELL, LIMIT, 90, 8)))
        .containsExactly(
            new OrderAccepted(2, 2, SELL, LIMIT, 90, 8, V),
            new TradeExecuted(1, 1, 2, 2, V, 100, 5),
            new OrderRested(2, 2, 3));
    assertThat(registry().reservedCash(1, Hold.EXCHANGE)).isZero();
    assertThat(registry().freeCash(2)).isEqualTo(100_500);
    assertThat(registry().freePermits(1, V)).isEqualTo(55);
    assertThat(registry().reservedPermits(2, Hold.EXCHANGE)).isEqualTo(3);
  }

  @Test
  void an_ioc_remainder_is_cancelled_instead_of_resting() {
    open();
    ok(order(1, 2, SELL, LIMIT, 100, 2));
    assertThat(ok(order(2, 1, BUY, IOC, 100, 5)))
        .endsWith(new OrderCancelled(2, 1, 3, CancelReason.UNFILLED_REMAINDER));
    assertThat(registry().reservedCash(1, Hold.EXCHANGE)).isZero();
    assertThat(book().openOrders()).isZero();
  }

  @Test
  void a_market_buy_spends_no_more_than_the_buyers_free_cash() {
    open();
    ok(new OpenAccount(4, "poor", Role.PARTICIPANT));
    ok(new DepositCash(4, 250));
    ok(order(1, 2, SELL, LIMIT, 100, 2));
    ok(order(2, 3, SELL, LIMIT, 120, 5));
    assertThat(ok(order(3, 4, BUY, MARKET, 0, 7)))
        .containsExactly(
            new OrderAccepted(3, 4, BUY, MARKET, 0, 7, V),
            new TradeExecuted(3, 4, 1, 2, V, 100, 2),
            new OrderCancelled(3, 4, 5, CancelReason.UNFILLED_REMAINDER));
    assertThat(registry().freeCash(4)).isEqualTo(50);
  }

  @Test
  void a_market_sell_walks_the_bids() {
    open();
    ok(order(1, 1, BUY, LIMIT, 100, 2));
    ok(order(2, 3, BUY, LIMIT, 90, 2));
    assertThat(ok(order(3, 2, SELL, MARKET, 0, 3)))
        .containsExactly(
            new OrderAccepted(3, 2, SELL, MARKET, 0, 3, V),
            new TradeExecuted(1, 1, 3, 2, V, 100, 2),
            new TradeExecuted(2, 3, 3, 2, V, 90, 1));
    assertThat(registry().freeCash(2)).isEqualTo(100_290);
  }

  @Test
  void self_trade_prevention_cancels_the_resting_order_and_releases_its_reservation() {
    open();
    ok(order(1, 1, SELL, LIMIT, 100, 3));
    ok(order(2, 2, SELL, LIMIT, 101, 3));
    assertThat(ok(order(3, 1, BUY, LIMIT, 101, 3)))
        .containsExactly(
            new OrderAccepted(3, 1, BUY, LIMIT, 101, 3, V),
            new OrderCancelled(1, 1, 3, CancelReason.SELF_TRADE_PREVENTION),
            new TradeExecuted(3, 1, 2, 2, V, 101, 3));
    assertThat(registry().reservedPermits(1, Hold.EXCHANGE)).isZero();
    assertThat(registry().freePermits(1, V)).isEqualTo(53);
  }

  @Test
  void an_account_may_trade_with_itself_when_the_program_turns_prevention_off() {
    open("  selfTradePrevention: false\n");
    ok(order(1, 1, SELL, LIMIT, 100, 3));
    assertThat(ok(order(2, 1, BUY, LIMIT, 100, 3)))
        .contains(new TradeExecuted(2, 1, 1, 1, V, 100, 3));
    assertThat(registry().freePermits(1, V)).isEqualTo(50);
    assertThat(registry().freeCash(1)).isEqualTo(100_000);
  }

  @Test
  void cancelling_releases_the_reservation_and_only_the_owner_may_cancel() {
    open();
    ok(order(1, 1, BUY, LIMIT, 100, 10));
    rejected(new CancelOrder(1, 2), Rejection.ORDER_NOT_OWNED_BY_ACCOUNT);
    rejected(new CancelOrder(7, 1), Rejection.UNKNOWN_ORDER);
    rejected(new CancelOrder(1, 42), Rejection.UNKNOWN_ACCOUNT);
    assertThat(ok(new CancelOrder(1, 1)))
        .containsExactly(new OrderCancelled(1, 1, 10, CancelReason.REQUESTED));
    assertThat(registry().reservedCash(1, Hold.EXCHANGE)).isZero();
    assertThat(registry().freeCash(1)).isEqualTo(100_000);
    rejected(new CancelOrder(1, 1), Rejection.UNKNOWN_ORDER);
  }

  @Test
  void orders_off_the_tick_or_lot_are_rejected_and_use_up_no_order_id() {
    open("  tickCents: 5\n  lotPermits: 2\n");
    rejected(order(1, 1, BUY, LIMIT, 102, 2), Rejection.PRICE_NOT_ON_TICK);
    rejected(order(1, 1, BUY, LIMIT, 100, 3), Rejection.QUANTITY_NOT_MULTIPLE_OF_LOT);
    assertThat(ok(order(1, 1, BUY, LIMIT, 100, 2)).get(0))
        .isEqualTo(new OrderAccepted(1, 1, BUY, LIMIT, 100, 2, V));
    assertThat(ok(order(2, 2, BUY, LIMIT, 100, 2)).get(0))
        .isEqualTo(new OrderAccepted(2, 2, BUY, LIMIT, 100, 2, V));
    assertThat(engine.state().exchange().lastOrderId()).isEqualTo(2);
  }

  @Test
  void orders_beyond_the_balances_or_from_the_wrong_account_are_rejected() {
    open();
    rejected(order(1, 1, BUY, LIMIT, 10_001, 10), Rejection.INSUFFICIENT_CASH);
    rejected(order(1, 1, SELL, LIMIT, 100, 51), Rejection.INSUFFICIENT_PERMITS);
    rejected(order(1, 42, BUY, LIMIT, 100, 1), Rejection.UNKNOWN_ACCOUNT);
    rejected(order(1, 9, BUY, LIMIT, 100, 1), Rejection.ROLE_NOT_PERMITTED);
    rejected(new PlaceOrder(1, BUY, LIMIT, 100, 1, V + 1), Rejection.VINTAGE_NOT_TRADABLE);
    rejected(new PlaceOrder(1, BUY, LIMIT, 100, 1, V - 1), Rejection.VINTAGE_NOT_TRADABLE);
    ok(new OpenAccount(4, "broke", Role.PARTICIPANT));
    rejected(order(1, 4, BUY, MARKET, 0, 1), Rejection.INSUFFICIENT_CASH);
    ok(order(1, 1, BUY, LIMIT, 10_000, 10));
    rejected(order(2, 1, BUY, LIMIT, 1, 1), Rejection.INSUFFICIENT_CASH);
  }

  @Test
  void a_rejected_first_exchange_command_leaves_the_exchange_as_it_opened() {
    open();
    byte[] opened = engine.state().exchange().booksHash();
    rejected(order(1, 1, BUY, LIMIT, 100_000, 10), Rejection.INSUFFICIENT_CASH);
    rejected(new RunCallAuction(V), Rejection.NO_CALL_AUCTION_OPEN);
    assertThat(engine.state().exchange().booksHash()).isEqualTo(opened);
    assertThat(engine.state().exchange().lastOrderId()).isZero();
    assertThat(book()).isNull();
  }

  @Test
  void a_call_auction_trades_all_crossing_orders_at_one_price_and_refunds_the_difference() {
    open();
    assertThat(ok(new StartCallAuction(V))).containsExactly(new CallAuctionStarted(V));
    rejected(new StartCallAuction(V), Rejection.CALL_AUCTION_ALREADY_OPEN);
    rejected(order(1, 1, BUY, IOC, 100, 1), Rejection.ORDER_TYPE_NOT_ALLOWED_IN_CALL_PHASE);
    rejected(order(1, 1, BUY, MARKET, 0, 1), Rejection.ORDER_TYPE_NOT_ALLOWED_IN_CALL_PHASE);
    ok(order(1, 1, BUY, LIMIT, 105, 5));
    ok(order(2, 3, BUY, LIMIT, 103, 5));
    ok(order(3, 2, SELL, LIMIT, 101, 4));
    assertThat(ok(order(4, 2, SELL, LIMIT, 104, 6)))
        .containsExactly(new OrderAccepted(4, 2, SELL, LIMIT, 104, 6, V), new OrderRested(4, 2, 6));
    assertThat(book().inCallPhase()).isTrue();
    assertThat(ok(new RunCallAuction(V)))
        .containsExactly(
            new TradeExecuted(1, 1, 3, 2, V, 104, 4),
            new TradeExecuted(1, 1, 4, 2, V, 104, 1),
            new CallAuctionRan(V, 104, 5));
    assertThat(registry().freeCash(1)).isEqualTo(100_000 - 5 * 104);
    assertThat(registry().reservedCash(1, Hold.EXCHANGE)).isZero();
    assertThat(book().inCallPhase()).isFalse();
    rejected(new RunCallAuction(V), Rejection.NO_CALL_AUCTION_OPEN);
    assertThat(book().depth(BUY, 5)).containsExactly(new BookView.Level(103, 5));
    assertThat(book().depth(SELL, 5)).containsExactly(new BookView.Level(104, 5));
  }

  @Test
  void a_call_auction_on_a_book_that_does_not_cross_trades_nothing() {
    open();
    ok(new StartCallAuction(V));
    ok(order(1, 1, BUY, LIMIT, 99, 5));
    ok(order(2, 2, SELL, LIMIT, 100, 5));
    assertThat(ok(new RunCallAuction(V))).containsExactly(new CallAuctionRan(V, 0, 0));
    assertThat(book().openOrders()).isEqualTo(2);
  }

  @Test
  void with_one_book_for_all_vintages_the_buyer_receives_the_sellers_vintage() {
    open("  books: SINGLE\n");
    ok(new PlaceOrder(2, SELL, LIMIT, 100, 3, V));
    ok(new PlaceOrder(1, BUY, LIMIT, 100, 3, V));
    assertThat(registry().freePermits(1, V)).isEqualTo(53);
    assertThat(engine.state().featureOrNull(ExchangeState.class).view(V).tradeCount()).isEqualTo(1);
  }

  @Test
  void without_banking_only_the_current_vintage_trades() {
    open(false, "");
    ok(new PlaceOrder(1, SELL, LIMIT, 100, 5, V));
    ok(new ClosePeriod(V));
    rejected(new PlaceOrder(1, SELL, LIMIT, 100, 5, V), Rejection.VINTAGE_NOT_TRADABLE);
    rejected(new StartCallAuction(V), Rejection.VINTAGE_NOT_TRADABLE);
  }

  @Test
  void closing_a_period_without_banking_cancels_its_vintage_orders_and_releases_them() {
    open(false, "");
    ok(order(1, 1, SELL, LIMIT, 100, 5));
    ok(order(2, 2, BUY, LIMIT, 90, 5));
    ok(new StartCallAuction(V));
    List<Event> events = ok(new ClosePeriod(V));
    assertThat(events)
        .filteredOn(e -> e instanceof OrderCancelled)
        .containsExactly(
            new OrderCancelled(2, 2, 5, CancelReason.VINTAGE_CLOSED),
            new OrderCancelled(1, 1, 5, CancelReason.VINTAGE_CLOSED));
    assertThat(registry().reservedPermits(1, Hold.EXCHANGE)).isZero();
    assertThat(registry().reservedCash(2, Hold.EXCHANGE)).isZero();
    assertThat(book().openOrders()).isZero();
    assertThat(book().inCallPhase()).isFalse();
    ok(new IssuePermits(1, V + 1, 10));
    ok(new PlaceOrder(1, SELL, LIMIT, 100, 4, V + 1));
    assertThat(registry().reservedPermits(1, Hold.EXCHANGE)).isEqualTo(4);
  }

  @Test
  void closing_a_period_without_banking_in_a_single_book_cancels_only_its_sell_orders() {
    open(false, "  books: SINGLE\n");
    ok(order(1, 1, SELL, LIMIT, 100, 5));
    ok(order(2, 2, BUY, LIMIT, 90, 5));
    List<Event> events = ok(new ClosePeriod(V));
    assertThat(events)
        .filteredOn(e -> e instanceof OrderCancelled)
        .containsExactly(new OrderCancelled(1, 1, 5, CancelReason.VINTAGE_CLOSED));
    assertThat(book().openOrders()).isEqualTo(1);
    assertThat(book().bestBidCents()).isEqualTo(90);
    assertThat(book().bestAskCents()).isZero();
  }

  @Test
  void closing_a_period_with_banking_leaves_the_books_alone() {
    open();
    ok(order(1, 1, SELL, LIMIT, 100, 5));
    assertThat(ok(new ClosePeriod(V))).noneMatch(e -> e instanceof OrderCancelled);
    assertThat(book().openOrders()).isEqualTo(1);
  }

  @Test
  void the_summary_counts_open_orders_and_trades() {
    open();
    ok(order(1, 1, BUY, LIMIT, 100, 3));
    ok(order(2, 2, SELL, LIMIT, 100, 1));
    assertThat(engine.state().summary())
        .containsEntry("openOrders", 1L)
        .containsEntry("trades", 1L)
        .containsEntry("tradedPermits", 1L);
  }
}
