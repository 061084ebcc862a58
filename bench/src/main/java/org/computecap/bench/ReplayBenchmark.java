package org.computecap.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.computecap.engine.Engine;
import org.computecap.engine.ProgramParser;
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
import org.computecap.engine.journal.FileJournal;
import org.computecap.engine.journal.JournalFile;
import org.computecap.engine.journal.Verification;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Replay (issue 6, part 2): rebuilding an engine from a journal file of 10^7 entries, reading,
 * checking (CRC32C and the SHA-256 chain), decoding and applying every entry in one pass. The
 * journal is generated once into {@code bench/target/replay-N.journal} and reused: the set-up of
 * 2,000 funded accounts, then the shared order flow repeated up to N entries (the engine numbers
 * the orders itself, so the repetitions need no renumbering). Score: milliseconds per replay;
 * entries/s = N / score.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {JvmFlags.HEAP, JvmFlags.HEAP_MIN, JvmFlags.PRE_TOUCH})
@State(Scope.Benchmark)
public class ReplayBenchmark {
  private static final CommandCodec CODEC = CommandCodec.standard();

  @Param("10000000")
  public int entries;

  /** Build the journal from a seeded synthetic flow instead of the shared file (quick mode). */
  @Param("false")
  public boolean synthetic;

  Path journal;
  Engine rebuilt;

  @Setup(Level.Trial)
  public void generate() throws IOException {
    Path dir = BenchFiles.workDir();
    Files.createDirectories(dir);
    // The name carries the command encoding's generation: a journal from before the engine
    // assigned order ids holds a retired tag and is never reused.
    journal =
        dir.resolve("replay-" + entries + (synthetic ? "-synthetic" : "") + "-engine-ids.journal");
    if (Files.exists(journal) && sameFormat(journal)) {
      return;
    }
    Files.deleteIfExists(journal);
    OrderFlow flow =
        synthetic
            ? OrderFlow.synthetic(Math.min(entries, 100_000), 2_000, 42)
            : OrderFlow.load(OrderFlow.sharedPath(), 1_000_000);
    write(journal, flow, entries);
  }

  /** Writes set-up and repeated orders up to {@code entries} entries. */
  static void write(Path file, OrderFlow flow, int entries) {
    int accounts = flow.maxAccount();
    try (FileJournal out = FileJournal.create(file)) {
      append(out, new OpenMarket(EngineFlow.program(accounts), 1));
      for (long a = 1; a <= accounts && out.size() < entries; a++) {
        append(out, new OpenAccount(a, "a" + a, Role.PARTICIPANT));
        append(out, new DepositCash(a, EngineFlow.CASH_EACH_CENTS));
        append(out, new IssuePermits(a, EngineFlow.VINTAGE, EngineFlow.PERMITS_EACH));
      }
      long tick = 1;
      while (out.size() < entries) {
        for (int i = 0; i < flow.size && out.size() < entries; i++) {
          append(
              out,
              tick++,
              new PlaceOrder(
                  flow.accounts[i],
                  flow.buys[i] ? Side.BUY : Side.SELL,
                  flow.iocs[i] ? OrderType.IOC : OrderType.LIMIT,
                  flow.prices[i],
                  flow.quantities[i],
                  EngineFlow.VINTAGE));
          if ((out.size() & 0xFFFF) == 0) {
            out.flush();
          }
        }
      }
    }
  }

  private static void append(FileJournal out, Command c) {
    append(out, 0, c);
  }

  private static void append(FileJournal out, long tick, Command c) {
    out.append(tick, CODEC.encode(c));
  }

  // A journal written by an older format is regenerated, not misread.
  private static boolean sameFormat(Path file) throws IOException {
    Path probe = Files.createTempFile(file.getParent(), "probe", ".journal");
    Files.delete(probe);
    FileJournal.create(probe).close();
    try (InputStream a = Files.newInputStream(file);
        InputStream b = Files.newInputStream(probe)) {
      byte[] header = b.readAllBytes();
      return Arrays.equals(a.readNBytes(header.length), header);
    } finally {
      Files.delete(probe);
    }
  }

  @Benchmark
  public Engine replay() {
    rebuilt = replayFile(journal, entries);
    return rebuilt;
  }

  /**
   * A fresh engine with every entry of {@code journal} read, checked (CRC32C and the chain),
   * decoded and applied; the file must hold exactly {@code entries} intact entries.
   */
  static Engine replayFile(Path journal, long entries) {
    Engine engine = new Engine(ProgramParser.standard());
    Verification v =
        JournalFile.read(journal, e -> engine.apply(e.tick(), CODEC.decode(e.command())));
    if (!v.intact() || v.entries() != entries) {
      throw new IllegalStateException("replay of " + journal + " failed: " + v.summary());
    }
    return engine;
  }

  @TearDown(Level.Iteration)
  public void check() {
    rebuilt.checkInvariants();
  }
}
