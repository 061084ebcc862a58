package org.computecap.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.computecap.engine.Event;
import org.computecap.engine.command.AllocateFreePermits;
import org.computecap.engine.command.AllocateNewEntrant;
import org.computecap.engine.command.CancelOrder;
import org.computecap.engine.command.CancelPermits;
import org.computecap.engine.command.ChargeInsurancePremium;
import org.computecap.engine.command.ClearAuction;
import org.computecap.engine.command.ClosePeriod;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.IssuePermits;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenAuction;
import org.computecap.engine.command.OrderType;
import org.computecap.engine.command.PayOutstandingPenalty;
import org.computecap.engine.command.PlaceOrder;
import org.computecap.engine.command.RecordAuditFinding;
import org.computecap.engine.command.RecordEvaluation;
import org.computecap.engine.command.RecordInsurerEvaluation;
import org.computecap.engine.command.RecordMeterReading;
import org.computecap.engine.command.RecordVerifiedActivity;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.RunCallAuction;
import org.computecap.engine.command.SetAssistanceFactor;
import org.computecap.engine.command.Side;
import org.computecap.engine.command.StartCallAuction;
import org.computecap.engine.command.SubmitBid;
import org.computecap.engine.command.SubmitReport;
import org.computecap.engine.command.SurrenderPermits;
import org.computecap.engine.command.TransferPermits;
import org.computecap.engine.command.WithdrawBid;
import org.computecap.engine.command.WithdrawCash;
import org.computecap.engine.journal.Checkpoint;
import org.computecap.engine.program.RiskSignal;
import org.computecap.engine.program.Workload;

/**
 * Every HTTP route of the server, in one table: method, path, who may call it ({@link Access}), the
 * request fields it accepts, and its handler. The same table registers the routes with Javalin,
 * generates {@code /openapi.json}, and drives the authorization matrix test, so the three cannot
 * drift apart. Handlers are thin: they read and check input, build a command or a query, and hand
 * it to the {@link Sequencer}; no business rule lives here.
 */
final class Routes {
  /** A route of the table. {@code fields} are the JSON body's fields (empty: no body). */
  record Route(
      String method,
      String path,
      Access access,
      String summary,
      List<String> fields,
      Action action) {}

  /** A handler that is told who called (null on a public route called without a token). */
  interface Action {
    void handle(Context ctx, Caller caller) throws Exception;
  }

  static final int MAX_LIMIT = 1000;
  static final int DEFAULT_LIMIT = 100;

  private final Sequencer sequencer;
  private final ReadModel model;
  private final Tokens tokens;
  private final ObjectMapper json;
  private final Supplier<Optional<Checkpoint>> checkpoint;
  private final List<Route> table = new ArrayList<>();

  Routes(
      Sequencer sequencer,
      ReadModel model,
      Tokens tokens,
      ObjectMapper json,
      Supplier<Optional<Checkpoint>> checkpoint) {
    this.sequencer = sequencer;
    this.model = model;
    this.tokens = tokens;
    this.json = json;
    this.checkpoint = checkpoint;
    publicRoutes();
    accountRoutes();
    registryRoutes();
    exchangeRoutes();
    allocationRoutes();
    auctionRoutes();
    complianceRoutes();
    enforcementRoutes();
  }

  List<Route> table() {
    return List.copyOf(table);
  }

  // ---------------------------------------------------------------- public market data

  private void publicRoutes() {
    add(
        "GET",
        "/openapi.json",
        Access.PUBLIC,
        "This OpenAPI document",
        List.of(),
        (ctx, c) -> ctx.json(OpenApi.document(table)));
    add(
        "GET",
        "/api/market",
        Access.PUBLIC,
        "Market data of every tradable book",
        List.of(),
        (ctx, c) ->
            query(
                ctx,
                (s, m) -> {
                  List<Object> books = new ArrayList<>();
                  for (int v : Views.bookVintages(s)) {
                    books.add(Views.market(s, m, v, false));
                  }
                  Map<String, Object> out = new LinkedHashMap<>();
                  out.put("currentPeriod", s.isOpen() ? s.currentPeriod() : null);
                  out.put("books", books);
                  return out;
                }));
    add(
        "GET",
        "/api/market/{vintage}",
        Access.PUBLIC,
        "Market data of one book: last, VWAP, OHLC per period, price history",
        List.of(),
        (ctx, c) -> {
          int v = pathInt(ctx, "vintage");
          query(ctx, (s, m) -> Views.market(s, m, v, true));
        });
    add(
        "GET",
        "/api/books/{vintage}",
        Access.PUBLIC,
        "Order book depth (?levels=, default 10)",
        List.of(),
        (ctx, c) -> {
          int v = pathInt(ctx, "vintage");
          int levels = (int) queryLong(ctx, "levels", 10, 0, 1000);
          query(ctx, (s, m) -> Views.book(s, v, levels));
        });
    add(
        "GET",
        "/api/trades",
        Access.PUBLIC,
        "Trades, oldest first (?vintage=&limit=&after=); counterparties shown only to "
            + "regulators, auditors and the parties themselves",
        List.of(),
        (ctx, c) -> {
          Long vintage =
              ctx.queryParam("vintage") == null
                  ? null
                  : queryLong(ctx, "vintage", 0, 0, Integer.MAX_VALUE);
          page(
              ctx,
              (s, m) -> {
                List<Object> out = new ArrayList<>();
                for (ReadModel.Trade t : m.trades) {
                  if (vintage == null || t.vintage() == vintage) {
                    out.add(
                        c != null && c.readsEverything()
                            ? t
                            : t.redactedFor(c == null ? Long.MIN_VALUE : c.accountId()));
                  }
                }
                return out;
              },
              o -> ((ReadModel.Trade) o).id());
        });
    add(
        "GET",
        "/api/auctions",
        Access.PUBLIC,
        "Primary auctions (?limit=&after=)",
        List.of(),
        (ctx, c) ->
            page(
                ctx,
                (s, m) -> new ArrayList<Object>(m.auctions.values()),
                o -> ((ReadModel.Auction) o).id,
                o -> Views.auction((ReadModel.Auction) o)));
    add(
        "GET",
        "/api/auctions/{auctionId}",
        Access.PUBLIC,
        "One primary auction",
        List.of(),
        (ctx, c) -> {
          long id = pathLong(ctx, "auctionId");
          query(ctx, (s, m) -> Views.auction(auction(m, id)));
        });
    add(
        "GET",
        "/api/periods",
        Access.PUBLIC,
        "Compliance periods: cap, budgets, issued, status and close summary",
        List.of(),
        (ctx, c) -> query(ctx, Views::periods));
    add(
        "GET",
        "/api/journal/head",
        Access.PUBLIC,
        "Journal head: last seq, head hash, state hash",
        List.of(),
        (ctx, c) -> query(ctx, (s, m) -> Views.head(s, m)));
    add(
        "GET",
        "/api/journal/checkpoint",
        Access.PUBLIC,
        "Latest signed checkpoint of the journal head (seq, headHash, time, key, signature): "
            + "record it elsewhere, then `computecap journal verify --expect-head HASH@SEQ`",
        List.of(),
        (ctx, c) ->
            ctx.json(
                Checkpoints.view(
                    checkpoint
                        .get()
                        .orElseThrow(() -> ApiException.notFound("no checkpoint yet")))));
  }

  // ---------------------------------------------------------------- accounts and registry

  private void accountRoutes() {
    add(
        "GET",
        "/api/me",
        Access.SIGNED_IN,
        "The caller's account and role",
        List.of(),
        (ctx, c) -> {
          Map<String, Object> me = new LinkedHashMap<>();
          me.put("accountId", c.accountId());
          me.put("role", c.role().name());
          ctx.json(me);
        });
    add(
        "GET",
        "/api/accounts",
        Access.SIGNED_IN,
        "Account directory: id, name, role (?limit=&after=)",
        List.of(),
        (ctx, c) ->
            page(
                ctx,
                (s, m) -> new ArrayList<Object>(new java.util.TreeMap<>(m.roles).keySet()),
                o -> (Long) o,
                o -> o,
                true));
    add(
        "POST",
        "/api/accounts",
        Access.REGULATOR,
        "Open an account",
        List.of("accountId", "name", "role"),
        (ctx, c) -> {
          JsonBody b = body(ctx);
          long id = b.requireLong("accountId");
          String name = b.requireString("name");
          Role role = b.requireEnum("role", Role.class);
          command(ctx, m -> new OpenAccount(id, name, role));
        });
    add(
        "POST",
        "/api/tokens",
        Access.REGULATOR,
        "Issue an API token for an account (shown once)",
        List.of("accountId"),
        (ctx, c) -> {
          long id = body(ctx).requireLong("accountId");
          requireAccountId("accountId", id);
          Role role = model.roleOf(id);
          if (role == null) {
            throw ApiException.notFound("no account " + id);
          }
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("accountId", id);
          out.put("role", role.name());
          out.put("token", tokens.issue(id));
          ctx.status(201).json(out);
        });
    add(
        "GET",
        "/api/participants",
        Access.SUPERVISOR,
        "Every participant's holdings, cash and compliance status",
        List.of(),
        (ctx, c) -> query(ctx, Views::participants));
    readRoute(
        "",
        "An account: cash, holdings, compliance summary",
        (s, m, id) -> Views.account(s, m, id));
    readRoute(
        "/holdings",
        "Permits held per vintage, free and reserved",
        (s, m, id) -> Views.holdings(s, id));
    readRoute("/cash", "Free and reserved cash", (s, m, id) -> Views.cash(s, id));
  }

  private void registryRoutes() {
    add(
        "POST",
        "/api/accounts/{accountId}/deposits",
        Access.ACTOR_OR_REGULATOR,
        "Deposit cash",
        List.of("amountCents"),
        (ctx, c) -> {
          long id = actor(ctx, c, true);
          long cents = body(ctx).requireLong("amountCents");
          command(ctx, m -> new DepositCash(id, cents));
        });
    add(
        "POST",
        "/api/accounts/{accountId}/withdrawals",
        Access.ACTOR,
        "Withdraw cash",
        List.of("amountCents"),
        (ctx, c) -> {
          long id = actor(ctx, c, false);
          long cents = body(ctx).requireLong("amountCents");
          command(ctx, m -> new WithdrawCash(id, cents));
        });
    add(
        "POST",
        "/api/issuances",
        Access.REGULATOR,
        "Issue permits of the current vintage into an account",
        List.of("accountId", "vintage", "quantity"),
        (ctx, c) -> {
          JsonBody b = body(ctx);
          long id = b.requireLong("accountId");
          int vintage = b.requireInt("vintage");
          long q = b.requireLong("quantity");
          command(ctx, m -> new IssuePermits(id, vintage, q));
        });
    add(
        "POST",
        "/api/transfers",
        Access.ACTOR,
        "Transfer permits to another account",
        List.of("fromAccountId", "toAccountId", "vintage", "quantity"),
        (ctx, c) -> {
          JsonBody b = body(ctx);
          long from = b.requireLong("fromAccountId");
          long to = b.requireLong("toAccountId");
          int vintage = b.requireInt("vintage");
          long q = b.requireLong("quantity");
          requireAccountId("fromAccountId", from);
          requireActor(c, from, false);
          command(ctx, m -> new TransferPermits(from, to, vintage, q));
        });
    add(
        "POST",
        "/api/accounts/{accountId}/surrenders",
        Access.ACTOR,
        "Surrender permits against a period's obligation (oldest vintage first)",
        List.of("period", "quantity"),
        (ctx, c) -> {
          long id = actor(ctx, c, false);
          JsonBody b = body(ctx);
          int period = b.requireInt("period");
          long q = b.requireLong("quantity");
          command(ctx, m -> new SurrenderPermits(id, period, q));
        });
    historyRoute("/surrenders", "Surrendered permits (?limit=&after=)", m -> m.surrenders);
    add(
        "POST",
        "/api/accounts/{accountId}/cancellations",
        Access.ACTOR,
        "Cancel (voluntarily retire) permits",
        List.of("vintage", "quantity"),
        (ctx, c) -> {
          long id = actor(ctx, c, false);
          JsonBody b = body(ctx);
          int vintage = b.requireInt("vintage");
          long q = b.requireLong("quantity");
          command(ctx, m -> new CancelPermits(id, vintage, q));
        });
  }

  // ---------------------------------------------------------------- exchange

  private void exchangeRoutes() {
    add(
        "POST",
        "/api/orders",
        Access.ACTOR,
        "Place an order (the engine assigns orderId); priceCents is 0 for MARKET",
        List.of("accountId", "side", "type", "priceCents", "quantity", "vintage"),
        (ctx, c) -> {
          JsonBody b = body(ctx);
          long id = b.requireLong("accountId");
          Side side = b.requireEnum("side", Side.class);
          OrderType type = b.requireEnum("type", OrderType.class);
          long price = b.requireLong("priceCents");
          long q = b.requireLong("quantity");
          int vintage = b.requireInt("vintage");
          requireActor(c, id, false);
          PlaceOrder order = new PlaceOrder(id, side, type, price, q, vintage);
          command(ctx, m -> order);
        });
    add(
        "GET",
        "/api/orders/{orderId}",
        Access.READER,
        "One order",
        List.of(),
        (ctx, c) -> {
          long id = pathLong(ctx, "orderId");
          query(
              ctx,
              (s, m) -> {
                ReadModel.Order o = m.orders.get(id);
                if (o == null) {
                  throw ApiException.notFound("no order " + id);
                }
                if (!c.mayRead(o.accountId)) {
                  throw ApiException.forbidden(
                      "account " + c.accountId() + " may not read order " + id);
                }
                return Views.order(o);
              });
        });
    add(
        "DELETE",
        "/api/orders/{orderId}",
        Access.ACTOR,
        "Cancel a resting order",
        List.of(),
        (ctx, c) -> {
          long id = pathLong(ctx, "orderId");
          noBody(ctx);
          command(
              ctx,
              m -> {
                ReadModel.Order o = m.orders.get(id);
                if (o == null) {
                  throw ApiException.notFound("no order " + id);
                }
                requireActor(c, o.accountId, false);
                return new CancelOrder(id, o.accountId);
              });
        });
    historyRoute("/orders", "The account's orders (?limit=&after=)", null);
    add(
        "POST",
        "/api/books/{vintage}/call-auction/start",
        Access.REGULATOR,
        "Open a call phase on a book",
        List.of(),
        (ctx, c) -> {
          int v = pathInt(ctx, "vintage");
          noBody(ctx);
          command(ctx, m -> new StartCallAuction(v));
        });
    add(
        "POST",
        "/api/books/{vintage}/call-auction/run",
        Access.REGULATOR,
        "Run the call auction at one uniform price",
        List.of(),
        (ctx, c) -> {
          int v = pathInt(ctx, "vintage");
          noBody(ctx);
          command(ctx, m -> new RunCallAuction(v));
        });
  }

  // ---------------------------------------------------------------- allocation, auctions

  private void allocationRoutes() {
    add(
        "POST",
        "/api/activity",
        Access.REGULATOR,
        "Record verified activity of a period",
        List.of("accountId", "period", "outputUnits", "coveredQuantity"),
        (ctx, c) -> {
          JsonBody b = body(ctx);
          long id = b.requireLong("accountId");
          int period = b.requireInt("period");
          long out = b.requireLong("outputUnits");
          long covered = b.requireLong("coveredQuantity");
          command(ctx, m -> new RecordVerifiedActivity(id, period, out, covered));
        });
    add(
        "POST",
        "/api/accounts/{accountId}/assistance-factor",
        Access.REGULATOR,
        "Set an assistance factor (ppm)",
        List.of("factorPpm"),
        (ctx, c) -> {
          long id = pathLong(ctx, "accountId");
          long ppm = body(ctx).requireLong("factorPpm");
          command(ctx, m -> new SetAssistanceFactor(id, ppm));
        });
    add(
        "POST",
        "/api/periods/{period}/free-allocation",
        Access.REGULATOR,
        "Allocate the period's free permits",
        List.of(),
        (ctx, c) -> {
          int p = pathInt(ctx, "period");
          noBody(ctx);
          command(ctx, m -> new AllocateFreePermits(p));
        });
    add(
        "POST",
        "/api/new-entrants",
        Access.REGULATOR,
        "Allocate a new entrant from the reserve",
        List.of("accountId", "projectedOutputUnits"),
        (ctx, c) -> {
          JsonBody b = body(ctx);
          long id = b.requireLong("accountId");
          long projected = b.requireLong("projectedOutputUnits");
          command(ctx, m -> new AllocateNewEntrant(id, projected));
        });
  }

  private void auctionRoutes() {
    add(
        "POST",
        "/api/auctions",
        Access.REGULATOR,
        "Open a primary auction",
        List.of("auctionId", "period", "quantity"),
        (ctx, c) -> {
          JsonBody b = body(ctx);
          long id = b.requireLong("auctionId");
          int period = b.requireInt("period");
          long q = b.requireLong("quantity");
          command(ctx, m -> new OpenAuction(id, period, q));
        });
    add(
        "POST",
        "/api/auctions/{auctionId}/bids",
        Access.ACTOR,
        "Submit a sealed bid",
        List.of("bidId", "accountId", "quantity", "limitPriceCents"),
        (ctx, c) -> {
          long auction = pathLong(ctx, "auctionId");
          JsonBody b = body(ctx);
          long bid = b.requireLong("bidId");
          long id = b.requireLong("accountId");
          long q = b.requireLong("quantity");
          long price = b.requireLong("limitPriceCents");
          requireActor(c, id, false);
          command(ctx, m -> new SubmitBid(auction, bid, id, q, price));
        });
    add(
        "GET",
        "/api/auctions/{auctionId}/bids",
        Access.SIGNED_IN,
        "Bids of an auction: all for regulators and auditors, one's own otherwise",
        List.of(),
        (ctx, c) -> {
          long auction = pathLong(ctx, "auctionId");
          page(
              ctx,
              (s, m) -> {
                List<Object> out = new ArrayList<>();
                for (ReadModel.Bid b : auction(m, auction).bids.values()) {
                  if (c.mayRead(b.accountId)) {
                    out.add(b);
                  }
                }
                return out;
              },
              o -> ((ReadModel.Bid) o).id,
              o -> Views.bid((ReadModel.Bid) o));
        });
    add(
        "DELETE",
        "/api/auctions/{auctionId}/bids/{bidId}",
        Access.ACTOR,
        "Withdraw a bid",
        List.of(),
        (ctx, c) -> {
          long auction = pathLong(ctx, "auctionId");
          long bid = pathLong(ctx, "bidId");
          noBody(ctx);
          command(
              ctx,
              m -> {
                ReadModel.Bid b = auction(m, auction).bids.get(bid);
                if (b == null) {
                  throw ApiException.notFound("no bid " + bid + " in auction " + auction);
                }
                requireActor(c, b.accountId, false);
                return new WithdrawBid(auction, bid);
              });
        });
    add(
        "POST",
        "/api/auctions/{auctionId}/clear",
        Access.REGULATOR,
        "Clear an auction",
        List.of(),
        (ctx, c) -> {
          long auction = pathLong(ctx, "auctionId");
          noBody(ctx);
          command(ctx, m -> new ClearAuction(auction));
        });
  }

  private void complianceRoutes() {
    add(
        "POST",
        "/api/reports",
        Access.ACTOR,
        "Submit a self-report of covered quantity",
        List.of("accountId", "period", "workload", "quantity"),
        (ctx, c) -> {
          JsonBody b = body(ctx);
          long id = b.requireLong("accountId");
          int period = b.requireInt("period");
          Workload w = b.requireEnum("workload", Workload.class);
          long q = b.requireLong("quantity");
          requireActor(c, id, false);
          command(ctx, m -> new SubmitReport(id, period, w, q));
        });
    historyRoute("/reports", "The account's reports (?limit=&after=)", m -> m.reports);
    add(
        "POST",
        "/api/meter-readings",
        Access.REGULATOR,
        "Record a meter reading",
        List.of("accountId", "period", "quantity"),
        (ctx, c) -> {
          JsonBody b = body(ctx);
          long id = b.requireLong("accountId");
          int period = b.requireInt("period");
          long q = b.requireLong("quantity");
          command(ctx, m -> new RecordMeterReading(id, period, q));
        });
    historyRoute(
        "/meter-readings", "The account's meter readings (?limit=&after=)", m -> m.meterReadings);
    add(
        "POST",
        "/api/evaluations",
        Access.REGULATOR,
        "Record a risk evaluation (L or H)",
        List.of("accountId", "period", "signal"),
        (ctx, c) -> {
          JsonBody b = body(ctx);
          long id = b.requireLong("accountId");
          int period = b.requireInt("period");
          RiskSignal s = b.requireEnum("signal", RiskSignal.class);
          command(ctx, m -> new RecordEvaluation(id, period, s));
        });
    add(
        "POST",
        "/api/insurer-evaluations",
        Access.ACTOR,
        "An insurer records its own evaluation of a participant",
        List.of("insurerId", "accountId", "period", "signal"),
        (ctx, c) -> {
          JsonBody b = body(ctx);
          long insurer = b.requireLong("insurerId");
          long id = b.requireLong("accountId");
          int period = b.requireInt("period");
          RiskSignal s = b.requireEnum("signal", RiskSignal.class);
          requireAccountId("insurerId", insurer);
          requireActor(c, insurer, false);
          command(ctx, m -> new RecordInsurerEvaluation(insurer, id, period, s));
        });
    historyRoute("/evaluations", "Evaluations of the account (?limit=&after=)", m -> m.evaluations);
    add(
        "POST",
        "/api/premiums",
        Access.INSURER_OR_REGULATOR,
        "Charge a participant's insurance premium for a period",
        List.of("accountId", "period"),
        (ctx, c) -> {
          JsonBody b = body(ctx);
          long id = b.requireLong("accountId");
          int period = b.requireInt("period");
          command(ctx, m -> new ChargeInsurancePremium(id, period));
        });
  }

  private void enforcementRoutes() {
    add(
        "POST",
        "/api/periods/{period}/close",
        Access.REGULATOR,
        "Close the current period: assess, penalize, draw audits, bank or expire",
        List.of(),
        (ctx, c) -> {
          int p = pathInt(ctx, "period");
          noBody(ctx);
          command(ctx, m -> new ClosePeriod(p));
        });
    add(
        "GET",
        "/api/compliance",
        Access.SIGNED_IN,
        "Compliance assessments (?period=&limit=&after=): all for regulators and auditors, "
            + "one's own otherwise",
        List.of(),
        (ctx, c) -> {
          Long period =
              ctx.queryParam("period") == null
                  ? null
                  : queryLong(ctx, "period", 0, 0, Integer.MAX_VALUE);
          page(
              ctx,
              (s, m) -> {
                List<Object> out = new ArrayList<>();
                for (ReadModel.Row r : m.compliance) {
                  var a = (org.computecap.engine.compliance.ComplianceAssessed) r.event();
                  if (c.mayRead(r.accountId()) && (period == null || a.period() == period)) {
                    out.add(r);
                  }
                }
                return out;
              },
              o -> ((ReadModel.Row) o).id(),
              o -> Views.row((ReadModel.Row) o));
        });
    historyRoute(
        "/compliance", "The account's compliance assessments (?limit=&after=)", m -> m.compliance);
    add(
        "GET",
        "/api/audits",
        Access.SUPERVISOR,
        "Audit draws per period: audited, dropped, targeted accounts",
        List.of(),
        (ctx, c) -> query(ctx, (s, m) -> new ArrayList<>(m.auditDraws.values())));
    add(
        "POST",
        "/api/audit-findings",
        Access.REGULATOR,
        "Record an audit finding (the measured quantity)",
        List.of("accountId", "period", "measuredQuantity"),
        (ctx, c) -> {
          JsonBody b = body(ctx);
          long id = b.requireLong("accountId");
          int period = b.requireInt("period");
          long q = b.requireLong("measuredQuantity");
          command(ctx, m -> new RecordAuditFinding(id, period, q));
        });
    historyRoute(
        "/audits", "Audit findings about the account (?limit=&after=)", m -> m.auditFindings);
    add(
        "GET",
        "/api/penalties",
        Access.SUPERVISOR,
        "Penalties charged and paid, market-wide (?limit=&after=)",
        List.of(),
        (ctx, c) ->
            page(
                ctx,
                (s, m) -> new ArrayList<Object>(m.penalties),
                o -> ((ReadModel.Row) o).id(),
                o -> Views.row((ReadModel.Row) o)));
    historyRoute(
        "/penalties",
        "Penalties charged to and paid by the account (?limit=&after=)",
        m -> m.penalties);
    add(
        "POST",
        "/api/accounts/{accountId}/penalty-payments",
        Access.ACTOR,
        "Pay outstanding penalties from free cash",
        List.of(),
        (ctx, c) -> {
          long id = actor(ctx, c, false);
          noBody(ctx);
          command(ctx, m -> new PayOutstandingPenalty(id));
        });
  }

  // ---------------------------------------------------------------- plumbing

  /** A read of one account's state, allowed to its holder, regulators and auditors. */
  private interface AccountRead {
    Object read(org.computecap.engine.EngineState state, ReadModel model, long accountId);
  }

  private void readRoute(String suffix, String summary, AccountRead read) {
    add(
        "GET",
        "/api/accounts/{accountId}" + suffix,
        Access.READER,
        summary,
        List.of(),
        (ctx, c) -> {
          long id = reader(ctx, c);
          query(ctx, (s, m) -> read.read(s, m, id));
        });
  }

  /** A paginated history of one account; {@code rows} null means its orders. */
  private void historyRoute(
      String suffix, String summary, Function<ReadModel, List<ReadModel.Row>> rows) {
    add(
        "GET",
        "/api/accounts/{accountId}" + suffix,
        Access.READER,
        summary,
        List.of(),
        (ctx, c) -> {
          long id = reader(ctx, c);
          if (rows == null) {
            page(
                ctx,
                (s, m) -> {
                  Views.requireAccount(s, id);
                  List<Object> out = new ArrayList<>();
                  for (ReadModel.Order o : m.orders.values()) {
                    if (o.accountId == id) {
                      out.add(o);
                    }
                  }
                  return out;
                },
                o -> ((ReadModel.Order) o).id,
                o -> Views.order((ReadModel.Order) o));
            return;
          }
          page(
              ctx,
              (s, m) -> {
                Views.requireAccount(s, id);
                List<Object> out = new ArrayList<>();
                for (ReadModel.Row r : rows.apply(m)) {
                  if (r.accountId() == id) {
                    out.add(r);
                  }
                }
                return out;
              },
              o -> ((ReadModel.Row) o).id(),
              o -> Views.row((ReadModel.Row) o));
        });
  }

  private void add(
      String method,
      String path,
      Access access,
      String summary,
      List<String> fields,
      Action action) {
    table.add(new Route(method, path, access, summary, fields, action));
  }

  /** Registers every route of the table, each behind its access check. */
  void register(JavalinConfig config) {
    for (Route r : table) {
      io.javalin.http.Handler h =
          ctx -> {
            ctx.attribute("route", r);
            Caller caller = authorize(ctx, r.access());
            r.action().handle(ctx, caller);
          };
      switch (r.method()) {
        case "GET" -> config.routes.get(r.path(), h);
        case "POST" -> config.routes.post(r.path(), h);
        case "DELETE" -> config.routes.delete(r.path(), h);
        default -> throw new AssertionError("method " + r.method());
      }
    }
  }

  /** 401 without a valid token (unless public), then 403 when the role may not call. */
  private Caller authorize(Context ctx, Access access) {
    String header = ctx.header("Authorization");
    Caller caller = null;
    if (header != null) {
      if (!header.startsWith("Bearer ")) {
        throw ApiException.unauthenticated();
      }
      Long account = tokens.accountOf(header.substring("Bearer ".length()).trim());
      Role role =
          account == null
              ? null
              : account == Tokens.MARKET_REGULATOR ? Role.REGULATOR : model.roleOf(account);
      if (role == null) {
        throw ApiException.unauthenticated();
      }
      caller = new Caller(account, role);
    }
    if (access == Access.PUBLIC) {
      return caller;
    }
    if (caller == null) {
      throw ApiException.unauthenticated();
    }
    boolean allowed =
        switch (access) {
          case PUBLIC, SIGNED_IN, READER -> true;
          case SUPERVISOR -> caller.readsEverything();
          case REGULATOR -> caller.isRegulator();
          case ACTOR -> caller.role() != Role.AUDITOR && !caller.isRegulator();
          case ACTOR_OR_REGULATOR -> caller.role() != Role.AUDITOR;
          case INSURER_OR_REGULATOR -> caller.role() == Role.INSURER || caller.isRegulator();
        };
    if (!allowed) {
      throw ApiException.forbidden(
          caller.role() + " may not call " + ctx.method() + " " + ctx.path());
    }
    return caller;
  }

  private static void requireActor(Caller c, long accountId, boolean regulatorToo) {
    requireAccountId("accountId", accountId);
    if (regulatorToo && c.isRegulator()) {
      return;
    }
    if (c.accountId() != accountId) {
      throw ApiException.forbidden(
          "account " + c.accountId() + " may not act for account " + accountId);
    }
  }

  /** Malformed before forbidden: an account id below 1 can name no caller's account. */
  private static void requireAccountId(String field, long id) {
    if (id < 1) {
      throw ApiException.badRequest(field, field + " must be >= 1, got " + id);
    }
  }

  private static long actor(Context ctx, Caller c, boolean regulatorToo) {
    long id = pathLong(ctx, "accountId");
    requireActor(c, id, regulatorToo);
    return id;
  }

  private static long reader(Context ctx, Caller c) {
    long id = pathLong(ctx, "accountId");
    if (!c.mayRead(id)) {
      throw ApiException.forbidden("account " + c.accountId() + " may not read account " + id);
    }
    return id;
  }

  private JsonBody body(Context ctx) {
    Route r = ctx.attribute("route");
    return JsonBody.parse(ctx.body(), Set.copyOf(r.fields()));
  }

  /** Routes without fields accept no body, an empty one, or {}. */
  private static void noBody(Context ctx) {
    String b = ctx.body();
    if (!b.isBlank()) {
      JsonBody.parse(b, Set.of());
    }
  }

  static long pathLong(Context ctx, String name) {
    String s = ctx.pathParam(name);
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          name,
          name
              + " must be a whole number within ["
              + Long.MIN_VALUE
              + ", "
              + Long.MAX_VALUE
              + "], got "
              + s);
    }
  }

  static int pathInt(Context ctx, String name) {
    long v = pathLong(ctx, name);
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw ApiException.badRequest(
          name, name + " must be within [0, " + Integer.MAX_VALUE + "], got " + v);
    }
    return (int) v;
  }

  static long queryLong(Context ctx, String name, long absent, long min, long max) {
    String s = ctx.queryParam(name);
    if (s == null) {
      return absent;
    }
    long v;
    try {
      v = Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          name, name + " must be a whole number within [" + min + ", " + max + "], got " + s);
    }
    if (v < min || v > max) {
      throw ApiException.badRequest(
          name, name + " must be within [" + min + ", " + max + "], got " + v);
    }
    return v;
  }

  private static ReadModel.Auction auction(ReadModel m, long id) {
    ReadModel.Auction a = m.auctions.get(id);
    if (a == null) {
      throw ApiException.notFound("no auction " + id);
    }
    return a;
  }

  private void query(Context ctx, Sequencer.Query<?> q) {
    ctx.future(
        () ->
            sequencer
                .query(q)
                .handle(
                    (value, ex) -> {
                      if (ex != null) {
                        writeError(ctx, ex);
                      } else {
                        ctx.json(value);
                      }
                      return null;
                    }));
  }

  private void page(Context ctx, Sequencer.Query<List<Object>> items, ToLongFunction<Object> key) {
    page(ctx, items, key, o -> o);
  }

  private void page(
      Context ctx,
      Sequencer.Query<List<Object>> items,
      ToLongFunction<Object> key,
      Function<Object, Object> view) {
    page(ctx, items, key, view, false);
  }

  private void page(
      Context ctx,
      Sequencer.Query<List<Object>> items,
      ToLongFunction<Object> key,
      Function<Object, Object> view,
      boolean directory) {
    int limit = (int) queryLong(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    long after = queryLong(ctx, "after", Long.MIN_VALUE, Long.MIN_VALUE, Long.MAX_VALUE);
    query(
        ctx,
        (s, m) -> {
          List<Object> all = items.run(s, m);
          List<Object> out = new ArrayList<>();
          Long next = null;
          long lastKey = 0;
          for (Object o : all) {
            long k = key.applyAsLong(o);
            if (k <= after) {
              continue;
            }
            if (out.size() == limit) {
              next = lastKey;
              break;
            }
            out.add(directory ? directoryEntry(s, (Long) o) : view.apply(o));
            lastKey = k;
          }
          Map<String, Object> page = new LinkedHashMap<>();
          page.put("items", out);
          page.put("next", next);
          return page;
        });
  }

  private static Map<String, Object> directoryEntry(org.computecap.engine.EngineState s, long id) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("accountId", id);
    m.put("name", s.registry().name(id));
    m.put("role", s.registry().role(id).name());
    return m;
  }

  private void command(Context ctx, Sequencer.CommandFactory factory) {
    ctx.future(
        () ->
            sequencer
                .submit(factory)
                .handle(
                    (applied, ex) -> {
                      if (ex != null) {
                        writeError(ctx, ex);
                      } else if (applied.result().isAccepted()) {
                        Map<String, Object> out = new LinkedHashMap<>();
                        out.put("seq", applied.seq());
                        List<Object> events = new ArrayList<>();
                        for (Event e : applied.result().events()) {
                          Map<String, Object> ev = new LinkedHashMap<>();
                          // "event" names the record; its own fields follow (OrderAccepted has a
                          // "type").
                          ev.put("event", e.getClass().getSimpleName());
                          ev.putAll(json.convertValue(e, Map.class));
                          events.add(ev);
                        }
                        out.put("events", events);
                        ctx.json(out);
                      } else {
                        String code = applied.result().rejection().code();
                        ctx.status(409)
                            .json(
                                new ApiException.Body(
                                    code,
                                    "the engine rejected the command: "
                                        + code
                                        + " (journal seq "
                                        + applied.seq()
                                        + ")",
                                    null));
                      }
                      return null;
                    }));
  }

  /** Writes the error body for any failure of a handler or of the writer. */
  void writeError(Context ctx, Throwable ex) {
    ApiException api = toApi(ex, ctx.attribute("route"));
    ctx.status(api.status()).json(api.body());
  }

  static ApiException toApi(Throwable ex, Route route) {
    Throwable t = ex instanceof CompletionException && ex.getCause() != null ? ex.getCause() : ex;
    if (t instanceof ApiException a) {
      return a;
    }
    if (t instanceof io.javalin.http.HttpResponseException h) {
      // Raised by Javalin itself, e.g. 413 for a body over the size limit.
      return new ApiException(
          h.getStatus(),
          h.getStatus() == 413 ? "BODY_TOO_LARGE" : "HTTP_" + h.getStatus(),
          h.getMessage(),
          null);
    }
    if (t instanceof IllegalArgumentException) {
      String msg = t.getMessage() == null ? "malformed input" : t.getMessage();
      String first = msg.split(" ", 2)[0];
      String field = route != null && route.fields().contains(first) ? first : null;
      if (field == null && route != null && route.path().contains("{" + first + "}")) {
        field = first;
      }
      return ApiException.badRequest(field, msg);
    }
    return new ApiException(500, "INTERNAL", "internal error: " + t, null);
  }
}
