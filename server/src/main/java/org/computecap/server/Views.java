package org.computecap.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.EngineState;
import org.computecap.engine.command.Side;
import org.computecap.engine.compliance.ComplianceAssessed;
import org.computecap.engine.compliance.ComplianceState;
import org.computecap.engine.exchange.BookView;
import org.computecap.engine.exchange.ExchangeState;
import org.computecap.engine.exchange.Ohlc;
import org.computecap.engine.program.BookLayout;
import org.computecap.engine.program.Program;
import org.computecap.engine.registry.Registry;

/**
 * Builds the JSON shapes of the read endpoints from the engine state and the read model, on the
 * writer thread. Maps are insertion-ordered (LinkedHashMap) and filled in sorted order, so a
 * response is byte-for-byte reproducible.
 */
final class Views {
  /** How many recent trades a market view carries as its price history. */
  static final int HISTORY_POINTS = 500;

  private Views() {}

  static Map<String, Object> account(EngineState state, ReadModel model, long id) {
    Registry r = requireAccount(state, id);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("accountId", id);
    m.put("name", r.name(id));
    m.put("role", r.role(id).name());
    m.put("cash", cash(state, id));
    m.put("holdings", holdings(state, id));
    m.put("compliance", complianceSummary(state, model, id));
    return m;
  }

  static Registry requireAccount(EngineState state, long id) {
    if (!state.isOpen() || !state.registry().exists(id)) {
      throw ApiException.notFound("no account " + id);
    }
    return state.registry();
  }

  static Map<String, Object> cash(EngineState state, long id) {
    Registry r = requireAccount(state, id);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("accountId", id);
    m.put("freeCents", r.freeCash(id));
    m.put("reservedCents", r.reservedCash(id));
    return m;
  }

  /** Free and reserved permits per vintage, from the program's first period to the current. */
  static Map<String, Object> holdings(EngineState state, long id) {
    Registry r = requireAccount(state, id);
    List<Map<String, Object>> vintages = new ArrayList<>();
    long free = 0;
    long reserved = 0;
    for (int v = state.program().firstPeriod(); v <= state.currentPeriod(); v++) {
      long f = r.freePermits(id, v);
      long res = r.reservedPermits(id, v);
      if (f != 0 || res != 0) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("vintage", v);
        row.put("free", f);
        row.put("reserved", res);
        vintages.add(row);
      }
      free += f;
      reserved += res;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("accountId", id);
    m.put("freePermits", free);
    m.put("reservedPermits", reserved);
    m.put("vintages", vintages);
    return m;
  }

  static Map<String, Object> complianceSummary(EngineState state, ReadModel model, long id) {
    Map<String, Object> m = new LinkedHashMap<>();
    ComplianceState c = state.featureOrNull(ComplianceState.class);
    m.put("unpaidPenaltyCents", c == null ? 0 : c.unpaidPenaltyCents(id));
    m.put("makeGoodOwedPermits", c == null ? 0 : c.makeGoodOwedPermits(id));
    ComplianceAssessed last = null;
    for (ReadModel.Row row : model.compliance) {
      if (row.accountId() == id) {
        last = (ComplianceAssessed) row.event();
      }
    }
    m.put("lastPeriod", last == null ? null : last.period());
    m.put("lastStatus", last == null ? null : last.status().name());
    return m;
  }

  /** Every participant with holdings, cash and compliance: the dashboard's table. */
  static List<Map<String, Object>> participants(EngineState state, ReadModel model) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (!state.isOpen()) {
      return out;
    }
    Registry r = state.registry();
    long[] ids = r.accountIds();
    java.util.Arrays.sort(ids);
    for (long id : ids) {
      if (id > 0 && r.role(id) == org.computecap.engine.command.Role.PARTICIPANT) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accountId", id);
        m.put("name", r.name(id));
        m.put("freeCashCents", r.freeCash(id));
        m.put("reservedCashCents", r.reservedCash(id));
        Map<String, Object> h = holdings(state, id);
        m.put("freePermits", h.get("freePermits"));
        m.put("reservedPermits", h.get("reservedPermits"));
        m.putAll(complianceSummary(state, model, id));
        out.add(m);
      }
    }
    return out;
  }

  /** The vintages the API shows books for: one book for all when the program says SINGLE. */
  static List<Integer> bookVintages(EngineState state) {
    List<Integer> out = new ArrayList<>();
    if (!state.isOpen()) {
      return out;
    }
    if (program(state).exchange().books() == BookLayout.SINGLE) {
      out.add(state.currentPeriod());
      return out;
    }
    for (int v = state.oldestEligibleVintage(state.currentPeriod());
        v <= state.currentPeriod();
        v++) {
      out.add(v);
    }
    return out;
  }

  static Program program(EngineState state) {
    return state.program();
  }

  static Map<String, Object> market(
      EngineState state, ReadModel model, int vintage, boolean withHistory) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("vintage", vintage);
    boolean single = state.isOpen() && program(state).exchange().books() == BookLayout.SINGLE;
    m.put("bookLayout", single ? "SINGLE" : "PER_VINTAGE");
    ExchangeState ex = state.isOpen() ? state.featureOrNull(ExchangeState.class) : null;
    BookView view = ex == null ? null : ex.view(vintage);
    m.put("lastPriceCents", view == null ? 0 : view.lastPriceCents());
    m.put("vwapCents", view == null ? 0 : view.vwapCents());
    m.put("volume", view == null ? 0 : view.volume());
    m.put("trades", view == null ? 0 : view.tradeCount());
    m.put("bestBidCents", view == null ? 0 : view.bestBidCents());
    m.put("bestAskCents", view == null ? 0 : view.bestAskCents());
    m.put("openOrders", view == null ? 0 : view.openOrders());
    m.put("phase", view != null && view.inCallPhase() ? "CALL" : "CONTINUOUS");
    List<Ohlc> ohlc = new ArrayList<>();
    if (view != null) {
      for (int p = program(state).firstPeriod(); p <= state.currentPeriod(); p++) {
        Ohlc o = view.ohlc(p);
        if (o != null) {
          ohlc.add(o);
        }
      }
    }
    m.put("ohlc", ohlc);
    if (withHistory) {
      List<Map<String, Object>> points = new ArrayList<>();
      for (int i = Math.max(0, model.trades.size() - HISTORY_POINTS);
          i < model.trades.size();
          i++) {
        ReadModel.Trade t = model.trades.get(i);
        if (single || t.vintage() == vintage) {
          Map<String, Object> p = new LinkedHashMap<>();
          p.put("tick", t.tick());
          p.put("priceCents", t.priceCents());
          p.put("quantity", t.quantity());
          points.add(p);
        }
      }
      m.put("history", points);
    }
    return m;
  }

  static Map<String, Object> book(EngineState state, int vintage, int levels) {
    ExchangeState ex = state.isOpen() ? state.featureOrNull(ExchangeState.class) : null;
    BookView view = ex == null ? null : ex.view(vintage);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("vintage", vintage);
    m.put("bids", view == null ? List.of() : view.depth(Side.BUY, levels));
    m.put("asks", view == null ? List.of() : view.depth(Side.SELL, levels));
    return m;
  }

  static List<Map<String, Object>> periods(EngineState state, ReadModel model) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (!state.isOpen()) {
      return out;
    }
    Program p = program(state);
    for (int t = p.periods().first(); t <= p.periods().last(); t++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("period", t);
      m.put("capPermits", p.capPermits(t));
      m.put("freeBudgetPermits", p.freeBudgetPermits(t));
      m.put("auctionVolumePermits", p.auctionVolumePermits(t));
      m.put("issuedPermits", state.registry().issued(t));
      m.put(
          "status",
          t < state.currentPeriod() ? "CLOSED" : t == state.currentPeriod() ? "CURRENT" : "FUTURE");
      m.put("closed", model.closedPeriods.get(t));
      out.add(m);
    }
    return out;
  }

  static Map<String, Object> head(EngineState state, ReadModel model) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", model.headSeq);
    m.put("headHash", CanonicalWriter.hex(model.headHash));
    m.put("stateHash", CanonicalWriter.hex(state.stateHash()));
    m.put("lastTick", state.lastTick());
    m.put("currentPeriod", state.isOpen() ? state.currentPeriod() : null);
    return m;
  }

  static Map<String, Object> order(ReadModel.Order o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("orderId", o.id);
    m.put("accountId", o.accountId);
    m.put("side", o.side);
    m.put("type", o.type);
    m.put("priceCents", o.priceCents);
    m.put("quantity", o.quantity);
    m.put("remaining", o.remaining);
    m.put("vintage", o.vintage);
    m.put("status", o.status);
    m.put("tick", o.tick);
    return m;
  }

  static Map<String, Object> auction(ReadModel.Auction a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("auctionId", a.id);
    m.put("period", a.period);
    m.put("supplyPermits", a.supplyPermits);
    m.put("reservePriceCents", a.reservePriceCents);
    m.put("purchaseLimitPermits", a.purchaseLimitPermits);
    m.put("status", a.status);
    m.put("clearingPriceCents", a.clearingPriceCents);
    m.put("soldPermits", a.soldPermits);
    m.put("unsoldPermits", a.unsoldPermits);
    m.put("revenueCents", a.revenueCents);
    m.put("bids", a.bids.size());
    return m;
  }

  static Map<String, Object> bid(ReadModel.Bid b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("bidId", b.id);
    m.put("auctionId", b.auctionId);
    m.put("accountId", b.accountId);
    m.put("quantity", b.quantity);
    m.put("limitPriceCents", b.limitPriceCents);
    m.put("status", b.status);
    m.put("wonPermits", b.wonPermits);
    m.put("paidCents", b.paidCents);
    return m;
  }

  /** A history row: its cursor id, tick, the event's name and its fields as data. */
  static Map<String, Object> row(ReadModel.Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("tick", r.tick());
    m.put("event", r.event().getClass().getSimpleName());
    m.put("data", r.event());
    return m;
  }
}
