package org.computecap.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.computecap.engine.Engine;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.command.AccessCommand;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.IssuePermits;
import org.computecap.engine.command.IssueToken;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.command.OrderType;
import org.computecap.engine.command.PlaceOrder;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.Side;
import org.computecap.engine.journal.FileJournal;
import org.computecap.engine.journal.JournaledEngine;
import org.computecap.server.store.JournalStore;

/**
 * Not a test: measures how long {@code serve} takes to start on a journal of N entries (default
 * 10^7) with and without a state snapshot. It writes a journal of 1,000 funded accounts and a
 * seeded order flow (half limit orders, half crossing IOCs), keeping a copy of its first {@code N -
 * tail} entries; then, in a data directory: starts on the prefix (a full replay) and stops (a
 * snapshot at the prefix's end), puts the whole journal in place and starts (the snapshot and the
 * {@code tail} entries after it), stops (a snapshot at the head) and starts again (nothing after
 * it), and finally starts with the snapshots deleted (a full replay of N). Prints each start's time
 * and the server's own lines. Run with {@code java -Xmx6g -cp <test classpath>
 * org.computecap.server.RestartTime [entries] [tail] [work dir]}.
 */
public final class RestartTime {
  private static final int ACCOUNTS = 1_000;
  private static final long TICK = 1_800_000_000_000L;

  private RestartTime() {}

  public static void main(String[] args) throws Exception {
    long entries = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    long tail = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
    Path work =
        args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("computecap-restart");
    Path whole = work.resolve("whole.ccj");
    Path prefix = work.resolve("prefix.ccj");
    if (!Files.exists(whole) || !Files.exists(prefix)) {
      long t0 = System.nanoTime();
      generate(whole, prefix, entries, entries - tail);
      System.out.printf("generated %,d entries in %.1f s%n", entries, secs(t0));
    }
    Path dir = work.resolve("data");
    deleteTree(dir);
    Files.createDirectories(dir);
    Files.copy(prefix, dir.resolve(JournalStore.FILE_NAME));
    time("full replay of the prefix (" + (entries - tail) + " entries)", dir, true);
    Files.copy(whole, dir.resolve(JournalStore.FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
    time("snapshot at the prefix + " + tail + " entries after it", dir, true);
    time("snapshot at the head, nothing after it", dir, false);
    deleteTree(dir.resolve(StateSnapshots.DIR));
    time("full replay of " + entries + " entries (snapshots deleted)", dir, false);
  }

  private static void time(String what, Path dir, boolean timeStop) {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    long t0 = System.nanoTime();
    Server s =
        Server.start(
            new Server.Options(dir, null, Harness.program(), 1, "127.0.0.1", 0),
            new PrintStream(log, true, StandardCharsets.UTF_8),
            e -> {});
    double start = secs(t0);
    long t1 = System.nanoTime();
    s.close();
    double stop = secs(t1);
    System.out.printf(
        "%s: start %.2f s%s%n  %s",
        what,
        start,
        timeStop ? String.format(", stop (with its snapshot) %.2f s", stop) : "",
        log.toString(StandardCharsets.UTF_8).replace("\n", "\n  "));
    System.out.println();
  }

  private static void generate(Path whole, Path prefix, long entries, long prefixEntries)
      throws IOException {
    Files.deleteIfExists(whole);
    JournaledEngine engine =
        new JournaledEngine(
            new Engine(ProgramParser.standard()),
            FileJournal.create(whole),
            CommandCodec.standard());
    engine.submit(TICK, new OpenMarket(program(), 1));
    // A market regulator token that does not expire during the measurement, so that a start
    // appends nothing and the prefix stays a prefix of the whole journal.
    engine.submit(
        TICK,
        new IssueToken(
            AccessCommand.MARKET_REGULATOR,
            Credentials.hash(Credentials.newToken()),
            AccessCommand.MARKET_REGULATOR,
            Long.MAX_VALUE / 2));
    for (long a = 1; a <= ACCOUNTS; a++) {
      engine.submit(TICK, new OpenAccount(a, "a" + a, Role.PARTICIPANT));
      engine.submit(TICK, new DepositCash(a, 1_000_000_000_000L));
      engine.submit(TICK, new IssuePermits(a, 1, 10_000_000L));
    }
    SplittableRandom random = new SplittableRandom(42);
    long accepted = 0;
    while (engine.journal().size() < entries) {
      boolean buy = random.nextBoolean();
      boolean ioc = random.nextBoolean();
      long offset = ioc ? 20 : 1 + random.nextInt(20);
      long price = buy == ioc ? 100_000 + offset : 100_000 - offset;
      if (engine
          .submit(
              TICK,
              new PlaceOrder(
                  1 + random.nextInt(ACCOUNTS),
                  buy ? Side.BUY : Side.SELL,
                  ioc ? OrderType.IOC : OrderType.LIMIT,
                  price,
                  1 + random.nextInt(10),
                  1))
          .isAccepted()) {
        accepted++;
      }
      if ((engine.journal().size() & 0xFFFF) == 0) {
        engine.flush();
      }
      if (engine.journal().size() == prefixEntries) {
        engine.flush();
        Files.copy(whole, prefix, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    engine.close();
    System.out.printf("orders accepted: %,d%n", accepted);
  }

  private static String program() {
    return """
        name: restart-measurement
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
        .formatted(ACCOUNTS * 10_000_000L);
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
