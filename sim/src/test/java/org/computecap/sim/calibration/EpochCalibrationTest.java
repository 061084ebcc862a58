package org.computecap.sim.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.computecap.economics.market.BenefitFamily;
import org.computecap.economics.market.MarketClearing;
import org.computecap.economics.market.Population;
import org.computecap.sim.scenario.DeveloperType;
import org.computecap.sim.scenario.Scenario;
import org.computecap.sim.scenario.ScenarioLoader;
import org.computecap.sim.scenario.SizeClass;
import org.junit.jupiter.api.Test;

class EpochCalibrationTest {
  private static final EpochCalibration.Settings HALF =
      new EpochCalibration.Settings(0.5, 3_000_000, 0.5, 1e21, 250_000, 400_000, 100, 2);

  private static List<EpochRun> runs() throws Exception {
    return EpochData.derive("fixture", EpochDataTest.fixture()).runs();
  }

  @Test
  void each_leading_organisation_is_one_developer_with_its_compute_by_year_and_its_classes()
      throws Exception {
    List<Organisation> orgs = EpochCalibration.organisations(runs());
    assertThat(orgs).extracting(Organisation::name).containsExactly("Lab B", "Lab A", "Univ C");
    Organisation b = orgs.get(0);
    assertThat(b.runs()).isEqualTo(2);
    assertThat(b.computeByYear()).containsExactly(1e24, 4e24, 0);
    assertThat(b.largestRunFlop()).isEqualTo(4e24);
    assertThat(b.slug()).isEqualTo("lab-b");
    assertThat(orgs)
        .extracting(EpochCalibration::sizeClass)
        .containsExactly(SizeClass.SMALL, SizeClass.FRONTIER, SizeClass.ACADEMIC);
    assertThat(orgs)
        .extracting(o -> EpochCalibration.lambda(o, HALF))
        .containsExactly(1.0, 3.0, 1.0);
    // (5e24 + 2e24 + 1e23) / 3 years / 1e21 FLOP a unit = 2366.67 units; half of it.
    assertThat(EpochCalibration.capPermits(orgs, HALF)).isEqualTo(1183);
  }

  @Test
  void the_cost_of_compute_is_the_median_cost_per_flop_and_growth_the_log_linear_fit()
      throws Exception {
    // Costs per FLOP 1e-18 (Exactly At), 1.5e-18 (Lab B Solo), 1.3e-18 (Late Model).
    assertThat(EpochCalibration.costPerFlopUsd(runs())).isCloseTo(1.3e-18, within(1e-30));
    assertThat(EpochCalibration.centsPerUnit(runs(), HALF)).isCloseTo(130_000, within(1e-6));
    // Totals 1.1e24, 4e24, 2e24 a year: the slope over three points is (ln 2 - ln 1.1) / 2.
    assertThat(EpochCalibration.growth(runs())).isCloseTo(Math.sqrt(2 / 1.1) - 1, within(1e-12));
  }

  @Test
  void the_generated_scenario_puts_every_organisations_marginal_value_at_observed_compute_at_q()
      throws Exception {
    String yaml = EpochScenario.yaml(runs(), HALF, "test");
    Scenario s = ScenarioLoader.parse("fixture-scenario", yaml, null);
    List<Organisation> orgs = EpochCalibration.organisations(runs());
    assertThat(s.developers()).hasSize(orgs.size());
    assertThat(s.periods()).isEqualTo(2);
    assertThat(s.market().centsPerUtil()).isCloseTo(130_000, within(1e-6));
    for (int i = 0; i < orgs.size(); i++) {
      DeveloperType d = s.developers().get(i);
      Organisation o = orgs.get(i);
      double observed = EpochCalibration.observedUnits(o, HALF);
      assertThat(d.name()).isEqualTo(o.slug());
      assertThat(d.count()).isEqualTo(1);
      assertThat(d.sizeClass()).isEqualTo(EpochCalibration.sizeClass(o));
      assertThat(d.riskType()).isEqualTo(o.frontier() ? 1.0 : 0.0);
      // One utility is q: the marginal value at observed compute is 1.
      assertThat(BenefitFamily.POWER.marginal(d.theta(), d.beta(), 0, 0, observed))
          .isCloseTo(1.0, within(1e-12));
    }
    assertThat(yaml)
        .contains("Data: Epoch AI (epochai.org), CC BY 4.0")
        .contains("startPermits: 1183,");
  }

  @Test
  void the_competitive_price_is_the_library_equilibrium_of_the_generated_population()
      throws Exception {
    Scenario s = ScenarioLoader.parse("fixture", EpochScenario.yaml(runs(), HALF, "t"), null);
    Population.Builder b = Population.builder();
    for (DeveloperType d : s.developers()) {
      b.addPower(d.theta(), d.beta(), 1 + 2 * d.riskType());
    }
    double cap = EpochCalibration.capPermits(EpochCalibration.organisations(runs()), HALF);
    double library = MarketClearing.solve(b.build(), cap).price() * s.market().centsPerUtil();
    assertThat(EpochCalibration.competitivePriceCents(runs(), HALF, cap))
        .isCloseTo(library, within(library * 1e-9));
  }
}
