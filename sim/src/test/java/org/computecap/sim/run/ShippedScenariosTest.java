package org.computecap.sim.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.computecap.sim.scenario.EvaluationTiming;
import org.computecap.sim.scenario.Expectations;
import org.computecap.sim.scenario.MarketSettings;
import org.computecap.sim.scenario.Scenario;
import org.computecap.sim.scenario.ScenarioLoader;
import org.computecap.sim.scenario.TradingMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped scenario runs to the end under other seeds, every trading mode, both kinds of
 * expectations and both evaluation timings without the engine rejecting a single command (the
 * simulator stops on the first rejection) and with the engine's full invariant check passing at the
 * end of each run.
 */
class ShippedScenariosTest {

  static Stream<String> scenarios() {
    return Stream.of(
        "default.yaml",
        "p1-fig1.yaml",
        "p2-deterrence.yaml",
        "allocation-ablation.yaml",
        "insurance.yaml",
        "leakage.yaml",
        "efficiency.yaml",
        "foreclosure.yaml",
        "risk-classes.yaml");
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void a_shipped_scenario_runs_under_other_seeds_and_every_trading_mode(String file) {
    Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", file));
    for (TradingMode mode : TradingMode.values()) {
      Scenario variant = withTrading(s.withSeed(s.seed() + mode.ordinal() + 1), mode);
      SimulationResult r = Simulator.run(variant, null, null);
      assertThat(r.periods()).as(file + " " + mode).hasSize(s.periods());
      for (PeriodResult p : r.periods()) {
        assertThat(p.totalCompute()).as(file + " " + mode).isPositive();
        assertThat(p.complianceRate()).isBetween(0.0, 1.0);
        assertThat(p.evasionRate()).isBetween(0.0, 1.0);
      }
    }
  }

  static Scenario withTrading(Scenario s, TradingMode mode) {
    MarketSettings m =
        s.market()
            .withTrading(mode)
            .withExpectations(
                mode == TradingMode.CONTINUOUS ? Expectations.ADAPTIVE : s.market().expectations(),
                mode == TradingMode.CALL_AUCTION
                    ? EvaluationTiming.AFTER_USAGE
                    : EvaluationTiming.BEFORE_TRADING);
    return new Scenario(
        s.name(),
        s.description(),
        s.seed(),
        s.periods(),
        s.programYaml(),
        s.program(),
        m,
        s.developers());
  }
}
