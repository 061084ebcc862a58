package org.computecap.sim.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.computecap.sim.run.ClassPeriodRow;
import org.computecap.sim.run.DeveloperPeriodRow;
import org.computecap.sim.run.DeveloperRow;
import org.computecap.sim.run.MarketPower;
import org.computecap.sim.run.PeriodResult;
import org.computecap.sim.run.Replications;
import org.computecap.sim.run.SimulationResult;
import org.computecap.sim.run.Simulator;
import org.computecap.sim.run.TradeRow;
import org.computecap.sim.run.WorkloadTotals;
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
            0,
            0.0,
            Double.NaN,
            WorkloadTotals.NONE,
            1.0,
            Double.NaN,
            0,
            0,
            0.0,
            MarketPower.NONE);
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
            0,
            0.0,
            Double.NaN,
            WorkloadTotals.NONE,
            1.0,
            Double.NaN,
            0,
            0,
            0.0,
            MarketPower.NONE);
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
        List.of(),
        List.of(
            new ClassPeriodRow(1, "SMALL", 1, 90.0, 950.0, 0.0, 707, 90.0, 0.0),
            new ClassPeriodRow(2, "SMALL", 1, 80.0, 850.0, 0.0, 0, 80.0, 0.0)));
  }

  @Test
  void summary_json_has_the_field_names_issue_4_fixes_and_nulls_for_missing_numbers(
      @TempDir Path dir) throws Exception {
    Outputs.write(fixture(), dir, null);
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
    Outputs.write(fixture(), dir, null);
    List<String> periods = Files.readAllLines(dir.resolve("periods.csv"));
    assertThat(periods).hasSize(3);
    assertThat(periods.get(0))
        .startsWith(
            "period,cap_permits,circulating_permits,clearing_price_cents,theoretical_price_cents");
    assertThat(periods.get(1)).startsWith("1,1000,1000,101.5,100,50,,0,90,,95,950,1,0,");
    assertThat(periods.get(2)).startsWith("2,900,900,,110,");
    assertThat(Files.readAllLines(dir.resolve("trades.csv")))
        .containsExactly(
            "period,session,buy_account_id,sell_account_id,price_cents,quantity_permits",
            "1,main,1,2,101,7");
    assertThat(Files.readAllLines(dir.resolve("developers.csv")).get(1))
        .startsWith("1,\"dev,1\",t,SMALL,PRICE_TAKING,");
    // Energy per unit is the class's energy over its compute: 950 / 90 and 850 / 80.
    assertThat(Files.readAllLines(dir.resolve("class-periods.csv")))
        .containsExactly(
            "period,size_class,developers_count,compute_units,energy_mwh,energy_mwh_per_units,"
                + "investment_cents,net_trading_cents,inference_compute_units,training_compute_units",
            "1,SMALL,1,90,950," + 950.0 / 90 + ",0,707,90,0",
            "2,SMALL,1,80,850,10.625,0,0,80,0");
  }

  /** Columns that are not identifiers end with their unit; money columns are integer cents. */
  @Test
  void every_measured_csv_column_names_its_unit(@TempDir Path dir) throws Exception {
    Outputs.write(fixture(), dir, null);
    List<String> keys =
        List.of(
            "period",
            "session",
            "buy_account_id",
            "sell_account_id",
            "account_id",
            "name",
            "type",
            "size_class",
            "strategy");
    for (String file :
        List.of("periods.csv", "class-periods.csv", "trades.csv", "developers.csv")) {
      for (String column : Files.readAllLines(dir.resolve(file)).get(0).split(",")) {
        if (keys.contains(column)) {
          continue;
        }
        assertThat(column)
            .as(file)
            .matches("[a-z0-9_]+_(cents|permits|share|ratio|count|units|mwh|utils|period)");
      }
    }
    assertThat(Files.readAllLines(dir.resolve("developers.csv")).get(0))
        .contains("net_trading_cents", "penalties_cents");
  }

  @Test
  void the_report_is_self_contained_html_with_every_chart(@TempDir Path dir) throws Exception {
    Outputs.write(fixture(), dir, null);
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("a &lt;test&gt; &amp; fixture")
        .doesNotContain("<script")
        .doesNotContain("<link")
        .doesNotContain("src=");
    assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http");
    List<String> titles =
        List.of(
            "Permit price",
            "Compute",
            "Energy",
            "Energy per unit of compute by size class",
            "Decoupling: energy against compute",
            "Compliance",
            "Evasion",
            "Audits",
            "Penalties",
            "Welfare lost against the planner",
            "Net cash: small companies and academic labs");
    for (String title : titles) {
      assertThat(html).contains("<title>" + title + "</title>");
    }
    assertThat(html.split("<svg", -1)).hasSize(titles.size() + 1);
    // One size class: its total is its trades with itself, so no chart of totals by class.
    assertThat(html).doesNotContain("<title>Net cash from permits by size class</title>");
    assertThat(html)
        .contains("<h2>Program</h2>")
        .contains("1000 permits")
        .contains("Key findings")
        .contains("within 1.50% of the competitive price")
        .contains("under-reported in periods 2, at most 0.1000 of the true obligation");
  }

  @Test
  void with_replications_the_report_adds_their_table_and_confidence_bands(@TempDir Path dir)
      throws Exception {
    Replications reps =
        Replications.run(7, 3, 1, seed -> fixture(), org.computecap.sim.run.Progress.silent(3));
    Outputs.write(fixture(), dir, reps);
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html)
        .contains("<h2>Replications</h2>")
        .contains("3 runs with seeds 7..7")
        .contains("<title>Permit price over the replications</title>");
    assertThat(Files.readString(dir.resolve("summary.json"))).contains("ci95Low");
  }

  /**
   * A headline quotes the period table's own figures: the welfare ratio 0.999966 reads 0.99997 in
   * both, where the report once rounded it to "1.0000 of the planner's".
   */
  @Test
  void the_headline_findings_agree_with_the_period_table() {
    PeriodResult near = withWelfare(fixture().periods().get(0), 0.999966);
    SimulationResult r = withPeriods(fixture(), List.of(near));
    String html = Html.report(r, null);
    assertThat(html)
        .contains("Welfare was at least 0.99997 of the planner")
        .contains("<td>0.99997</td>");
    assertThat(html).doesNotContain("1.0000");
    String evasion = Numbers.share(fixture().periods().get(1).evasionRate());
    assertThat(Html.report(fixture(), null))
        .contains("at most " + evasion + " of the true obligation")
        .contains("<td>" + evasion + "</td>")
        .contains("$123 in penalties")
        .contains("academic labs together made $7 net for permits")
        .contains("<td>$7</td>")
        .contains("<td>$123</td>");
  }

  static PeriodResult withWelfare(PeriodResult p, double ratio) {
    return new PeriodResult(
        p.period(),
        p.capPermits(),
        p.permitsInCirculation(),
        p.clearingPrice(),
        p.theoreticalPrice(),
        p.volume(),
        p.auctionPrice(),
        p.auctionSold(),
        p.totalCompute(),
        p.baselineCompute(),
        p.competitiveCompute(),
        p.totalEnergy(),
        p.complianceRate(),
        p.evasionRate(),
        p.evaders(),
        p.audits(),
        p.detected(),
        p.penaltiesCollected(),
        100 * ratio,
        100,
        90,
        p.tradeEfficiency(),
        p.revenueSmallFirms(),
        p.leakedFirms(),
        p.manipulations(),
        p.meanEffort(),
        p.expectedPrice(),
        p.closingPrice(),
        p.bankedPermits(),
        p.excessCompute(),
        p.honestFined(),
        p.investment(),
        p.benchmark(),
        p.workloads(),
        p.demandMultiplier(),
        p.previousPrice(),
        p.ceilingPermits(),
        p.reserveSalePermits(),
        p.usedPermits(),
        MarketPower.NONE,
        p.foreclosure(),
        p.targeting());
  }

  static SimulationResult withPeriods(SimulationResult r, List<PeriodResult> periods) {
    return new SimulationResult(
        r.scenario(),
        r.description(),
        r.seed(),
        r.stateHash(),
        r.journalEntries(),
        r.program(),
        periods,
        r.trades(),
        r.developers(),
        r.developerPeriods(),
        r.classPeriods());
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
    Outputs.write(r, streamed, null, true);
    SimulationResult kept = Simulator.run(s, null, null);
    Path memory = dir.resolve("memory");
    Outputs.write(kept, memory, null);
    for (String f :
        List.of("trades.csv", "developer-periods.csv", "periods.csv", "class-periods.csv")) {
      assertThat(Files.readString(streamed.resolve(f)))
          .as(f)
          .isEqualTo(Files.readString(memory.resolve(f)));
    }
    List<String> rows = Files.readAllLines(memory.resolve("developer-periods.csv"));
    assertThat(rows).hasSize(1 + 40 * 4);
    assertThat(rows.get(0))
        .startsWith(
            "period,account_id,name,type,strategy,family,theta_utils,beta_ratio,k_ratio,"
                + "a_utils_per_units,intensity_permits_per_units");
    DeveloperPeriodRow first = kept.developerPeriods().get(0);
    assertThat(rows.get(1))
        .startsWith("1,1,power-1,power,PRICE_TAKING,POWER," + first.developer().theta());
  }
}
