package org.computecap.engine.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.computecap.engine.command.OrderType;
import org.computecap.engine.command.Side;

/**
 * Laws of the fast book over random flows: continuous trading never leaves the book crossed, every
 * unit of an order is either filled or reported left, a market buy never spends more than its
 * budget and fills whole lots, and a call auction leaves the book uncrossed.
 */
class OrderBookProperties {

  /** Sums what the book reports for one incoming order. */
  private static final class Tally implements MatchListener {
    long filled;
    long spentCents;
    boolean wholeLots = true;
    long lot;

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
      filled += quantity;
      spentCents += priceCents * quantity;
      wholeLots &= quantity % lot == 0;
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
      if (priceCents > buyLimitCents) {
        throw new AssertionError("auction price above the buyer's limit");
      }
      filled += quantity;
    }

    @Override
    public void selfTradeCancelled(
        long orderId, long account, Side side, long priceCents, long remaining, int vintage) {}
  }

  @Property(tries = 200)
  void continuous_trading_keeps_the_book_uncrossed_and_accounts_for_every_unit(@ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long lot = 1 + random.nextInt(3);
    ArrayOrderBook book = new ArrayOrderBook(lot, random.nextBoolean(), 8);
    for (long id = 1; id <= 300; id++) {
      Tally tally = new Tally();
      tally.lot = lot;
      Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
      OrderType type = OrderType.values()[random.nextInt(3)];
      long quantity = lot * (1 + random.nextInt(10));
      long budget = random.nextInt(5_000);
      long left =
          book.place(
              id,
              1 + random.nextInt(4),
              side,
              type,
              90 + random.nextInt(21),
              quantity,
              0,
              budget,
              tally);
      assertThat(tally.filled + left).isEqualTo(quantity);
      if (type == OrderType.MARKET && side == Side.BUY) {
        assertThat(tally.spentCents).isLessThanOrEqualTo(budget);
        assertThat(tally.wholeLots).isTrue();
      }
      if (random.nextInt(4) == 0) {
        book.cancel(1 + random.nextInt((int) id));
      }
      assertUncrossed(book);
    }
    book.checkConsistency();
  }

  @Property(tries = 200)
  void a_call_auction_without_self_trade_prevention_leaves_the_book_uncrossed(@ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    ArrayOrderBook book = new ArrayOrderBook(1, false, 8);
    long resting = 0;
    for (long id = 1; id <= 1 + random.nextInt(60); id++) {
      long quantity = 1 + random.nextInt(10);
      book.rest(
          id,
          id,
          random.nextBoolean() ? Side.BUY : Side.SELL,
          90 + random.nextInt(21),
          quantity,
          0);
      resting += quantity;
    }
    Tally tally = new Tally();
    long reference = random.nextBoolean() ? OrderBook.NO_PRICE : 90 + random.nextInt(21);
    long volume = book.uncross(reference, tally);
    assertThat(tally.filled).isEqualTo(volume);
    assertUncrossed(book);
    assertThat(resting - 2 * volume).isEqualTo(remainingQuantity(book));
    book.checkConsistency();
  }

  private static long remainingQuantity(OrderBook book) {
    long[] sum = new long[1];
    book.forEachOrder((id, account, side, price, remaining, vintage) -> sum[0] += remaining);
    return sum[0];
  }

  private static void assertUncrossed(OrderBook book) {
    long bid = book.bestBidCents();
    long ask = book.bestAskCents();
    if (bid != OrderBook.NO_PRICE && ask != OrderBook.NO_PRICE) {
      assertThat(bid).as("best bid below best ask").isLessThan(ask);
    }
  }
}
