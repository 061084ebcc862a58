package org.computecap.bench;

/**
 * What one engine made of a flow, to compare engines with: fills (one per maker/taker match), IOC
 * orders with an unfilled remainder, rejected orders, and the final book (resting orders, price
 * levels per side, best prices).
 */
record FlowOutcome(
    long fills,
    long iocRemainders,
    long rejected,
    long restingOrders,
    int bidLevels,
    int askLevels,
    long bestBid,
    long bestAsk) {

  /** One line for the benchmark log. */
  String describe() {
    return "fills "
        + fills
        + ", IOC remainders "
        + iocRemainders
        + ", rejected "
        + rejected
        + ", resting orders "
        + restingOrders
        + ", levels bid "
        + bidLevels
        + " ask "
        + askLevels
        + ", best "
        + bestBid
        + "/"
        + bestAsk;
  }
}
