package org.computecap.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.computecap.sim.agent.Developer;
import org.junit.jupiter.api.Test;

/**
 * The exogenous technology trend of issue 13 ({@code efficiency.trendPpm}): energy per unit of
 * compute before effort falls by the trend's share every period, whatever the developer invests, so
 * in the t-th period it is {@code E0·(1 - trend)^(t-1)·(1 - e)}.
 */
class TechnologyTrendTest {

  private static SimulationResult run(String efficiency) throws IOException {
    String yaml =
        Files.readString(Path.of("src", "test", "resources", "regimes", "efficiency.yaml"))
            .replace("efficiency: {kappa: 4.0e5}", "efficiency: " + efficiency);
    return RegimesTest.run("efficiency", yaml);
  }

  @Test
  void without_investment_energy_per_unit_falls_by_exactly_the_trend_each_period()
      throws IOException {
    SimulationResult r = run("{kappa: 4.0e5, maxEffort: 0, trendPpm: 100000}");
    assertThat(r.periods()).hasSizeGreaterThan(2);
    for (int t = 2; t <= r.periods().size(); t++) {
      List<DeveloperPeriodRow> before = RegimesTest.rows(r, t - 1);
      List<DeveloperPeriodRow> now = RegimesTest.rows(r, t);
      assertThat(now).hasSameSizeAs(before).isNotEmpty();
      for (int i = 0; i < now.size(); i++) {
        Developer b = before.get(i).developer();
        Developer a = now.get(i).developer();
        assertThat(a.efficiencyEffort()).isZero();
        assertThat(now.get(i).investmentCents()).isZero();
        assertThat(a.energyPerUnit())
            .as("%s period %d", a.name(), t)
            .isCloseTo(0.9 * b.energyPerUnit(), within(1e-12 * b.energyPerUnit()));
        assertThat(a.permitsPerUnit())
            .isCloseTo(0.9 * b.permitsPerUnit(), within(1e-12 * b.permitsPerUnit()));
      }
    }
  }

  @Test
  void with_investment_the_trend_and_the_effort_multiply() throws IOException {
    SimulationResult trend = run("{kappa: 4.0e5, trendPpm: 50000}");
    SimulationResult none = run("{kappa: 4.0e5}");
    for (PeriodResult p : trend.periods()) {
      double factor = Math.pow(0.95, p.period() - 1);
      for (DeveloperPeriodRow x : RegimesTest.rows(trend, p.period())) {
        Developer d = x.developer();
        double e0 = d.investment().energy0();
        assertThat(d.efficiencyEffort()).isPositive();
        assertThat(d.energyPerUnit())
            .isCloseTo(e0 * factor * (1 - d.efficiencyEffort()), within(1e-12 * e0));
      }
    }
    // In the first period the trend has not acted yet: the same run as without it.
    assertThat(trend.periods().get(0).totalEnergy()).isEqualTo(none.periods().get(0).totalEnergy());
    int last = trend.periods().size() - 1;
    assertThat(trend.classPeriods().get(last).energyPerUnit())
        .isLessThan(none.classPeriods().get(last).energyPerUnit());
  }
}
