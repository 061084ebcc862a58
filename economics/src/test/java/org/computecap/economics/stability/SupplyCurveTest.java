package org.computecap.economics.stability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** Issue 14: the supply a period offers against the price, and the clearing price against it. */
class SupplyCurveTest {

  private static DoubleUnaryOperator demand(double scale) {
    return p -> scale / p;
  }

  @Test
  void an_auction_clears_where_demand_meets_its_volume_or_at_a_binding_reserve() {
    SupplyCurve auction = SupplyCurve.of(0).withAuction(100, 2);
    assertThat(auction.clearingPrice(demand(1000))).isCloseTo(10, within(1e-9));
    // At a $20 reserve only 50 are wanted: the auction sells them at the reserve.
    SupplyCurve floor = SupplyCurve.of(0).withAuction(100, 20);
    assertThat(floor.clearingPrice(demand(1000))).isCloseTo(20, within(1e-9));
    // What is held clears below the reserve when it covers demand there.
    SupplyCurve held = SupplyCurve.of(200).withAuction(100, 20);
    assertThat(held.clearingPrice(demand(1000))).isCloseTo(5, within(1e-9));
  }

  @Test
  void cost_containment_releases_its_volume_above_the_trigger_and_the_price_stays_at_or_above_it() {
    // Without it p = 10 > 5: with 50 more the price is 1000/150; with 100 more demand at the
    // trigger (200) takes it all and the price is the trigger.
    SupplyCurve base = SupplyCurve.of(0).withAuction(100, 2);
    assertThat(base.withCostContainment(5, 50).clearingPrice(demand(1000)))
        .isCloseTo(1000.0 / 150, within(1e-9));
    assertThat(base.withCostContainment(5, 150).clearingPrice(demand(1000)))
        .isCloseTo(5, within(1e-9));
    // A trigger above the price releases nothing.
    assertThat(base.withCostContainment(12, 150).clearingPrice(demand(1000)))
        .isCloseTo(10, within(1e-9));
  }

  @Test
  void emissions_containment_withholds_below_the_trigger_and_the_price_stays_at_or_below_it() {
    SupplyCurve base = SupplyCurve.of(0).withAuction(100, 2);
    assertThat(base.withEmissionsContainment(20, 40).clearingPrice(demand(1000)))
        .isCloseTo(1000.0 / 60, within(1e-9));
    assertThat(base.withEmissionsContainment(20, 80).clearingPrice(demand(1000)))
        .isCloseTo(20, within(1e-9));
    assertThat(base.withEmissionsContainment(8, 80).clearingPrice(demand(1000)))
        .isCloseTo(10, within(1e-9));
    // Withholding takes from the auction only, never from what is held.
    assertThat(SupplyCurve.of(30).withAuction(10, 5).withEmissionsContainment(20, 80).at(6))
        .isEqualTo(30);
  }

  @Test
  void price_containment_tiers_and_a_ceiling_cap_the_price() {
    SupplyCurve base = SupplyCurve.of(0).withAuction(100, 2);
    assertThat(base.withTier(15, 50).clearingPrice(demand(3000))).isCloseTo(20, within(1e-9));
    assertThat(base.withTier(15, 50).withTier(18, 100).clearingPrice(demand(3000)))
        .isCloseTo(18, within(1e-9));
    assertThat(base.withCeiling(25).clearingPrice(demand(5000))).isCloseTo(25, within(1e-9));
    assertThat(base.withCeiling(25).at(25)).isInfinite();
  }

  @Test
  void a_slack_supply_clears_at_zero_and_bad_values_are_refused_naming_them() {
    assertThat(SupplyCurve.of(100).clearingPrice(p -> 50)).isZero();
    assertThatThrownBy(() -> SupplyCurve.of(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("held must be finite and >= 0");
    assertThatThrownBy(() -> SupplyCurve.of(1).withTier(Double.NaN, 1))
        .hasMessageContaining("tier price");
    assertThatThrownBy(() -> SupplyCurve.of(1).withCostContainment(1, -1))
        .hasMessageContaining("cost containment volume must be >= 0");
  }

  // Whatever the mechanisms, the price found is where excess demand changes sign.
  @Property(tries = 300)
  void the_clearing_price_is_where_excess_demand_changes_sign(
      @ForAll @DoubleRange(min = 10, max = 1000) double held,
      @ForAll @DoubleRange(min = 0, max = 1000) double auction,
      @ForAll @DoubleRange(min = 0.5, max = 50) double reserve,
      @ForAll @DoubleRange(min = 1, max = 100) double ccrTrigger,
      @ForAll @DoubleRange(min = 0, max = 500) double ccr,
      @ForAll @DoubleRange(min = 1, max = 100) double ecrTrigger,
      @ForAll @DoubleRange(min = 0, max = 500) double ecr,
      @ForAll @DoubleRange(min = 100, max = 1e5) double scale) {
    SupplyCurve s =
        SupplyCurve.of(held)
            .withAuction(auction, reserve)
            .withCostContainment(ccrTrigger, ccr)
            .withEmissionsContainment(ecrTrigger, ecr);
    DoubleUnaryOperator d = p -> scale / Math.sqrt(p);
    double p = s.clearingPrice(d);
    assertThat(p).isPositive();
    double below = p * (1 - 1e-9);
    double above = p * (1 + 1e-9);
    assertThat(d.applyAsDouble(below)).isGreaterThanOrEqualTo(s.at(below) * (1 - 1e-9));
    assertThat(d.applyAsDouble(above)).isLessThanOrEqualTo(s.at(above) * (1 + 1e-9));
  }
}
