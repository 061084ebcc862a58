package org.computecap.engine.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

  @Property(tries = 300)
  void the_common_denominator_calculators_give_the_reduced_fractions_grants_to_the_permit(
      @ForAll @Size(max = 40) List<@LongRange(min = 0, max = 1_000_000_000L) Long> outputs,
      @ForAll @Size(max = 40) List<@LongRange(min = 0, max = 1_000_000_000L) Long> covered,
      @ForAll @LongRange(min = 0, max = 2_000_000_000_000L) long budget,
      @ForAll @LongRange(min = 1, max = 1_000_000) long percentile,
      @ForAll @LongRange(min = 0, max = 3_000_000) long threshold) {
    List<ParticipantHistory> h = new ArrayList<>();
    int n = Math.min(outputs.size(), covered.size());
    for (int i = 0; i < n; i++) {
      long o = outputs.get(i);
      long c = covered.get(i);
      Activity previous = i % 5 == 0 ? null : new Activity(o / (i % 3 + 1), c / (i % 2 + 1));
      Activity last = new Activity(o, c + i);
      h.add(new ParticipantHistory(i + 1, previous, last, 300_000 + 97_531L * i));
    }
    AllocationOutcome fast = FreeAllocation.benchmark(h, budget, percentile, threshold);
    assertThat(fast.grants().stream().map(Grant::permits).toList())
        .isEqualTo(RationalReference.benchmark(h, budget, percentile, threshold));
    assertThat(fast.benchmark()).isEqualTo(RationalReference.benchmarkIntensity(h, percentile));
    assertThat(FreeAllocation.grandfather(h, budget).grants().stream().map(Grant::permits).toList())
        .isEqualTo(RationalReference.grandfather(h, budget));
    for (ParticipantHistory p : h) {
      assertThat(FreeAllocation.activityLevel(p.previous(), p.last(), threshold))
          .isEqualTo(RationalReference.activityLevel(p.previous(), p.last(), threshold));
    }
    long projected = budget / 7;
    Fraction entitled =
        Fraction.whole(projected).times(fast.benchmark()).times(Fraction.of(1_234_567, 1_000_000));
    long expected =
        entitled.compareTo(Fraction.whole(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : entitled.floor();
    assertThat(FreeAllocation.newEntrantBenchmark(projected, fast.benchmark(), 1_234_567))
        .isEqualTo(expected);
  }

  @Property(tries = 300)
  void floors_through_a_scaled_reciprocal_equal_the_exact_division(
      @ForAll @Size(min = 1, max = 20) List<@LongRange(min = 0, max = 1_000_000_000_000L) Long> ws,
      @ForAll @IntRange(min = 1, max = 4000) int dBits,
      @ForAll long seed,
      @ForAll boolean wholeQuotients) {
    Random random = new Random(seed);
    BigInteger d = new BigInteger(dBits, random).add(BigInteger.ONE);
    // B = p/d near 1 to 10^6, like a benchmark intensity over 2·10^6; with whole quotients
    // p is a multiple of d, so every w·p/d is a whole number and each floor sits exactly on
    // the boundary the reciprocal cannot see.
    BigInteger p =
        wholeQuotients
            ? d.multiply(BigInteger.valueOf(random.nextInt(1_000_000)))
            : d.multiply(BigInteger.valueOf(random.nextInt(1_000_000)))
                .add(new BigInteger(dBits, random).mod(d));
    BigInteger[] weights = ws.stream().map(BigInteger::valueOf).toArray(BigInteger[]::new);
    long[] floors = FreeAllocation.floors(weights, p, d);
    for (int i = 0; i < weights.length; i++) {
      BigInteger exact = weights[i].multiply(p).divide(d);
      assertThat(floors[i]).as("w = %s", weights[i]).isEqualTo(exact.longValueExact());
    }
  }
}
