package org.computecap.journal.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.computecap.engine.Engine;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.journal.Replay;
import org.computecap.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's crash test, repeated with the journal in PostgreSQL: {@code computecap serve
 * --journal-url jdbc:postgresql:...} runs as a child JVM, takes a burst of concurrent commands over
 * HTTP, and is killed with SIGKILL in the middle of it. Restarted on the same table, the server
 * must hold every command it acknowledged, the chain must verify, and its state must equal a fresh
 * replay of the table.
 */
class PostgresServerCrashTest {
  private static final String TOKEN = "postgres-crash-regulator-token-0123456789";
  private static final Pattern SERVING = Pattern.compile("serving on http://127.0.0.1:(\\d+)/");
  private static final int ACKS_BEFORE_KILL = 200;
  private static final int IN_FLIGHT = 48;
  private static final Path PROGRAM = Path.of("../examples/programs/p2-risk-weighted.yaml");

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void every_acknowledged_command_survives_a_kill_of_the_server() throws Exception {
    String url = TestDatabase.freshUrl();
    Process child = start(url);
    Set<Long> acked;
    try {
      acked = burstUntilKilled(child, awaitPort(child));
    } finally {
      child.toHandle().destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    TableVerification v = PostgresJournal.verify(url);
    assertThat(v.intact()).as(v.summary()).isTrue();
    assertThat(v.entries()).isGreaterThanOrEqualTo(acked.size() + 1L);

    String stateHash;
    try (Server restarted =
        Server.start(
            new Server.Options(dir.resolve("data"), url, PROGRAM, 7, "127.0.0.1", 0),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            e -> {})) {
      // The child's COMPUTECAP_REGULATOR_TOKEN is in the journal, and still the regulator's.
      assertThat(accounts(restarted.port(), TOKEN)).containsAll(acked);
      stateHash = restarted.stateHashHex();
    }
    try (PostgresJournal journal = PostgresJournal.open(url)) {
      Engine replayed = Replay.rebuild(journal, ProgramParser.standard(), CommandCodec.standard());
      assertThat(Replay.hex(replayed.stateHash())).isEqualTo(stateHash);
      System.out.printf(
          "server crash test (PostgreSQL): %d acknowledged, %d entries in the"
              + " table after the kill%n",
          acked.size(), journal.size());
    }
  }

  private Process start(String url) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-cp",
            classPath,
            PostgresServerProcess.class.getName(),
            url,
            dir.resolve("data").toString(),
            PROGRAM.toAbsolutePath().toString());
    pb.environment().put("COMPUTECAP_REGULATOR_TOKEN", TOKEN);
    pb.redirectErrorStream(true);
    return pb.start();
  }

  /** Drains the child's output on a thread (so it never blocks) and returns its port. */
  private static int awaitPort(Process p) throws InterruptedException {
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
              } catch (IOException e) {
                lines.add("output closed: " + e.getMessage());
              }
            });
    reader.setDaemon(true);
    reader.start();
    StringBuilder seen = new StringBuilder();
    while (true) {
      String line = lines.poll(60, TimeUnit.SECONDS);
      if (line == null) {
        throw new AssertionError("the server did not start within 60 s; output:\n" + seen);
      }
      seen.append(line).append('\n');
      Matcher m = SERVING.matcher(line);
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
    }
  }

  /**
   * Opens accounts 1, 2, 3, ... with up to {@link #IN_FLIGHT} requests in flight; once enough are
   * acknowledged the server is killed while the rest are still on the wire.
   */
  private Set<Long> burstUntilKilled(Process child, int port) throws Exception {
    ConcurrentLinkedQueue<Long> acked = new ConcurrentLinkedQueue<>();
    CountDownLatch enough = new CountDownLatch(ACKS_BEFORE_KILL);
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    Thread sender =
        new Thread(
            () -> {
              for (long id = 1; id <= 100_000 && child.isAlive(); id++) {
                try {
                  if (!inFlight.tryAcquire(10, TimeUnit.SECONDS)) {
                    return;
                  }
                } catch (InterruptedException e) {
                  return;
                }
                long account = id;
                HttpRequest request =
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/accounts"))
                        .header("Authorization", "Bearer " + TOKEN)
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                "{\"accountId\":"
                                    + account
                                    + ",\"name\":\"a"
                                    + account
                                    + "\",\"role\":\"PARTICIPANT\"}"))
                        .build();
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete(
                        (r, ex) -> {
                          inFlight.release();
                          if (ex == null && r.statusCode() == 201) {
                            acked.add(account);
                            enough.countDown();
                          }
                        });
              }
            });
    sender.start();
    assertThat(enough.await(60, TimeUnit.SECONDS))
        .as(ACKS_BEFORE_KILL + " acknowledgements")
        .isTrue();
    child.toHandle().destroyForcibly();
    child.waitFor(30, TimeUnit.SECONDS);
    sender.join(30_000);
    assertThat(inFlight.tryAcquire(IN_FLIGHT, 30, TimeUnit.SECONDS))
        .as("every request in flight answered or failed")
        .isTrue();
    return new HashSet<>(acked);
  }

  private Set<Long> accounts(int port, String token) throws Exception {
    Set<Long> present = new HashSet<>();
    String after = "";
    while (true) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/api/accounts?limit=1000" + after))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode page = json.readTree(r.body());
      page.path("items").forEach(n -> present.add(n.path("accountId").asLong()));
      if (page.path("next").isNull()) {
        return present;
      }
      after = "&after=" + page.path("next").asLong();
    }
  }
}
