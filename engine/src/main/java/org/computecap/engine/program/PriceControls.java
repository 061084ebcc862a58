package org.computecap.engine.program;

import java.util.List;
import java.util.Objects;

/**
 * California-type price controls (issue 14; docs/rules.md "Price containment and ceiling"): a price
 * containment reserve of fixed-price tiers carved out of the first period's auction volume, and a
 * price ceiling at which the registry sells permits above the cap. Each is off when absent, and a
 * program with neither encodes and hashes exactly as before they existed.
 */
public record PriceControls(Reserve reserve, Ceiling ceiling) {
  /** Neither control. */
  public static final PriceControls NONE = new PriceControls(Reserve.NONE, Ceiling.NONE);

  public PriceControls {
    Objects.requireNonNull(reserve, "reserve");
    Objects.requireNonNull(ceiling, "ceiling");
  }

  /** Whether either control is on (then the auction state records what they need). */
  public boolean isOn() {
    return reserve.isOn() || ceiling.isOn();
  }

  /** One tier: {@code volumePermits} sold at {@code priceCents} each. */
  public record Tier(long volumePermits, long priceCents) {}

  /**
   * The price containment reserve: tiers in strictly ascending price order (their first period's
   * prices, each escalating by {@code escalationPpm} a period, rounded half up each period), and
   * the share of the lowest tier's price that the previous auction's clearing price must reach
   * before a reserve sale may open. No tiers means off.
   */
  public record Reserve(List<Tier> tiers, long triggerSharePpm, long escalationPpm) {
    public static final Reserve NONE = new Reserve(List.of(), 0, 0);

    public Reserve {
      tiers = List.copyOf(tiers);
    }

    public boolean isOn() {
      return !tiers.isEmpty();
    }

    /** The permits of every tier together. */
    public long totalPermits() {
      long sum = 0;
      for (Tier t : tiers) {
        sum = Math.addExact(sum, t.volumePermits());
      }
      return sum;
    }

    /**
     * Whether a clearing price of {@code priceCents} meets the trigger when the lowest tier is
     * priced {@code lowestTierCents} (its period's escalated price): {@code price · 10^6 >=
     * triggerSharePpm · lowest tier price}, exactly (both products stay below 10^18).
     */
    public boolean triggeredBy(long priceCents, long lowestTierCents) {
      return isOn()
          && Math.multiplyExact(priceCents, Ppm.ONE)
              >= Math.multiplyExact(triggerSharePpm, lowestTierCents);
    }
  }

  /** The price ceiling: its price in the first period, escalating per period. 0 means off. */
  public record Ceiling(long priceCents, long escalationPpm) {
    public static final Ceiling NONE = new Ceiling(0, 0);

    public boolean isOn() {
      return priceCents > 0;
    }
  }
}
