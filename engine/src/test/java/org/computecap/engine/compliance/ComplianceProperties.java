package org.computecap.engine.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class ComplianceProperties {

  /**
   * P2 Corollary 3 with the engine's integer penalty: when {@code rho · linear >= p}, the expected
   * penalty {@code rho · phi(D)} is at least the permit cost saved {@code p · D} for every
   * shortfall D, so under-retiring never pays (rho in ppm, p in cents).
   */
  @Property(tries = 500)
  void the_expected_penalty_deters_every_shortfall_when_rho_times_linear_covers_the_price(
      @ForAll @LongRange(min = 1, max = 1_000_000) long rhoPpm,
      @ForAll @LongRange(min = 0, max = 100_000) long linear,
      @ForAll @LongRange(min = 0, max = 1_000) long quadratic,
      @ForAll @LongRange(min = 0, max = 1_000_000) long shortfall) {
    long priceCents =
        BigInteger.valueOf(rhoPpm)
            .multiply(BigInteger.valueOf(linear))
            .divide(BigInteger.valueOf(1_000_000))
            .longValueExact();
    BigInteger expectedPenaltyPpm =
        BigInteger.valueOf(rhoPpm)
            .multiply(BigInteger.valueOf(PenaltyFunction.phiCents(linear, quadratic, shortfall)));
    BigInteger savedPpm =
        BigInteger.valueOf(priceCents)
            .multiply(BigInteger.valueOf(shortfall))
            .multiply(BigInteger.valueOf(1_000_000));
    assertThat(expectedPenaltyPpm).isGreaterThanOrEqualTo(savedPpm);
  }

  @Property(tries = 300)
  void phi_is_convex_increasing_and_zero_at_zero(
      @ForAll @LongRange(min = 0, max = 1_000_000) long linear,
      @ForAll @LongRange(min = 0, max = 1_000_000) long quadratic,
      @ForAll @LongRange(min = 1, max = 1_000_000) long d) {
    long before = PenaltyFunction.phiCents(linear, quadratic, d - 1);
    long at = PenaltyFunction.phiCents(linear, quadratic, d);
    long after = PenaltyFunction.phiCents(linear, quadratic, d + 1);
    assertThat(PenaltyFunction.phiCents(linear, quadratic, 0)).isZero();
    assertThat(at).isGreaterThanOrEqualTo(before);
    assertThat(after - at).isGreaterThanOrEqualTo(at - before);
  }

  @Property(tries = 300)
  void the_lottery_never_exceeds_the_budget_and_splits_the_drawn_into_audited_and_dropped(
      @ForAll @IntRange(min = 0, max = 300) int n,
      @ForAll @LongRange(min = 0, max = 1_000_000) long rho,
      @ForAll @LongRange(min = 0, max = 50) long maxAudits,
      @ForAll long seed) {
    List<AuditCandidate> candidates = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      candidates.add(new AuditCandidate(i * 3L, 10, i % 4 == 0, 20));
    }
    AuditLottery.Draw d =
        AuditLottery.draw(candidates, rho, 1_000_000, 100_000, maxAudits, new SplitMix64(seed));
    assertThat((long) d.audited().size()).isLessThanOrEqualTo(maxAudits);
    Set<Long> all = new HashSet<>(d.audited());
    all.addAll(d.dropped());
    assertThat(all).hasSize(d.audited().size() + d.dropped().size());
    assertThat(d.targeted()).hasSize(n / 4);
    // Targeted candidates are drawn with probability one.
    List<Long> drawn = new ArrayList<>(all);
    assertThat(drawn).containsAll(d.targeted());
    if (!d.dropped().isEmpty()) {
      assertThat((long) d.audited().size()).isEqualTo(maxAudits);
    }
  }
}
