package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.computecap.server.PublicReportMarket.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public period reports over HTTP against {@link PublicReportMarket}'s scripted market, every
 * figure checked by hand; the publication delay at its boundary; and privacy: no identity in the
 * auction and exchange sections, names defused in the CSV.
 */
class PublicReportApiTest {
  @TempDir Path dir;

  @Test
  void the_json_report_of_a_closed_period_has_the_hand_checked_figures() throws Exception {
    try (PublicReportMarket m = new PublicReportMarket(dir, 0)) {
      m.periodOne();
      JsonNode r = ok(m.anonymous.get("/api/public/periods/1/report"), 200).body();
      assertThat(r.path("period").asInt()).isEqualTo(1);
      assertThat(r.path("delayPeriods").asInt()).isZero();
      assertThat(r.path("unit").asText()).isEqualTo("PFLOP");
      assertThat(r.path("publishedTick").asLong()).isEqualTo(r.path("closedTick").asLong());
      // 48,000 free (3 x 16,000) + 250 bought at auction - 250 surrendered stay with the
      // participants; 2,000 fund the new entrant reserve; 750 of the auction's 1,000 are unsold.
      assertThat(rows(r.path("holdings"), "accountType", "vintage", "accounts", "permits"))
          .containsExactly(
              "PARTICIPANTS 1 3 48000",
              "NEW_ENTRANT_RESERVE 1 1 2000",
              "AUCTION_RESERVE 1 1 750",
              "SURRENDERED 1 1 250");
      long held = 0;
      for (JsonNode h : r.path("holdings")) {
        held += h.path("permits").asLong();
      }
      JsonNode period1 = m.anonymous.get("/api/periods").body().get(0);
      assertThat(held).isEqualTo(period1.path("issuedPermits").asLong()).isEqualTo(51_000);
      // Obligations: alice 100 PFLOP at L = 100; bob 50 unevaluated, so H, alpha 3 = 150; carol
      // 10 at L = 10 and surrendered nothing.
      assertThat(
              rows(
                  r.path("compliance"),
                  "accountId",
                  "name",
                  "reportedQuantity",
                  "obligationPermits",
                  "surrenderedPermits",
                  "shortfallPermits",
                  "status"))
          .containsExactly(
              "1 alice 100 100 100 0 A",
              "2 bob 50 150 150 0 A",
              "3 " + PublicReportMarket.CAROL_NAME + " 10 10 0 10 B");
      assertThat(rows(r.path("allocations"), "accountId", "freePermits", "newEntrantPermits"))
          .containsExactly("1 16000 0", "2 16000 0", "3 16000 0");
      // Carol's bid was withdrawn: two bidders, 250 bid, all filled at the lowest accepted $12.
      assertThat(
              rows(
                  r.path("auctions"),
                  "auctionId",
                  "status",
                  "supplyPermits",
                  "reservePriceCents",
                  "clearingPriceCents",
                  "soldPermits",
                  "unsoldPermits",
                  "revenueCents",
                  "bidders",
                  "successfulBidders",
                  "bidPermits"))
          .containsExactly("1 CLEARED 1000 1000 1200 250 750 300000 2 2 250");
      // 60 and 40 at $20, then 10 at $18: notional 120,000 + 80,000 + 18,000 = 218,000 cents
      // over 110 permits, VWAP floor(1,981.8) = 1,981.
      assertThat(
              rows(
                  r.path("prices"),
                  "vintage",
                  "trades",
                  "volume",
                  "openCents",
                  "highCents",
                  "lowCents",
                  "closeCents",
                  "vwapCents",
                  "notionalCents"))
          .containsExactly("1 3 110 2000 2000 1800 1800 1981 218000");
      // The engine's own market data agrees on the period's VWAP and volume (the program trades
      // one book, shown under the current period, now 2).
      JsonNode ohlc = m.anonymous.get("/api/market/2").body().path("ohlc").get(0);
      assertThat(ohlc.path("period").asInt()).isEqualTo(1);
      assertThat(ohlc.path("vwapCents").asLong()).isEqualTo(1981);
      assertThat(ohlc.path("volume").asLong()).isEqualTo(110);
    }
  }

  @Test
  void a_period_report_keeps_the_holdings_of_its_own_close_and_only_its_own_trades()
      throws Exception {
    try (PublicReportMarket m = new PublicReportMarket(dir, 0)) {
      m.periodOne();
      m.periodTwo();
      JsonNode one = ok(m.anonymous.get("/api/public/periods/1/report"), 200).body();
      JsonNode two = ok(m.anonymous.get("/api/public/periods/2/report"), 200).body();
      assertThat(rows(one.path("holdings"), "accountType", "permits"))
          .contains("SURRENDERED 250", "PARTICIPANTS 48000");
      // Carol made good her 10 in period 2.
      assertThat(rows(two.path("holdings"), "accountType", "permits"))
          .contains("SURRENDERED 260", "PARTICIPANTS 47990");
      assertThat(rows(two.path("prices"), "vintage", "trades", "volume", "vwapCents"))
          .containsExactly("1 1 5 2500");
      // Nobody reported for period 2: UK ETS code C, whatever was surrendered (issue 15).
      assertThat(rows(two.path("compliance"), "accountId", "obligationPermits", "status"))
          .containsExactly("1 0 C", "2 0 C", "3 10 C");
      assertThat(two.path("allocations")).isEmpty();
      assertThat(two.path("auctions")).isEmpty();
    }
  }

  @Test
  void a_report_is_refused_one_period_before_its_publication_and_served_at_it() throws Exception {
    try (PublicReportMarket m = new PublicReportMarket(dir, 1)) {
      m.periodOne();
      ApiClient.Response early = ok(m.anonymous.get("/api/public/periods/1/report"), 404);
      assertThat(early.body().path("code").asText()).isEqualTo("REPORT_NOT_PUBLISHED");
      assertThat(early.body().path("field").asText()).isEqualTo("period");
      assertThat(early.body().path("message").asText())
          .contains("published once period 2 has closed")
          .contains("period 2 is not closed yet");
      ok(m.anonymous.get("/api/public/periods/1/report.csv"), 404);
      ok(m.anonymous.get("/api/public/periods/1/report.html"), 404);
      JsonNode index = ok(m.anonymous.get("/api/public/reports"), 200).body();
      assertThat(index.path("delayPeriods").asInt()).isEqualTo(1);
      assertThat(rows(index.path("periods"), "period", "published", "publishedWhenPeriodCloses"))
          .containsExactly("1 false 2", "2 false 3", "3 false 4", "4 false 4");

      m.periodTwo();
      JsonNode r = ok(m.anonymous.get("/api/public/periods/1/report"), 200).body();
      assertThat(r.path("delayPeriods").asInt()).isEqualTo(1);
      assertThat(r.path("publishedTick").asLong())
          .isGreaterThanOrEqualTo(r.path("closedTick").asLong());
      ApiClient.Response two = ok(m.anonymous.get("/api/public/periods/2/report"), 404);
      assertThat(two.body().path("code").asText()).isEqualTo("REPORT_NOT_PUBLISHED");
      ok(m.anonymous.get("/api/public/periods/1/report.csv"), 200);
      ok(m.anonymous.get("/api/public/periods/1/report.html"), 200);

      // The program has 4 periods: once the last has closed, no later close will come, so the
      // last period's report is published with it.
      m.close(3);
      ok(m.anonymous.get("/api/public/periods/2/report"), 200);
      ok(m.anonymous.get("/api/public/periods/3/report"), 404);
      m.close(4);
      ok(m.anonymous.get("/api/public/periods/3/report"), 200);
      ok(m.anonymous.get("/api/public/periods/4/report"), 200);
      index = m.anonymous.get("/api/public/reports").body();
      assertThat(rows(index.path("periods"), "period", "published"))
          .containsExactly("1 true", "2 true", "3 true", "4 true");
    }
  }

  @Test
  void a_period_outside_the_program_or_malformed_is_refused_naming_the_field() throws Exception {
    try (PublicReportMarket m = new PublicReportMarket(dir, 0)) {
      ApiClient.Response none = ok(m.anonymous.get("/api/public/periods/9/report"), 404);
      assertThat(none.body().path("code").asText()).isEqualTo("NO_SUCH_PERIOD");
      assertThat(none.body().path("field").asText()).isEqualTo("period");
      assertThat(none.body().path("message").asText()).contains("within [1, 4], got 9");
      ApiClient.Response open = ok(m.anonymous.get("/api/public/periods/1/report"), 404);
      assertThat(open.body().path("message").asText()).contains("period 1 is not closed yet");
      ApiClient.Response bad = ok(m.anonymous.get("/api/public/periods/x/report.csv"), 400);
      assertThat(bad.body().path("field").asText()).isEqualTo("period");
    }
  }

  @Test
  void auction_and_exchange_sections_carry_no_identity_in_json_or_csv() throws Exception {
    try (PublicReportMarket m = new PublicReportMarket(dir, 0)) {
      m.periodOne();
      JsonNode r = m.anonymous.get("/api/public/periods/1/report").body();
      for (String section : List.of("auctions", "prices")) {
        for (JsonNode row : r.path(section)) {
          for (Iterator<String> f = row.fieldNames(); f.hasNext(); ) {
            String name = f.next().toLowerCase(java.util.Locale.ROOT);
            assertThat(name).doesNotContain("account").doesNotContain("name").isNotEqualTo("id");
          }
          assertThat(row.toString()).doesNotContain("alice").doesNotContain("bob");
          assertThat(row.toString()).doesNotContain("Carol");
        }
      }
      String csv = ok(m.anonymous.get("/api/public/periods/1/report.csv"), 200).text();
      List<String> lines = csv.lines().toList();
      assertThat(lines.get(0)).isEqualTo(PublicReportFormats.CSV_HEADER);
      int identityFree = 0;
      for (String line : lines) {
        if (line.startsWith("1,auctions,") || line.startsWith("1,prices,")) {
          String[] cells = line.split(",", -1);
          assertThat(cells[4]).as(line).isEmpty();
          assertThat(cells[5]).as(line).isEmpty();
          identityFree++;
        }
      }
      assertThat(identityFree).isEqualTo(10 + 8);
    }
  }

  @Test
  void the_csv_has_one_row_per_measure_with_units_and_defuses_names() throws Exception {
    try (PublicReportMarket m = new PublicReportMarket(dir, 0)) {
      m.periodOne();
      ApiClient.Response csv = ok(m.anonymous.get("/api/public/periods/1/report.csv"), 200);
      List<String> lines = csv.text().lines().toList();
      assertThat(lines)
          .contains(
              "1,holdings,1,PARTICIPANTS,,,,permits,48000",
              "1,holdings,1,AUCTION_RESERVE,,,,accounts_count,1",
              "1,compliance,,,1,alice,,obligation_permits,100",
              "1,compliance,,,2,bob,,status,A",
              "1,allocations,1,,2,bob,,free_permits,16000",
              "1,auctions,,,,,1,clearing_price_cents,1200",
              "1,auctions,,,,,1,bidders_count,2",
              "1,prices,1,,,,,vwap_cents,1981",
              "1,prices,1,,,,,volume_permits,110");
      // Carol's name starts with '-': prefixed, so a spreadsheet shows it instead of running it.
      assertThat(lines).contains("1,compliance,,,3,'-carol,,status,B");
      for (String line : lines.subList(1, lines.size())) {
        String measure = line.substring(0, line.lastIndexOf(',')).replaceAll(".*,", "");
        assertThat(measure).as(line).matches(".*(_permits|_cents|_count|_units|^permits|^status)$");
      }
    }
  }

  @Test
  void the_html_report_prints_money_in_dollars_and_quantities_with_separators() throws Exception {
    try (PublicReportMarket m = new PublicReportMarket(dir, 0)) {
      m.periodOne();
      ApiClient.Response page = ok(m.anonymous.get("/api/public/periods/1/report.html"), 200);
      String html = page.text();
      assertThat(html).contains("@media print").contains("<h1>Public report: period 1</h1>");
      assertThat(html).contains("<td>-carol</td>");
      // Clearing price $12, revenue 300,000 cents, VWAP 1,981 cents.
      assertThat(html).contains("$12.00").contains("$3,000.00").contains("$19.81");
      assertThat(html).contains("48,000");
    }
  }

  @Test
  void text_is_escaped_for_html_and_defused_for_spreadsheets() {
    assertThat(PublicReportFormats.esc("<b a='1'>\"x\" & y</b>"))
        .isEqualTo("&lt;b a=&#39;1&#39;&gt;&quot;x&quot; &amp; y&lt;/b&gt;");
    assertThat(PublicReportFormats.text("=1+2")).isEqualTo("'=1+2");
    assertThat(PublicReportFormats.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(PublicReportFormats.text("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
    assertThat(PublicReportFormats.text("alice")).isEqualTo("alice");
  }

  @Test
  void reports_are_the_same_after_a_restart_from_a_snapshot_and_after_a_full_replay()
      throws Exception {
    String before;
    try (PublicReportMarket m = new PublicReportMarket(dir, 0)) {
      m.periodOne();
      m.periodTwo();
      before =
          m.anonymous.get("/api/public/periods/1/report").text()
              + m.anonymous.get("/api/public/periods/2/report.csv").text();
    }
    // A clean stop writes a snapshot: the restart restores the projection from its image.
    try (PublicReportMarket again = PublicReportMarket.reopen(dir, 0)) {
      assertThat(
              again.anonymous.get("/api/public/periods/1/report").text()
                  + again.anonymous.get("/api/public/periods/2/report.csv").text())
          .isEqualTo(before);
    }
    // Without snapshots the start replays the whole journal and builds it again.
    deleteTree(dir.resolve("data").resolve("snapshots"));
    try (PublicReportMarket replayed = PublicReportMarket.reopen(dir, 0)) {
      assertThat(
              replayed.anonymous.get("/api/public/periods/1/report").text()
                  + replayed.anonymous.get("/api/public/periods/2/report.csv").text())
          .isEqualTo(before);
    }
    assertThat(before).contains("\"vwapCents\":1981").contains("2,prices,1,,,,,vwap_cents,2500");
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.delete(p);
      }
    }
  }

  /** The named fields of each row, space-separated. */
  static List<String> rows(JsonNode array, String... fields) {
    List<String> out = new ArrayList<>();
    for (JsonNode row : array) {
      List<String> cells = new ArrayList<>();
      for (String f : fields) {
        cells.add(row.path(f).asText());
      }
      out.add(String.join(" ", cells));
    }
    return out;
  }
}
