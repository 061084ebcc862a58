package org.computecap.engine.script;

import java.util.LinkedHashMap;
import java.util.Map;
import org.computecap.engine.EngineState;
import org.computecap.engine.auction.AuctionState;
import org.computecap.engine.command.BuyAtCeiling;
import org.computecap.engine.command.ClearAuction;
import org.computecap.engine.command.ClearReserveSale;
import org.computecap.engine.command.OpenAuction;
import org.computecap.engine.command.OpenReserveSale;
import org.computecap.engine.command.SubmitBid;
import org.computecap.engine.command.SubmitReserveBid;
import org.computecap.engine.command.WithdrawBid;
import org.computecap.engine.command.WithdrawReserveBid;

/**
 * Primary auctions' words in scenario scripts ({@code docs/scripts.md}): {@code open-auction id=
 * period= qty=}, {@code bid auction= id= acct= qty= price=}, {@code withdraw-bid auction= id=},
 * {@code clear-auction id=}; and {@code expect auction id= [cleared=true|false] [price=] [sold=]
 * [unsold=] [bids=] [supply=] [reserve=] [reoffered=] [cancelled=true|false] [released=]
 * [withheld=] [from-reserve=]} (the last seven for issue 14's supply rules; {@code from-reserve}:
 * permits the stability reserve released into it). Issue 14's price controls: {@code
 * open-reserve-sale id= period=}, {@code reserve-bid sale= id= acct= qty=}, {@code
 * clear-reserve-sale id=}, {@code buy-at-ceiling acct= qty=}, {@code withdraw-reserve-bid sale= id=
 * acct=}; {@code expect reserve-sale id= [cleared=] [sold=] [revenue=] [bids=]} and {@code expect
 * price-controls [remaining=] [ceiling=]}.
 */
public final class AuctionVerbs implements ScriptVerbs {
  @Override
  public Map<String, CommandVerb> commands() {
    Map<String, CommandVerb> m = new LinkedHashMap<>();
    m.put(
        "open-auction",
        a -> new OpenAuction(a.longValue("id"), a.intValue("period"), a.longValue("qty")));
    m.put(
        "bid",
        a ->
            new SubmitBid(
                a.longValue("auction"),
                a.longValue("id"),
                a.account("acct"),
                a.longValue("qty"),
                a.longValue("price")));
    m.put("withdraw-bid", a -> new WithdrawBid(a.longValue("auction"), a.longValue("id")));
    m.put("clear-auction", a -> new ClearAuction(a.longValue("id")));
    m.put("open-reserve-sale", a -> new OpenReserveSale(a.longValue("id"), a.intValue("period")));
    m.put(
        "reserve-bid",
        a ->
            new SubmitReserveBid(
                a.longValue("sale"), a.longValue("id"), a.account("acct"), a.longValue("qty")));
    m.put("clear-reserve-sale", a -> new ClearReserveSale(a.longValue("id")));
    m.put("buy-at-ceiling", a -> new BuyAtCeiling(a.account("acct"), a.longValue("qty")));
    m.put(
        "withdraw-reserve-bid",
        a -> new WithdrawReserveBid(a.longValue("sale"), a.longValue("id"), a.account("acct")));
    return m;
  }

  @Override
  public Map<String, ExpectVerb> expectations() {
    Map<String, ExpectVerb> m = new LinkedHashMap<>();
    m.put("auction", AuctionVerbs::auction);
    m.put("reserve-sale", AuctionVerbs::reserveSale);
    m.put("price-controls", AuctionVerbs::priceControls);
    return m;
  }

  private static String reserveSale(EngineState s, ScriptArgs a) {
    long id = a.longValue("id");
    AuctionState.ReserveSaleSummary sale = s.auction().reserveSale(id);
    if (sale == null) {
      return "reserve sale " + id + " does not exist";
    }
    String d = null;
    if (a.has("cleared") && a.booleanValue("cleared") != sale.cleared()) {
      d = "reserve sale " + id + (sale.cleared() ? " is cleared" : " is open");
    }
    if (d == null && a.has("sold")) {
      d = CoreVerbs.differs("sold", a.longValue("sold"), sale.soldPermits());
    }
    if (d == null && a.has("revenue")) {
      d = CoreVerbs.differs("revenue", a.longValue("revenue"), sale.revenueCents());
    }
    if (d == null && a.has("bids")) {
      d = CoreVerbs.differs("open bids", a.longValue("bids"), sale.openBids());
    }
    return d;
  }

  /** {@code expect price-controls [remaining=] [ceiling=]}: reserve left, ceiling units issued. */
  private static String priceControls(EngineState s, ScriptArgs a) {
    String d = null;
    if (a.has("remaining")) {
      d =
          CoreVerbs.differs(
              "reserve remaining",
              a.longValue("remaining"),
              s.auction().priceContainmentRemaining());
    }
    if (d == null && a.has("ceiling")) {
      d =
          CoreVerbs.differs(
              "ceiling units", a.longValue("ceiling"), s.registry().ceilingIssuedTotal());
    }
    return d;
  }

  private static String auction(EngineState s, ScriptArgs a) {
    long id = a.longValue("id");
    AuctionState.Summary auction = s.auction().auction(id);
    if (auction == null) {
      return "auction " + id + " does not exist";
    }
    String d = null;
    if (a.has("cleared") && a.booleanValue("cleared") != auction.cleared()) {
      d = "auction " + id + (auction.cleared() ? " is cleared" : " is open");
    }
    if (d == null && a.has("price")) {
      d = CoreVerbs.differs("clearing price", a.longValue("price"), auction.clearingPriceCents());
    }
    if (d == null && a.has("sold")) {
      d = CoreVerbs.differs("sold", a.longValue("sold"), auction.soldPermits());
    }
    if (d == null && a.has("unsold")) {
      d = CoreVerbs.differs("unsold", a.longValue("unsold"), auction.unsoldPermits());
    }
    if (d == null && a.has("bids")) {
      d = CoreVerbs.differs("open bids", a.longValue("bids"), auction.openBids());
    }
    if (d == null && a.has("supply")) {
      d = CoreVerbs.differs("supply", a.longValue("supply"), auction.supplyPermits());
    }
    if (d == null && a.has("reserve")) {
      d = CoreVerbs.differs("reserve price", a.longValue("reserve"), auction.reservePriceCents());
    }
    if (d == null && a.has("reoffered")) {
      d = CoreVerbs.differs("re-offered", a.longValue("reoffered"), auction.reofferedPermits());
    }
    if (d == null && a.has("cancelled") && a.booleanValue("cancelled") != auction.cancelled()) {
      d = "auction " + id + (auction.cancelled() ? " was cancelled" : " was not cancelled");
    }
    if (d == null && a.has("released")) {
      d = CoreVerbs.differs("released", a.longValue("released"), auction.releasedPermits());
    }
    if (d == null && a.has("withheld")) {
      d = CoreVerbs.differs("withheld", a.longValue("withheld"), auction.withheldPermits());
    }
    if (d == null && a.has("from-reserve")) {
      d =
          CoreVerbs.differs(
              "released from the stability reserve",
              a.longValue("from-reserve"),
              auction.fromStabilityReservePermits());
    }
    return d;
  }
}
