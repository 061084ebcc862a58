package org.computecap.economics.efficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.computecap.economics.efficiency.Instrument.Tax;
import org.junit.jupiter.api.Test;

class EfficiencyTableTest {

  @Test
  void each_row_is_the_optimum_at_its_price_and_effort_cuts_energy_below_p1s_capped_compute() {
    EfficiencyFirm firm = EfficiencyTable.defaultFirm();
    List<EfficiencyTable.Row> rows =
        EfficiencyTable.rows(firm, EfficiencyTable.DEFAULT_PRICES, 0.05, 5, 0.5);
    assertThat(rows).hasSize(EfficiencyTable.DEFAULT_PRICES.size());
    EfficiencyTable.Row previous = null;
    for (EfficiencyTable.Row row : rows) {
      EfficiencyChoice.Choice choice = EfficiencyChoice.optimum(firm, new Tax(row.price()));
      assertThat(row.effort()).isEqualTo(choice.effort());
      assertThat(row.energy()).isEqualTo(choice.energy());
      assertThat(row.energy()).isLessThanOrEqualTo(row.energyWithoutEffort());
      assertThat(row.effortUpdating()).isLessThanOrEqualTo(row.effort());
      if (previous != null) {
        assertThat(row.effort()).isGreaterThan(previous.effort());
        assertThat(row.energy()).isLessThan(previous.energy());
        assertThat(row.effortUpdating()).isLessThan(row.effort());
      }
      previous = row;
    }
    // p = 0: no effort, P1's no-cap compute (1/0.01)^(1/2) = 10.
    assertThat(rows.get(0).effort()).isZero();
    assertThat(rows.get(0).energy()).isCloseTo(10.0, within(1e-12));
  }
}
