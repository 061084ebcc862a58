package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's account lifecycle and compliance calendar over HTTP, under the P2 example program with
 * registry controls: only a regulator suspends an account, with a reason the account's view shows;
 * a suspended account's transfer is refused by name; a surrender after the period closed is
 * refused; and each participant reads its UK ETS code of the closed period, a regulator everyone's.
 */
class LifecycleApiTest {
  @Test
  void a_regulator_suspends_an_account_and_participants_read_their_compliance_codes()
      throws Exception {
    try (Market m = Market.start("registryControls:\n  lateSurrender: REFUSED\n")) {
      ApiClient anonymous = m.anonymous();
      ApiClient reg = m.reg();
      ApiClient alice = m.alice();
      ApiClient bob = m.bob();
      status(
          reg.post("/api/issuances", Map.of("accountId", 1, "vintage", 1, "quantity", 100)), 200);

      Map<String, Object> suspend = Map.of("status", "SUSPENDED", "reason", "fraud inquiry 17");
      status(alice.post("/api/accounts/1/status", suspend), 403);
      status(reg.post("/api/accounts/1/status", Map.of("status", "SUSPENDED", "reason", "")), 400);
      status(reg.post("/api/accounts/1/status", suspend), 200);
      Map<String, Object> transfer =
          Map.of("fromAccountId", 1, "toAccountId", 2, "vintage", 1, "quantity", 5);
      ApiClient.Response refused = alice.post("/api/transfers", transfer);
      status(refused, 409);
      assertThat(refused.body().path("code").asText()).isEqualTo("ACCOUNT_SUSPENDED");
      JsonNode account = alice.get("/api/accounts/1").body();
      assertThat(account.path("status").asText()).isEqualTo("SUSPENDED");
      assertThat(account.path("statusReason").asText()).isEqualTo("fraud inquiry 17");
      status(
          reg.post("/api/accounts/1/status", Map.of("status", "OPEN", "reason", "inquiry closed")),
          200);
      status(alice.post("/api/transfers", transfer), 200);

      // alice reports 10 (unevaluated: H, alpha 3, obligation 30) and surrenders 20; bob reports
      // nothing.
      status(
          alice.post(
              "/api/reports",
              Map.of("accountId", 1, "period", 1, "workload", "TRAINING", "quantity", 10)),
          200);
      status(alice.post("/api/accounts/1/surrenders", Map.of("period", 1, "quantity", 20)), 200);
      status(reg.post("/api/periods/1/close", Map.of()), 200);
      ApiClient.Response late =
          alice.post("/api/accounts/1/surrenders", Map.of("period", 1, "quantity", 10));
      status(late, 409);
      assertThat(late.body().path("code").asText()).isEqualTo("SURRENDER_DEADLINE_PASSED");

      assertThat(codes(alice)).containsExactly("1:B:30:20");
      assertThat(codes(bob)).containsExactly("2:C:0:0");
      assertThat(codes(reg)).containsExactly("1:B:30:20", "2:C:0:0");

      // Reversals are a regulator's: 5 of alice's 20 come back, and her assessment is redone.
      Map<String, Object> reversal = Map.of("period", 1, "quantity", 5, "reason", "in error");
      status(alice.post("/api/accounts/1/surrender-reversals", reversal), 403);
      status(reg.post("/api/accounts/1/surrender-reversals", reversal), 200);
      assertThat(codes(alice)).containsExactly("1:B:30:15");
      ApiClient.Response none = reg.post("/api/accounts/2/allocation-reversals", reversal);
      status(none, 409);
      assertThat(none.body().path("code").asText()).isEqualTo("REVERSAL_EXCEEDS_ALLOCATION");
      status(anonymous.get("/api/periods/1/compliance-codes"), 401);
    }
  }

  /**
   * A holding limit of 0.1% of period 1's cap of 100,000 (100 permits): a transfer that would take
   * bob above it is refused by name and moves nothing; one that reaches it exactly goes through;
   * then a buy order is refused on its worst case (as if it filled), before any trade.
   */
  @Test
  void a_transfer_or_order_above_the_holding_limit_is_refused_and_moves_nothing() throws Exception {
    try (Market m =
        Market.start(
            "registryControls:\n"
                + "  lateSurrender: REFUSED\n"
                + "  holdingLimit:\n"
                + "    basePermits: 100000\n"
                + "    baseSharePpm: 1000\n"
                + "    aboveBaseSharePpm: 0\n")) {
      ApiClient reg = m.reg();
      ApiClient alice = m.alice();
      ApiClient bob = m.bob();
      status(reg.post("/api/issuances", Map.of("accountId", 1, "vintage", 1, "quantity", 60)), 200);
      status(reg.post("/api/issuances", Map.of("accountId", 2, "vintage", 1, "quantity", 90)), 200);
      status(bob.post("/api/accounts/2/deposits", Map.of("amountCents", 100_000)), 200);

      ApiClient.Response over =
          alice.post(
              "/api/transfers",
              Map.of("fromAccountId", 1, "toAccountId", 2, "vintage", 1, "quantity", 11));
      status(over, 409);
      assertThat(over.body().path("code").asText()).isEqualTo("HOLDING_LIMIT_EXCEEDED");
      assertThat(freePermits(reg, 1)).isEqualTo(60);
      assertThat(freePermits(reg, 2)).isEqualTo(90);

      status(
          alice.post(
              "/api/transfers",
              Map.of("fromAccountId", 1, "toAccountId", 2, "vintage", 1, "quantity", 10)),
          200);
      assertThat(freePermits(reg, 2)).isEqualTo(100);

      ApiClient.Response buy =
          bob.post(
              "/api/orders",
              Map.of(
                  "accountId",
                  2,
                  "side",
                  "BUY",
                  "type",
                  "LIMIT",
                  "priceCents",
                  500,
                  "quantity",
                  1,
                  "vintage",
                  1));
      status(buy, 409);
      assertThat(buy.body().path("code").asText()).isEqualTo("HOLDING_LIMIT_EXCEEDED");
      assertThat(freePermits(reg, 2)).isEqualTo(100);
    }
  }

  private static long freePermits(ApiClient client, long account) throws Exception {
    return client.get("/api/accounts/" + account + "/holdings").body().path("freePermits").asLong();
  }

  /**
   * A server on the P2 example program with {@code controls} appended, the regulator, and alice (1)
   * and bob (2) enrolled as participants.
   */
  private record Market(
      Server server, ApiClient anonymous, ApiClient reg, ApiClient alice, ApiClient bob)
      implements AutoCloseable {
    static Market start(String controls) throws Exception {
      Path dir = Files.createTempDirectory("computecap-lifecycle");
      Path program = dir.resolve("program.yaml");
      Files.writeString(program, Files.readString(Harness.program()) + controls);
      Server server =
          Server.start(
              new Server.Options(dir.resolve("data"), null, program, 7, "127.0.0.1", 0),
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
              e -> {});
      ApiClient anonymous = new ApiClient(URI.create("http://127.0.0.1:" + server.port()), null);
      ApiClient reg = anonymous.withToken(server.newRegulatorToken());
      status(reg.openAccount(1, "alice", "PARTICIPANT"), 201);
      status(reg.openAccount(2, "bob", "PARTICIPANT"), 201);
      return new Market(
          server,
          anonymous,
          reg,
          anonymous.withToken(reg.enrolAccount(1)),
          anonymous.withToken(reg.enrolAccount(2)));
    }

    @Override
    public void close() {
      server.close();
    }
  }

  private static List<String> codes(ApiClient client) throws Exception {
    ApiClient.Response r = client.get("/api/periods/1/compliance-codes");
    status(r, 200);
    List<String> out = new ArrayList<>();
    for (JsonNode row : r.body().path("items")) {
      out.add(
          row.path("accountId").asLong()
              + ":"
              + row.path("code").asText()
              + ":"
              + row.path("obligationPermits").asLong()
              + ":"
              + row.path("surrenderedByDeadlinePermits").asLong());
    }
    return out;
  }

  private static void status(ApiClient.Response r, int expected) {
    assertThat(r.status()).as(r.text()).isEqualTo(expected);
  }
}
