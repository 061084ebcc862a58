package org.computecap.sim.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.computecap.sim.scenario.Scenario;
import org.computecap.sim.scenario.ScenarioLoader;
import org.computecap.sim.scenario.Strategy;
import org.junit.jupiter.api.Test;

class DevelopersTest {

  @Test
  void a_strategy_mix_is_split_by_largest_remainder_and_interleaved() {
    Map<Strategy, Double> mix = new EnumMap<>(Strategy.class);
    mix.put(Strategy.PRICE_TAKING, 0.8);
    mix.put(Strategy.STRATEGIC, 0.2);
    Strategy[] s = Developers.strategies(mix, 10);
    assertThat(s).filteredOn(x -> x == Strategy.STRATEGIC).hasSize(2);
    assertThat(s[0]).isEqualTo(Strategy.PRICE_TAKING);
    assertThat(s)
        .containsSubsequence(Strategy.STRATEGIC, Strategy.PRICE_TAKING, Strategy.STRATEGIC);
  }

  @Test
  void expansion_is_reproducible_and_keeps_the_intensity_at_least_one() {
    Scenario sc = ScenarioLoader.load(Path.of("..", "scenarios", "default.yaml"));
    List<Developer> a = Developers.expand(sc);
    List<Developer> b = Developers.expand(sc);
    assertThat(a).hasSize(60);
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i).permitsPerUnit()).isEqualTo(b.get(i).permitsPerUnit());
      assertThat(a.get(i).a()).isEqualTo(b.get(i).a());
      assertThat(a.get(i).permitsPerUnit()).isGreaterThanOrEqualTo(1.0);
      assertThat(a.get(i).accountId()).isEqualTo(i + 1);
    }
    double min = a.stream().mapToDouble(Developer::permitsPerUnit).min().orElseThrow();
    double max = a.stream().mapToDouble(Developer::permitsPerUnit).max().orElseThrow();
    assertThat(max / min).as("efficiencies span at least 10x").isGreaterThanOrEqualTo(10.0);
    assertThat(a.get(0).name()).isEqualTo("frontier");
    assertThat(a.get(1).name()).isEqualTo("large-lab-1");
  }

  @Test
  void explicit_counts_per_strategy_come_out_exactly() {
    for (int strategic = 0; strategic <= 37; strategic++) {
      Map<Strategy, Double> counts = new EnumMap<>(Strategy.class);
      counts.put(Strategy.PRICE_TAKING, (double) (37 - strategic));
      if (strategic > 0) {
        counts.put(Strategy.STRATEGIC, (double) strategic);
      }
      Strategy[] s = Developers.strategies(counts, 37);
      assertThat(s).filteredOn(x -> x == Strategy.STRATEGIC).hasSize(strategic);
    }
  }
}
