package org.computecap.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.computecap.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: demand that moves. Before, every developer's benefit was fixed for the whole run, so
 * prices moved only with the cap and a stability mechanism had nothing to respond to.
 */
class DemandShocksTest {

  private static final String BASE = RegimesTest.text("binding-cap");

  private static SimulationResult run(String demand) {
    return RegimesTest.run("binding-cap-demand", BASE + demand);
  }

  // POWER with beta = 0.5: demand times m at every price, so for the same permits the price is
  // times m^(1 - beta) = sqrt(m).
  @Test
  void a_growth_trend_raises_the_price_by_the_economics_factor_for_the_same_cap() {
    SimulationResult fixed = RegimesTest.run("binding-cap");
    SimulationResult growing = run("demand: {growthPpm: 100000}\n");
    for (int i = 0; i < fixed.periods().size(); i++) {
      PeriodResult f = fixed.periods().get(i);
      PeriodResult g = growing.periods().get(i);
      double m = Math.pow(1.1, i);
      assertThat(g.demandMultiplier()).isCloseTo(m, within(1e-12));
      assertThat(g.theoreticalPrice() / f.theoreticalPrice())
          .isCloseTo(Math.sqrt(m), within(1e-6 * Math.sqrt(m)));
      assertThat(g.clearingPrice())
          .isCloseTo(g.theoreticalPrice(), within(0.01 * g.theoreticalPrice()));
    }
  }

  @Test
  void random_shocks_are_reproducible_from_the_seed_and_move_the_price() {
    String shocks = "demand: {sigma: 0.2, correlation: 0.5}\n";
    SimulationResult a = run(shocks);
    SimulationResult b = run(shocks);
    assertThat(a.stateHash()).isEqualTo(b.stateHash());
    assertThat(a.stateHash()).isNotEqualTo(RegimesTest.run("binding-cap").stateHash());
    List<PeriodResult> ps = a.periods();
    assertThat(ps.get(0).demandMultiplier()).isEqualTo(1.0);
    for (PeriodResult p : ps) {
      assertThat(p.clearingPrice())
          .isCloseTo(p.theoreticalPrice(), within(0.01 * p.theoreticalPrice()));
    }
    assertThat(ps.get(1).demandMultiplier()).isNotEqualTo(1.0);
  }

  // One type: correlation cannot show; two types whose shocks are fully common move together,
  // independent ones apart.
  @Test
  void correlation_one_moves_every_type_together_and_zero_apart() {
    String two =
        BASE.replace(
            "  - {name: power, count: 40, benefit: POWER, theta: 1.0, beta: 0.5, spread: 0.5}",
            "  - {name: a, count: 20, benefit: POWER, theta: 1.0, beta: 0.5}\n"
                + "  - {name: b, count: 20, benefit: POWER, theta: 2.0, beta: 0.5}");
    for (double rho : new double[] {1.0, 0.0}) {
      SimulationResult r =
          RegimesTest.run("two-types", two + "demand: {sigma: 0.3, correlation: " + rho + "}\n");
      for (int t = 2; t <= r.periods().size(); t++) {
        List<DeveloperPeriodRow> first = RegimesTest.rows(r, 1);
        List<DeveloperPeriodRow> now = RegimesTest.rows(r, t);
        double ma = now.get(0).developer().theta() / first.get(0).developer().theta();
        double mb = now.get(39).developer().theta() / first.get(39).developer().theta();
        if (rho == 1.0) {
          assertThat(mb).isCloseTo(ma, within(1e-12));
        } else {
          assertThat(mb).isNotCloseTo(ma, within(1e-6));
        }
      }
    }
  }

  @Test
  void a_bad_demand_field_is_refused_naming_it() {
    assertThatThrownBy(
            () ->
                ScenarioLoader.parse("d.yaml", BASE + "demand: {sigma: 3}\n", RegimesTest.REGIMES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("demand.sigma must be in [0.0, 2.0], was 3");
    assertThatThrownBy(
            () ->
                ScenarioLoader.parse(
                    "d.yaml", BASE + "demand: {growthPpm: -1000000}\n", RegimesTest.REGIMES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("demand.growthPpm");
    assertThatThrownBy(
            () ->
                ScenarioLoader.parse("d.yaml", BASE + "demand: {drift: 1}\n", RegimesTest.REGIMES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("demand.drift");
  }

  @Test
  void set_reaches_the_demand_fields_of_a_scenario_that_has_none() {
    var s =
        org.computecap.sim.scenario.ScenarioTree.shipped("default")
            .with("demand.sigma", "0.15")
            .with("demand.growthPpm", "30000")
            .scenario();
    assertThat(s.demand().sigma()).isEqualTo(0.15);
    assertThat(s.demand().growthPpm()).isEqualTo(30000);
    assertThat(
            ScenarioLoader.load(java.nio.file.Path.of("..", "scenarios", "default.yaml"))
                .demand()
                .moves())
        .isFalse();
  }
}
