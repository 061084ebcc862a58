package org.computecap.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.computecap.engine.Engine;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.command.Role;
import org.computecap.engine.journal.FileJournal;
import org.computecap.engine.journal.JournaledEngine;

/**
 * Not a test: measures the server's durable commit path without HTTP, the {@link Sequencer} over a
 * {@link FileJournal} in a temporary directory, with N client threads that each submit a deposit
 * and wait for its acknowledgement (which comes only once it is on disk), over and over. Prints
 * acknowledged commands per second and commands per fsync, then deletes the journal. Run with
 * {@code java -cp <test classpath> org.computecap.server.SequencerThroughput [clients] [seconds]}.
 */
public final class SequencerThroughput {
  private SequencerThroughput() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 64;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Path dir = Files.createTempDirectory("computecap-sequencer-throughput");
    FileJournal journal = FileJournal.create(dir.resolve("journal.ccj"));
    JournaledEngine engine =
        new JournaledEngine(new Engine(ProgramParser.standard()), journal, CommandCodec.standard());
    engine.submit(0, new OpenMarket(Files.readString(Harness.program()), 1));
    engine.flush();
    ReadModel model = new ReadModel(dir.resolve("read-model"));
    Sequencer s = new Sequencer(engine, new Projector(model), Clock.systemUTC(), null, e -> {});
    s.start();
    s.submit(new OpenAccount(1, "alice", Role.PARTICIPANT)).get();
    run(s, clients, 3);
    long syncs0 = journal.syncs();
    long acks = run(s, clients, seconds);
    long syncs = journal.syncs() - syncs0;
    System.out.printf(
        "%d clients: %.0f acknowledged/s over %d s, %d fsyncs, %.1f commands per fsync%n",
        clients, (double) acks / seconds, seconds, syncs, (double) acks / syncs);
    s.close();
    engine.close();
    model.close();
    try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static long run(Sequencer s, int clients, int seconds) throws InterruptedException {
    AtomicLong acks = new AtomicLong();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Thread t =
          new Thread(
              () -> {
                while (System.nanoTime() < deadline) {
                  s.submit(new DepositCash(1, 1)).join();
                  acks.incrementAndGet();
                }
              });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    return acks.get();
  }
}
