package org.computecap.server;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.EngineState;
import org.computecap.engine.Event;
import org.computecap.engine.MarketOpened;
import org.computecap.engine.Result;
import org.computecap.engine.access.AccessState;
import org.computecap.engine.access.EnrolmentCodeIssued;
import org.computecap.engine.access.EnrolmentCompleted;
import org.computecap.engine.access.InsurerAppointed;
import org.computecap.engine.access.TokenIssued;
import org.computecap.engine.access.TokenRevoked;
import org.computecap.engine.allocation.FreePermitsAllocated;
import org.computecap.engine.allocation.FreePermitsGranted;
import org.computecap.engine.allocation.NewEntrantAllocated;
import org.computecap.engine.auction.AuctionCleared;
import org.computecap.engine.auction.AuctionOpened;
import org.computecap.engine.auction.BidSettled;
import org.computecap.engine.auction.BidSubmitted;
import org.computecap.engine.auction.BidWithdrawn;
import org.computecap.engine.command.Side;
import org.computecap.engine.compliance.AttestedQuantitySettled;
import org.computecap.engine.compliance.AuditFindingRecorded;
import org.computecap.engine.compliance.AuditsDrawn;
import org.computecap.engine.compliance.CollateralForfeited;
import org.computecap.engine.compliance.CollateralPosted;
import org.computecap.engine.compliance.CollateralReturned;
import org.computecap.engine.compliance.ComplianceAssessed;
import org.computecap.engine.compliance.ComplianceState;
import org.computecap.engine.compliance.EvaluationRecorded;
import org.computecap.engine.compliance.InsurerEvaluationRecorded;
import org.computecap.engine.compliance.LateSurrenderCredited;
import org.computecap.engine.compliance.MeterReadingRecorded;
import org.computecap.engine.compliance.PenaltyPaid;
import org.computecap.engine.compliance.PeriodClosed;
import org.computecap.engine.compliance.ReportSubmitted;
import org.computecap.engine.compliance.SurrenderReversed;
import org.computecap.engine.exchange.BookView;
import org.computecap.engine.exchange.CallAuctionRan;
import org.computecap.engine.exchange.CallAuctionStarted;
import org.computecap.engine.exchange.ExchangeState;
import org.computecap.engine.exchange.OrderAccepted;
import org.computecap.engine.exchange.OrderCancelled;
import org.computecap.engine.exchange.OrderRested;
import org.computecap.engine.exchange.TradeExecuted;
import org.computecap.engine.lifecycle.LifecycleState;
import org.computecap.engine.metering.MeterReadingAccepted;
import org.computecap.engine.program.BookLayout;
import org.computecap.engine.program.Program;
import org.computecap.engine.registry.PermitsIssued;
import org.computecap.engine.registry.PermitsSurrendered;
import org.computecap.engine.registry.Registry;

/**
 * The writer's side of the {@link ReadModel}: after the writer applied a batch, {@link #prepare}
 * turns the batch's events and the engine state into a {@link Publication} (snapshots of what
 * changed, orders and trades written to disk but not yet visible), and once the batch is durable
 * {@link Publication#install} makes all of it visible. Preparing needs the engine, so it runs on
 * the writer thread between batches; installing needs nothing but the publication, so a commit path
 * that makes batches durable on another thread can install there, in batch order.
 *
 * <p>What is republished is what the batch touched: the accounts its events name (any event field
 * {@code accountId}, {@code buyAccountId}, {@code sellAccountId}, {@code fromAccountId}, {@code
 * toAccountId} or {@code insurerId}), the books if the exchange moved, the periods if permits were
 * issued or a period closed; everything after a period close or on a full publication.
 */
final class Projector {
  /**
   * One applied command of a batch: its journal seq, its tick, the engine's answer and, when it
   * closed a period, the reserves' balances and the holdings by account type right after it (the
   * batch may go on moving them, and a replay cuts the journal into other batches than the writer
   * did).
   */
  record Applied(
      long seq,
      long tick,
      Result result,
      List<Views.ReserveBalance> reservesAfter,
      List<ReportViews.Holding> holdingsAfter,
      long[] movements) {

    /** The applied command, with what the read model must read of {@code state} right after it. */
    static Applied of(long seq, long tick, Result result, EngineState state) {
      List<Views.ReserveBalance> reserves = null;
      List<ReportViews.Holding> holdings = null;
      if (result.isAccepted()) {
        for (Event e : result.events()) {
          if (e instanceof PeriodClosed) {
            reserves = StabilityProjection.balances(state);
            holdings = PublicReportProjection.holdings(state);
          }
        }
      }
      // The permits it moved, copied now (the engine reuses its buffer for the next command): the
      // serial numbers are projected from them when the batch is installed (issue 15).
      long[] movements = result.isAccepted() ? state.movements().toArray() : null;
      return new Applied(seq, tick, result, reserves, holdings, movements);
    }
  }

  /** What a batch changes in the read model, to be made visible once the batch is durable. */
  static final class Publication {
    private final List<Runnable> actions;
    final ReadModel.HeadState head;
    final ReadModel.Books books;
    final List<Views.Trade> trades;

    private Publication(
        List<Runnable> actions,
        ReadModel.HeadState head,
        ReadModel.Books books,
        List<Views.Trade> trades) {
      this.actions = actions;
      this.head = head;
      this.books = books;
      this.trades = trades;
    }

    /** Makes the batch visible to readers; in batch order, once each. */
    void install() {
      for (Runnable r : actions) {
        r.run();
      }
    }
  }

  private static final Set<String> ACCOUNT_FIELDS =
      Set.of(
          "accountId",
          "buyAccountId",
          "sellAccountId",
          "fromAccountId",
          "toAccountId",
          "insurerId");

  private static final ClassValue<List<Method>> ACCOUNT_ACCESSORS =
      new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
          List<Method> out = new ArrayList<>();
          RecordComponent[] components = type.getRecordComponents();
          if (components != null) {
            for (RecordComponent c : components) {
              if (c.getType() == long.class && ACCOUNT_FIELDS.contains(c.getName())) {
                out.add(c.getAccessor());
              }
            }
          }
          return out;
        }
      };

  private final ReadModel model;

  // Writer-side state that preparing reads before the previous batches' rows are installed.
  private long rows;
  private final Map<Long, ComplianceAssessed> lastAssessed = new TreeMap<>();
  private final TreeMap<Integer, Views.PeriodClose> closed = new TreeMap<>();

  /** period -> {audit findings recorded, penalty cents they charged}. */
  private final TreeMap<Integer, long[]> audits = new TreeMap<>();

  private final Map<Long, ReadModel.TokenEntry> tokens = new TreeMap<>();
  private final Map<Long, ReadModel.EnrolmentEntry> enrolments = new TreeMap<>();
  private final Map<Long, Views.Auction> auctions = new TreeMap<>();
  private final StabilityProjection stability = new StabilityProjection(auctions);
  private final PublicReportProjection reports = new PublicReportProjection();

  /** The reserves' balances as last published. */
  private List<Views.ReserveBalance> reserves = List.of();

  private final Map<Long, Map<Long, Views.Bid>> bids = new TreeMap<>();
  private final Map<Integer, List<Views.PricePoint>> history = new TreeMap<>();

  /** The open orders as the writer last left them (readers see them once installed). */
  private final Map<Long, Views.Order> openOrders = new java.util.HashMap<>();

  /** The books as the writer last prepared them. */
  private ReadModel.Books books = new ReadModel.Books(List.of(), Map.of(), false);

  /** The latest state hash the writer computed, shown once the durable head reaches it. */
  private volatile ReadModel.StateHashAt pendingHash;

  Projector(ReadModel model) {
    this.model = model;
  }

  /** The model this projector publishes to. */
  ReadModel model() {
    return model;
  }

  /**
   * The writer-side state with the model's access and auction entries, for a snapshot ({@link
   * ReadModelImage}); {@code historyRows} is every history row. Writer thread, all batches
   * installed.
   */
  ReadModelImage.Saved saved(List<ReadModelImage.SavedRow> historyRows) {
    Map<Long, List<Views.Bid>> savedBids = new TreeMap<>();
    for (Map.Entry<Long, Map<Long, Views.Bid>> e : bids.entrySet()) {
      savedBids.put(e.getKey(), List.copyOf(e.getValue().values()));
    }
    return new ReadModelImage.Saved(
        rows,
        historyRows,
        new TreeMap<>(closed),
        List.copyOf(tokens.values()),
        new TreeMap<>(model.tokenIdsByHash),
        List.copyOf(enrolments.values()),
        new TreeMap<>(model.enrolmentIdsByHash),
        List.copyOf(auctions.values()),
        savedBids,
        new TreeMap<>(history),
        new TreeMap<>(model.insurers),
        List.copyOf(model.auditDraws.values()),
        stability.saved(),
        reports.saved());
  }

  /**
   * Restores the state {@link #saved} captured (with the history rows and the open orders read
   * back), then publishes the whole model from the restored engine {@code state}: afterwards the
   * model is what a full replay up to {@code seq} would have built.
   */
  void restore(
      ReadModelImage.Saved s,
      List<ReadModel.Row> historyRows,
      List<Views.Order> open,
      EngineState state,
      long seq,
      byte[] head) {
    rows = s.rows();
    for (ReadModel.Row row : historyRows) {
      note(row);
      place(row);
    }
    closed.putAll(s.closed());
    for (ReadModel.TokenEntry t : s.tokens()) {
      tokens.put(t.tokenId(), t);
      model.tokens.put(t.tokenId(), t);
      model.historiesFor(t.accountId()).tokens.add(t.tokenId());
    }
    model.tokenIdsByHash.putAll(s.tokenHashes());
    for (ReadModel.EnrolmentEntry e : s.enrolments()) {
      enrolments.put(e.enrolmentId(), e);
      model.enrolments.put(e.enrolmentId(), e);
      model.historiesFor(e.accountId()).enrolments.add(e.enrolmentId());
    }
    model.enrolmentIdsByHash.putAll(s.enrolmentHashes());
    model.insurers.putAll(s.insurers());
    stability.restore(s.stability());
    reports.restore(s.reports());
    for (Views.AuditDraw d : s.auditDraws()) {
      model.auditDraws.put(d.period(), d);
    }
    for (Views.Order o : open) {
      openOrders.put(o.orderId(), o);
    }
    this.history.putAll(s.prices());
    model.history = Map.copyOf(this.history);
    Batch b = new Batch(true);
    for (Views.Auction a : s.auctions()) {
      auctions.put(a.auctionId(), a);
      Map<Long, Views.Bid> byId = new TreeMap<>();
      for (Views.Bid bid : s.bids().getOrDefault(a.auctionId(), List.of())) {
        byId.put(bid.bidId(), bid);
      }
      bids.put(a.auctionId(), byId);
      publishAuction(a.auctionId(), b);
    }
    for (Runnable r : b.actions) {
      r.run();
    }
    prepare(state, List.of(), seq, head, true).install();
  }

  /**
   * The publication of a batch. {@code full}: republish every account, book and period (after
   * replay at start).
   */
  Publication prepare(
      EngineState state, List<Applied> batch, long headSeq, byte[] headHash, boolean full) {
    Batch b = new Batch(full);
    List<SerialProjection.Moved> moved = new ArrayList<>();
    for (Applied a : batch) {
      if (!a.result().isAccepted()) {
        continue;
      }
      if (a.movements() != null) {
        moved.add(new SerialProjection.Moved(a.seq(), a.movements()));
      }
      for (Event e : a.result().events()) {
        touch(e, b.accounts);
        project(state, a.tick(), e, b);
        b.stability |= stability.project(a.tick(), e);
        if (e instanceof PeriodClosed c) {
          List<Views.ReserveBalance> after = a.reservesAfter();
          stability.closed(c.period(), after != null ? after : StabilityProjection.balances(state));
          b.stability = true;
        }
        Integer reported =
            reports.project(
                a.tick(),
                e,
                a.holdingsAfter() != null
                    ? a.holdingsAfter()
                    : e instanceof PeriodClosed ? PublicReportProjection.holdings(state) : null);
        if (reported != null) {
          b.reports.add(reported);
        }
      }
    }
    if (!moved.isEmpty()) {
      // The range work runs where the batch is installed, off the writer (issue 15).
      b.actions.add(() -> model.serials.apply(moved));
    }
    publishReports(state, b);
    finishOrders(b);
    model.trades.append(b.trades);
    if (!b.trades.isEmpty()) {
      List<Views.Trade> trades = List.copyOf(b.trades);
      Map<Integer, List<Views.PricePoint>> points = history(state, trades);
      b.actions.add(
          () -> {
            model.trades.publish(trades);
            model.history = points;
          });
    }
    if (state.isOpen()) {
      publishAccounts(state, b);
      if (b.periods || b.all) {
        List<Views.Period> periods = periods(state);
        b.actions.add(() -> model.periods = periods);
      }
    }
    if (state.isOpen()) {
      publishStability(state, b);
    }
    if (b.all || touchesRepresentatives(batch)) {
      Representation reps = Representation.of(state);
      b.actions.add(() -> model.representatives = reps);
    }
    if (state.isOpen() && (b.exchange || b.all)) {
      books = books(state);
      ReadModel.Books published = books;
      b.actions.add(() -> model.books = published);
    }
    ReadModel.HeadState head =
        new ReadModel.HeadState(
            headSeq,
            CanonicalWriter.hex(headHash),
            state.lastTick(),
            state.isOpen() ? state.currentPeriod() : null);
    b.actions.add(
        () -> {
          model.head = head;
          showHashIfDurable();
        });
    return new Publication(b.actions, head, books, List.copyOf(b.trades));
  }

  /**
   * A state hash the writer computed at {@code seq} (writer thread); readers see it once the
   * durable head has reached that seq, never the hash of a state a crash could still lose.
   */
  void stateHash(byte[] hash, long seq) {
    pendingHash = new ReadModel.StateHashAt(CanonicalWriter.hex(hash), seq);
    showHashIfDurable();
  }

  private void showHashIfDurable() {
    ReadModel.StateHashAt p = pendingHash;
    if (p == null || p.seq() > model.head.seq()) {
      return;
    }
    synchronized (model) {
      if (model.stateHash.seq() < p.seq()) {
        model.stateHash = p;
      }
    }
  }

  /** What one batch changes, gathered while its events are read. */
  private static final class Batch {
    final boolean all;
    final List<Runnable> actions = new ArrayList<>();
    final Set<Long> accounts = new TreeSet<>();
    final Map<Long, Views.Order> orders = new LinkedHashMap<>();
    final Set<Long> newOrders = new TreeSet<>();
    final List<Views.Trade> trades = new ArrayList<>();
    boolean exchange;
    boolean periods;
    boolean stability;
    boolean allAccounts;

    /** The periods whose public report facts changed. */
    final Set<Integer> reports = new TreeSet<>();

    Batch(boolean all) {
      this.all = all;
      this.allAccounts = all;
    }
  }

  private static void touch(Event e, Set<Long> accounts) {
    for (Method m : ACCOUNT_ACCESSORS.get(e.getClass())) {
      try {
        long id = (long) m.invoke(e);
        if (id > 0) {
          accounts.add(id);
        }
      } catch (ReflectiveOperationException ex) {
        throw new IllegalStateException("cannot read " + m + " of " + e, ex);
      }
    }
  }

  private void project(EngineState state, long tick, Event e, Batch b) {
    if (e instanceof OrderAccepted a) {
      b.orders.put(
          a.orderId(),
          new Views.Order(
              a.orderId(),
              a.accountId(),
              a.side(),
              a.type(),
              a.priceCents(),
              a.quantity(),
              a.quantity(),
              a.vintage(),
              Views.OrderStatus.OPEN,
              tick));
      b.newOrders.add(a.orderId());
      b.exchange = true;
    } else if (e instanceof TradeExecuted t) {
      b.trades.add(
          new Views.Trade(
              model.trades.nextId() + b.trades.size(),
              tick,
              t.vintage(),
              t.priceCents(),
              t.quantity(),
              t.buyOrderId(),
              t.buyAccountId(),
              t.sellOrderId(),
              t.sellAccountId()));
      fill(b, t.buyOrderId(), t.quantity());
      fill(b, t.sellOrderId(), t.quantity());
      b.exchange = true;
    } else if (e instanceof OrderCancelled c) {
      Views.Order o = order(b, c.orderId());
      if (o != null) {
        b.orders.put(
            o.orderId(), with(o, 0, Views.OrderStatus.valueOf("CANCELLED_" + c.reason().name())));
      }
      b.exchange = true;
    } else if (e instanceof OrderRested
        || e instanceof CallAuctionStarted
        || e instanceof CallAuctionRan) {
      b.exchange = true;
    } else if (e instanceof MarketOpened) {
      b.allAccounts = true;
      b.exchange = true;
      b.periods = true;
    } else {
      projectRules(tick, e, b);
    }
  }

  private Views.Order order(Batch b, long id) {
    Views.Order o = b.orders.get(id);
    return o != null ? o : openOrders.get(id);
  }

  private void fill(Batch b, long orderId, long quantity) {
    Views.Order o = order(b, orderId);
    if (o != null) {
      long left = o.remaining() - quantity;
      b.orders.put(orderId, with(o, left, left == 0 ? Views.OrderStatus.FILLED : o.status()));
    }
  }

  private static Views.Order with(Views.Order o, long remaining, Views.OrderStatus status) {
    return new Views.Order(
        o.orderId(),
        o.accountId(),
        o.side(),
        o.type(),
        o.priceCents(),
        o.quantity(),
        remaining,
        o.vintage(),
        status,
        o.tick());
  }

  /** Writes finished orders to disk now; publishes new and changed orders on install. */
  private void finishOrders(Batch b) {
    List<Views.Order> created = new ArrayList<>();
    List<Views.Order> changed = new ArrayList<>();
    List<Views.Order> finished = new ArrayList<>();
    for (Views.Order o : b.orders.values()) {
      if (o.status() != Views.OrderStatus.OPEN) {
        finished.add(o);
        openOrders.remove(o.orderId());
      } else {
        openOrders.put(o.orderId(), o);
      }
      (b.newOrders.contains(o.orderId()) ? created : changed).add(o);
    }
    finished.sort((x, y) -> Long.compare(x.orderId(), y.orderId()));
    model.orders.writeFinished(finished);
    created.sort((x, y) -> Long.compare(x.orderId(), y.orderId()));
    if (!created.isEmpty() || !changed.isEmpty()) {
      b.actions.add(
          () -> {
            for (Views.Order o : created) {
              model.orders.publishNew(o);
            }
            for (Views.Order o : changed) {
              model.orders.publishChange(o);
            }
          });
    }
  }

  private void projectRules(long tick, Event e, Batch b) {
    if (e instanceof AuctionOpened a) {
      auctions.put(
          a.auctionId(),
          new Views.Auction(
              a.auctionId(),
              a.period(),
              a.supplyPermits(),
              a.reservePriceCents(),
              a.purchaseLimitPermits(),
              Views.AuctionStatus.OPEN,
              null,
              null,
              null,
              null,
              0));
      bids.put(a.auctionId(), new TreeMap<>());
      publishAuction(a.auctionId(), b);
    } else if (e instanceof BidSubmitted s) {
      bids.get(s.auctionId())
          .put(
              s.bidId(),
              new Views.Bid(
                  s.bidId(),
                  s.auctionId(),
                  s.accountId(),
                  s.quantity(),
                  s.limitPriceCents(),
                  Views.BidStatus.OPEN,
                  null,
                  null));
      publishAuction(s.auctionId(), b);
    } else if (e instanceof BidWithdrawn w) {
      Views.Bid bid = bids.get(w.auctionId()).get(w.bidId());
      bids.get(w.auctionId()).put(w.bidId(), bid(bid, Views.BidStatus.WITHDRAWN, null, null));
      publishAuction(w.auctionId(), b);
    } else if (e instanceof BidSettled s) {
      Views.Bid bid = bids.get(s.auctionId()).get(s.bidId());
      bids.get(s.auctionId())
          .put(s.bidId(), bid(bid, Views.BidStatus.SETTLED, s.wonPermits(), s.paidCents()));
      publishAuction(s.auctionId(), b);
      b.periods = true;
    } else if (e instanceof AuctionCleared c) {
      Views.Auction a = auctions.get(c.auctionId());
      auctions.put(
          c.auctionId(),
          new Views.Auction(
              a.auctionId(),
              a.period(),
              a.supplyPermits(),
              a.reservePriceCents(),
              a.purchaseLimitPermits(),
              Views.AuctionStatus.CLEARED,
              c.clearingPriceCents(),
              c.soldPermits(),
              c.unsoldPermits(),
              c.revenueCents(),
              a.bids()));
      publishAuction(c.auctionId(), b);
      b.periods = true;
    } else if (e instanceof PermitsIssued
        || e instanceof FreePermitsGranted
        || e instanceof FreePermitsAllocated
        || e instanceof NewEntrantAllocated) {
      b.periods = true;
    } else if (e instanceof TokenIssued
        || e instanceof TokenRevoked
        || e instanceof EnrolmentCodeIssued
        || e instanceof EnrolmentCompleted
        || e instanceof InsurerAppointed) {
      projectAccess(tick, e, b);
    } else {
      projectCompliance(tick, e, b);
    }
  }

  private static Views.Bid bid(Views.Bid b, Views.BidStatus status, Long won, Long paid) {
    return new Views.Bid(
        b.bidId(),
        b.auctionId(),
        b.accountId(),
        b.quantity(),
        b.limitPriceCents(),
        status,
        won,
        paid);
  }

  /** Republishes an auction with a snapshot of its bids. */
  private void publishAuction(long auctionId, Batch b) {
    Views.Auction a = auctions.get(auctionId);
    Map<Long, Views.Bid> all = bids.get(auctionId);
    Views.Auction counted =
        new Views.Auction(
            a.auctionId(),
            a.period(),
            a.supplyPermits(),
            a.reservePriceCents(),
            a.purchaseLimitPermits(),
            a.status(),
            a.clearingPriceCents(),
            a.soldPermits(),
            a.unsoldPermits(),
            a.revenueCents(),
            all.size());
    ReadModel.AuctionEntry entry =
        new ReadModel.AuctionEntry(counted, new ConcurrentSkipListMap<>(all));
    b.actions.add(() -> model.auctions.put(auctionId, entry));
  }

  private void projectAccess(long tick, Event e, Batch b) {
    if (e instanceof TokenIssued t) {
      ReadModel.TokenEntry entry =
          new ReadModel.TokenEntry(
              t.tokenId(),
              t.accountId(),
              t.issuedBy(),
              t.enrolmentId(),
              t.issuedTick(),
              t.expiresTick(),
              false,
              0);
      tokens.put(t.tokenId(), entry);
      b.actions.add(
          () -> {
            model.tokens.put(t.tokenId(), entry);
            model.tokenIdsByHash.put(t.tokenHash(), t.tokenId());
            model.historiesFor(t.accountId()).tokens.add(t.tokenId());
          });
    } else if (e instanceof TokenRevoked r) {
      ReadModel.TokenEntry entry = tokens.get(r.tokenId()).revoke(r.revokedBy());
      tokens.put(r.tokenId(), entry);
      b.actions.add(() -> model.tokens.put(r.tokenId(), entry));
    } else if (e instanceof EnrolmentCodeIssued c) {
      ReadModel.EnrolmentEntry entry =
          new ReadModel.EnrolmentEntry(
              c.enrolmentId(), c.accountId(), c.issuedBy(), c.issuedTick(), c.expiresTick(), 0);
      enrolments.put(c.enrolmentId(), entry);
      b.actions.add(
          () -> {
            model.enrolments.put(c.enrolmentId(), entry);
            model.enrolmentIdsByHash.put(c.codeHash(), c.enrolmentId());
            model.historiesFor(c.accountId()).enrolments.add(c.enrolmentId());
          });
    } else if (e instanceof EnrolmentCompleted c) {
      ReadModel.EnrolmentEntry entry = enrolments.get(c.enrolmentId()).usedFor(c.tokenId());
      enrolments.put(c.enrolmentId(), entry);
      b.actions.add(() -> model.enrolments.put(c.enrolmentId(), entry));
    } else if (e instanceof InsurerAppointed a) {
      b.actions.add(() -> model.insurers.put(a.accountId(), a.insurerId()));
    }
  }

  private void projectCompliance(long tick, Event e, Batch b) {
    long account = rowAccount(e);
    if (account != 0) {
      ReadModel.Row row = new ReadModel.Row(++rows, account, tick, e);
      note(row);
      b.actions.add(() -> place(row));
      b.periods |= e instanceof AuditFindingRecorded;
    } else if (e instanceof AuditsDrawn d) {
      Views.AuditDraw draw =
          new Views.AuditDraw(d.period(), d.audited(), d.dropped(), d.targeted());
      b.actions.add(() -> model.auditDraws.put(d.period(), draw));
    } else if (e instanceof PeriodClosed c) {
      closed.put(
          c.period(),
          new Views.PeriodClose(
              c.period(),
              c.participants(),
              c.shortfalls(),
              c.penaltiesChargedCents(),
              c.nextPeriod()));
      b.allAccounts = true;
      b.exchange = true;
      b.periods = true;
    }
  }

  /** The account whose history {@code e} is a row of, or 0 when it is no history row. */
  private static long rowAccount(Event e) {
    if (e instanceof ReportSubmitted r) {
      return r.accountId();
    } else if (e instanceof MeterReadingRecorded m) {
      return m.accountId();
    } else if (e instanceof EvaluationRecorded v) {
      return v.accountId();
    } else if (e instanceof InsurerEvaluationRecorded v) {
      return v.accountId();
    } else if (e instanceof PermitsSurrendered s) {
      return s.accountId();
    } else if (e instanceof ComplianceAssessed c) {
      return c.accountId();
    } else if (e instanceof AuditFindingRecorded f) {
      return f.accountId();
    } else if (e instanceof PenaltyPaid p) {
      return p.accountId();
    } else if (e instanceof LateSurrenderCredited c) {
      return c.accountId();
    } else if (e instanceof SurrenderReversed r) {
      return r.accountId();
    } else if (e instanceof MeterReadingAccepted m) {
      return m.accountId();
    } else if (e instanceof AttestedQuantitySettled a) {
      return a.accountId();
    } else if (e instanceof CollateralPosted c) {
      return c.accountId();
    } else if (e instanceof CollateralForfeited c) {
      return c.accountId();
    } else if (e instanceof CollateralReturned c) {
      return c.accountId();
    }
    return 0;
  }

  /** What the writer side keeps of a history row: the last assessment, the audit totals. */
  private void note(ReadModel.Row row) {
    if (row.event() instanceof ComplianceAssessed c) {
      lastAssessed.put(c.accountId(), c);
    } else if (row.event() instanceof AuditFindingRecorded f) {
      long[] a = audits.computeIfAbsent(f.period(), p -> new long[2]);
      a[0]++;
      a[1] = Math.addExact(a[1], f.penaltyCents());
    }
  }

  /**
   * Files a history row in every list readers find it in: when its batch is installed, and when a
   * snapshot is restored (rows in id order, so every list stays in id order).
   */
  private void place(ReadModel.Row row) {
    ReadModel.Histories h = model.historiesFor(row.accountId());
    Event e = row.event();
    if (e instanceof ReportSubmitted) {
      h.reports.add(row);
    } else if (e instanceof MeterReadingRecorded) {
      h.meterReadings.add(row);
    } else if (e instanceof MeterReadingAccepted m) {
      h.meterReadings.add(row);
      model.addAttested(m);
    } else if (e instanceof EvaluationRecorded || e instanceof InsurerEvaluationRecorded) {
      h.evaluations.add(row);
    } else if (e instanceof PermitsSurrendered
        || e instanceof LateSurrenderCredited
        || e instanceof SurrenderReversed) {
      h.surrenders.add(row);
    } else if (e instanceof ComplianceAssessed c) {
      h.compliance.add(row);
      model.compliance.add(row);
      model.complianceByPeriod.computeIfAbsent(c.period(), p -> new AppendOnlyList<>()).add(row);
      if (c.penaltyCents() > 0) {
        model.penalties.add(row);
        h.penalties.add(row);
      }
    } else if (e instanceof AuditFindingRecorded f) {
      h.audits.add(row);
      if (f.penaltyCents() > 0) {
        model.penalties.add(row);
        h.penalties.add(row);
      }
    } else if (e instanceof PenaltyPaid) {
      h.penalties.add(row);
      model.penalties.add(row);
    } else if (e instanceof AttestedQuantitySettled
        || e instanceof CollateralPosted
        || e instanceof CollateralForfeited
        || e instanceof CollateralReturned) {
      // The account's own compliance record (issue 17): what its meters settled and what
      // happened to its collateral, beside its assessments.
      h.compliance.add(row);
    }
  }

  // ---------------------------------------------------------------- snapshots of engine state

  private void publishAccounts(EngineState state, Batch b) {
    Registry r = state.registry();
    Iterable<Long> ids = b.accounts;
    if (b.allAccounts) {
      List<Long> all = new ArrayList<>();
      for (long id : r.accountIds()) {
        if (id > 0) {
          all.add(id);
        }
      }
      ids = all;
    }
    List<ReadModel.AccountEntry> entries = new ArrayList<>();
    for (long id : ids) {
      if (r.exists(id)) {
        entries.add(account(state, id));
      }
    }
    if (!entries.isEmpty()) {
      b.actions.add(
          () -> {
            for (ReadModel.AccountEntry e : entries) {
              model.accounts.put(e.directory().accountId(), e);
            }
          });
    }
  }

  private ReadModel.AccountEntry account(EngineState state, long id) {
    Registry r = state.registry();
    Views.DirectoryEntry dir = new Views.DirectoryEntry(id, r.name(id), r.role(id));
    AccessState access = state.featureOrNull(AccessState.class);
    long insurer = access == null ? 0 : access.insurerOf(id);
    Views.Account account =
        new Views.Account(
            id,
            r.name(id),
            r.role(id),
            insurer == 0 ? null : insurer,
            new Views.Cash(id, r.freeCash(id), r.reservedCash(id)),
            holdings(state, id),
            complianceSummary(state, id),
            state.accountStatus(id),
            statusReason(state, id));
    return new ReadModel.AccountEntry(dir, account);
  }

  /** The reason given for the account's last status change (issue 15), or null. */
  private static String statusReason(EngineState state, long id) {
    LifecycleState lifecycle = state.featureOrNull(LifecycleState.class);
    LifecycleState.Standing standing = lifecycle == null ? null : lifecycle.standing(id);
    return standing == null ? null : standing.reason();
  }

  private static Views.Holdings holdings(EngineState state, long id) {
    Registry r = state.registry();
    List<Views.VintageHolding> vintages = new ArrayList<>();
    long free = 0;
    long reserved = 0;
    for (int v = state.program().firstPeriod(); v <= state.currentPeriod(); v++) {
      long f = r.freePermits(id, v);
      long res = r.reservedPermits(id, v);
      if (f != 0 || res != 0) {
        vintages.add(new Views.VintageHolding(v, f, res));
      }
      free += f;
      reserved += res;
    }
    return new Views.Holdings(id, free, reserved, vintages);
  }

  private Views.ComplianceSummary complianceSummary(EngineState state, long id) {
    ComplianceState c = state.featureOrNull(ComplianceState.class);
    ComplianceAssessed last = lastAssessed.get(id);
    return new Views.ComplianceSummary(
        c == null ? 0 : c.unpaidPenaltyCents(id),
        c == null ? 0 : c.makeGoodOwedPermits(id),
        last == null ? null : last.period(),
        last == null ? null : Views.ComplianceStatusName.valueOf(last.status().name()));
  }

  /**
   * Republishes the stability view when the batch had a stability action or closed a period, or the
   * reserves' balances moved (whatever moved them).
   */
  private void publishStability(EngineState state, Batch b) {
    List<Views.ReserveBalance> now = StabilityProjection.balances(state);
    if (b.stability || b.all || !now.equals(reserves)) {
      reserves = now;
      Views.Stability view = stability.view(state, now);
      b.actions.add(() -> model.stability = view);
    }
  }

  /** Whether an accepted command of the batch changed the representatives (issue 15). */
  private static boolean touchesRepresentatives(List<Applied> batch) {
    for (Applied a : batch) {
      if (!a.result().isAccepted()) {
        continue;
      }
      for (Event e : a.result().events()) {
        if (e.getClass().getPackageName().equals(REPRESENTATIVES)) {
          return true;
        }
      }
    }
    return false;
  }

  private static final String REPRESENTATIVES =
      org.computecap.engine.representatives.RepresentativeState.class.getPackageName();

  /** Publishes the facts of the closed periods the batch changed (all of them on a full one). */
  private void publishReports(EngineState state, Batch b) {
    if (!state.isOpen()) {
      return;
    }
    for (int period : b.all ? reports.closedPeriods() : List.copyOf(b.reports)) {
      PublicReportProjection.Facts facts = reports.facts(period, state.program());
      if (facts != null) {
        b.actions.add(() -> model.publicReports.put(period, facts));
      }
    }
  }

  /** Whether period {@code t} is closed, the current one or still to come. */
  static Views.PeriodStatus status(EngineState state, int t) {
    return t < state.currentPeriod()
        ? Views.PeriodStatus.CLOSED
        : t == state.currentPeriod() ? Views.PeriodStatus.CURRENT : Views.PeriodStatus.FUTURE;
  }

  private List<Views.Period> periods(EngineState state) {
    List<Views.Period> out = new ArrayList<>();
    Program p = state.program();
    for (int t = p.periods().first(); t <= p.periods().last(); t++) {
      Views.PeriodStatus status = status(state, t);
      out.add(
          new Views.Period(
              t,
              p.capPermits(t),
              p.freeBudgetPermits(t),
              p.auctionVolumePermits(t),
              state.registry().issued(t),
              status,
              closed.get(t),
              (int) audits.getOrDefault(t, new long[2])[0],
              audits.getOrDefault(t, new long[2])[1]));
    }
    return List.copyOf(out);
  }

  /** The vintages the API shows books for: one book for all when the program says SINGLE. */
  static List<Integer> bookVintages(EngineState state) {
    List<Integer> out = new ArrayList<>();
    if (!state.isOpen()) {
      return out;
    }
    if (state.program().exchange().books() == BookLayout.SINGLE) {
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

  /** How many levels of each side a book publishes; {@code ?levels=} asks for at most this. */
  static final int DEPTH_LEVELS = 100;

  private ReadModel.Books books(EngineState state) {
    boolean single = state.program().exchange().books() == BookLayout.SINGLE;
    List<Integer> vintages = bookVintages(state);
    Map<Integer, ReadModel.Book> out = new TreeMap<>();
    ExchangeState ex = state.featureOrNull(ExchangeState.class);
    for (int v : vintages) {
      out.put(v, book(state, ex == null ? null : ex.view(v), v, single));
    }
    return new ReadModel.Books(List.copyOf(vintages), Map.copyOf(out), single);
  }

  private static ReadModel.Book book(
      EngineState state, BookView view, int vintage, boolean single) {
    List<Views.Ohlc> ohlc = new ArrayList<>();
    if (view != null) {
      for (int p = state.program().firstPeriod(); p <= state.currentPeriod(); p++) {
        org.computecap.engine.exchange.Ohlc o = view.ohlc(p);
        if (o != null) {
          ohlc.add(
              new Views.Ohlc(
                  o.period(),
                  o.openCents(),
                  o.highCents(),
                  o.lowCents(),
                  o.closeCents(),
                  o.volume(),
                  o.vwapCents()));
        }
      }
    }
    Views.BookMarket market =
        new Views.BookMarket(
            vintage,
            single ? Views.BookLayoutName.SINGLE : Views.BookLayoutName.PER_VINTAGE,
            view == null ? 0 : view.lastPriceCents(),
            view == null ? 0 : view.vwapCents(),
            view == null ? 0 : view.volume(),
            view == null ? 0 : view.tradeCount(),
            view == null ? 0 : view.bestBidCents(),
            view == null ? 0 : view.bestAskCents(),
            view == null ? 0 : view.openOrders(),
            view != null && view.inCallPhase() ? Views.Phase.CALL : Views.Phase.CONTINUOUS,
            List.copyOf(ohlc),
            null);
    return new ReadModel.Book(market, depth(view, Side.BUY), depth(view, Side.SELL));
  }

  private static List<Views.Level> depth(BookView view, Side side) {
    if (view == null) {
      return List.of();
    }
    List<Views.Level> out = new ArrayList<>();
    for (BookView.Level l : view.depth(side, DEPTH_LEVELS)) {
      out.add(new Views.Level(l.priceCents(), l.quantity()));
    }
    return List.copyOf(out);
  }

  /** The last trades of each book after this batch's trades, at most HISTORY_POINTS each. */
  private Map<Integer, List<Views.PricePoint>> history(
      EngineState state, List<Views.Trade> trades) {
    boolean single = state.program().exchange().books() == BookLayout.SINGLE;
    Map<Integer, List<Views.Trade>> byBook = new TreeMap<>();
    for (Views.Trade t : trades) {
      byBook.computeIfAbsent(single ? 0 : t.vintage(), v -> new ArrayList<>()).add(t);
    }
    for (Map.Entry<Integer, List<Views.Trade>> e : byBook.entrySet()) {
      List<Views.PricePoint> points = new ArrayList<>(history.getOrDefault(e.getKey(), List.of()));
      for (Views.Trade t : e.getValue()) {
        points.add(new Views.PricePoint(t.tick(), t.priceCents(), t.quantity()));
      }
      int from = Math.max(0, points.size() - ReadModel.HISTORY_POINTS);
      history.put(e.getKey(), List.copyOf(points.subList(from, points.size())));
    }
    return Map.copyOf(history);
  }

  /** The price history of a book as last published (key 0 for a single book). */
  static List<Views.PricePoint> historyOf(ReadModel model, int vintage) {
    ReadModel.Books books = model.books;
    return model.history.getOrDefault(books.single() ? 0 : vintage, List.of());
  }
}
