package org.computecap.sim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.computecap.sim.run.ClassPeriodRow;
import org.computecap.sim.run.SimulationResult;
import org.computecap.sim.run.Simulator;
import org.computecap.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The report's issue-13 charts are drawn when they carry information: efficiency investment by size
 * class when someone invested, the free allocation's benchmark B when the allocation is BENCHMARK.
 */
class EfficiencyChartsTest {
  private static final Path SCENARIOS = Path.of("..", "scenarios");
  private static final String INVESTMENT = "<title>Efficiency investment by size class</title>";
  private static final String BENCHMARK = "<title>Benchmark B of the free allocation</title>";

  private static SimulationResult efficiency(String from, String to) throws Exception {
    String yaml = Files.readString(SCENARIOS.resolve("efficiency.yaml"));
    assertThat(yaml).contains(from);
    return Simulator.run(
        ScenarioLoader.parse("efficiency.yaml", yaml.replace(from, to), SCENARIOS), null, null);
  }

  @Test
  void an_investing_benchmark_run_charts_investment_by_class_and_the_benchmark() {
    SimulationResult r =
        Simulator.run(ScenarioLoader.load(SCENARIOS.resolve("efficiency.yaml")), null, null);
    List<String> titles = ReportFigures.periods(r).stream().map(c -> c.figure().title()).toList();
    // Right after the other efficiency charts, once each.
    assertThat(titles)
        .containsSubsequence(
            "Decoupling: energy against compute",
            "Efficiency investment by size class",
            "Benchmark B of the free allocation")
        .doesNotHaveDuplicates();
    assertThat(Html.report(r, null)).contains(INVESTMENT).contains(BENCHMARK);
  }

  @Test
  void the_investment_chart_is_in_dollars_with_a_gap_where_a_class_spent_nothing() {
    List<ClassPeriodRow> rows =
        List.of(
            new ClassPeriodRow(1, "SMALL", 2, 10.0, 100.0, 123_456, 0, 10.0, 0.0),
            new ClassPeriodRow(2, "SMALL", 2, 10.0, 100.0, 0, 0, 10.0, 0.0));
    assertThat(ReportFigures.investmentDollars(rows)).containsExactly(1234.56, Double.NaN);
  }

  @Test
  void a_run_where_nobody_invests_has_no_investment_chart_but_keeps_its_benchmark()
      throws Exception {
    SimulationResult r = efficiency("efficiency: {kappa: ", "efficiency: {maxEffort: 0, kappa: ");
    assertThat(r.periods()).allSatisfy(p -> assertThat(p.investment()).isZero());
    assertThat(Html.report(r, null)).doesNotContain(INVESTMENT).contains(BENCHMARK);
  }

  @Test
  void a_run_without_a_benchmark_allocation_has_no_benchmark_chart() {
    SimulationResult r = OutputsTest.fixture();
    assertThat(r.periods()).allSatisfy(p -> assertThat(p.benchmark()).isNaN());
    assertThat(Html.report(r, null)).doesNotContain(BENCHMARK).doesNotContain(INVESTMENT);
  }
}
