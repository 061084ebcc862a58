package org.computecap.sim.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.computecap.economics.audit.Enforcement;
import org.computecap.economics.audit.PenaltyFunction;
import org.computecap.economics.market.BenefitFamily;
import org.junit.jupiter.api.Test;

class QuotesTest {

  @Test
  void the_grid_is_geometric_and_spans_the_band() {
    PriceGrid g = PriceGrid.around(10_000, 2.0, 10_000, 1);
    assertThat(g.lowest()).isEqualTo(5_000);
    assertThat(g.highest()).isGreaterThanOrEqualTo(20_000);
    for (int j = 1; j < g.size(); j++) {
      assertThat(g.price(j)).isGreaterThan(g.price(j - 1));
      assertThat((double) g.price(j) / g.price(j - 1)).isLessThan(1.0102);
    }
  }

  // Issue 11 item 3: the grid's step doubled beyond 8% of the expected price, so prices
  // snapped to points about 3% apart there. Now one fine step covers the whole band.
  @Test
  void the_grid_keeps_one_fine_step_far_from_the_expected_price() {
    PriceGrid g = PriceGrid.around(10_000, 8.0, 1_000, 1);
    assertThat(g.lowest()).isEqualTo(1_250);
    assertThat(g.highest()).isEqualTo(80_000);
    for (int j = 1; j < g.size(); j++) {
      // One step of 0.1%, give or take the rounding to whole cents.
      assertThat((double) g.price(j) / g.price(j - 1))
          .isLessThanOrEqualTo(1.001 + 1.0 / g.price(j - 1));
    }
  }

  // Issue 11 item 3: the grid centred on an expectation that ignored the reserve.
  @Test
  void the_grid_reaches_the_reserve_with_fine_steps_and_holds_it_exactly() {
    PriceGrid g = PriceGrid.around(10_000, 2.0, 2_000, 1, 3_337, 12_345);
    assertThat(g.lowest()).isEqualTo(3_337);
    assertThat(g.indexAtOrBelow(12_345)).satisfies(j -> assertThat(g.price(j)).isEqualTo(12_345));
    for (int j = 1; j < g.size(); j++) {
      assertThat((double) g.price(j) / g.price(j - 1))
          .isLessThanOrEqualTo(1.002 + 1.0 / g.price(j - 1));
    }
  }

  @Property(tries = 200)
  void a_schedule_buys_or_sells_exactly_the_gap_to_the_target_at_every_grid_price(
      @ForAll @LongRange(min = 0, max = 100_000) long holdings,
      @ForAll @LongRange(min = 100, max = 100_000) long expected) {
    Valuation v =
        new Valuation(ValuationTest.developer(BenefitFamily.POWER, 3, 0.5, 0, 0), 1.0, 1e4);
    PriceGrid grid = PriceGrid.around(expected, 4.0, 5_000, 1);
    List<Quote> quotes = Quotes.schedule(grid, holdings, v::permitsAt);
    for (int j = 0; j < grid.size(); j++) {
      long p = grid.price(j);
      long bought = 0;
      long sold = 0;
      for (Quote q : quotes) {
        if (q.buy() && q.priceCents() >= p) {
          bought += q.quantity();
        }
        if (!q.buy() && q.priceCents() <= p) {
          sold += q.quantity();
        }
      }
      long want = (long) Math.floor(v.permitsAt(p));
      assertThat(bought - sold).isEqualTo(want - holdings);
    }
  }

  // The schedule splits the grid only where the wanted quantity changes (issue 12 item 1): it
  // must want exactly what evaluating every grid price wants, for every kind of plan (flat or
  // steep demand, evaders whose demand jumps where audits stop deterring, make-good, a bank that
  // switches on below its price).
  @Property(tries = 300)
  void the_quantities_wanted_are_those_of_every_grid_price_evaluated_one_by_one(
      @ForAll @IntRange(min = 0, max = 2) int familyCode,
      @ForAll @LongRange(min = 1, max = 1_000_000) long scale,
      @ForAll @IntRange(min = 0, max = 3) int kind,
      @ForAll @LongRange(min = 20, max = 500_000) long expected,
      @ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    BenefitFamily family = BenefitFamily.values()[familyCode];
    Developer d =
        ValuationTest.developer(
            family,
            scale * (0.5 + r.nextDouble()),
            0.2 + 0.6 * r.nextDouble(),
            0.5 + r.nextDouble(),
            Math.pow(10, -8 + 8 * r.nextDouble()));
    double centsPerUtil = Math.pow(10, 2 + 12 * r.nextDouble());
    Enforcement enforcement =
        kind == 1 || kind == 3
            ? new Enforcement(
                0.05 + 0.5 * r.nextDouble(),
                new PenaltyFunction(expected * 2 * r.nextDouble(), r.nextDouble()),
                expected * r.nextDouble(),
                r.nextBoolean() ? 0.0 : 100 * r.nextDouble(),
                10 * r.nextDouble())
            : null;
    double bankPrice = kind >= 2 ? expected * (0.8 + 0.4 * r.nextDouble()) : 0;
    Plan plan =
        new Plan(
            d,
            1.0 + 3 * r.nextDouble(),
            enforcement,
            centsPerUtil,
            r.nextInt(50),
            bankPrice,
            bankPrice > 0 ? 1_000 * r.nextDouble() : 0);
    PriceGrid grid = PriceGrid.around(expected, 1.5, 2_000, 1, bankPrice);
    long[] wants = Quotes.wants(grid, plan::target);
    for (int j = 0; j < grid.size(); j++) {
      double t = plan.target(grid.price(j));
      long one =
          Double.isFinite(t)
              ? (long) Math.floor(Math.max(0.0, Math.min(t, 4e18)))
              : Long.MAX_VALUE / 4;
      assertThat(wants[j]).as("grid price %d", grid.price(j)).isEqualTo(one);
    }
  }

  @Property(tries = 500)
  void a_zero_intelligence_constrained_quote_never_trades_at_a_loss(
      @ForAll @LongRange(min = 0, max = 10_000) long holdings,
      @ForAll @LongRange(min = 1, max = 500) long lot,
      @ForAll long seed) {
    Valuation v =
        new Valuation(ValuationTest.developer(BenefitFamily.LOG, 50, 0, 0, 0), 1.0, 100.0);
    Quote q = Quotes.zeroIntelligence(new SplittableRandom(seed), v, holdings, lot, 1_000_000);
    if (q == null) {
      return;
    }
    if (q.buy()) {
      assertThat((double) q.priceCents())
          .isLessThanOrEqualTo(v.marginalValueCents(holdings + q.quantity()));
    } else {
      assertThat(q.quantity()).isLessThanOrEqualTo(holdings);
      assertThat((double) q.priceCents())
          .isGreaterThanOrEqualTo(v.marginalValueCents(holdings - q.quantity()));
    }
  }
}
