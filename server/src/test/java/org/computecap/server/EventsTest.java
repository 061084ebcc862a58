package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The dashboard's server-sent events: a trade reaches a connected client as a market event. */
class EventsTest {
  @Test
  @Timeout(90)
  void a_trade_reaches_a_connected_dashboard_as_a_market_event() throws Exception {
    try (Harness h = Harness.withCast()) {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest req =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + h.server.port() + "/api/events"))
              .header("Accept", "text/event-stream")
              .build();
      HttpResponse<Stream<String>> resp =
          http.sendAsync(req, HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
      assertThat(resp.statusCode()).isEqualTo(200);
      assertThat(resp.headers().firstValue("Content-Type").orElse(""))
          .startsWith("text/event-stream");
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      Thread reader = new Thread(() -> resp.body().forEach(lines::add));
      reader.setDaemon(true);
      reader.start();
      // The connect comment proves the client is registered before the trade is sent.
      assertThat(lines.poll(30, TimeUnit.SECONDS)).startsWith(":");
      Harness.expect(h.as.get(Harness.BOB).placeOrder(Harness.BOB, "BUY", "LIMIT", 900, 2, 1), 201);
      String data = null;
      boolean market = false;
      while (data == null) {
        String line = lines.poll(30, TimeUnit.SECONDS);
        assertThat(line).as("a line within 30 s").isNotNull();
        if (line.equals("event: market")) {
          market = true;
        } else if (market && line.startsWith("data: ")) {
          data = line.substring("data: ".length());
        }
      }
      assertThat(data)
          .contains("\"priceCents\":900")
          .contains("\"quantity\":2")
          .contains("\"headHash\"")
          .contains("\"books\"");
    }
  }
}
