package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Serial numbers over HTTP (issue 15): the ranges an account holds, who holds one serial and the
 * audit trail, with the role rules of holdings, a participant's counterparty hidden as in its
 * trades.
 */
class SerialApiTest {
  @Test
  void serial_ranges_and_holders_are_read_with_the_role_rules_of_holdings() throws Exception {
    Path dir = Files.createTempDirectory("computecap-serials");
    try (Server server =
        Server.start(
            new Server.Options(dir.resolve("data"), null, Harness.program(), 7, "127.0.0.1", 0),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            e -> {})) {
      ApiClient anonymous = new ApiClient(URI.create("http://127.0.0.1:" + server.port()), null);
      ApiClient reg = anonymous.withToken(server.newRegulatorToken());
      status(reg.openAccount(1, "alice", "PARTICIPANT"), 201);
      status(reg.openAccount(2, "bob", "PARTICIPANT"), 201);
      ApiClient alice = anonymous.withToken(reg.enrolAccount(1));
      ApiClient bob = anonymous.withToken(reg.enrolAccount(2));
      status(
          reg.post("/api/issuances", Map.of("accountId", 1, "vintage", 1, "quantity", 100)), 200);
      status(reg.post("/api/issuances", Map.of("accountId", 2, "vintage", 1, "quantity", 50)), 200);
      ApiClient.Response sent =
          alice.post(
              "/api/transfers",
              Map.of("fromAccountId", 1, "toAccountId", 2, "vintage", 1, "quantity", 30));
      status(sent, 200);
      // Alice's lowest 30 went to bob: her audit trail names issuance, and hides bob.
      JsonNode trail = alice.get("/api/accounts/1/serial-trail").body().path("items");
      assertThat(trail).hasSize(2);
      assertThat(trail.get(0).path("fromAccountId").asLong()).isEqualTo(-1);
      assertThat(trail.get(0).path("toAccountId").asLong()).isEqualTo(1);
      assertThat(trail.get(0).path("last").asLong()).isEqualTo(100);
      assertThat(trail.get(1).path("fromAccountId").asLong()).isEqualTo(1);
      assertThat(trail.get(1).path("toAccountId").isNull()).isTrue();
      assertThat(trail.get(1).path("first").asLong()).isEqualTo(1);
      assertThat(trail.get(1).path("last").asLong()).isEqualTo(30);
      // A regulator sees both sides, and pages through the whole market's trail.
      JsonNode all = reg.get("/api/serial-trail?limit=2").body();
      assertThat(all.path("items")).hasSize(2);
      assertThat(all.path("next").asLong()).isEqualTo(2);
      JsonNode rest = reg.get("/api/serial-trail?after=2").body().path("items");
      assertThat(rest).hasSize(1);
      assertThat(rest.get(0).path("toAccountId").asLong()).isEqualTo(2);
      status(alice.get("/api/serial-trail"), 403);
      status(alice.get("/api/accounts/2/serial-trail"), 403);

      ApiClient.Response bobs = bob.get("/api/accounts/2/serials");
      status(bobs, 200);
      JsonNode v1 = bobs.body().path("vintages").get(0);
      assertThat(v1.path("vintage").asInt()).isEqualTo(1);
      assertThat(v1.path("permits").asLong()).isEqualTo(80);
      assertThat(v1.path("ranges").toString())
          .isEqualTo("[{\"first\":1,\"last\":30},{\"first\":101,\"last\":150}]");
      status(alice.get("/api/accounts/2/serials"), 403);
      status(reg.get("/api/accounts/2/serials"), 200);
      status(anonymous.get("/api/accounts/2/serials"), 401);

      ApiClient.Response holder = bob.get("/api/serials/1/7");
      status(holder, 200);
      assertThat(holder.body().path("accountId").asLong()).isEqualTo(2);
      // Alice may not learn who holds what she gave away; a regulator may.
      status(alice.get("/api/serials/1/7"), 404);
      assertThat(reg.get("/api/serials/1/7").body().path("accountId").asLong()).isEqualTo(2);
      assertThat(alice.get("/api/serials/1/31").body().path("accountId").asLong()).isEqualTo(1);
      status(reg.get("/api/serials/1/151"), 404);
      // A serial in a system account is no participant's secret.
      status(bob.post("/api/accounts/2/cancellations", Map.of("vintage", 1, "quantity", 1)), 200);
      ApiClient.Response cancelled = alice.get("/api/serials/1/1");
      status(cancelled, 200);
      assertThat(cancelled.body().path("system").asText()).isEqualTo("cancellation");
      status(reg.get("/api/serials/1/0"), 400);
    }
  }

  private static JsonNode last(JsonNode array) {
    return array.get(array.size() - 1);
  }

  private static void status(ApiClient.Response r, int expected) {
    assertThat(r.status()).as(r.text()).isEqualTo(expected);
  }
}
