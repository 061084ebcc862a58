package org.computecap.engine.auction;

import java.util.List;

/**
 * How much of an auction's supply is put up for clearing under issue 14's supply rules, a pure
 * function of the bids. {@code D(p)} is the demand at price {@code p}: the sum of the bids'
 * quantities after the reserve price and the purchase limits ({@link
 * AuctionClearing#effectiveQuantities}) over the bids whose limit price is at least {@code p};
 * {@code S} is the auction's base supply (its own volume plus what it re-offers). The rules are
 * checked in this order, and at most one acts:
 *
 * <ol>
 *   <li><b>Cancellation</b> (when on): {@code D(reserve) < S} cancels the auction; nothing is sold
 *       and the whole supply is unsold.
 *   <li><b>Cost containment</b> (trigger {@code Tc}, {@code C} permits still available this
 *       period): when {@code D(Tc) > S} the reserve's permits are added at prices at or above
 *       {@code Tc} only. The supply cleared is {@code min(S + C, D(Tc))}: every bid at or above
 *       {@code Tc} fills before any bid below it, so the clearing price is at least {@code Tc}, and
 *       {@code released = supply - S} reserve permits are sold (the rest stay in the reserve).
 *   <li><b>Emissions containment</b> (trigger {@code Te < Tc}, {@code E} permits still withholdable
 *       this period): when {@code D(Te) < S} the base supply would not sell out at or above {@code
 *       Te}; {@code W = min(E, S - D(Te))} permits are withheld, the fewest that make the auction
 *       clear at or above {@code Te} when {@code E} allows, and {@code S - W} is cleared.
 * </ol>
 *
 * <p>Otherwise {@code S} is cleared as before. Since {@code Te < Tc}, {@code D(Tc) > S} implies
 * {@code D(Te) > S}, so the two containment rules never act together.
 */
final class AuctionSupply {
  private AuctionSupply() {}

  /**
   * The rules for one auction; a containment reserve with nothing available is off.
   *
   * @param releasable cost containment permits still available this period (0: off)
   * @param withholdable emissions containment permits still withholdable this period (0: off)
   */
  record Rules(
      boolean cancelWhenUndersubscribed,
      long costTriggerCents,
      long releasable,
      long emissionsTriggerCents,
      long withholdable) {}

  /**
   * What to clear: the supply, the cost containment permits in it, the permits withheld, and
   * whether the auction is cancelled ({@code demandAtReserve} is {@code D(reserve)} for the
   * record).
   */
  record Plan(
      boolean cancelled,
      long supplyPermits,
      long releasedPermits,
      long withheldPermits,
      long demandAtReservePermits) {}

  static Plan plan(List<SealedBid> bids, long[] effective, long baseSupply, Rules rules) {
    long atReserve = demandAt(bids, effective, Long.MIN_VALUE);
    if (rules.cancelWhenUndersubscribed() && atReserve < baseSupply) {
      return new Plan(true, 0, 0, 0, atReserve);
    }
    if (rules.releasable() > 0) {
      long d = demandAt(bids, effective, rules.costTriggerCents());
      if (d > baseSupply) {
        long supply = Math.min(baseSupply + rules.releasable(), d);
        return new Plan(false, supply, supply - baseSupply, 0, atReserve);
      }
    }
    if (rules.withholdable() > 0) {
      long d = demandAt(bids, effective, rules.emissionsTriggerCents());
      if (d < baseSupply) {
        long withheld = Math.min(rules.withholdable(), baseSupply - d);
        return new Plan(false, baseSupply - withheld, 0, withheld, atReserve);
      }
    }
    return new Plan(false, baseSupply, 0, 0, atReserve);
  }

  /** {@code D(p)}: the effective quantity of the bids whose limit price is at least {@code p}. */
  static long demandAt(List<SealedBid> bids, long[] effective, long priceCents) {
    long sum = 0;
    for (int i = 0; i < effective.length; i++) {
      if (bids.get(i).limitPriceCents() >= priceCents) {
        sum = Math.addExact(sum, effective[i]);
      }
    }
    return sum;
  }
}
