package org.computecap.engine.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.computecap.engine.command.OrderType.IOC;
import static org.computecap.engine.command.OrderType.LIMIT;
import static org.computecap.engine.command.OrderType.MARKET;
import static org.computecap.engine.command.Side.BUY;
import static org.computecap.engine.command.Side.SELL;

import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.computecap.engine.command.Side;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Matching rules, checked on both the fast book and the naive reference book. */
class OrderBookTest {
  private static final long NO_BUDGET = Long.MAX_VALUE;

  static Stream<Arguments> books() {
    BiFunction<Long, Boolean, OrderBook> fast = (lot, stp) -> new ArrayOrderBook(lot, stp, 4);
    BiFunction<Long, Boolean, OrderBook> reference = ReferenceOrderBook::new;
    return Stream.of(Arguments.of("fast", fast), Arguments.of("reference", reference));
  }

  private final RecordingListener listener = new RecordingListener();

  private long limit(OrderBook book, long id, long account, Side side, long price, long qty) {
    return book.place(id, account, side, LIMIT, price, qty, 7, NO_BUDGET, listener);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("books")
  void a_limit_order_rests_when_nothing_crosses(
      String name, BiFunction<Long, Boolean, OrderBook> books) {
    OrderBook book = books.apply(1L, true);
    assertThat(limit(book, 1, 10, BUY, 100, 5)).isEqualTo(5);
    assertThat(limit(book, 2, 11, SELL, 101, 3)).isEqualTo(3);
    assertThat(book.bestBidCents()).isEqualTo(100);
    assertThat(book.bestAskCents()).isEqualTo(101);
    assertThat(book.orderCount()).isEqualTo(2);
    assertThat(listener.calls).isEmpty();
    assertThat(book.restingBuyCents()).isEqualTo(500);
    assertThat(book.restingSellQuantity()).isEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("books")
  void orders_at_one_price_fill_in_time_order_at_the_resting_price(
      String name, BiFunction<Long, Boolean, OrderBook> books) {
    OrderBook book = books.apply(1L, true);
    limit(book, 1, 10, SELL, 100, 2);
    limit(book, 2, 11, SELL, 100, 2);
    limit(book, 3, 12, SELL, 99, 1);
    assertThat(limit(book, 4, 13, BUY, 105, 4)).isZero();
    assertThat(listener.calls)
        .containsExactly(
            "trade maker=3/12 taker=4/13 buys v7 1@99",
            "trade maker=1/10 taker=4/13 buys v7 2@100",
            "trade maker=2/11 taker=4/13 buys v7 1@100");
    assertThat(book.remaining(2)).isEqualTo(1);
    assertThat(book.contains(1)).isFalse();
    assertThat(book.levelCount(SELL)).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("books")
  void a_limit_remainder_rests_at_its_own_price_after_a_partial_fill(
      String name, BiFunction<Long, Boolean, OrderBook> books) {
    OrderBook book = books.apply(1L, true);
    limit(book, 1, 10, BUY, 100, 2);
    assertThat(book.place(2, 11, SELL, LIMIT, 98, 5, 3, NO_BUDGET, listener)).isEqualTo(3);
    assertThat(listener.calls).containsExactly("trade maker=1/10 taker=2/11 sells v3 2@100");
    assertThat(book.bestAskCents()).isEqualTo(98);
    assertThat(book.bestBidCents()).isEqualTo(OrderBook.NO_PRICE);
    assertThat(book.vintage(2)).isEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("books")
  void an_ioc_remainder_is_dropped_not_rested(
      String name, BiFunction<Long, Boolean, OrderBook> books) {
    OrderBook book = books.apply(1L, true);
    limit(book, 1, 10, SELL, 100, 2);
    limit(book, 2, 10, SELL, 103, 2);
    assertThat(book.place(3, 11, BUY, IOC, 101, 5, 0, NO_BUDGET, listener)).isEqualTo(3);
    assertThat(book.contains(3)).isFalse();
    assertThat(book.bestAskCents()).isEqualTo(103);
    assertThat(book.bestBidCents()).isEqualTo(OrderBook.NO_PRICE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("books")
  void a_market_sell_walks_the_bids_until_filled(
      String name, BiFunction<Long, Boolean, OrderBook> books) {
    OrderBook book = books.apply(1L, true);
    limit(book, 1, 10, BUY, 100, 2);
    limit(book, 2, 10, BUY, 90, 2);
    assertThat(book.place(3, 11, SELL, MARKET, 0, 3, 5, 0, listener)).isZero();
    assertThat(listener.calls)
        .containsExactly(
            "trade maker=1/10 taker=3/11 sells v5 2@100",
            "trade maker=2/10 taker=3/11 sells v5 1@90");
    assertThat(book.restingBuyCents()).isEqualTo(90);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("books")
  void a_market_buy_stops_at_the_last_whole_lot_its_cash_budget_affords(
      String name, BiFunction<Long, Boolean, OrderBook> books) {
    OrderBook book = books.apply(2L, true);
    limit(book, 1, 10, SELL, 100, 2);
    limit(book, 2, 10, SELL, 110, 10);
    // 200 buys the first lot at 100; 450 left buys 4 at 110 (two lots), not 4.09.
    assertThat(book.place(3, 11, BUY, MARKET, 0, 20, 0, 650, listener)).isEqualTo(14);
    assertThat(listener.calls)
        .containsExactly(
            "trade maker=1/10 taker=3/11 buys v7 2@100",
            "trade maker=2/10 taker=3/11 buys v7 4@110");
    assertThat(book.remaining(2)).isEqualTo(6);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("books")
  void a_market_order_on_an_empty_book_fills_nothing(
      String name, BiFunction<Long, Boolean, OrderBook> books) {
    OrderBook book = books.apply(1L, true);
    assertThat(book.place(1, 11, BUY, MARKET, 0, 5, 0, 1_000, listener)).isEqualTo(5);
    assertThat(book.orderCount()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("books")
  void self_trade_prevention_cancels_the_resting_order_and_keeps_matching(
      String name, BiFunction<Long, Boolean, OrderBook> books) {
    OrderBook book = books.apply(1L, true);
    limit(book, 1, 11, SELL, 100, 2);
    limit(book, 2, 10, SELL, 100, 2);
    assertThat(limit(book, 3, 11, BUY, 100, 3)).isEqualTo(1);
    assertThat(listener.calls)
        .containsExactly("stp 1/11 SELL 2@100 v7", "trade maker=2/10 taker=3/11 buys v7 2@100");
    assertThat(book.bestBidCents()).isEqualTo(100);
    assertThat(book.restingSellQuantity()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("books")
  void an_account_trades_with_itself_when_prevention_is_off(
      String name, BiFunction<Long, Boolean, OrderBook> books) {
    OrderBook book = books.apply(1L, false);
    limit(book, 1, 11, SELL, 100, 2);
    assertThat(limit(book, 2, 11, BUY, 100, 2)).isZero();
    assertThat(listener.calls).containsExactly("trade maker=1/11 taker=2/11 buys v7 2@100");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("books")
  void cancel_removes_the_order_and_its_emptied_level(
      String name, BiFunction<Long, Boolean, OrderBook> books) {
    OrderBook book = books.apply(1L, true);
    limit(book, 1, 10, BUY, 100, 2);
    limit(book, 2, 10, BUY, 99, 3);
    limit(book, 3, 10, BUY, 98, 4);
    assertThat(book.cancel(2)).isEqualTo(3);
    assertThat(book.cancel(2)).isZero();
    assertThat(book.cancel(42)).isZero();
    assertThat(book.levelCount(BUY)).isEqualTo(2);
    assertThat(book.restingBuyCents()).isEqualTo(200 + 392);
    long[] prices = new long[5];
    long[] quantities = new long[5];
    assertThat(book.depth(BUY, 5, prices, quantities)).isEqualTo(2);
    assertThat(prices).startsWith(100, 98);
    assertThat(quantities).startsWith(2, 4);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("books")
  void depth_lists_the_best_levels_first_with_summed_quantities(
      String name, BiFunction<Long, Boolean, OrderBook> books) {
    OrderBook book = books.apply(1L, true);
    limit(book, 1, 10, SELL, 102, 2);
    limit(book, 2, 11, SELL, 101, 3);
    limit(book, 3, 12, SELL, 102, 4);
    limit(book, 4, 12, SELL, 105, 1);
    long[] prices = new long[2];
    long[] quantities = new long[2];
    assertThat(book.depth(SELL, 3, prices, quantities)).isEqualTo(2);
    assertThat(prices).containsExactly(101, 102);
    assertThat(quantities).containsExactly(3, 6);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("books")
  void a_repeated_or_older_order_id_is_refused(
      String name, BiFunction<Long, Boolean, OrderBook> books) {
    OrderBook book = books.apply(1L, true);
    limit(book, 5, 10, BUY, 100, 2);
    assertThatThrownBy(() -> limit(book, 5, 10, BUY, 99, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("order ids must increase");
    assertThatThrownBy(() -> limit(book, 4, 10, BUY, 99, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4 <= 5");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("books")
  void the_auction_picks_the_price_that_maximises_volume(
      String name, BiFunction<Long, Boolean, OrderBook> books) {
    OrderBook book = books.apply(1L, true);
    book.rest(1, 10, BUY, 105, 5, 0);
    book.rest(2, 11, BUY, 103, 5, 0);
    book.rest(3, 12, SELL, 101, 4, 2);
    book.rest(4, 13, SELL, 104, 6, 2);
    // At 103: demand 10, supply 4; at 104: demand 5, supply 10; at 101: 10 vs 4.
    // Volumes: 101 -> 4, 103 -> 4, 104 -> 5, 105 -> 5; 104 and 105 tie on volume 5,
    // imbalance 5 at both, so the lower price wins without a reference.
    assertThat(book.uncross(OrderBook.NO_PRICE, listener)).isEqualTo(5);
    assertThat(book.lastUncrossPriceCents()).isEqualTo(104);
    assertThat(listener.calls)
        .containsExactly(
            "auction buy=1/10 limit 105 sell=3/12 v2 4@104",
            "auction buy=1/10 limit 105 sell=4/13 v2 1@104");
    assertThat(book.bestBidCents()).isEqualTo(103);
    assertThat(book.bestAskCents()).isEqualTo(104);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("books")
  void the_auction_breaks_volume_ties_by_the_smallest_imbalance(
      String name, BiFunction<Long, Boolean, OrderBook> books) {
    OrderBook book = books.apply(1L, true);
    book.rest(1, 10, BUY, 102, 3, 0);
    book.rest(2, 10, BUY, 100, 4, 0);
    book.rest(3, 11, SELL, 100, 3, 0);
    // 100: demand 7, supply 3 -> volume 3, imbalance 4; 102: demand 3, supply 3 -> 0.
    assertThat(book.uncross(OrderBook.NO_PRICE, listener)).isEqualTo(3);
    assertThat(book.lastUncrossPriceCents()).isEqualTo(102);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("books")
  void the_auction_breaks_remaining_ties_by_closeness_to_the_last_price(
      String name, BiFunction<Long, Boolean, OrderBook> books) {
    OrderBook book = books.apply(1L, true);
    book.rest(1, 10, BUY, 110, 3, 0);
    book.rest(2, 11, SELL, 100, 3, 0);
    // Every price in [100, 110] on the book (100 and 110) gives volume 3, imbalance 0.
    assertThat(book.uncross(108, listener)).isEqualTo(3);
    assertThat(book.lastUncrossPriceCents()).isEqualTo(110);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("books")
  void the_auction_on_an_uncrossed_book_executes_nothing(
      String name, BiFunction<Long, Boolean, OrderBook> books) {
    OrderBook book = books.apply(1L, true);
    book.rest(1, 10, BUY, 99, 3, 0);
    book.rest(2, 11, SELL, 100, 3, 0);
    assertThat(book.uncross(100, listener)).isZero();
    assertThat(book.lastUncrossPriceCents()).isEqualTo(OrderBook.NO_PRICE);
    assertThat(book.orderCount()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("books")
  void the_auction_cancels_the_newer_of_two_orders_from_one_account(
      String name, BiFunction<Long, Boolean, OrderBook> books) {
    OrderBook book = books.apply(1L, true);
    book.rest(1, 10, SELL, 100, 3, 4);
    book.rest(2, 11, SELL, 100, 3, 4);
    book.rest(3, 10, BUY, 100, 3, 0);
    assertThat(book.uncross(OrderBook.NO_PRICE, listener)).isZero();
    assertThat(book.lastUncrossPriceCents()).isEqualTo(100);
    assertThat(listener.calls).containsExactly("stp 3/10 BUY 3@100 v0");
    assertThat(book.orderCount()).isEqualTo(2);
    // The volume is executed only when another buyer comes.
    listener.calls.clear();
    book.rest(4, 12, BUY, 100, 3, 0);
    assertThat(book.uncross(OrderBook.NO_PRICE, listener)).isEqualTo(3);
    assertThat(listener.calls).containsExactly("auction buy=4/12 limit 100 sell=1/10 v4 3@100");
  }
}
