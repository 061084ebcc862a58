package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's price containment reserve sale and price ceiling over HTTP, under the P2 example
 * program with banking on and both controls added: the regulator opens and clears a sale, alice
 * bids for herself and buys at the ceiling up to her unmet obligation, and bob may do neither for
 * her. (ApiTest's walk runs the plain P2 program, which has no price controls.)
 */
class PriceControlApiTest {
  private static final String CONTROLS =
      """
      priceContainment:
        triggerSharePpm: 600000
        tiers:
          - {volumePermits: 100, priceCents: 1500}
          - {volumePermits: 50, priceCents: 2000}
      priceCeiling:
        priceCents: 3000
      """;

  @Test
  void a_reserve_sale_and_a_ceiling_purchase_run_through_the_api_with_the_right_roles()
      throws Exception {
    Path dir = Files.createTempDirectory("computecap-price-controls");
    Path program = dir.resolve("program.yaml");
    Files.writeString(
        program,
        Files.readString(Harness.program()).replace("banking: false", "banking: true") + CONTROLS);
    Path data = dir.resolve("data");
    try (Server server =
        Server.start(
            new Server.Options(data, null, program, 7, "127.0.0.1", 0),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            e -> {})) {
      ApiClient anonymous = new ApiClient(URI.create("http://127.0.0.1:" + server.port()), null);
      ApiClient reg = anonymous.withToken(server.newRegulatorToken());
      status(reg.openAccount(1, "alice", "PARTICIPANT"), 201);
      status(reg.openAccount(2, "bob", "PARTICIPANT"), 201);
      ApiClient alice = anonymous.withToken(reg.enrolAccount(1));
      ApiClient bob = anonymous.withToken(reg.enrolAccount(2));
      status(reg.deposit(1, 10_000_000), 200);
      // An auction clearing at the 1,000-cent reserve price: >= 60% of 1,500, so it triggers.
      status(reg.post("/api/auctions", Map.of("auctionId", 1, "period", 1, "quantity", 100)), 201);
      status(
          alice.post(
              "/api/auctions/1/bids",
              Map.of("bidId", 1, "accountId", 1, "quantity", 10, "limitPriceCents", 1000)),
          201);
      status(reg.post("/api/auctions/1/clear", Map.of()), 200);
      // 100 PFLOP unevaluated (H, alpha 3): obligation 300, she holds 10, so 290 are unmet.
      status(
          alice.post(
              "/api/reports",
              Map.of("accountId", 1, "period", 1, "workload", "TRAINING", "quantity", 100)),
          200);

      status(bob.post("/api/reserve-sales", Map.of("saleId", 1, "period", 1)), 403);
      status(reg.post("/api/reserve-sales", Map.of("saleId", 1, "period", 1)), 201);
      Map<String, Object> bid = Map.of("bidId", 1, "accountId", 1, "quantity", 150);
      status(bob.post("/api/reserve-sales/1/bids", bid), 403);
      status(alice.post("/api/reserve-sales/1/bids", bid), 201);
      ApiClient.Response none =
          bob.post("/api/reserve-sales/1/bids", Map.of("bidId", 2, "accountId", 2, "quantity", 1));
      status(none, 409);
      assertThat(none.body().path("code").asText()).isEqualTo("NO_UNMET_OBLIGATION");
      status(alice.post("/api/reserve-sales/1/clear", Map.of()), 403);
      status(reg.post("/api/reserve-sales/1/clear", Map.of()), 200);

      Map<String, Object> buy = Map.of("accountId", 1, "quantity", 141);
      ApiClient.Response above = alice.post("/api/price-ceiling/purchases", buy);
      status(above, 409);
      assertThat(above.body().path("code").asText()).isEqualTo("ABOVE_UNMET_OBLIGATION");
      status(
          bob.post("/api/price-ceiling/purchases", Map.of("accountId", 1, "quantity", 140)), 403);
      status(
          alice.post("/api/price-ceiling/purchases", Map.of("accountId", 1, "quantity", 140)), 200);
      // 10 auctioned + 150 from the reserve + 140 at the ceiling; paid 10,000 + 100 · 1,500 +
      // 50 · 2,000 + 140 · 3,000 cents.
      ApiClient.Response holdings = alice.get("/api/accounts/1/holdings");
      status(holdings, 200);
      assertThat(holdings.body().path("freePermits").asLong()).isEqualTo(300);
      ApiClient.Response cash = alice.get("/api/accounts/1/cash");
      assertThat(cash.body().path("freeCents").asLong())
          .isEqualTo(10_000_000 - 10_000 - 150_000 - 100_000 - 420_000);
    }
  }

  private static void status(ApiClient.Response r, int expected) {
    assertThat(r.status()).as(r.text()).isEqualTo(expected);
  }
}
