package org.computecap.engine.exchange;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import org.computecap.engine.command.OrderType;
import org.computecap.engine.command.Side;

/**
 * A throughput check, not a test: streams the shared 1M-order flow through the fast book alone (no
 * engine, no journal, self-trade prevention off) and prints orders/s per iteration, fills, IOC
 * remainders and the final book. Run with {@code java -cp
 * engine/target/classes:engine/target/test-classes org.computecap.engine.exchange.BookThroughput
 * [file] [iterations]}.
 */
final class BookThroughput {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private BookThroughput() {}

  public static void main(String[] args) throws Exception {
    Path file = args.length > 0 ? Path.of(args[0]) : OrderFlow.DEFAULT;
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    OrderFlow flow = OrderFlow.load(file);
    for (int it = 0; it < iterations; it++) {
      Counting counting = new Counting();
      ArrayOrderBook book = new ArrayOrderBook(1, false, 1 << 16);
      long iocRemainders = 0;
      long cpuStart = CPU.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      for (int i = 0; i < flow.size; i++) {
        Side side = flow.buys[i] ? Side.BUY : Side.SELL;
        long left =
            book.place(
                flow.seqs[i],
                flow.accounts[i],
                side,
                flow.types[i],
                flow.prices[i],
                flow.quantities[i],
                0,
                Long.MAX_VALUE,
                counting);
        if (left > 0 && flow.types[i] != OrderType.LIMIT) {
          iocRemainders++;
        }
      }
      long nanos = System.nanoTime() - start;
      long cpuNanos = CPU.getCurrentThreadCpuTime() - cpuStart;
      book.checkConsistency();
      System.out.printf(
          "iteration %d: %d orders in %.1f ms = %.0f orders/s"
              + " (thread CPU %.1f ms),"
              + " fills %d, volume %d, IOC remainders %d, resting orders %d, levels bid %d ask %d,"
              + " best %d/%d%n",
          it,
          flow.size,
          nanos / 1e6,
          flow.size * 1e9 / nanos,
          cpuNanos / 1e6,
          counting.fills,
          counting.volume,
          iocRemainders,
          book.orderCount(),
          book.levelCount(Side.BUY),
          book.levelCount(Side.SELL),
          book.bestBidCents(),
          book.bestAskCents());
    }
  }

  private static final class Counting implements MatchListener {
    long fills;
    long volume;

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
      fills++;
      volume += quantity;
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
      fills++;
      volume += quantity;
    }

    @Override
    public void selfTradeCancelled(
        long orderId, long account, Side side, long priceCents, long remaining, int vintage) {
      throw new AssertionError("self-trade prevention is off in this run");
    }
  }
}
