package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/stability} over real HTTP, against the shipped market stability example program
 * (an escalating reserve price, re-offered unsold permits, RGGI-style cost and emissions
 * containment): every figure is worked out by hand from docs/rules.md, and a restart, from a
 * snapshot or by a full replay of the journal, answers the same.
 */
class StabilityApiTest {
  @TempDir Path dir;

  static Path program(String name) {
    Path p = Path.of("..", "examples", "programs", name);
    return Files.exists(p) ? p : Path.of("examples", "programs", name);
  }

  /**
   * market-stability.yaml without its stability reserve section, so these figures show the auction
   * rules alone (the reserve has its own test below), written into {@code dir}.
   */
  static Path withoutStabilityReserve(Path dir) throws java.io.IOException {
    Path yaml = dir.resolve("auction-rules.yaml");
    Files.writeString(
        yaml,
        Files.readString(program("market-stability.yaml"))
            .replaceAll("(?m)^stabilityReserve:.*\n(?:[ #].*\n?)*", ""));
    return yaml;
  }

  static Server start(Path dataDir, Path program, ByteArrayOutputStream log) {
    return Server.start(
        new Server.Options(dataDir, null, program, 7, "127.0.0.1", 0),
        new PrintStream(log, true, StandardCharsets.UTF_8),
        e -> {});
  }

  /** A market over {@code program} with {@code n} funded participants 1..n, each with a token. */
  record Market(Server server, ApiClient regulator, Map<Long, ApiClient> as) {
    static Market open(Server server, int n) {
      ApiClient anonymous = new ApiClient(URI.create("http://127.0.0.1:" + server.port()), null);
      ApiClient regulator = anonymous.withToken(server.newRegulatorToken());
      Map<Long, ApiClient> as = new LinkedHashMap<>();
      for (long id = 1; id <= n; id++) {
        ok(regulator.openAccount(id, "p" + id, "PARTICIPANT"));
        as.put(id, anonymous.withToken(regulator.enrolAccount(id)));
        ok(regulator.deposit(id, 100_000_000));
      }
      return new Market(server, regulator, as);
    }

    void auction(long auctionId, int period, long quantity) {
      ok(
          regulator.post(
              "/api/auctions",
              Map.of("auctionId", auctionId, "period", period, "quantity", quantity)));
    }

    void bid(long auctionId, long bidId, long account, long quantity, long limitCents) {
      ok(
          as.get(account)
              .post(
                  "/api/auctions/" + auctionId + "/bids",
                  Map.of(
                      "bidId",
                      bidId,
                      "accountId",
                      account,
                      "quantity",
                      quantity,
                      "limitPriceCents",
                      limitCents)));
    }

    void clear(long auctionId) {
      ok(regulator.post("/api/auctions/" + auctionId + "/clear", Map.of()));
    }

    void close(int period) {
      ok(regulator.post("/api/periods/" + period + "/close", Map.of()));
    }

    JsonNode stability() {
      ApiClient.Response r = regulator.withToken(null).get("/api/stability");
      assertThat(r.status()).as(r.text()).isEqualTo(200);
      return r.body();
    }
  }

  /** The reserves as the API lists them; {@code stability} null where the program has none. */
  static String reserves(long auction, Long stability, long cancelled) {
    return "[{\"accountId\":-7,\"account\":\"auction-reserve\",\"permits\":"
        + auction
        + "},"
        + (stability == null
            ? ""
            : "{\"accountId\":-8,\"account\":\"stability-reserve\",\"permits\":" + stability + "},")
        + "{\"accountId\":-3,\"account\":\"cancellation\",\"permits\":"
        + cancelled
        + "}]";
  }

  static void ok(ApiClient.Response r) {
    assertThat(r.ok()).as(r.status() + " " + r.text()).isTrue();
  }

  @Test
  void each_periods_reserve_price_containment_and_reserve_balances_at_close_are_shown()
      throws Exception {
    Path data = dir.resolve("data");
    Path rules = withoutStabilityReserve(dir);
    try (Server server = start(data, rules, new ByteArrayOutputStream())) {
      Market m = Market.open(server, 6);
      // Period 1 (reserve $2.50, ECR trigger $6.00, 10,000 to withhold). Auction 1: D(600) =
      // 2,000 of 10,000, so 8,000 are withheld and 2,000 sell at 700. Auction 2: D(600) = 0 and
      // 2,000 are left to withhold; the other 8,000 meet 3,000 of demand at 260: 5,000 unsold.
      m.auction(1, 1, 10_000);
      m.bid(1, 1, 1, 2_000, 700);
      m.bid(1, 2, 2, 2_000, 500);
      m.clear(1);
      m.auction(2, 1, 10_000);
      m.bid(2, 3, 1, 2_000, 300);
      m.bid(2, 4, 2, 1_000, 260);
      m.clear(2);
      JsonNode before = m.stability();
      assertThat(before.path("reserves").toString()).isEqualTo(reserves(5000, null, 10000));
      m.close(1);
      long snapshotSeq = server.snapshotNow();
      assertThat(snapshotSeq).isPositive();
      // Period 2 (reserve 256, CCR trigger 1,391): auction 3 of 400 re-offers 100 of the 5,000
      // (25%), so S = 500 and each bidder may buy 100; six bids of 100 at $15 make D(1391) = 600 >
      // 500, and the cost containment reserve releases 100: 600 sell at 1,500.
      m.auction(3, 2, 400);
      for (long p = 1; p <= 6; p++) {
        m.bid(3, 10 + p, p, 100, 1_500);
      }
      m.clear(3);
      m.close(2);

      JsonNode s = m.stability();
      assertThat(s.path("mechanisms").toString())
          .isEqualTo(
              "[\"ESCALATING_RESERVE_PRICE\",\"REOFFER_UNSOLD\",\"COST_CONTAINMENT\","
                  + "\"EMISSIONS_CONTAINMENT\"]");
      assertThat(s.path("reserves").toString()).isEqualTo(reserves(4900, null, 10000));
      JsonNode periods = s.path("periods");
      assertThat(periods).hasSize(4);
      assertThat(row(periods.get(0)))
          .isEqualTo("1 CLOSED 250 1300 600 | 2 0 20000 5000 | 0 10000 0 0 | 5000 10000");
      assertThat(row(periods.get(1)))
          .isEqualTo("2 CLOSED 256 1391 642 | 1 0 500 600 | 100 0 100 0 | 4900 10000");
      assertThat(row(periods.get(2))).isEqualTo("3 CURRENT 262 1488 687 | 0 0 0 0 | 0 0 0 0 | - -");
      assertThat(row(periods.get(3))).isEqualTo("4 FUTURE 269 1592 735 | 0 0 0 0 | 0 0 0 0 | - -");
      assertThat(events(periods.get(0)))
          .isEqualTo(
              "EmissionsContainmentWithheld auction 1: 8000,"
                  + " EmissionsContainmentWithheld auction 2: 2000");
      assertThat(events(periods.get(1)))
          .isEqualTo(
              "UnsoldPermitsReoffered auction 3: 100, CostContainmentReleased auction 3: 100");
      String answer = s.toString();

      // What kill -9 would leave: the journal and the snapshot taken after period 1's close.
      Path fast = copy(data, dir.resolve("fast"));
      Path full = copy(data, dir.resolve("full"));
      StateSnapshotTest.deleteTree(full.resolve(StateSnapshots.DIR));
      ByteArrayOutputStream fastLog = new ByteArrayOutputStream();
      ByteArrayOutputStream fullLog = new ByteArrayOutputStream();
      try (Server a = start(fast, rules, fastLog);
          Server b = start(full, rules, fullLog)) {
        assertThat(fastLog.toString(StandardCharsets.UTF_8)).contains("restored from");
        // A full replay applies the whole journal as one batch of the read model: the balances
        // at period 1's close must still be those right after the close, not after period 2.
        assertThat(fullLog.toString(StandardCharsets.UTF_8)).contains("replayed in full");
        assertThat(get(a)).isEqualTo(answer);
        assertThat(get(b)).isEqualTo(answer);
      }
    }
  }

  @Test
  void a_cancelled_auction_and_the_permits_moved_to_the_stability_reserve_are_shown()
      throws Exception {
    Path yaml = dir.resolve("cancel.yaml");
    String text =
        Files.readString(withoutStabilityReserve(dir))
            .replace("policy: REOFFER", "policy: TO_STABILITY_RESERVE")
            .replaceAll("\n *reofferMaxSharePpm:[^\n]*", "")
            .replace("cancelWhenUndersubscribed: false", "cancelWhenUndersubscribed: true");
    Files.writeString(yaml, text);
    try (Server server = start(dir.resolve("data"), yaml, new ByteArrayOutputStream())) {
      Market m = Market.open(server, 1);
      JsonNode empty = m.stability();
      assertThat(empty.path("reserves").toString()).isEqualTo(reserves(0, 0L, 0));
      // 100 bid at the reserve price for 1,000 offered: cancelled, all 1,000 to the reserve.
      m.auction(1, 1, 1_000);
      m.bid(1, 1, 1, 100, 250);
      m.clear(1);
      m.close(1);
      JsonNode s = m.stability();
      assertThat(s.path("mechanisms").toString())
          .isEqualTo(
              "[\"ESCALATING_RESERVE_PRICE\",\"UNSOLD_TO_STABILITY_RESERVE\","
                  + "\"CANCEL_UNDERSUBSCRIBED\",\"COST_CONTAINMENT\",\"EMISSIONS_CONTAINMENT\"]");
      JsonNode p1 = s.path("periods").get(0);
      assertThat(p1.path("cancelledAuctions").asInt()).isEqualTo(1);
      assertThat(p1.path("soldPermits").asLong()).isZero();
      assertThat(p1.path("movedToStabilityReservePermits").asLong()).isEqualTo(1_000);
      assertThat(p1.path("emissionsContainmentWithheldPermits").asLong()).isZero();
      assertThat(p1.path("reservesAtClose").toString()).isEqualTo(reserves(0, 1000L, 0));
      assertThat(events(p1))
          .isEqualTo("AuctionCancelled auction 1: -, UnsoldPermitsMoved auction 1: 1000");
      JsonNode cancelled = p1.path("actions").get(0).path("data");
      assertThat(cancelled.path("demandPermits").asLong()).isEqualTo(100);
      assertThat(cancelled.path("supplyPermits").asLong()).isEqualTo(1_000);
    }
  }

  // Issue 14's stability reserve: each close's settlement (TNAC, band, intake, release) is shown
  // in its period's row and actions, and the reserve's balance beside the others.
  @Test
  void the_stability_reserves_settlement_at_each_close_is_shown() throws Exception {
    try (Server server =
        start(dir.resolve("data"), program("market-stability.yaml"), new ByteArrayOutputStream())) {
      Market m = Market.open(server, 2);
      m.auction(1, 1, 10_000);
      m.bid(1, 1, 1, 2_000, 700);
      m.clear(1);
      m.close(1);
      JsonNode s = m.stability();
      assertThat(s.path("mechanisms").toString()).contains("\"STABILITY_RESERVE\"");
      assertThat(s.path("reserves").toString()).contains("\"account\":\"stability-reserve\"");
      JsonNode p1 = s.path("periods").get(0);
      JsonNode settled = null;
      for (JsonNode a : p1.path("actions")) {
        if (a.path("event").asText().equals("StabilityReserveSettled")) {
          settled = a.path("data");
        }
      }
      assertThat(settled).isNotNull();
      assertThat(p1.path("tnacPermits").asLong()).isEqualTo(settled.path("tnacPermits").asLong());
      assertThat(p1.path("stabilityBand").asText()).isEqualTo(settled.path("band").asText());
      assertThat(p1.path("stabilityIntakePermits").asLong())
          .isEqualTo(settled.path("intakePermits").asLong());
      assertThat(p1.path("stabilityReleasePermits").asLong())
          .isEqualTo(settled.path("releasePermits").asLong());
      // TNAC below the 40,000 release threshold: the EU rule's release band.
      assertThat(p1.path("tnacPermits").asLong()).isLessThan(40_000);
      assertThat(p1.path("stabilityBand").asText()).isEqualTo("RELEASE");
      // A period not closed yet has no settlement.
      assertThat(s.path("periods").get(1).path("tnacPermits").isNull()).isTrue();
    }
  }

  /** A period's figures in one line: prices | auctions | mechanisms | balances at close. */
  private static String row(JsonNode p) {
    JsonNode close = p.path("reservesAtClose");
    return String.join(
        " ",
        p.path("period").asText(),
        p.path("status").asText(),
        p.path("reservePriceCents").asText(),
        p.path("costContainmentTriggerCents").asText(),
        p.path("emissionsContainmentTriggerCents").asText(),
        "|",
        p.path("auctions").asText(),
        p.path("cancelledAuctions").asText(),
        p.path("supplyPermits").asText(),
        p.path("soldPermits").asText(),
        "|",
        p.path("costContainmentReleasedPermits").asText(),
        p.path("emissionsContainmentWithheldPermits").asText(),
        p.path("reofferedPermits").asText(),
        p.path("movedToStabilityReservePermits").asText(),
        "|",
        close.isNull() ? "-" : close.get(0).path("permits").asText(),
        close.isNull() ? "-" : close.get(close.size() - 1).path("permits").asText());
  }

  private static String events(JsonNode period) {
    List<String> out = new java.util.ArrayList<>();
    for (JsonNode a : period.path("actions")) {
      JsonNode d = a.path("data");
      out.add(
          a.path("event").asText()
              + " auction "
              + d.path("auctionId").asText()
              + ": "
              + (d.has("permits") ? d.path("permits").asText() : "-"));
    }
    return String.join(", ", out);
  }

  private static String get(Server s) {
    ApiClient.Response r =
        new ApiClient(URI.create("http://127.0.0.1:" + s.port()), null).get("/api/stability");
    assertThat(r.status()).isEqualTo(200);
    return r.body().toString();
  }

  private static Path copy(Path from, Path to) throws IOException {
    StateSnapshotTest.copyTree(from, to);
    return to;
  }
}
