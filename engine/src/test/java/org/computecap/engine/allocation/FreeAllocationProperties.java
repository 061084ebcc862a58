package org.computecap.engine.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class FreeAllocationProperties {

  @Property(tries = 200)
  void benchmark_grants_never_exceed_the_budget_and_use_it_exactly_when_corrected(
      @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 5000) Integer> outputs,
      @ForAll @LongRange(min = 0, max = 20_000) long budget,
      @ForAll @LongRange(min = 1, max = 1_000_000) long percentile) {
    List<ParticipantHistory> h = new ArrayList<>();
    for (int i = 0; i < outputs.size(); i++) {
      int o = outputs.get(i);
      h.add(
          new ParticipantHistory(
              i + 1,
              new Activity(o, o * (i % 3 + 1L)),
              new Activity(o + i, (o + i) * (i % 4 + 1L)),
              500_000 + 100_000L * i));
    }
    AllocationOutcome out = FreeAllocation.benchmark(h, budget, percentile, 150_000);
    assertThat(out.allocatedPermits()).isLessThanOrEqualTo(budget);
    if (out.scaledToBudget()) {
      assertThat(out.allocatedPermits()).isEqualTo(budget);
    }
    assertThat(out.grants()).hasSize(outputs.size());
  }

  @Property(tries = 200)
  void grandfathering_uses_the_budget_exactly_whenever_anyone_has_history(
      @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 1, max = 100_000) Integer> covered,
      @ForAll @LongRange(min = 0, max = 1_000_000) long budget) {
    List<ParticipantHistory> h = new ArrayList<>();
    for (int i = 0; i < covered.size(); i++) {
      h.add(new ParticipantHistory(i, null, new Activity(1, covered.get(i)), 1_000_000));
    }
    assertThat(FreeAllocation.grandfather(h, budget).allocatedPermits()).isEqualTo(budget);
  }
}
