package org.computecap.engine.exchange;

import java.util.ArrayList;
import java.util.List;
import org.computecap.engine.command.Side;

/** Writes every book callback as one line, so tests can compare books call by call. */
final class RecordingListener implements MatchListener {
  final List<String> calls = new ArrayList<>();

  @Override
  public void traded(
      long makerOrderId,
      long makerAccount,
      long takerOrderId,
      long takerAccount,
      boolean takerBuys,
      int sellVintage,
      long priceCents,
      long quantity) {
    calls.add(
        "trade maker="
            + makerOrderId
            + "/"
            + makerAccount
            + " taker="
            + takerOrderId
            + "/"
            + takerAccount
            + (takerBuys ? " buys" : " sells")
            + " v"
            + sellVintage
            + " "
            + quantity
            + "@"
            + priceCents);
  }

  @Override
  public void auctionTraded(
      long buyOrderId,
      long buyAccount,
      long buyLimitCents,
      long sellOrderId,
      long sellAccount,
      int sellVintage,
      long priceCents,
      long quantity) {
    calls.add(
        "auction buy="
            + buyOrderId
            + "/"
            + buyAccount
            + " limit "
            + buyLimitCents
            + " sell="
            + sellOrderId
            + "/"
            + sellAccount
            + " v"
            + sellVintage
            + " "
            + quantity
            + "@"
            + priceCents);
  }

  @Override
  public void selfTradeCancelled(
      long orderId, long account, Side side, long priceCents, long remaining, int vintage) {
    calls.add(
        "stp "
            + orderId
            + "/"
            + account
            + " "
            + side
            + " "
            + remaining
            + "@"
            + priceCents
            + " v"
            + vintage);
  }
}
