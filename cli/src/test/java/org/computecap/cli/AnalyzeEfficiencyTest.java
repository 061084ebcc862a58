package org.computecap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.computecap.economics.efficiency.AllocationRule.Grandfathering;
import org.computecap.economics.efficiency.DynamicInvestment;
import org.computecap.economics.efficiency.EfficiencyChoice;
import org.computecap.economics.efficiency.EfficiencyTable;
import org.computecap.economics.efficiency.Instrument.Tax;
import org.junit.jupiter.api.Test;

class AnalyzeEfficiencyTest {

  @Test
  void json_rows_are_the_economics_optimum_at_each_price() {
    CliRun run = CliRun.of("analyze", "efficiency", "--price", "0,0.01,0.1", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode rows = run.json().get("rows");
    assertThat(rows).hasSize(3);
    double[] prices = {0, 0.01, 0.1};
    for (int i = 0; i < 3; i++) {
      EfficiencyChoice.Choice choice =
          EfficiencyChoice.optimum(EfficiencyTable.defaultFirm(), new Tax(prices[i]));
      assertThat(rows.get(i).get("price").asDouble()).isEqualTo(prices[i]);
      assertThat(rows.get(i).get("effort").asDouble()).isEqualTo(choice.effort());
      assertThat(rows.get(i).get("energy").asDouble()).isEqualTo(choice.energy());
      double updating =
          DynamicInvestment.optimum(
                  EfficiencyTable.defaultFirm(), prices[i], 0.05, 5, new Grandfathering(0.5))
              .effort();
      assertThat(rows.get(i).get("effortUpdating").asDouble()).isEqualTo(updating);
    }
    assertThat(rows.get(0).get("effort").asDouble()).isZero();
    assertThat(rows.get(2).get("effort").asDouble())
        .isGreaterThan(rows.get(1).get("effort").asDouble());
  }

  @Test
  void the_default_table_shows_every_default_price_and_the_parameters() {
    CliRun run = CliRun.of("analyze", "efficiency");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("a = 0.01")
        .contains("kappa = 1")
        .contains("effort_updating")
        .containsPattern("(?m)^\\s*0\\s+0\\s+10\\s");
    assertThat(run.out().lines().count()).isEqualTo(EfficiencyTable.DEFAULT_PRICES.size() + 3L);
  }

  @Test
  void free_effort_exits_2_naming_kappa() {
    CliRun run = CliRun.of("analyze", "efficiency", "--kappa", "0", "--phi", "0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--kappa").contains("kappa + phi");
  }
}
