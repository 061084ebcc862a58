package org.computecap.server;

import static org.computecap.server.ApiFields.LEVELS;
import static org.computecap.server.ApiFields.VINTAGE_FILTER;
import static org.computecap.server.ApiFields.VINTAGE_PATH;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Public market data: the books' prices and depth, trades without counterparties, the periods, the
 * journal's head, and this API's own description. Everything is read from the read model's
 * published snapshots; nothing here waits for the writer.
 */
final class MarketApi {
  private static final String TAG = "market";

  private final ReadModel model;
  private final Supplier<Map<String, Object>> openApi;
  private final Supplier<java.util.Optional<org.computecap.engine.journal.Checkpoint>> checkpoint;

  MarketApi(Services s, Supplier<Map<String, Object>> openApi) {
    this.model = s.model();
    this.openApi = openApi;
    this.checkpoint = s.checkpoint();
  }

  List<Route> routes() {
    List<Route> r = new ArrayList<>();
    r.add(
        Route.get("/openapi.json")
            .op("getOpenApi", TAG, "This OpenAPI document")
            .returns(Reply.of(Map.class))
            .handle(call -> call.reply(openApi.get())));
    r.add(
        Route.get("/api/events")
            .op(
                "subscribeEvents",
                TAG,
                "Server-sent events: a 'market' event after every durable batch of commands; a "
                    + "subscriber that falls behind gets a 'dropped' event and is disconnected")
            .returns(Reply.eventStream())
            .handle(
                call -> {
                  throw new AssertionError("event streams are served before Javalin");
                }));
    r.add(
        Route.get("/api/market")
            .op("getMarket", TAG, "Market data of every tradable book")
            .returns(Reply.of(Views.Market.class))
            .handle(call -> call.reply(market())));
    r.add(
        Route.get("/api/market/{vintage}")
            .op(
                "getBookMarket",
                TAG,
                "Market data of one book: last, VWAP, OHLC per period, the last "
                    + ReadModel.HISTORY_POINTS
                    + " trades as price history")
            .path(VINTAGE_PATH)
            .returns(Reply.of(Views.BookMarket.class))
            .handle(call -> call.reply(bookMarket(call.get(VINTAGE_PATH), true))));
    r.add(
        Route.get("/api/books/{vintage}")
            .op("getDepth", TAG, "Order book depth, best prices first")
            .path(VINTAGE_PATH)
            .query(LEVELS)
            .returns(Reply.of(Views.Depth.class))
            .handle(call -> call.reply(depth(call.get(VINTAGE_PATH), call.get(LEVELS, 10)))));
    r.add(
        Route.get("/api/trades")
            .op(
                "listTrades",
                TAG,
                "Trades, oldest first; counterparties shown only to regulators, auditors and the "
                    + "parties themselves")
            .query(VINTAGE_FILTER, Call.LIMIT, Call.AFTER)
            .returns(Reply.page(Views.Trade.class))
            .handle(
                call ->
                    call.reply(
                        model.trades.page(
                            call.get(VINTAGE_FILTER, null),
                            call.after(),
                            call.limit(),
                            call.caller()))));
    r.add(
        Route.get("/api/periods")
            .op(
                "listPeriods",
                TAG,
                "Compliance periods: cap, budgets, issued, status and close summary")
            .returns(Reply.list(Views.Period.class))
            .handle(call -> call.reply(model.periods)));
    r.add(
        Route.get("/api/stability")
            .op(
                "getStability",
                TAG,
                "Market stability: the stability rules the program turns on, the system reserves'"
                    + " balances now, and per period the escalated reserve price and containment"
                    + " triggers, the auctions' supply and sales, what each mechanism did (cost"
                    + " containment released, emissions containment withheld, unsold permits"
                    + " re-offered or moved to the stability reserve, cancelled auctions) and the"
                    + " reserves' balances at the period's close")
            .returns(Reply.of(Views.Stability.class))
            .handle(call -> call.reply(model.stability)));
    r.add(
        Route.get("/api/journal/head")
            .op("getJournalHead", TAG, "Journal head: last seq, head hash, state hash")
            .returns(Reply.of(Views.Head.class))
            .handle(call -> call.reply(model.head())));
    r.add(
        Route.get("/api/journal/checkpoint")
            .op(
                "getJournalCheckpoint",
                TAG,
                "Latest signed checkpoint of the journal head (seq, headHash, time, key, "
                    + "signature): record it elsewhere, then `computecap journal verify "
                    + "--expect-head HASH@SEQ`")
            .mayNotFind()
            .returns(Reply.of(Views.JournalCheckpoint.class))
            .handle(
                call ->
                    call.reply(
                        Checkpoints.view(
                            checkpoint
                                .get()
                                .orElseThrow(() -> ApiException.notFound("no checkpoint yet"))))));
    return r;
  }

  Views.Market market() {
    ReadModel.Books books = model.books;
    List<Views.BookMarket> out = new ArrayList<>();
    for (int v : books.vintages()) {
      out.add(books.byVintage().get(v).market());
    }
    return new Views.Market(model.head.currentPeriod(), out);
  }

  /** A book's market data; zeros for a vintage that has no tradable book. */
  Views.BookMarket bookMarket(int vintage, boolean withHistory) {
    ReadModel.Books books = model.books;
    ReadModel.Book b = books.byVintage().get(vintage);
    Views.BookMarket m =
        b != null
            ? b.market()
            : new Views.BookMarket(
                vintage,
                books.single() ? Views.BookLayoutName.SINGLE : Views.BookLayoutName.PER_VINTAGE,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                Views.Phase.CONTINUOUS,
                List.of(),
                null);
    if (!withHistory) {
      return m;
    }
    return new Views.BookMarket(
        m.vintage(),
        m.bookLayout(),
        m.lastPriceCents(),
        m.vwapCents(),
        m.volume(),
        m.trades(),
        m.bestBidCents(),
        m.bestAskCents(),
        m.openOrders(),
        m.phase(),
        m.ohlc(),
        b == null ? List.of() : Projector.historyOf(model, vintage));
  }

  private Views.Depth depth(int vintage, int levels) {
    ReadModel.Book b = model.books.byVintage().get(vintage);
    if (b == null) {
      return new Views.Depth(vintage, List.of(), List.of());
    }
    return new Views.Depth(
        vintage,
        b.bids().subList(0, Math.min(levels, b.bids().size())),
        b.asks().subList(0, Math.min(levels, b.asks().size())));
  }
}
