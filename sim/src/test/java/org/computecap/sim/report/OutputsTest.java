package org.computecap.sim.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.computecap.sim.run.DeveloperPeriodRow;
import org.computecap.sim.run.DeveloperRow;
import org.computecap.sim.run.PeriodResult;
import org.computecap.sim.run.SimulationResult;
import org.computecap.sim.run.Simulator;
import org.computecap.sim.run.TradeRow;
import org.computecap.sim.scenario.Scenario;
import org.computecap.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputsTest {

  static SimulationResult fixture() {
    PeriodResult p1 =
        new PeriodResult(
            1,
            1000,
            1000,
            101.5,
            100.0,
            50,
            Double.NaN,
            0,
            90.0,
            Double.NaN,
            95.0,
            950.0,
            1.0,
            0.0,
            0,
            3,
            1,
            12_345,
            10.0,
            10.5,
            9.0,
            0.99,
            4_200,
            0,
            0,
            0.0,
            Double.NaN,
            Double.NaN,
            0,
            0.0,
            0);
    PeriodResult p2 =
        new PeriodResult(
            2,
            900,
            900,
            Double.NaN,
            110.0,
            0,
            120.0,
            900,
            80.0,
            Double.NaN,
            85.0,
            850.0,
            0.5,
            0.1,
            2,
            2,
            1,
            0,
            -10.0,
            -9.0,
            -11.0,
            Double.NaN,
            0,
            1,
            2,
            0.25,
            Double.NaN,
            Double.NaN,
            0,
            0.0,
            0);
    return new SimulationResult(
        "fixture",
        "a <test> & fixture",
        7,
        "ab".repeat(32),
        42,
        java.util.Map.of("cap", "1000 permits"),
        List.of(p1, p2),
        List.of(new TradeRow(1, "main", 1, 2, 101, 7)),
        List.of(
            new DeveloperRow(
                1,
                "dev,1",
                "t",
                "SMALL",
                "PRICE_TAKING",
                10,
                12,
                30,
                100,
                5,
                7,
                707,
                0,
                1,
                0.0,
                0,
                0.0,
                0)),
        List.of());
  }

  @Test
  void summary_json_has_the_field_names_issue_4_fixes_and_nulls_for_missing_numbers(
      @TempDir Path dir) throws Exception {
    Outputs.write(fixture(), dir, null, "");
    JsonNode root = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertThat(root.get("seed").asLong()).isEqualTo(7);
    assertThat(root.get("stateHash").asText()).hasSize(64);
    assertThat(root.get("scenario").asText()).isEqualTo("fixture");
    JsonNode p = root.get("periods").get(0);
    for (String field :
        List.of(
            "clearingPrice",
            "theoreticalPrice",
            "totalCompute",
            "baselineCompute",
            "totalEnergy",
            "complianceRate",
            "evasionRate",
            "audits",
            "penaltiesCollected",
            "welfare",
            "plannerWelfare",
            "revenueSmallFirms",
            "leakedFirms")) {
      assertThat(p.has(field)).as(field).isTrue();
    }
    assertThat(p.get("clearingPrice").asDouble()).isEqualTo(101.5);
    assertThat(p.get("totalCompute").asDouble()).isEqualTo(90.0);
    assertThat(p.get("baselineCompute").isNull()).isTrue();
    assertThat(p.get("auctionPrice").isNull()).isTrue();
    assertThat(root.get("periods").get(1).get("clearingPrice").isNull()).isTrue();
  }

  @Test
  void csv_files_have_headers_one_row_each_and_quote_commas(@TempDir Path dir) throws Exception {
    Outputs.write(fixture(), dir, null, "");
    List<String> periods = Files.readAllLines(dir.resolve("periods.csv"));
    assertThat(periods).hasSize(3);
    assertThat(periods.get(0))
        .startsWith("period,capPermits,permitsInCirculation," + "clearingPrice,theoreticalPrice");
    assertThat(periods.get(2)).startsWith("2,900,900,,");
    assertThat(Files.readAllLines(dir.resolve("trades.csv")))
        .containsExactly(
            "period,session,buyAccountId,sellAccountId,priceCents," + "quantity",
            "1,main,1,2,101,7");
    assertThat(Files.readAllLines(dir.resolve("developers.csv")).get(1))
        .startsWith("1,\"dev,1\",t,SMALL,PRICE_TAKING,");
  }

  @Test
  void the_report_is_self_contained_html_with_every_chart(@TempDir Path dir) throws Exception {
    Outputs.write(fixture(), dir, null, "<h2>Replications</h2>");
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("Replications")
        .contains("a &lt;test&gt; &amp; fixture")
        .doesNotContain("<script")
        .doesNotContain("<link")
        .doesNotContain("src=");
    assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http");
    for (String title :
        List.of(
            "Permit price",
            "Compute",
            "Energy",
            "Compliance and evasion",
            "Audits and penalties",
            "Welfare lost against the planner",
            "Who earned and who paid")) {
      assertThat(html).contains("<title>" + title + "</title>");
    }
    assertThat(html.split("<svg", -1)).hasSize(8);
    assertThat(html)
        .contains("<h2>Program</h2>")
        .contains("1000 permits")
        .contains("Key findings")
        .contains("within 1.50% of the competitive price")
        .contains("under-reported in periods 2, up to 10.00%");
  }

  // Issue 12: rows stream to files so memory stays bounded; the files are the ones a run kept in
  // memory would give, and developer-periods.csv carries each developer's drawn parameters.
  @Test
  void streamed_rows_match_the_rows_kept_in_memory(@TempDir Path dir) throws Exception {
    Scenario s =
        ScenarioLoader.load(Path.of("src", "test", "resources", "regimes", "binding-cap.yaml"));
    Path streamed = Files.createDirectories(dir.resolve("streamed"));
    SimulationResult r;
    try (RowFiles rows = new RowFiles(streamed)) {
      r = Simulator.run(s, null, rows, null);
    }
    assertThat(r.trades()).isEmpty();
    Outputs.write(r, streamed, null, "", true);
    SimulationResult kept = Simulator.run(s, null, null);
    Path memory = dir.resolve("memory");
    Outputs.write(kept, memory, null, "");
    for (String f : List.of("trades.csv", "developer-periods.csv", "periods.csv")) {
      assertThat(Files.readString(streamed.resolve(f)))
          .as(f)
          .isEqualTo(Files.readString(memory.resolve(f)));
    }
    List<String> rows = Files.readAllLines(memory.resolve("developer-periods.csv"));
    assertThat(rows).hasSize(1 + 40 * 4);
    assertThat(rows.get(0))
        .startsWith("period,accountId,name,type,strategy,family,theta,beta,k,a,permitsPerUnit");
    DeveloperPeriodRow first = kept.developerPeriods().get(0);
    assertThat(rows.get(1))
        .startsWith("1,1,power-1,power,PRICE_TAKING,POWER," + first.developer().theta());
  }
}
