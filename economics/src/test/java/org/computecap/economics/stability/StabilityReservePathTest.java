package org.computecap.economics.stability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.computecap.economics.stability.StabilityReservePath.Period;
import org.computecap.economics.stability.StabilityReservePath.Row;
import org.computecap.economics.stability.StabilityReserveRule.Band;
import org.junit.jupiter.api.Test;

/** A multi-period path under the EU rule, checked by hand period by period. */
class StabilityReservePathTest {

  private static final long M = 1_000_000L;

  @Test
  void a_four_period_path_takes_in_invalidates_rests_and_releases() {
    List<Row> rows =
        StabilityReservePath.path(
            StabilityReserveRule.EU,
            1_200 * M,
            300 * M,
            List.of(
                new Period(100 * M, 500 * M, 900 * M),
                new Period(100 * M, 500 * M, 1_000 * M),
                new Period(50 * M, 100 * M, 500 * M),
                new Period(0, 50 * M, 0)));

    // Period 0 reads 1,200 M > 1,096 M: intake 24% = 288 M out of 500 M scheduled, so 212 M are
    // auctioned; the reserve holds 300 + 288 = 588 M, 188 M above the 400 M limit are
    // invalidated; TNAC = 1,200 + 100 + 212 - 900 = 612 M.
    assertThat(rows.get(0))
        .isEqualTo(
            new Row(
                0,
                1_200 * M,
                Band.RATE_INTAKE,
                288 * M,
                0,
                188 * M,
                400 * M,
                212 * M,
                900 * M,
                0,
                612 * M));
    // Period 1 reads 612 M, in [400 M, 833 M]: nothing; TNAC = 612 + 100 + 500 - 1,000 = 212 M.
    assertThat(rows.get(1))
        .isEqualTo(
            new Row(1, 612 * M, Band.NO_ACTION, 0, 0, 0, 400 * M, 500 * M, 1_000 * M, 0, 212 * M));
    // Period 2 reads 212 M < 400 M: release 100 M, auction 200 M; 212 + 50 + 200 = 462 M meet
    // 462 M of the 500 M demand, 38 M go unmet and TNAC ends at 0.
    assertThat(rows.get(2))
        .isEqualTo(
            new Row(2, 212 * M, Band.RELEASE, 0, 100 * M, 0, 300 * M, 200 * M, 462 * M, 38 * M, 0));
    // Period 3 reads 0: release 100 M more, auction 150 M, nothing surrendered.
    assertThat(rows.get(3))
        .isEqualTo(new Row(3, 0, Band.RELEASE, 0, 100 * M, 0, 200 * M, 150 * M, 0, 0, 150 * M));
  }

  @Test
  void intake_is_at_most_the_scheduled_auction_volume() {
    // 1,000 M is in the excess band: the rule asks for 167 M but only 100 M are auctioned.
    Row row =
        StabilityReservePath.path(
                StabilityReserveRule.EU, 1_000 * M, 0, List.of(new Period(0, 100 * M, 0)))
            .get(0);

    assertThat(row.band()).isEqualTo(Band.EXCESS_INTAKE);
    assertThat(StabilityReserveRule.EU.intakePermits(1_000 * M)).isEqualTo(167 * M);
    assertThat(row.intakePermits()).isEqualTo(100 * M);
    assertThat(row.auctionPermits()).isZero();
    assertThat(row.reservePermits()).isEqualTo(100 * M);
    assertThat(row.tnacPermits()).isEqualTo(1_000 * M);
  }

  @Test
  void a_release_from_an_empty_reserve_releases_nothing() {
    Row row =
        StabilityReservePath.path(StabilityReserveRule.EU, 0, 0, List.of(new Period(0, 10, 0)))
            .get(0);

    assertThat(row.band()).isEqualTo(Band.RELEASE);
    assertThat(row.releasePermits()).isZero();
    assertThat(row.auctionPermits()).isEqualTo(10);
  }

  @Test
  void bad_inputs_are_refused_naming_the_field_and_the_period() {
    StabilityReserveRule eu = StabilityReserveRule.EU;
    assertThatThrownBy(() -> StabilityReservePath.path(eu, 0, 0, List.of(new Period(0, 0, -1))))
        .hasMessage("periods[0].demandPermits must be within [0, 1000000000000000], was -1");
    assertThatThrownBy(
            () ->
                StabilityReservePath.path(
                    eu, 0, 0, List.of(new Period(0, 0, 0), new Period(0, 1L << 60, 0))))
        .hasMessageStartingWith("periods[1].scheduledAuctionPermits must be within");
    assertThatThrownBy(() -> StabilityReservePath.path(eu, -1, 0, List.of(new Period(0, 0, 0))))
        .hasMessageStartingWith("startTnacPermits must be within");
    assertThatThrownBy(() -> StabilityReservePath.path(eu, 0, 0, List.of()))
        .hasMessage("periods must have 1 to 1000 entries, had 0");
  }
}
