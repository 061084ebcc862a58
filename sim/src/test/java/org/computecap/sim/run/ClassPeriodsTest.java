package org.computecap.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.computecap.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * class-periods.csv's rows (issue 13: energy per unit of compute by size class over time, and who
 * earns from efficiency) are the period's totals split by class: they add back up to periods.csv.
 */
class ClassPeriodsTest {
  private static final List<String> CLASSES = List.of("FRONTIER", "LARGE", "SMALL", "ACADEMIC");

  private static SimulationResult efficiency() {
    return Simulator.run(
        ScenarioLoader.load(Path.of("..", "scenarios", "efficiency.yaml")), null, null);
  }

  @Test
  void the_class_rows_add_up_to_each_periods_totals() {
    SimulationResult r = efficiency();
    for (PeriodResult p : r.periods()) {
      List<ClassPeriodRow> rows = rows(r, p.period());
      assertThat(rows).extracting(ClassPeriodRow::sizeClass).containsExactlyElementsOf(CLASSES);
      double compute = 0;
      double energy = 0;
      double invested = 0;
      long small = 0;
      int developers = 0;
      for (ClassPeriodRow row : rows) {
        compute += row.compute();
        energy += row.energy();
        invested += row.investmentCents();
        developers += row.developers();
        small +=
            row.sizeClass().equals("SMALL") || row.sizeClass().equals("ACADEMIC")
                ? row.netTradingCents()
                : 0;
        assertThat(row.energyPerUnit()).isCloseTo(row.energy() / row.compute(), within(1e-12));
      }
      assertThat(compute).isCloseTo(p.totalCompute(), within(1e-9 * p.totalCompute()));
      assertThat(energy).isCloseTo(p.totalEnergy(), within(1e-9 * p.totalEnergy()));
      assertThat(invested).isPositive().isCloseTo(p.investment(), within(1e-9 * p.investment()));
      assertThat(small).isEqualTo(p.revenueSmallFirms());
      assertThat(developers).isEqualTo(RegimesTest.rows(r, p.period()).size());
    }
  }

  @Test
  void every_class_uses_less_energy_per_unit_of_compute_each_period_as_it_invests() {
    SimulationResult r = efficiency();
    for (int t = 2; t <= r.periods().size(); t++) {
      List<ClassPeriodRow> before = rows(r, t - 1);
      List<ClassPeriodRow> now = rows(r, t);
      for (int c = 0; c < now.size(); c++) {
        assertThat(now.get(c).energyPerUnit())
            .as("%s period %d", now.get(c).sizeClass(), t)
            .isLessThan(before.get(c).energyPerUnit());
      }
    }
  }

  private static List<ClassPeriodRow> rows(SimulationResult r, int period) {
    return r.classPeriods().stream().filter(x -> x.period() == period).toList();
  }
}
