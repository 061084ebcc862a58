package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A few hundred slow clients must not starve the others. 300 connections send a participant's order
 * whose body arrives one byte a second, and 50 more send their header lines one byte a second;
 * meanwhile another client reads the market every 100 ms. Every one of its reads must be answered
 * (none times out after 10 s), and the server must cut the slow connections off once their read
 * deadline has passed, answering the slow bodies 408 where it still can. No timing is asserted
 * beyond those generous bounds.
 */
class SlowClientsTest {
  private static final int SLOW_BODIES = 300;
  private static final int SLOW_HEADERS = 50;

  @Test
  @Timeout(120)
  void slow_bodies_and_headers_do_not_starve_other_clients() throws Exception {
    Path dir = Files.createTempDirectory("computecap-slow");
    Server.Limits limits = new Server.Limits(2_000, 3_000, 64 * 1024, 8 * 1024);
    try (Harness h = Harness.withCast(dir, limits)) {
      String alice = "Authorization: Bearer " + h.tokenOf(Harness.ALICE) + "\r\n";
      String order =
          "{\"accountId\":1,\"side\":\"SELL\",\"type\":\"LIMIT\",\"priceCents\":900,"
              + "\"quantity\":1,\"vintage\":1}";
      List<RawHttp> bodies = new ArrayList<>();
      for (int i = 0; i < SLOW_BODIES; i++) {
        RawHttp c = new RawHttp(h.server.port(), 1_000);
        c.send(
            "POST /api/orders HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + alice
                + "Content-Type: application/json\r\nContent-Length: "
                + order.length()
                + "\r\n\r\n"
                + order.charAt(0));
        bodies.add(c);
      }
      List<RawHttp> headers = new ArrayList<>();
      for (int i = 0; i < SLOW_HEADERS; i++) {
        RawHttp c = new RawHttp(h.server.port(), 1_000);
        c.send("GET /api/market/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
        headers.add(c);
      }
      Thread drip = new Thread(() -> drip(bodies, headers, order), "drip");
      drip.setDaemon(true);
      drip.start();

      List<CompletableFuture<ApiClient.Response>> reads = new ArrayList<>();
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
      while (System.nanoTime() < end) {
        reads.add(h.anonymous.sendAsync("GET", "/api/market/1", null));
        Thread.sleep(100);
      }
      List<String> failed = new ArrayList<>();
      for (CompletableFuture<ApiClient.Response> f : reads) {
        try {
          int status = f.get(10, TimeUnit.SECONDS).status();
          if (status != 200) {
            failed.add("status " + status);
          }
        } catch (java.util.concurrent.ExecutionException
            | java.util.concurrent.TimeoutException e) {
          failed.add(e.toString());
        }
      }
      drip.interrupt();
      assertThat(failed).as("of %d reads during the slow load", reads.size()).isEmpty();

      // By now every slow connection is past its deadline: the server has closed it.
      int open = 0;
      int answered408 = 0;
      for (RawHttp c : bodies) {
        String first = firstLine(c);
        if (first == null) {
          open++;
        } else if (first.contains(" 408 ")) {
          answered408++;
        }
        c.close();
      }
      for (RawHttp c : headers) {
        if (!c.closedByServer()) {
          open++;
        }
        c.close();
      }
      assertThat(open).as("slow connections still open").isZero();
      assertThat(answered408).as("slow bodies answered 408").isPositive();
    }
  }

  /** Sends one more byte of every slow body and header each second until interrupted. */
  private static void drip(List<RawHttp> bodies, List<RawHttp> headers, String order) {
    for (int i = 1; !Thread.currentThread().isInterrupted(); i++) {
      for (RawHttp c : bodies) {
        try {
          if (i < order.length()) {
            c.send(String.valueOf(order.charAt(i)));
          }
        } catch (IOException e) {
          // Closed by the server: what it should do.
        }
      }
      for (RawHttp c : headers) {
        try {
          c.send("x");
        } catch (IOException e) {
          // Closed by the server.
        }
      }
      try {
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The status line the server sent, "" when it closed without one, null while still open. */
  private static String firstLine(RawHttp c) {
    try {
      String line = c.line();
      return line == null ? "" : line;
    } catch (java.net.SocketTimeoutException e) {
      return null;
    } catch (IOException e) {
      return "";
    }
  }
}
