package org.computecap.engine.exchange;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import org.computecap.engine.Engine;
import org.computecap.engine.Event;
import org.computecap.engine.Result;
import org.computecap.engine.TestPrograms;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.IssuePermits;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.command.PlaceOrder;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.Side;
import org.computecap.engine.journal.FileJournal;
import org.computecap.engine.journal.InMemoryJournal;
import org.computecap.engine.journal.JournaledEngine;

/**
 * A throughput check, not a test: streams the shared 1M-order flow through the whole engine
 * (checks, matching, delivery versus payment in the registry, events; self-trade prevention off, as
 * the benchmark issue asks) and prints orders/s per iteration, fills, IOC remainders and the final
 * book. The 2,000 accounts get ample cash and permits first. The engine runs behind core's journal
 * ({@code memory}, the default, or {@code file}: a durable file journal with one group commit per
 * 1,024 orders) or bare ({@code none}). Run with {@code java -cp <engine test class path>
 * org.computecap.engine.exchange.EngineThroughput [file] [iterations] [none|memory|file]}.
 */
final class EngineThroughput {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static final int VINTAGE = 1;

  /** Orders per group commit when journaling. */
  private static final int BATCH = 1024;

  private static final CommandCodec CODEC = CommandCodec.standard();
  private static final long PERMITS_EACH = 10_000_000L;
  private static final long CASH_EACH = 1_000_000_000_000L;

  private EngineThroughput() {}

  public static void main(String[] args) throws Exception {
    Path file = args.length > 0 ? Path.of(args[0]) : OrderFlow.DEFAULT;
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    String journalKind = args.length > 2 ? args[2] : "memory";
    OrderFlow flow = OrderFlow.load(file);
    PlaceOrder[] orders = new PlaceOrder[flow.size];
    long maxAccount = 0;
    for (int i = 0; i < flow.size; i++) {
      orders[i] =
          new PlaceOrder(
              flow.accounts[i],
              flow.buys[i] ? Side.BUY : Side.SELL,
              flow.types[i],
              flow.prices[i],
              flow.quantities[i],
              VINTAGE);
      maxAccount = Math.max(maxAccount, flow.accounts[i]);
    }
    for (int it = 0; it < iterations; it++) {
      Path journalFile = Files.createTempFile("throughput", ".journal");
      Files.delete(journalFile);
      Engine engine = new Engine(TestPrograms.PARSER);
      JournaledEngine journaled =
          switch (journalKind) {
            case "none" -> null;
            case "memory" -> new JournaledEngine(engine, new InMemoryJournal(), CODEC);
            case "file" -> new JournaledEngine(engine, FileJournal.create(journalFile), CODEC);
            default ->
                throw new IllegalArgumentException(
                    "journal must be none, memory or file, got " + journalKind);
          };
      Submitter submit = journaled == null ? engine::apply : journaled::submit;
      fund(submit, maxAccount);
      long fills = 0;
      long iocRemainders = 0;
      long rejected = 0;
      long cpuStart = CPU.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      for (int i = 0; i < orders.length; i++) {
        Result r = submit.apply(i + 1, orders[i]);
        if (journaled != null && (i & (BATCH - 1)) == BATCH - 1) {
          journaled.flush();
        }
        if (!r.isAccepted()) {
          rejected++;
          continue;
        }
        for (Event e : r.events()) {
          if (e instanceof TradeExecuted) {
            fills++;
          } else if (e instanceof OrderCancelled) {
            iocRemainders++;
          }
        }
      }
      if (journaled != null) {
        journaled.flush();
      }
      long nanos = System.nanoTime() - start;
      long cpuNanos = CPU.getCurrentThreadCpuTime() - cpuStart;
      if (journaled != null) {
        journaled.close();
      }
      Files.deleteIfExists(journalFile);
      engine.checkInvariants();
      BookView book = engine.state().featureOrNull(ExchangeState.class).view(VINTAGE);
      System.out.printf(
          "journal %s, iteration %d: %d orders in %.1f ms = %.0f orders/s"
              + " (thread CPU %.1f ms), rejected %d, fills %d, IOC remainders %d,"
              + " resting orders %d, levels bid %d ask %d, best %d/%d%n",
          journalKind,
          it,
          orders.length,
          nanos / 1e6,
          orders.length * 1e9 / nanos,
          cpuNanos / 1e6,
          rejected,
          fills,
          iocRemainders,
          book.openOrders(),
          book.depth(Side.BUY, 1_000).size(),
          book.depth(Side.SELL, 1_000).size(),
          book.bestBidCents(),
          book.bestAskCents());
    }
  }

  /** Applies a command, with or without a journal. */
  @FunctionalInterface
  interface Submitter {
    Result apply(long tick, Command command);
  }

  static void fund(Submitter submit, long accounts) {
    String yaml =
        ExchangePrograms.yaml(VINTAGE, accounts * PERMITS_EACH, "  selfTradePrevention: false\n");
    require(submit.apply(0, new OpenMarket(yaml, 1)));
    for (long a = 1; a <= accounts; a++) {
      require(submit.apply(0, new OpenAccount(a, "a" + a, Role.PARTICIPANT)));
      require(submit.apply(0, new DepositCash(a, CASH_EACH)));
      require(submit.apply(0, new IssuePermits(a, VINTAGE, PERMITS_EACH)));
    }
  }

  private static void require(Result r) {
    if (!r.isAccepted()) {
      throw new AssertionError("set-up command rejected: " + r);
    }
  }
}
