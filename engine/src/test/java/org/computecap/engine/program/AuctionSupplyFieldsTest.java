package org.computecap.engine.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Issue 14's auction fields: defaults that keep the original rules, escalation, validation. */
class AuctionSupplyFieldsTest {
  private static Program parse(String auctionLines) {
    String yaml =
        ProgramLoaderTest.minimal()
            .replace(
                "  reservePriceCents: 10\n",
                "  reservePriceCents: 10\n" + auctionLines.indent(2).replace("\n  \n", "\n"));
    return ProgramLoader.parse("program.yaml", yaml);
  }

  private static void refused(String auctionLines, String message) {
    assertThatThrownBy(() -> parse(auctionLines)).hasMessage(message);
  }

  @Test
  void a_program_without_the_new_fields_has_exactly_the_original_auction_rules() {
    Program p = parse("");
    assertThat(p.auction()).isEqualTo(new Program.Auction(10, 1_000_000));
    assertThat(p.auction().hasSupplyRules()).isFalse();
    assertThat(p.usesStabilityReserve()).isFalse();
    assertThat(p.reservePriceCents(3)).isEqualTo(10);
    assertThat(p.auctionVolumePermits(1)).isEqualTo(500);
  }

  @Test
  void escalation_rounds_half_up_each_period_from_the_previous_periods_price() {
    // 1,000 at 5%: 1,050; 1,102.5 -> 1,103; 1,158.15 -> 1,158; 1,215.9 -> 1,216.
    assertThat(Ppm.escalate(1_000, 50_000, 0)).isEqualTo(1_000);
    assertThat(Ppm.escalate(1_000, 50_000, 1)).isEqualTo(1_050);
    assertThat(Ppm.escalate(1_000, 50_000, 2)).isEqualTo(1_103);
    assertThat(Ppm.escalate(1_000, 50_000, 3)).isEqualTo(1_158);
    assertThat(Ppm.escalate(1_000, 50_000, 4)).isEqualTo(1_216);
    // Step by step differs from the closed form: 10 · 1.05^2 = 11.025 -> 11, but 10.5 -> 11,
    // then 11.55 -> 12.
    assertThat(Ppm.escalate(10, 50_000, 2)).isEqualTo(12);
    // California's 2012 reserve price, $10.00, at 5% plus an assumed 2% inflation: $10.70.
    assertThat(Ppm.escalate(1_000, 70_000, 1)).isEqualTo(1_070);
    // Just below a half rounds down: 1,001 at 0.05% is 1,001.5005 -> 1,002; 999 at 0.05% is
    // 999.4995 -> 999.
    assertThat(Ppm.escalate(1_001, 500, 1)).isEqualTo(1_002);
    assertThat(Ppm.escalate(999, 500, 1)).isEqualTo(999);
  }

  @Test
  void the_reserve_price_and_the_triggers_escalate_from_the_first_period() {
    Program p =
        parse(
            """
            reservePriceEscalationPpm: 50000
            costContainment:
              triggerPriceCents: 1300
              volume: 100
              escalationPpm: 70000
            emissionsContainment:
              triggerPriceCents: 600
              volume: 50
              escalationPpm: 70000
            """);
    assertThat(p.reservePriceCents(1)).isEqualTo(10);
    assertThat(p.reservePriceCents(2)).isEqualTo(11);
    assertThat(p.reservePriceCents(3)).isEqualTo(12);
    assertThat(p.costContainmentTriggerCents(2)).isEqualTo(1_391);
    assertThat(p.costContainmentTriggerCents(3)).isEqualTo(1_488);
    assertThat(p.emissionsContainmentTriggerCents(3)).isEqualTo(687);
    // The cost containment reserve is carved out of the auction volume.
    assertThat(p.costContainmentPermits(1)).isEqualTo(100);
    assertThat(p.auctionVolumePermits(1)).isEqualTo(400);
    assertThat(p.auction().hasSupplyRules()).isTrue();
  }

  @Test
  void the_unsold_policy_reads_its_share_and_opens_the_stability_reserve_only_when_used() {
    Program reoffer = parse("unsold:\n  policy: REOFFER\n  reofferMaxSharePpm: 250000\n");
    assertThat(reoffer.auction().unsold())
        .isEqualTo(new Program.Unsold(UnsoldPolicy.REOFFER, 250_000));
    assertThat(reoffer.usesStabilityReserve()).isFalse();
    assertThat(parse("unsold:\n  policy: TO_STABILITY_RESERVE\n").usesStabilityReserve()).isTrue();
  }

  @Test
  void every_bad_field_is_refused_naming_the_field_and_the_rule() {
    refused(
        "reservePriceEscalationPpm: 1000001",
        "program.yaml: auction.reservePriceEscalationPpm: 1000001 is above 1000000");
    refused(
        "unsold:\n  policy: BURN",
        "program.yaml: auction.unsold.policy: 'BURN' is not one of KEEP, REOFFER,"
            + " TO_STABILITY_RESERVE");
    refused(
        "unsold:\n  policy: KEEP\n  reofferMaxSharePpm: 100",
        "program.yaml: auction.unsold.reofferMaxSharePpm: applies only to policy REOFFER, not"
            + " KEEP");
    refused(
        "unsold:\n  policy: REOFFER\n  reofferMaxSharePpm: 10000001",
        "program.yaml: auction.unsold.reofferMaxSharePpm: 10000001 is above 10000000");
    refused(
        "cancelWhenUndersubscribed: yes please",
        "program.yaml: auction.cancelWhenUndersubscribed: 'yes please' is not true or false");
    refused(
        "costContainment:\n  triggerPriceCents: 500",
        "program.yaml: auction.costContainment.volume is missing");
    refused(
        "costContainment:\n  triggerPriceCents: 500\n  volume: 0",
        "program.yaml: auction.costContainment.volume: 0 is below 1");
    refused(
        "emissionsContainment:\n  volume: 5",
        "program.yaml: auction.emissionsContainment.triggerPriceCents is missing");
    refused(
        "emissionsContainment:\n  triggerPriceCents: 5\n  volume: 5\n  price: 3",
        "program.yaml: auction.emissionsContainment.price: unknown field (allowed here:"
            + " triggerPriceCents, volume, escalationPpm)");
  }

  @Test
  void the_emissions_trigger_must_stay_below_the_cost_trigger_in_every_period() {
    String both =
        """
        costContainment:
          triggerPriceCents: 1000
          volume: 10
        emissionsContainment:
          triggerPriceCents: %d
          volume: 10
          escalationPpm: %d
        """;
    parse(both.formatted(999, 0));
    refused(
        both.formatted(1000, 0),
        "program.yaml: auction.emissionsContainment.triggerPriceCents: 1000 in period 1 is not"
            + " below costContainment.triggerPriceCents 1000");
    // 900 · 1.06 = 954, 954 · 1.06 = 1,011.24 -> 1,011 in the third period.
    refused(
        both.formatted(900, 60_000),
        "program.yaml: auction.emissionsContainment.triggerPriceCents: 1011 in period 3 is not"
            + " below costContainment.triggerPriceCents 1000");
  }

  @Test
  void an_escalation_that_would_lift_a_price_above_the_bid_limit_is_refused() {
    String yaml =
        ProgramLoaderTest.minimal()
                .replace("reservePriceCents: 10", "reservePriceCents: 600000000000")
                .replace("  count: 3", "  count: 3")
            + "  reservePriceEscalationPpm: 1000000\n";
    assertThatThrownBy(() -> ProgramLoader.parse("program.yaml", yaml))
        .hasMessage(
            "program.yaml: auction.reservePriceEscalationPpm: 1000000 raises 600000000000 cents to"
                + " 1200000000000 in period 2, above 1000000000000");
  }
}
