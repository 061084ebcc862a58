package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One event subscriber that never reads must not hold up the others. A raw socket with a tiny
 * receive window subscribes to {@code /api/events} and then reads nothing, while a second
 * subscriber reads every event; commands are sent one after another until the server has dropped
 * the stalled one (its queue is bounded). Throughout, every acknowledged command must reach the
 * reading subscriber as a market event within a second, and the stalled subscriber's stream, when
 * it finally reads, must end with an event saying why it was dropped.
 */
class SlowSubscriberTest {
  private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

  @Test
  @Timeout(180)
  void a_stalled_reader_is_dropped_while_a_reading_subscriber_keeps_receiving() throws Exception {
    try (Harness h = Harness.withCast()) {
      int port = h.server.port();
      Socket stalled = new Socket();
      stalled.setReceiveBufferSize(1024);
      stalled.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      stalled.getOutputStream().write(subscribe().getBytes(StandardCharsets.ISO_8859_1));
      stalled.getOutputStream().flush();

      // seq of each market event -> when the reading subscriber got it (ms).
      ConcurrentSkipListMap<Long, Long> received = new ConcurrentSkipListMap<>();
      RawHttp reading = new RawHttp(port, 120_000);
      reading.send(subscribe());
      Thread reader = new Thread(() -> readEvents(reading, received), "reading-subscriber");
      reader.setDaemon(true);
      reader.start();
      awaitSubscribers(h, 2);

      List<String> late = new ArrayList<>();
      long sent = 0;
      while (h.server.eventSubscribers() > 1 && sent < 60_000 && late.isEmpty()) {
        ApiClient.Response r = h.regulator.deposit(Harness.ALICE, 1);
        Harness.expect(r, 200);
        long ackedAt = System.currentTimeMillis();
        long seq = r.body().path("seq").asLong();
        sent++;
        long deadline = ackedAt + 1_000;
        while (received.ceilingKey(seq) == null && System.currentTimeMillis() < deadline) {
          Thread.sleep(1);
        }
        Map.Entry<Long, Long> got = received.ceilingEntry(seq);
        if (got == null || got.getValue() > deadline) {
          late.add("command seq " + seq + " (the " + sent + "th) not received within 1 s");
        }
      }
      assertThat(late).isEmpty();
      assertThat(h.server.eventSubscribers()).as("after %d commands", sent).isEqualTo(1);

      // Now read what the stalled subscriber was sent: it ends with the reason, then the close.
      stalled.setSoTimeout(30_000);
      String tail = readToEnd(stalled);
      assertThat(tail).contains("event: dropped").contains("fell behind");
      stalled.close();
      reading.close();
    }
  }

  private static String subscribe() {
    return "GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n";
  }

  private static void awaitSubscribers(Harness h, int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (h.server.eventSubscribers() < n && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(h.server.eventSubscribers()).isEqualTo(n);
  }

  private static void readEvents(RawHttp c, Map<Long, Long> received) {
    try {
      for (String line = c.line(); line != null; line = c.line()) {
        if (line.startsWith("data: ")) {
          Matcher m = SEQ.matcher(line);
          if (m.find()) {
            received.putIfAbsent(Long.parseLong(m.group(1)), System.currentTimeMillis());
          }
        }
      }
    } catch (java.io.IOException e) {
      // The test closes the socket at its end.
    }
  }

  /** Everything left on the socket until the server closes it; the last 4 KiB of it. */
  private static String readToEnd(Socket s) throws java.io.IOException {
    StringBuilder tail = new StringBuilder();
    byte[] buf = new byte[64 * 1024];
    try {
      for (int n = s.getInputStream().read(buf); n != -1; n = s.getInputStream().read(buf)) {
        tail.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
        if (tail.length() > 8192) {
          tail.delete(0, tail.length() - 4096);
        }
      }
    } catch (java.net.SocketException e) {
      // A reset after the final event still ends the stream.
    }
    return tail.toString();
  }
}
