package org.computecap.engine.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SplitMix64Test {

  @Test
  void the_stream_matches_the_reference_splitmix64_outputs_for_seed_zero() {
    SplitMix64 g = new SplitMix64(0);
    assertThat(g.nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
    assertThat(g.nextLong()).isEqualTo(0x6E789E6AA1B965F4L);
    assertThat(g.nextLong()).isEqualTo(0x06C45D188009454FL);
  }

  @Test
  void bounded_draws_stay_in_range_and_cover_it_evenly() {
    SplitMix64 g = new SplitMix64(42);
    long[] counts = new long[10];
    for (int i = 0; i < 100_000; i++) {
      counts[(int) g.nextBelow(10)]++;
    }
    for (long c : counts) {
      assertThat(c).isBetween(9_500L, 10_500L);
    }
  }

  @Test
  void each_period_of_a_market_has_its_own_reproducible_stream() {
    long a = SplitMix64.forAudit(7, 1).nextLong();
    assertThat(SplitMix64.forAudit(7, 1).nextLong()).isEqualTo(a);
    assertThat(SplitMix64.forAudit(7, 2).nextLong()).isNotEqualTo(a);
    assertThat(SplitMix64.forAudit(8, 1).nextLong()).isNotEqualTo(a);
  }
}
