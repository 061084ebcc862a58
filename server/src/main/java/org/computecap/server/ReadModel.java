package org.computecap.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.computecap.engine.Event;
import org.computecap.engine.Result;
import org.computecap.engine.auction.AuctionCleared;
import org.computecap.engine.auction.AuctionOpened;
import org.computecap.engine.auction.BidSettled;
import org.computecap.engine.auction.BidSubmitted;
import org.computecap.engine.auction.BidWithdrawn;
import org.computecap.engine.command.Role;
import org.computecap.engine.compliance.AuditFindingRecorded;
import org.computecap.engine.compliance.AuditsDrawn;
import org.computecap.engine.compliance.ComplianceAssessed;
import org.computecap.engine.compliance.EvaluationRecorded;
import org.computecap.engine.compliance.InsurerEvaluationRecorded;
import org.computecap.engine.compliance.MeterReadingRecorded;
import org.computecap.engine.compliance.PenaltyPaid;
import org.computecap.engine.compliance.PeriodClosed;
import org.computecap.engine.compliance.ReportSubmitted;
import org.computecap.engine.exchange.OrderAccepted;
import org.computecap.engine.exchange.OrderCancelled;
import org.computecap.engine.exchange.TradeExecuted;
import org.computecap.engine.registry.AccountOpened;
import org.computecap.engine.registry.PermitsSurrendered;

/**
 * What the API reads that the engine does not keep in a queryable form (orders and their history,
 * trades, auctions and bids, reports, evaluations, compliance assessments, audits, penalties): a
 * projection of the events of accepted commands. Holdings, cash and the book are read from the
 * engine itself. The projection is rebuilt on start by replaying the journal, so it is never stored
 * and never disagrees with the journal.
 *
 * <p>Only the writer thread mutates or reads it (queries run on that thread too), except {@link
 * #roleOf}, which request threads use for authorization: account roles never change once opened, so
 * a concurrent map suffices. Every list is in event order and every map is sorted, so no hash order
 * reaches a response.
 */
final class ReadModel {
  /** An order as placed, with what is left of it. */
  static final class Order {
    long id;
    long accountId;
    String side;
    String type;
    long priceCents;
    long quantity;
    long remaining;
    int vintage;
    String status = "OPEN";
    long tick;
  }

  record Trade(
      long id,
      long tick,
      int vintage,
      long priceCents,
      long quantity,
      long buyOrderId,
      Long buyAccountId,
      long sellOrderId,
      Long sellAccountId) {
    Trade redactedFor(long viewer) {
      return new Trade(
          id,
          tick,
          vintage,
          priceCents,
          quantity,
          buyOrderId,
          buyAccountId == viewer ? buyAccountId : null,
          sellOrderId,
          sellAccountId == viewer ? sellAccountId : null);
    }
  }

  /** A primary auction and its bids. */
  static final class Auction {
    long id;
    int period;
    long supplyPermits;
    long reservePriceCents;
    long purchaseLimitPermits;
    String status = "OPEN";
    Long clearingPriceCents;
    Long soldPermits;
    Long unsoldPermits;
    Long revenueCents;
    final TreeMap<Long, Bid> bids = new TreeMap<>();
  }

  /** A sealed bid; {@code wonPermits} and {@code paidCents} are set at clearing. */
  static final class Bid {
    long id;
    long auctionId;
    long accountId;
    long quantity;
    long limitPriceCents;
    String status = "OPEN";
    Long wonPermits;
    Long paidCents;
  }

  /** One row of a per-account history (reports, evaluations, surrenders, ...). */
  record Row(long id, long accountId, long tick, Object event) {}

  final Map<Long, Role> roles = new ConcurrentHashMap<>();
  final TreeMap<Long, Order> orders = new TreeMap<>();
  final List<Trade> trades = new ArrayList<>();
  final TreeMap<Long, Auction> auctions = new TreeMap<>();
  final List<Row> reports = new ArrayList<>();
  final List<Row> meterReadings = new ArrayList<>();
  final List<Row> evaluations = new ArrayList<>();
  final List<Row> surrenders = new ArrayList<>();
  final List<Row> compliance = new ArrayList<>();
  final List<Row> auditFindings = new ArrayList<>();
  final List<Row> penalties = new ArrayList<>();
  final TreeMap<Integer, AuditsDrawn> auditDraws = new TreeMap<>();
  final TreeMap<Integer, PeriodClosed> closedPeriods = new TreeMap<>();
  private long rows;

  /** The journal's durable head, set by the writer after every flush. */
  long headSeq;

  byte[] headHash = new byte[32];

  /** The role of an account, or null when no such account is open. */
  Role roleOf(long accountId) {
    return roles.get(accountId);
  }

  /** Projects the events of one applied command (rejected commands leave no trace here). */
  void apply(long tick, Result result) {
    if (!result.isAccepted()) {
      return;
    }
    for (Event e : result.events()) {
      project(tick, e);
    }
  }

  private void project(long tick, Event e) {
    if (e instanceof AccountOpened a) {
      roles.put(a.accountId(), a.role());
    } else if (e instanceof OrderAccepted a) {
      Order o = new Order();
      o.id = a.orderId();
      o.accountId = a.accountId();
      o.side = a.side().name();
      o.type = a.type().name();
      o.priceCents = a.priceCents();
      o.quantity = a.quantity();
      o.remaining = a.quantity();
      o.vintage = a.vintage();
      o.tick = tick;
      orders.put(o.id, o);
    } else if (e instanceof TradeExecuted t) {
      trades.add(
          new Trade(
              trades.size() + 1L,
              tick,
              t.vintage(),
              t.priceCents(),
              t.quantity(),
              t.buyOrderId(),
              t.buyAccountId(),
              t.sellOrderId(),
              t.sellAccountId()));
      fill(t.buyOrderId(), t.quantity());
      fill(t.sellOrderId(), t.quantity());
    } else if (e instanceof OrderCancelled c) {
      Order o = orders.get(c.orderId());
      if (o != null) {
        o.remaining = 0;
        o.status = "CANCELLED_" + c.reason().name();
      }
    } else {
      projectRules(tick, e);
    }
  }

  private void fill(long orderId, long quantity) {
    Order o = orders.get(orderId);
    if (o != null) {
      o.remaining -= quantity;
      if (o.remaining == 0) {
        o.status = "FILLED";
      }
    }
  }

  private void projectRules(long tick, Event e) {
    if (e instanceof AuctionOpened a) {
      Auction au = new Auction();
      au.id = a.auctionId();
      au.period = a.period();
      au.supplyPermits = a.supplyPermits();
      au.reservePriceCents = a.reservePriceCents();
      au.purchaseLimitPermits = a.purchaseLimitPermits();
      auctions.put(au.id, au);
    } else if (e instanceof BidSubmitted b) {
      Bid bid = new Bid();
      bid.id = b.bidId();
      bid.auctionId = b.auctionId();
      bid.accountId = b.accountId();
      bid.quantity = b.quantity();
      bid.limitPriceCents = b.limitPriceCents();
      auctions.get(b.auctionId()).bids.put(bid.id, bid);
    } else if (e instanceof BidWithdrawn w) {
      auctions.get(w.auctionId()).bids.get(w.bidId()).status = "WITHDRAWN";
    } else if (e instanceof BidSettled s) {
      Bid bid = auctions.get(s.auctionId()).bids.get(s.bidId());
      bid.status = "SETTLED";
      bid.wonPermits = s.wonPermits();
      bid.paidCents = s.paidCents();
    } else if (e instanceof AuctionCleared c) {
      Auction au = auctions.get(c.auctionId());
      au.status = "CLEARED";
      au.clearingPriceCents = c.clearingPriceCents();
      au.soldPermits = c.soldPermits();
      au.unsoldPermits = c.unsoldPermits();
      au.revenueCents = c.revenueCents();
    } else {
      projectCompliance(tick, e);
    }
  }

  private void projectCompliance(long tick, Event e) {
    if (e instanceof ReportSubmitted r) {
      reports.add(row(r.accountId(), tick, e));
    } else if (e instanceof MeterReadingRecorded m) {
      meterReadings.add(row(m.accountId(), tick, e));
    } else if (e instanceof EvaluationRecorded v) {
      evaluations.add(row(v.accountId(), tick, e));
    } else if (e instanceof InsurerEvaluationRecorded v) {
      evaluations.add(row(v.accountId(), tick, e));
    } else if (e instanceof PermitsSurrendered s) {
      surrenders.add(row(s.accountId(), tick, e));
    } else if (e instanceof ComplianceAssessed c) {
      compliance.add(row(c.accountId(), tick, e));
      if (c.penaltyCents() > 0) {
        penalties.add(row(c.accountId(), tick, e));
      }
    } else if (e instanceof AuditFindingRecorded f) {
      auditFindings.add(row(f.accountId(), tick, e));
      if (f.penaltyCents() > 0) {
        penalties.add(row(f.accountId(), tick, e));
      }
    } else if (e instanceof PenaltyPaid p) {
      penalties.add(row(p.accountId(), tick, e));
    } else if (e instanceof AuditsDrawn d) {
      auditDraws.put(d.period(), d);
    } else if (e instanceof PeriodClosed c) {
      closedPeriods.put(c.period(), c);
    }
  }

  private Row row(long accountId, long tick, Event e) {
    return new Row(++rows, accountId, tick, e);
  }
}
