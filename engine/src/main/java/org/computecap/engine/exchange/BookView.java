package org.computecap.engine.exchange;

import java.util.ArrayList;
import java.util.List;
import org.computecap.engine.command.Side;

/**
 * Read-only market data of one book for adapters (CLI, server, simulator): last price, VWAP,
 * volume, OHLC per period, best prices and depth. It reads the live book, so it reflects the state
 * at the moment of each call.
 */
public final class BookView {
  private final ExchangeState.Venue venue;

  /** One price level: its price and the total quantity resting there. */
  public record Level(long priceCents, long quantity) {}

  BookView(ExchangeState.Venue venue) {
    this.venue = venue;
  }

  /** The last trade price, or 0 before the first trade. */
  public long lastPriceCents() {
    return venue.data.lastPriceCents();
  }

  /** Volume-weighted average price since the market opened (rounded down), 0 before trades. */
  public long vwapCents() {
    return venue.data.vwapCents();
  }

  public long volume() {
    return venue.data.volume();
  }

  public long tradeCount() {
    return venue.data.tradeCount();
  }

  /** Open, high, low, close and volume of a period, or null when nothing traded in it. */
  public Ohlc ohlc(int period) {
    return venue.data.ohlc(period);
  }

  /** The highest bid, or 0 when there is none. */
  public long bestBidCents() {
    return venue.book.bestBidCents();
  }

  /** The lowest ask, or 0 when there is none. */
  public long bestAskCents() {
    return venue.book.bestAskCents();
  }

  public boolean inCallPhase() {
    return venue.callPhase;
  }

  public int openOrders() {
    return venue.book.orderCount();
  }

  /** Up to {@code levels} price levels of one side, best first. */
  public List<Level> depth(Side side, int levels) {
    if (levels < 0) {
      throw new IllegalArgumentException("levels must be >= 0, got " + levels);
    }
    int n = Math.min(levels, venue.book.levelCount(side));
    long[] prices = new long[n];
    long[] quantities = new long[n];
    int got = venue.book.depth(side, n, prices, quantities);
    List<Level> out = new ArrayList<>(got);
    for (int i = 0; i < got; i++) {
      out.add(new Level(prices[i], quantities[i]));
    }
    return out;
  }
}
