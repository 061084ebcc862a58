package org.computecap.sim.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.computecap.economics.stability.SupplyCurve;
import org.computecap.engine.Event;
import org.computecap.engine.auction.ReserveBidSettled;
import org.computecap.engine.command.ClearReserveSale;
import org.computecap.engine.command.OpenReserveSale;
import org.computecap.engine.command.SubmitReserveBid;
import org.computecap.engine.program.PriceControls;
import org.computecap.engine.program.Program;

/**
 * Issue 14's price containment reserve (California's APCR) as the agents meet it. The engine holds
 * a reserve sale only after an auction that cleared at or above the trigger share of the lowest
 * tier price, and sells only to participants short of their obligation, up to it. So, when a sale
 * will be held, the agents price the period against their holdings plus the tiers left (and the
 * ceiling beyond them, which sells only once the tiers are gone). After trading, where the tiers
 * meet what the developers then short of permits lack is the price they run at ({@link #runPrice});
 * whoever runs more than it holds bids in the sale before the surrender deadline ({@link #sale}).
 */
final class PriceContainment {
  private PriceContainment() {}

  /**
   * The tiers with permits left, each {price cents in {@code period}, permits}, in ascending price
   * order.
   */
  static List<double[]> tiersLeft(Program program, Market market, int period) {
    int tiers = program.priceControls().reserve().tiers().size();
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < tiers; i++) {
      long left = market.tierLeft(i);
      if (left > 0) {
        out.add(new double[] {program.tierPriceCents(i, period), left});
      }
    }
    return out;
  }

  /** {@code curve} plus each of {@code tiers} ({price, permits}). */
  static SupplyCurve withTiers(SupplyCurve curve, List<double[]> tiers) {
    SupplyCurve c = curve;
    for (double[] t : tiers) {
      c = c.withTier(t[0], t[1]);
    }
    return c;
  }

  /**
   * Whether agents expect a reserve sale this period when they expect the price {@code priceCents}:
   * tiers are left and the auction, which clears at about the expected price, would trigger it.
   */
  static boolean expected(Program program, Market market, int period, double priceCents) {
    PriceControls.Reserve r = program.priceControls().reserve();
    return r.isOn()
        && market.priceContainmentLeft() > 0
        && priceCents * 1e6 >= (double) r.triggerSharePpm() * program.tierPriceCents(0, period);
  }

  /**
   * The price developers run at in {@code period} once trading is over, when the engine will hold a
   * reserve sale: where what the developers short at a price lack ({@link #shortfall}) meets the
   * tiers left and the ceiling (if the program has one). Infinite (no limit from the reserve) when
   * no sale will be held, or when that price is below the lowest tier's, where nobody buys from the
   * reserve.
   */
  static double runPrice(Program program, Market market, int period, Cohort cohort, long[] held) {
    if (!market.reserveSaleMayOpen(period)) {
      return Double.POSITIVE_INFINITY;
    }
    return runPrice(program, period, tiersLeft(program, market, period), shortfall(cohort, held));
  }

  /**
   * What the developers short at a price lack there: each active developer's need beyond the
   * permits it holds (less make-good), summed. The exchange has closed, so one developer's permits
   * kept (a bank, or a surplus) cover nobody else's shortfall.
   */
  static DoubleUnaryOperator shortfall(Cohort cohort, long[] held) {
    return p -> {
      double sum = 0;
      for (int i = 0; i < cohort.size(); i++) {
        if (cohort.active[i]) {
          long own = Math.max(0, held[i] - cohort.plans[i].makeGood());
          sum += Math.max(0.0, cohort.plans[i].need(p) - own);
        }
      }
      return sum;
    };
  }

  /** The price where {@code shortfall} meets {@code tiers} and the ceiling; see above. */
  static double runPrice(
      Program program, int period, List<double[]> tiers, DoubleUnaryOperator shortfall) {
    if (tiers.isEmpty()) {
      return Double.POSITIVE_INFINITY;
    }
    SupplyCurve curve = withTiers(SupplyCurve.of(0), tiers);
    if (program.priceControls().ceiling().isOn()) {
      curve = curve.withCeiling(program.priceCeilingCents(period));
    }
    double price;
    try {
      price = curve.clearingPrice(shortfall);
    } catch (IllegalStateException demandAboveEverySupply) {
      return Double.POSITIVE_INFINITY;
    }
    return price >= tiers.get(0)[0] ? price : Double.POSITIVE_INFINITY;
  }

  /**
   * Holds the period's reserve sale when the engine would open one: each active developer short of
   * its obligation (the engine's count) bids for what it lacks, as long as tiers priced at or below
   * {@code valueCents} (what a missing permit costs it at the deadline) have permits for it and its
   * cash covers the reservation at the highest tier price; the bids together never ask for more
   * than those tiers hold, so nobody is sold a permit above its value. Returns the permits sold.
   */
  static long sale(Period at, Cohort cohort, double valueCents) {
    Market market = at.market();
    Program program = at.terms().program();
    int period = at.number();
    if (!market.reserveSaleMayOpen(period)) {
      return 0;
    }
    int tiers = program.priceControls().reserve().tiers().size();
    long worth = 0;
    for (int t = 0; t < tiers; t++) {
      worth += program.tierPriceCents(t, period) <= valueCents ? market.tierLeft(t) : 0;
    }
    long top = program.topTierPriceCents(period);
    List<SubmitReserveBid> bids = new ArrayList<>();
    for (int i = 0; i < cohort.size() && worth > 0; i++) {
      if (!cohort.active[i]) {
        continue;
      }
      long acct = cohort.accounts.id(i);
      long unmet = market.unmetObligation(acct, period);
      long quantity = Math.min(Math.min(unmet, worth), market.freeCash(acct) / top);
      if (quantity > 0) {
        bids.add(new SubmitReserveBid(period, bids.size() + 1L, acct, quantity));
        worth -= quantity;
      }
    }
    if (bids.isEmpty()) {
      return 0;
    }
    market.submit(new OpenReserveSale(period, period));
    for (SubmitReserveBid b : bids) {
      market.submit(b);
    }
    long sold = 0;
    for (Event e : market.submit(new ClearReserveSale(period))) {
      if (e instanceof ReserveBidSettled s) {
        at.tally().reserveBought(s.accountId(), s.permits(), s.paidCents());
        sold += s.permits();
      }
    }
    return sold;
  }
}
