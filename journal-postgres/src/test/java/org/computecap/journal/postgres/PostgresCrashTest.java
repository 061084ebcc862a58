package org.computecap.journal.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.computecap.engine.Engine;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.journal.JournaledEngine;
import org.computecap.engine.journal.Replay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Kill -9 during a burst: a child JVM ({@link CrashWriter}) writes to the journal table and
 * acknowledges each durable batch; it is killed with {@code destroyForcibly} while writing. Every
 * acknowledged command must then be in the table, the chain must verify, and replaying the table
 * must give, at every acknowledged seq, the state hash the child acknowledged.
 */
class PostgresCrashTest {
  private static final int ACKS_BEFORE_KILL = 150;
  private final ProgramParser parser = ProgramParser.standard();
  private final CommandCodec codec = CommandCodec.standard();

  private static Process startWriter(String url) throws IOException {
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", classPath, CrashWriter.class.getName(), url)
        .redirectError(new File("target/crash-writer.err"))
        .start();
  }

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void every_acknowledged_command_survives_a_kill_during_a_burst() throws Exception {
    String url = TestDatabase.freshUrl();
    Process child = startWriter(url);
    TreeMap<Long, String> acked = new TreeMap<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (acked.size() < ACKS_BEFORE_KILL && (line = in.readLine()) != null) {
        record(line, acked);
      }
      assertThat(acked)
          .as("the writer died before it was killed; see target/crash-writer.err")
          .hasSize(ACKS_BEFORE_KILL);
      // SIGKILL through the handle: Process.destroyForcibly would also close our end of the
      // pipe, losing acknowledgements the child wrote just before it died.
      child.toHandle().destroyForcibly();
      child.waitFor();
      while ((line = in.readLine()) != null) {
        record(line, acked);
      }
    }
    long lastAcked = acked.lastKey();

    TableVerification v = PostgresJournal.verify(url);
    assertThat(v.intact()).as(v.summary()).isTrue();
    assertThat(v.entries()).isGreaterThanOrEqualTo(lastAcked);
    System.out.printf(
        "crash test: %d batches acknowledged up to seq %d; the table holds %d"
            + " entries after the kill%n",
        acked.size(), lastAcked, v.entries());

    try (PostgresJournal journal = PostgresJournal.open(url)) {
      Engine engine = new Engine(parser);
      int[] checked = {0};
      journal.forEach(
          e -> {
            engine.apply(e.tick(), codec.decode(e.command()));
            String hash = acked.get(e.seq());
            if (hash != null) {
              assertThat(Replay.hex(engine.stateHash()))
                  .as("state at acknowledged seq " + e.seq())
                  .isEqualTo(hash);
              checked[0]++;
            }
          });
      assertThat(checked[0]).isEqualTo(acked.size());
      engine.checkInvariants();
      assertThat(Replay.rebuild(journal, parser, codec).stateHash()).isEqualTo(engine.stateHash());

      JournaledEngine resumed = new JournaledEngine(engine, journal, codec);
      Workload more = new Workload(99);
      for (int i = 0; i < 40; i++) {
        more.next();
      }
      for (int i = 0; i < 100; i++) {
        resumed.submit(1_000_000 + i, more.next());
      }
      resumed.flush();
      assertThat(journal.verify().entries()).isEqualTo(v.entries() + 100);
    }
  }

  private static void record(String line, TreeMap<Long, String> acked) {
    if (line.startsWith("ACK ")) {
      List<String> parts = List.of(line.split(" "));
      acked.put(Long.parseLong(parts.get(1)), parts.get(2));
    }
  }
}
