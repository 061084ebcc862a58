package org.computecap.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.computecap.engine.Engine;
import org.computecap.engine.Event;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.Result;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.IssuePermits;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.command.OrderType;
import org.computecap.engine.command.PlaceOrder;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.Side;
import org.computecap.engine.exchange.BookView;
import org.computecap.engine.exchange.ExchangeState;
import org.computecap.engine.exchange.OrderCancelled;
import org.computecap.engine.exchange.TradeExecuted;
import org.computecap.engine.journal.FileJournal;
import org.computecap.engine.journal.InMemoryJournal;
import org.computecap.engine.journal.JournaledEngine;

/**
 * Our side of the head-to-head: a fresh engine (the real program parser, self-trade prevention off,
 * every account funded with ample cash and permits), behind the in-memory journal, the durable file
 * journal with a group commit every {@link #BATCH} orders, or no journal. As an adapter would, it
 * gives each journal a thread of its own beside the engine: the file journal's sync thread (seals,
 * writes and forces handed-over batches, see {@link #run}) and the in-memory journal's sealing
 * thread (computes the chain hashes). The orders are built before the clock starts, as
 * exchange-core's are, so a run measures encoding, journaling, checks, matching and settlement, not
 * object construction from CSV.
 */
final class EngineFlow implements AutoCloseable {
  /** The journals a run can use. */
  enum JournalKind {
    NONE,
    MEMORY,
    FILE,
    /**
     * No journal, and the serial numbers (issue 15) kept on the engine's own thread after every
     * command ({@code Engine.trackSerials}): the whole cost of serials if nothing ran them
     * elsewhere.
     */
    NONE_WITH_SERIALS
  }

  static final int VINTAGE = 1;

  /** Orders per group commit. */
  static final int BATCH = 1024;

  static final long PERMITS_EACH = 10_000_000L;
  static final long CASH_EACH_CENTS = 1_000_000_000_000L;
  private static final CommandCodec CODEC = CommandCodec.standard();

  private final Engine engine;
  private final JournaledEngine journaled;
  private final Path journalFile;
  private final PlaceOrder[] orders;
  private final Thread syncer;
  private final AtomicBoolean stop = new AtomicBoolean();

  private EngineFlow(
      Engine engine, JournaledEngine journaled, Path journalFile, PlaceOrder[] orders) {
    this.engine = engine;
    this.journaled = journaled;
    this.journalFile = journalFile;
    this.orders = orders;
    if (journaled != null && journaled.journal() instanceof FileJournal file) {
      this.syncer = startSyncer(file);
    } else if (journaled != null && journaled.journal() instanceof InMemoryJournal memory) {
      this.syncer = startSealer(memory, stop);
    } else {
      this.syncer = null;
    }
  }

  /**
   * The adapter's sealing thread for the in-memory journal: fills in the chain hashes beside the
   * engine, parking briefly when it has caught up.
   */
  private static Thread startSealer(InMemoryJournal journal, AtomicBoolean stop) {
    Thread t =
        new Thread(
            () -> {
              while (!stop.get()) {
                if (!journal.sealPending()) {
                  LockSupport.parkNanos(50_000);
                }
              }
            },
            "journal-seal");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** The adapter's sync thread for pipelined group commit (the engine starts no threads). */
  private static Thread startSyncer(FileJournal journal) {
    Thread t =
        new Thread(
            () -> {
              try {
                while (journal.syncNext()) {
                  Thread.onSpinWait();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "journal-sync");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /**
   * A funded engine ready to run {@code flow}; a file journal is created in {@code dir} and deleted
   * on {@link #close()}.
   */
  static EngineFlow prepare(OrderFlow flow, JournalKind kind, Path dir) {
    Engine engine = new Engine(ProgramParser.standard());
    if (kind == JournalKind.NONE_WITH_SERIALS) {
      engine.trackSerials();
    }
    Path file = null;
    JournaledEngine journaled =
        switch (kind) {
          case NONE, NONE_WITH_SERIALS -> null;
          case MEMORY -> new JournaledEngine(engine, new InMemoryJournal(), CODEC);
          case FILE -> {
            file = tempJournal(dir);
            yield new JournaledEngine(engine, FileJournal.create(file), CODEC);
          }
        };
    EngineFlow run = new EngineFlow(engine, journaled, file, orders(flow));
    run.fund(flow.maxAccount());
    if (journaled != null) {
      journaled.flush();
    }
    return run;
  }

  /**
   * The flow's orders as commands. The engine numbers accepted orders 1, 2, 3...; the shared flow
   * numbers its orders the same way and every one of them is accepted (the accounts are funded for
   * all), so the ids the engine reports are the flow's, as exchange-core is given them.
   */
  static PlaceOrder[] orders(OrderFlow flow) {
    PlaceOrder[] orders = new PlaceOrder[flow.size];
    for (int i = 0; i < flow.size; i++) {
      orders[i] =
          new PlaceOrder(
              flow.accounts[i],
              flow.buys[i] ? Side.BUY : Side.SELL,
              flow.iocs[i] ? OrderType.IOC : OrderType.LIMIT,
              flow.prices[i],
              flow.quantities[i],
              VINTAGE);
    }
    return orders;
  }

  /** The benchmark program: one vintage, a cap that covers every grant, no self-trade check. */
  static String program(long accounts) {
    return """
        name: benchmark
        coveredQuantity: inference energy
        unit: kWh
        scope: INFERENCE
        periods:
          first: 1
          count: 5
          label: yearly
        cap:
          startPermits: %d
          linearReductionPpm: 0
        allocation:
          method: UNIFORM
          freeSharePpm: 1000000
          benchmarkPercentilePpm: 100000
          activityChangeThresholdPpm: 150000
          newEntrantReservePpm: 0
        risk:
          alphaPpm: 2000000
          unevaluatedSignal: L
        penalty:
          linearCentsPerPermit: 10000
          quadraticCentsPerPermitSquared: 0
          makeGood: true
        audit:
          probabilityPpm: 0
          targetedProbabilityPpm: 0
          meterExcessThresholdPpm: 100000
          auditCostCents: 0
          budgetPerPeriodCents: 0
          noiseSigma: 0
        banking: true
        auction:
          reservePriceCents: 500
          purchaseLimitPpm: 250000
        insurance:
          premiumLowCentsPerUnit: 0
          premiumHighCentsPerUnit: 0
        exchange:
          tickCents: 1
          lotPermits: 1
          selfTradePrevention: false
          books: PER_VINTAGE
        """
        .formatted(accounts * PERMITS_EACH);
  }

  private void fund(int accounts) {
    require(submit(0, new OpenMarket(program(accounts), 1)));
    for (long a = 1; a <= accounts; a++) {
      require(submit(0, new OpenAccount(a, "a" + a, Role.PARTICIPANT)));
      require(submit(0, new DepositCash(a, CASH_EACH_CENTS)));
      require(submit(0, new IssuePermits(a, VINTAGE, PERMITS_EACH)));
    }
  }

  private Result submit(long tick, Command command) {
    return journaled == null ? engine.apply(tick, command) : journaled.submit(tick, command);
  }

  /**
   * Runs every order, with a group commit every {@link #BATCH} orders (pipelined: the file journal
   * forces a batch in the background while the next orders run, and a batch that arrives while one
   * is being forced joins the next) and a flush at the end, so the run ends when every order is
   * durable; counts fills and IOC remainders from the events (exchange-core's side counts its
   * events too); the measured part.
   */
  FlowOutcome run() {
    long fills = 0;
    long iocRemainders = 0;
    long rejected = 0;
    JournaledEngine j = journaled;
    for (int i = 0; i < orders.length; i++) {
      Result r = j == null ? engine.apply(i + 1, orders[i]) : j.submit(i + 1, orders[i]);
      if (j != null && (i & (BATCH - 1)) == BATCH - 1) {
        j.commit();
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
      // Inside the measurement: every entry durable and its chain hash computed.
      journaled.journal().headHash();
    }
    return outcome(fills, iocRemainders, rejected);
  }

  private FlowOutcome outcome(long fills, long iocRemainders, long rejected) {
    BookView book = engine.state().featureOrNull(ExchangeState.class).view(VINTAGE);
    List<BookView.Level> bids = book.depth(Side.BUY, Integer.MAX_VALUE);
    List<BookView.Level> asks = book.depth(Side.SELL, Integer.MAX_VALUE);
    return new FlowOutcome(
        fills,
        iocRemainders,
        rejected,
        book.openOrders(),
        bids.size(),
        asks.size(),
        book.bestBidCents(),
        book.bestAskCents());
  }

  Engine engine() {
    return engine;
  }

  @Override
  public void close() {
    if (journaled != null) {
      journaled.close();
    }
    stop.set(true);
    try {
      if (syncer != null) {
        syncer.join();
      }
      if (journalFile != null) {
        Files.deleteIfExists(journalFile);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static Path tempJournal(Path dir) {
    try {
      Files.createDirectories(dir);
      Path file = Files.createTempFile(dir, "orders", ".journal");
      Files.delete(file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a journal in " + dir, e);
    }
  }

  private static void require(Result r) {
    if (!r.isAccepted()) {
      throw new AssertionError("set-up command rejected: " + r);
    }
  }
}
