package org.computecap.server;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: measures acknowledged commands per second over loopback HTTP with N requests in
 * flight, and the mean group-commit batch (commands per journal fsync). Run with {@code java -cp
 * <test classpath> org.computecap.server.ServerThroughput [commands] [inFlight]}.
 */
public final class ServerThroughput {
  private ServerThroughput() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    Path dir = Files.createTempDirectory("computecap-throughput");
    try (Server server = Harness.startServer(dir)) {
      ApiClient reg =
          new ApiClient(
              URI.create("http://127.0.0.1:" + server.port()), server.newRegulatorToken());
      reg.openAccount(1, "alice", "PARTICIPANT");
      long flushes0 = server.journalFlushes();
      Semaphore slots = new Semaphore(inFlight);
      AtomicLong ok = new AtomicLong();
      String body = ApiClient.toJson(Map.of("amountCents", 1));
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        slots.acquire();
        reg.sendAsync("POST", "/api/accounts/1/deposits", body)
            .whenComplete(
                (r, e) -> {
                  if (e == null && r.status() == 200) {
                    ok.incrementAndGet();
                  }
                  slots.release();
                });
      }
      slots.acquire(inFlight);
      double s = (System.nanoTime() - t0) / 1e9;
      long flushes = server.journalFlushes() - flushes0;
      System.out.printf(
          "%d commands acknowledged in %.2f s: %.0f/s with %d in flight; "
              + "%d fsyncs, %.1f commands per batch%n",
          ok.get(), s, ok.get() / s, inFlight, flushes, (double) ok.get() / flushes);
    }
  }
}
