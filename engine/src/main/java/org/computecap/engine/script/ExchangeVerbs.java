package org.computecap.engine.script;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.computecap.engine.EngineState;
import org.computecap.engine.command.CancelOrder;
import org.computecap.engine.command.OrderType;
import org.computecap.engine.command.PlaceOrder;
import org.computecap.engine.command.RunCallAuction;
import org.computecap.engine.command.Side;
import org.computecap.engine.command.StartCallAuction;
import org.computecap.engine.exchange.BookView;
import org.computecap.engine.exchange.Ohlc;
import org.computecap.engine.registry.Hold;

/**
 * The exchange's words in scenario scripts (documented in {@code docs/exchange.md}).
 *
 * <p>Commands: {@code place acct=N side=BUY|SELL type=LIMIT|IOC|MARKET [price=C] qty=Q vintage=V},
 * {@code cancel-order id=N acct=N}, {@code start-call-auction vintage=V}, {@code run-call-auction
 * vintage=V}.
 *
 * <p>Expectations: {@code expect book vintage=V [bid=C] [ask=C] [orders=N] [phase=CALL|
 * CONTINUOUS]} (a missing side's price is 0), {@code expect depth vintage=V side=S level=K price=C
 * qty=Q} (level 1 is the best) or {@code ... levels=N}, {@code expect order id=N [remaining=Q]}
 * ({@code remaining=0}: not on any book), {@code expect market vintage=V [last=C] [vwap=C]
 * [volume=Q] [trades=N]}, {@code expect ohlc vintage=V period=P [open=C] [high=C] [low=C] [close=C]
 * [volume=Q]} ({@code traded=false}: no row) and {@code expect exchange-reserved acct=N [cents=C]
 * [permits=Q]}.
 */
public final class ExchangeVerbs implements ScriptVerbs {
  @Override
  public Map<String, CommandVerb> commands() {
    Map<String, CommandVerb> m = new LinkedHashMap<>();
    m.put(
        "place",
        a ->
            new PlaceOrder(
                a.account("acct"),
                a.enumValue("side", Side.class),
                a.enumValue("type", OrderType.class),
                a.longValue("price", 0),
                a.longValue("qty"),
                a.intValue("vintage")));
    m.put("cancel-order", a -> new CancelOrder(a.longValue("id"), a.account("acct")));
    m.put("start-call-auction", a -> new StartCallAuction(a.intValue("vintage")));
    m.put("run-call-auction", a -> new RunCallAuction(a.intValue("vintage")));
    return m;
  }

  @Override
  public Map<String, ExpectVerb> expectations() {
    Map<String, ExpectVerb> m = new LinkedHashMap<>();
    m.put("book", ExchangeVerbs::book);
    m.put("depth", ExchangeVerbs::depth);
    m.put("order", ExchangeVerbs::order);
    m.put("market", ExchangeVerbs::market);
    m.put("ohlc", ExchangeVerbs::ohlc);
    m.put("exchange-reserved", ExchangeVerbs::reserved);
    return m;
  }

  private static BookView view(EngineState s, ScriptArgs a) {
    return s.exchange().view(a.intValue("vintage"));
  }

  private static String book(EngineState s, ScriptArgs a) {
    BookView v = view(s, a);
    String d = null;
    if (a.has("bid")) {
      d = CoreVerbs.differs("best bid", a.longValue("bid"), v == null ? 0 : v.bestBidCents());
    }
    if (d == null && a.has("ask")) {
      d = CoreVerbs.differs("best ask", a.longValue("ask"), v == null ? 0 : v.bestAskCents());
    }
    if (d == null && a.has("orders")) {
      d = CoreVerbs.differs("open orders", a.longValue("orders"), v == null ? 0 : v.openOrders());
    }
    if (d == null && a.has("phase")) {
      String actual = v != null && v.inCallPhase() ? "CALL" : "CONTINUOUS";
      String expected = a.string("phase");
      d = actual.equals(expected) ? null : "phase is " + actual + ", expected " + expected;
    }
    return d;
  }

  private static String depth(EngineState s, ScriptArgs a) {
    BookView v = view(s, a);
    Side side = a.enumValue("side", Side.class);
    List<BookView.Level> levels = v == null ? List.of() : v.depth(side, Integer.MAX_VALUE);
    if (a.has("levels")) {
      return CoreVerbs.differs(side + " levels", a.longValue("levels"), levels.size());
    }
    int k = a.intValue("level");
    if (k < 1 || k > levels.size()) {
      return side + " has " + levels.size() + " levels, no level " + k;
    }
    BookView.Level level = levels.get(k - 1);
    String d =
        CoreVerbs.differs(
            side + " level " + k + " price", a.longValue("price"), level.priceCents());
    return d != null
        ? d
        : CoreVerbs.differs(
            side + " level " + k + " quantity", a.longValue("qty"), level.quantity());
  }

  private static String order(EngineState s, ScriptArgs a) {
    long id = a.longValue("id");
    long remaining = s.exchange().remaining(id);
    return CoreVerbs.differs(
        "remaining quantity of order " + id, a.longValue("remaining"), remaining);
  }

  private static String market(EngineState s, ScriptArgs a) {
    BookView v = view(s, a);
    String d = null;
    if (a.has("last")) {
      d = CoreVerbs.differs("last price", a.longValue("last"), v == null ? 0 : v.lastPriceCents());
    }
    if (d == null && a.has("vwap")) {
      d = CoreVerbs.differs("VWAP", a.longValue("vwap"), v == null ? 0 : v.vwapCents());
    }
    if (d == null && a.has("volume")) {
      d = CoreVerbs.differs("volume", a.longValue("volume"), v == null ? 0 : v.volume());
    }
    if (d == null && a.has("trades")) {
      d = CoreVerbs.differs("trades", a.longValue("trades"), v == null ? 0 : v.tradeCount());
    }
    return d;
  }

  private static String ohlc(EngineState s, ScriptArgs a) {
    BookView v = view(s, a);
    int period = a.intValue("period");
    Ohlc o = v == null ? null : v.ohlc(period);
    if (a.has("traded") && !a.booleanValue("traded")) {
      return o == null ? null : "period " + period + " has trades: " + o;
    }
    if (o == null) {
      return "no trades in period " + period;
    }
    String[] keys = {"open", "high", "low", "close", "volume"};
    long[] actual = {o.openCents(), o.highCents(), o.lowCents(), o.closeCents(), o.volume()};
    for (int i = 0; i < keys.length; i++) {
      if (a.has(keys[i])) {
        String d =
            CoreVerbs.differs(keys[i] + " of period " + period, a.longValue(keys[i]), actual[i]);
        if (d != null) {
          return d;
        }
      }
    }
    return null;
  }

  private static String reserved(EngineState s, ScriptArgs a) {
    long acct = a.account("acct");
    String d = null;
    if (a.has("cents")) {
      d =
          CoreVerbs.differs(
              "exchange cash reservation",
              a.longValue("cents"),
              s.registry().reservedCash(acct, Hold.EXCHANGE));
    }
    if (d == null && a.has("permits")) {
      d =
          CoreVerbs.differs(
              "exchange permit reservation",
              a.longValue("permits"),
              s.registry().reservedPermits(acct, Hold.EXCHANGE));
    }
    return d;
  }
}
