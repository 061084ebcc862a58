package org.computecap.sim.run;

import org.computecap.engine.Event;
import org.computecap.engine.auction.AuctionCleared;
import org.computecap.engine.auction.BidSettled;
import org.computecap.engine.command.ClearAuction;
import org.computecap.engine.command.OpenAuction;
import org.computecap.engine.command.SubmitBid;
import org.computecap.sim.agent.Plan;
import org.computecap.sim.agent.PriceGrid;
import org.computecap.sim.agent.Quote;
import org.computecap.sim.agent.Quotes;
import org.computecap.sim.scenario.ProgramTerms;

/**
 * The period's primary auction (SPEC §5) as engine commands: the regulator offers the cap less the
 * free budget; each active developer bids, at every grid price from the reserve up to the price it
 * expects on the exchange, for what it wants to hold at that price beyond what it holds. Nobody
 * bids above the expected exchange price, where buying on the exchange is cheaper, so the auction
 * cannot clear above the market; with a binding reserve it sells what is wanted at the reserve and
 * the rest stays unsold.
 *
 * @param priceCents the uniform clearing price (NaN when nothing sold)
 * @param sold permits sold
 * @param won permits each developer won, by index
 */
record PrimaryAuction(double priceCents, long sold, long[] won) {

  /**
   * Runs the period's auction offering {@code volume} permits to the planned cohort, each bidding
   * for what it wants beyond {@code held}.
   */
  static PrimaryAuction run(Period at, Planning plan, long volume, long[] held) {
    return run(at, plan, volume, held, LinkHook.NONE);
  }

  /** The auction with a linked run's link desk bidding beside the developers (issue 18). */
  static PrimaryAuction run(Period at, Planning plan, long volume, long[] held, LinkHook link) {
    Market market = at.market();
    Cohort cohort = plan.cohort();
    ProgramTerms terms = at.terms();
    int period = at.number();
    PriceGrid grid = plan.scheduleGrid();
    double expectedCents = plan.expectation().priceCents();
    Tally tally = at.tally();
    long[] won = new long[cohort.size()];
    if (volume <= 0) {
      return new PrimaryAuction(Double.NaN, 0, won);
    }
    long auctionId = period;
    market.submit(new OpenAuction(auctionId, period, volume));
    long limit = Math.floorDiv(Math.multiplyExact(volume, terms.purchaseLimitPpm()), 1_000_000L);
    long reserve = Math.max(1, terms.reservePriceCents(period));
    PriceGrid bidGrid = grid.atOrBelow(expectedCents);
    long bidId = 1;
    for (int i = 0; bidGrid != null && i < cohort.size(); i++) {
      if (!cohort.active[i]) {
        continue;
      }
      Plan own = cohort.plans[i];
      long bid = 0;
      // Highest prices first, so a purchase limit cuts the bids worth least.
      for (Quote q : Quotes.schedule(bidGrid, held[i], own::target, terms.lotPermits())) {
        long quantity = Math.min(q.quantity(), limit - bid);
        if (q.buy() && quantity > 0 && q.priceCents() >= reserve) {
          long account = cohort.accounts.id(i);
          long id = bidId;
          long placed =
              market
                  .acquiring(
                      account,
                      quantity,
                      n -> new SubmitBid(auctionId, id, account, n, q.priceCents()))
                  .quantity();
          bidId += placed > 0 ? 1 : 0;
          bid += placed;
        }
      }
    }
    link.bid(market, auctionId, bidId, expectedCents, limit);
    double price = Double.NaN;
    long sold = 0;
    for (Event e : market.submit(new ClearAuction(auctionId))) {
      if (e instanceof BidSettled b) {
        int i = cohort.accounts.index(b.accountId());
        if (i >= 0) {
          won[i] += b.wonPermits();
        }
        tally.auctionWon(b.accountId(), b.wonPermits(), b.paidCents());
      }
      if (e instanceof AuctionCleared c) {
        sold = c.soldPermits();
        price = sold > 0 ? c.clearingPriceCents() : Double.NaN;
      }
    }
    return new PrimaryAuction(price, sold, won);
  }
}
