package org.computecap.sim.run;

import org.computecap.sim.agent.PriceGrid;

/**
 * What a linked run (issue 18: several programs in one run, one engine each) changes in one
 * jurisdiction's period: the permits the link moves into (positive) or out of (negative) this
 * market, which agents count in the supply they plan with, and the link desk's orders in the main
 * call auction (buying what it will export, selling what it imported). {@link #NONE} for a run of
 * one program, which then runs exactly as before.
 */
interface LinkHook {

  LinkHook NONE =
      new LinkHook() {
        @Override
        public long netImport(int period) {
          return 0;
        }

        @Override
        public void placeOrders(Market market, int period, PriceGrid grid) {}

        @Override
        public void afterTrading(int period) {}

        @Override
        public void bid(
            Market market, long auctionId, long bidId, double expectedCents, long limit) {}
      };

  /** Permits the link adds to this period's market (negative: takes out of it). */
  long netImport(int period);

  /** Places the link desk's orders in the main call auction, before it runs. */
  void placeOrders(Market market, int period, PriceGrid grid);

  /**
   * Submits the link desk's bid in the primary auction, numbered {@code bidId}, after the
   * developers' bids: where the origin's permits are first sold; at most {@code limit} permits (the
   * auction's purchase limit).
   */
  void bid(Market market, long auctionId, long bidId, double expectedCents, long limit);

  /** After the main session, before compliance: the desk moves what it bought to the other side. */
  void afterTrading(int period);
}
