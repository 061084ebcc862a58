package org.computecap.economics.stability;

import java.util.ArrayList;
import java.util.List;

/**
 * The expected period-by-period path of TNAC and a stability reserve for a supply trajectory and a
 * demand, in whole permits: what a regulator would see if every auctioned permit sells and every
 * period's demand is surrendered while there are permits to surrender.
 *
 * <p>Timing (the simplest form of the EU's, stated exactly): the rule reads the TNAC at the end of
 * period t-1 (the starting TNAC for the first period) and acts over period t. For period t:
 *
 * <ol>
 *   <li>{@code action = rule.action(tnac_(t-1), reserve_(t-1))}: the band, the rule's intake and
 *       the release (at most what the reserve holds);
 *   <li>{@code intake_t = min(rule intake, scheduled auction_t)}: intake is withheld from the
 *       period's auctions, so it cannot exceed their volume;
 *   <li>{@code auction_t = scheduled auction_t - intake_t + release_t};
 *   <li>{@code reserve_t = reserve_(t-1) + intake_t - release_t - invalidated_t}, where {@code
 *       invalidated_t} is what that balance holds above the invalidation limit;
 *   <li>{@code surrendered_t = min(demand_t, tnac_(t-1) + free_t + auction_t)}, and {@code tnac_t}
 *       is that sum less {@code surrendered_t}; {@code unmet_t = demand_t - surrendered_t}.
 * </ol>
 *
 * The EU reads TNAC at the end of year X, publishes it by 1 June X+1 and spreads the intake over
 * the auctions from September X+1 to August X+2: the same one-period lag, with the period's
 * auctions straddling calendar years. Conservation holds by construction and is tested: start TNAC
 * + start reserve + free + scheduled auctions = TNAC + reserve + surrendered + invalidated.
 */
public final class StabilityReservePath {

  /** The most periods a path may have, as a program's {@code periods.count}. */
  public static final int MAX_PERIODS = 1000;

  /**
   * One period's supply and demand.
   *
   * @param freeAllocationPermits permits issued for free in the period (they enter circulation)
   * @param scheduledAuctionPermits the auction volume before the reserve withholds or releases
   * @param demandPermits permits the participants want to surrender (or cancel) in the period
   */
  public record Period(
      long freeAllocationPermits, long scheduledAuctionPermits, long demandPermits) {}

  /**
   * One period of the path.
   *
   * @param period 0 for the first period of the trajectory
   * @param tnacReadPermits the TNAC the rule read: the end of the previous period
   * @param band the band that TNAC fell in
   * @param intakePermits permits withheld from this period's auctions into the reserve
   * @param releasePermits permits released from the reserve into this period's auctions
   * @param invalidatedPermits reserve holdings invalidated above the limit
   * @param reservePermits the reserve's balance at the end of the period
   * @param auctionPermits the auction volume after withholding and release
   * @param surrenderedPermits demand met
   * @param unmetDemandPermits demand that found no permit in circulation
   * @param tnacPermits TNAC at the end of the period
   */
  public record Row(
      int period,
      long tnacReadPermits,
      StabilityReserveRule.Band band,
      long intakePermits,
      long releasePermits,
      long invalidatedPermits,
      long reservePermits,
      long auctionPermits,
      long surrenderedPermits,
      long unmetDemandPermits,
      long tnacPermits) {}

  private StabilityReservePath() {}

  /**
   * The path over {@code periods} (1 to {@link #MAX_PERIODS}) from {@code startTnacPermits} in
   * circulation and {@code startReservePermits} in the reserve; every quantity in [0, {@link
   * StabilityReserveRule#MAX_PERMITS}].
   */
  public static List<Row> path(
      StabilityReserveRule rule,
      long startTnacPermits,
      long startReservePermits,
      List<Period> periods) {
    check(rule, startTnacPermits, startReservePermits, periods);
    // Every input is at most 10^15 and there are at most 1000 periods, so TNAC and the reserve stay
    // below 4·10^18 and no sum overflows.
    long tnac = startTnacPermits;
    long reserve = startReservePermits;
    List<Row> rows = new ArrayList<>(periods.size());
    for (int t = 0; t < periods.size(); t++) {
      Period p = periods.get(t);
      StabilityReserveRule.Action action = rule.action(tnac, reserve);
      long intake = Math.min(action.intakePermits(), p.scheduledAuctionPermits());
      long release = action.releasePermits();
      long auction = p.scheduledAuctionPermits() - intake + release;
      long balance = reserve + intake - release;
      long invalidated = rule.invalidatedPermits(balance);
      long available = tnac + p.freeAllocationPermits() + auction;
      long surrendered = Math.min(p.demandPermits(), available);
      rows.add(
          new Row(
              t,
              tnac,
              action.band(),
              intake,
              release,
              invalidated,
              balance - invalidated,
              auction,
              surrendered,
              p.demandPermits() - surrendered,
              available - surrendered));
      tnac = available - surrendered;
      reserve = balance - invalidated;
    }
    return List.copyOf(rows);
  }

  private static void check(
      StabilityReserveRule rule, long startTnac, long startReserve, List<Period> periods) {
    if (rule == null) {
      throw new IllegalArgumentException("rule must not be null");
    }
    if (periods == null || periods.isEmpty() || periods.size() > MAX_PERIODS) {
      throw new IllegalArgumentException(
          "periods must have 1 to "
              + MAX_PERIODS
              + " entries, had "
              + (periods == null ? 0 : periods.size()));
    }
    inRange("startTnacPermits", startTnac);
    inRange("startReservePermits", startReserve);
    for (int t = 0; t < periods.size(); t++) {
      Period p = periods.get(t);
      if (p == null) {
        throw new IllegalArgumentException("periods[" + t + "] must not be null");
      }
      inRange("periods[" + t + "].freeAllocationPermits", p.freeAllocationPermits());
      inRange("periods[" + t + "].scheduledAuctionPermits", p.scheduledAuctionPermits());
      inRange("periods[" + t + "].demandPermits", p.demandPermits());
    }
  }

  private static void inRange(String field, long value) {
    StabilityReserveRule.atMost(field, value, StabilityReserveRule.MAX_PERMITS);
  }
}
