package org.computecap.engine.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditLotteryTest {

  static List<AuditCandidate> candidates(int n) {
    List<AuditCandidate> list = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      list.add(new AuditCandidate(i, 100, false, 0));
    }
    return list;
  }

  @Test
  void the_same_seed_and_period_draw_the_same_accounts() {
    AuditLottery.Draw a =
        AuditLottery.draw(candidates(200), 100_000, 100_000, 0, 1000, SplitMix64.forAudit(99, 3));
    AuditLottery.Draw b =
        AuditLottery.draw(candidates(200), 100_000, 100_000, 0, 1000, SplitMix64.forAudit(99, 3));
    AuditLottery.Draw other =
        AuditLottery.draw(candidates(200), 100_000, 100_000, 0, 1000, SplitMix64.forAudit(99, 4));
    assertThat(a).isEqualTo(b);
    assertThat(a.audited()).isNotEqualTo(other.audited());
  }

  @Test
  void each_participant_is_drawn_with_the_configured_probability() {
    AuditLottery.Draw d =
        AuditLottery.draw(
            candidates(20_000), 100_000, 100_000, 0, 100_000, SplitMix64.forAudit(1, 1));
    // Binomial(20000, 0.1): mean 2000, sd 42; five sd either side.
    assertThat(d.audited().size()).isBetween(1_790, 2_210);
    assertThat(d.dropped()).isEmpty();
  }

  @Test
  void probability_zero_audits_nobody_and_probability_one_audits_everybody() {
    assertThat(AuditLottery.draw(candidates(50), 0, 0, 0, 100, new SplitMix64(5)).audited())
        .isEmpty();
    assertThat(
            AuditLottery.draw(candidates(50), 1_000_000, 1_000_000, 0, 100, new SplitMix64(5))
                .audited())
        .hasSize(50);
  }

  @Test
  void the_budget_caps_audits_and_drops_the_excess_in_seeded_random_order() {
    AuditLottery.Draw d =
        AuditLottery.draw(candidates(50), 1_000_000, 1_000_000, 0, 5, SplitMix64.forAudit(3, 1));
    assertThat(d.audited()).hasSize(5).isSorted();
    assertThat(d.dropped()).hasSize(45).isSorted().doesNotContainAnyElementsOf(d.audited());
    // Random, not the five lowest ids.
    assertThat(d.audited()).isNotEqualTo(List.of(1L, 2L, 3L, 4L, 5L));
    assertThat(
            AuditLottery.draw(
                candidates(50), 1_000_000, 1_000_000, 0, 5, SplitMix64.forAudit(3, 1)))
        .isEqualTo(d);
  }

  @Test
  void a_meter_reading_above_the_report_by_more_than_the_threshold_raises_the_probability() {
    List<AuditCandidate> c =
        List.of(
            new AuditCandidate(1, 100, true, 110), // exactly 10% above: not targeted
            new AuditCandidate(2, 100, true, 111), // above 10%: targeted
            new AuditCandidate(3, 100, false, 0),
            new AuditCandidate(4, 0, true, 1)); // any reading above a zero report
    AuditLottery.Draw d = AuditLottery.draw(c, 0, 1_000_000, 100_000, 10, new SplitMix64(1));
    assertThat(d.targeted()).containsExactly(2L, 4L);
    assertThat(d.audited()).containsExactly(2L, 4L);
  }

  @Test
  void a_meter_reading_does_not_shift_anyone_elses_draw() {
    List<AuditCandidate> plain = candidates(100);
    List<AuditCandidate> metered = new ArrayList<>(plain);
    metered.set(10, new AuditCandidate(11, 100, true, 500));
    AuditLottery.Draw a = AuditLottery.draw(plain, 300_000, 300_000, 0, 100, new SplitMix64(9));
    AuditLottery.Draw b = AuditLottery.draw(metered, 300_000, 300_000, 0, 100, new SplitMix64(9));
    assertThat(b.audited()).isEqualTo(a.audited());
    assertThat(b.targeted()).containsExactly(11L);
  }

  @Test
  void unsorted_candidates_are_refused() {
    List<AuditCandidate> c =
        List.of(new AuditCandidate(2, 1, false, 0), new AuditCandidate(1, 1, false, 0));
    assertThatThrownBy(() -> AuditLottery.draw(c, 0, 0, 0, 1, new SplitMix64(1)))
        .hasMessage("candidates: account 1 is out of order or repeated");
  }
}
