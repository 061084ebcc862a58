package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.Engine;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.journal.FileJournal;
import org.computecap.engine.journal.JournalFile;
import org.computecap.engine.journal.Replay;
import org.computecap.engine.journal.Verification;
import org.computecap.server.store.JournalStore;
import org.junit.jupiter.api.Test;

/**
 * Durability under kill -9: the server runs as a separate JVM, takes a burst of concurrent
 * commands, and is killed forcibly in the middle of it. Restarted, it must hold every command it
 * acknowledged (an acknowledgement is sent only after the command's batch was fsynced), its chain
 * must verify, and its state must equal a fresh replay of the journal.
 */
class CrashTest {
  private static final String TOKEN = "crash-test-regulator-token-0123456789";
  private static final Pattern SERVING = Pattern.compile("serving on http://127.0.0.1:(\\d+)/");

  @Test
  void every_acknowledged_command_survives_a_kill_9_in_the_middle_of_a_burst() throws Exception {
    Path dir = Files.createTempDirectory("computecap-crash");
    Process p = startServerProcess(dir);
    Set<Long> acked = new HashSet<>();
    try {
      int port = awaitPort(p);
      acked.addAll(burstUntilKilled(p, port));
    } finally {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(acked).hasSizeGreaterThanOrEqualTo(200);

    Path journal = dir.resolve(JournalStore.FILE_NAME);
    Verification after = JournalFile.verify(journal);
    assertThat(after.intact() || after.tornTail()).as(after.summary()).isTrue();

    String stateHash;
    try (Server restarted = Harness.startServer(dir)) {
      ApiClient reg = new ApiClient(URI.create("http://127.0.0.1:" + restarted.port()), TOKEN);
      Set<Long> present = new HashSet<>();
      String after2 = "";
      while (true) {
        ApiClient.Response page = reg.get("/api/accounts?limit=1000" + after2);
        page.body().path("items").forEach(n -> present.add(n.path("accountId").asLong()));
        if (page.body().path("next").isNull()) {
          break;
        }
        after2 = "&after=" + page.body().path("next").asLong();
      }
      assertThat(present).containsAll(acked);
      stateHash = restarted.stateHashHex();
    }
    assertThat(JournalFile.verify(journal).intact()).isTrue();
    if (after.tornTail()) {
      Path side = dir.resolve(JournalStore.FILE_NAME + ".torn-" + after.goodBytes());
      assertThat(side).as("the torn tail kept beside the journal").exists();
    }
    try (FileJournal j = FileJournal.open(journal)) {
      Engine replayed = Replay.rebuild(j, ProgramParser.standard(), CommandCodec.standard());
      assertThat(CanonicalWriter.hex(replayed.stateHash())).isEqualTo(stateHash);
      assertThat(j.size()).isGreaterThanOrEqualTo(acked.size() + 1L);
      System.out.println(
          "crash test: "
              + acked.size()
              + " acknowledged, "
              + j.size()
              + " journal entries after restart, torn tail: "
              + !after.intact());
    }
  }

  private static Process startServerProcess(Path dir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "org.computecap.server.ServerMain",
            "--data",
            dir.toString(),
            "--port",
            "0",
            "--program",
            Harness.program().toAbsolutePath().toString());
    pb.environment().put("COMPUTECAP_REGULATOR_TOKEN", TOKEN);
    pb.redirectErrorStream(true);
    return pb.start();
  }

  /** Reads the child's output on a thread and waits for the line naming its port. */
  private static int awaitPort(Process p) throws Exception {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  lines.add(line);
                }
              } catch (java.io.IOException e) {
                lines.add("output closed: " + e.getMessage());
              }
            });
    reader.setDaemon(true);
    reader.start();
    StringBuilder seen = new StringBuilder();
    while (true) {
      String line = lines.poll(60, TimeUnit.SECONDS);
      if (line == null) {
        throw new AssertionError("server did not start within 60 s; output:\n" + seen);
      }
      seen.append(line).append('\n');
      Matcher m = SERVING.matcher(line);
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
    }
  }

  /**
   * Opens accounts 1, 2, 3, ... with up to 64 requests in flight; once 200 are acknowledged the
   * process is killed while the rest are still being sent. Returns the acknowledged ids.
   */
  private static List<Long> burstUntilKilled(Process p, int port) throws Exception {
    ApiClient reg = new ApiClient(URI.create("http://127.0.0.1:" + port), TOKEN);
    ConcurrentLinkedQueue<Long> acked = new ConcurrentLinkedQueue<>();
    CountDownLatch enough = new CountDownLatch(200);
    Semaphore inFlight = new Semaphore(64);
    AtomicBoolean killed = new AtomicBoolean();
    Thread sender =
        new Thread(
            () -> {
              for (long id = 1; id <= 100_000 && !killed.get(); id++) {
                try {
                  if (!inFlight.tryAcquire(10, TimeUnit.SECONDS)) {
                    return;
                  }
                } catch (InterruptedException e) {
                  return;
                }
                long account = id;
                reg.sendAsync(
                        "POST",
                        "/api/accounts",
                        ApiClient.toJson(
                            Map.of(
                                "accountId",
                                account,
                                "name",
                                "a" + account,
                                "role",
                                "PARTICIPANT")))
                    .whenComplete(
                        (r, ex) -> {
                          inFlight.release();
                          if (ex == null && r.status() == 201) {
                            acked.add(account);
                            enough.countDown();
                          }
                        });
              }
            });
    sender.start();
    assertThat(enough.await(60, TimeUnit.SECONDS)).as("200 acknowledgements").isTrue();
    p.destroyForcibly();
    killed.set(true);
    p.waitFor(30, TimeUnit.SECONDS);
    sender.join(30_000);
    // Answers still in flight fail now that the process is gone; wait for them to settle.
    assertThat(inFlight.tryAcquire(64, 30, TimeUnit.SECONDS)).isTrue();
    return List.copyOf(acked);
  }
}
