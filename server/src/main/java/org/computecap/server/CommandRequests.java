package org.computecap.server;

import java.util.LinkedHashMap;
import java.util.Map;
import org.computecap.engine.command.AllocateFreePermits;
import org.computecap.engine.command.AllocateNewEntrant;
import org.computecap.engine.command.CancelOrder;
import org.computecap.engine.command.CancelPermits;
import org.computecap.engine.command.ChargeInsurancePremium;
import org.computecap.engine.command.ClearAuction;
import org.computecap.engine.command.ClosePeriod;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.IssuePermits;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenAuction;
import org.computecap.engine.command.PayOutstandingPenalty;
import org.computecap.engine.command.PlaceOrder;
import org.computecap.engine.command.RecordAuditFinding;
import org.computecap.engine.command.RecordEvaluation;
import org.computecap.engine.command.RecordInsurerEvaluation;
import org.computecap.engine.command.RecordMeterReading;
import org.computecap.engine.command.RecordVerifiedActivity;
import org.computecap.engine.command.RunCallAuction;
import org.computecap.engine.command.SetAssistanceFactor;
import org.computecap.engine.command.StartCallAuction;
import org.computecap.engine.command.SubmitBid;
import org.computecap.engine.command.SubmitReport;
import org.computecap.engine.command.SurrenderPermits;
import org.computecap.engine.command.TransferPermits;
import org.computecap.engine.command.WithdrawBid;
import org.computecap.engine.command.WithdrawCash;

/**
 * The HTTP request that carries an engine command, and whose token must send it: the client side of
 * the route table, for agents that hold commands (the simulator's) and want the server to apply
 * them. {@code OpenMarket} has no request: the server writes the genesis itself.
 */
public final class CommandRequests {
  private CommandRequests() {}

  /**
   * A request: method, path, JSON body (null: none) and the account whose token sends it ({@link
   * #REGULATOR}: the regulator's).
   */
  public record Request(String method, String path, Map<String, Object> body, long actor) {}

  /** The actor of the regulator's commands. */
  public static final long REGULATOR = 0;

  /** The request for {@code c}; IllegalArgumentException for OpenMarket. */
  public static Request of(Command c) {
    if (c instanceof OpenAccount a) {
      return reg(
          "POST",
          "/api/accounts",
          "accountId",
          a.accountId(),
          "name",
          a.name(),
          "role",
          a.role().name());
    } else if (c instanceof DepositCash d) {
      return reg(
          "POST", "/api/accounts/" + d.accountId() + "/deposits", "amountCents", d.amountCents());
    } else if (c instanceof WithdrawCash w) {
      return as(
          w.accountId(),
          "POST",
          "/api/accounts/" + w.accountId() + "/withdrawals",
          "amountCents",
          w.amountCents());
    } else if (c instanceof IssuePermits i) {
      return reg(
          "POST",
          "/api/issuances",
          "accountId",
          i.accountId(),
          "vintage",
          i.vintage(),
          "quantity",
          i.quantity());
    } else if (c instanceof TransferPermits t) {
      return as(
          t.fromAccountId(),
          "POST",
          "/api/transfers",
          "fromAccountId",
          t.fromAccountId(),
          "toAccountId",
          t.toAccountId(),
          "vintage",
          t.vintage(),
          "quantity",
          t.quantity());
    } else if (c instanceof SurrenderPermits s) {
      return as(
          s.accountId(),
          "POST",
          "/api/accounts/" + s.accountId() + "/surrenders",
          "period",
          s.period(),
          "quantity",
          s.quantity());
    } else if (c instanceof CancelPermits x) {
      return as(
          x.accountId(),
          "POST",
          "/api/accounts/" + x.accountId() + "/cancellations",
          "vintage",
          x.vintage(),
          "quantity",
          x.quantity());
    } else if (c instanceof PlaceOrder o) {
      return as(
          o.accountId(),
          "POST",
          "/api/orders",
          "accountId",
          o.accountId(),
          "side",
          o.side().name(),
          "type",
          o.type().name(),
          "priceCents",
          o.priceCents(),
          "quantity",
          o.quantity(),
          "vintage",
          o.vintage());
    } else if (c instanceof CancelOrder o) {
      return new Request("DELETE", "/api/orders/" + o.orderId(), null, o.accountId());
    } else if (c instanceof StartCallAuction s) {
      return reg("POST", "/api/books/" + s.vintage() + "/call-auction/start");
    } else if (c instanceof RunCallAuction r) {
      return reg("POST", "/api/books/" + r.vintage() + "/call-auction/run");
    }
    return rules(c);
  }

  private static Request rules(Command c) {
    if (c instanceof RecordVerifiedActivity a) {
      return reg(
          "POST",
          "/api/activity",
          "accountId",
          a.accountId(),
          "period",
          a.period(),
          "outputUnits",
          a.outputUnits(),
          "coveredQuantity",
          a.coveredQuantity());
    } else if (c instanceof SetAssistanceFactor f) {
      return reg(
          "POST",
          "/api/accounts/" + f.accountId() + "/assistance-factor",
          "factorPpm",
          f.factorPpm());
    } else if (c instanceof AllocateFreePermits f) {
      return reg("POST", "/api/periods/" + f.period() + "/free-allocation");
    } else if (c instanceof AllocateNewEntrant n) {
      return reg(
          "POST",
          "/api/new-entrants",
          "accountId",
          n.accountId(),
          "projectedOutputUnits",
          n.projectedOutputUnits());
    } else if (c instanceof OpenAuction a) {
      return reg(
          "POST",
          "/api/auctions",
          "auctionId",
          a.auctionId(),
          "period",
          a.period(),
          "quantity",
          a.quantity());
    } else if (c instanceof SubmitBid b) {
      return as(
          b.accountId(),
          "POST",
          "/api/auctions/" + b.auctionId() + "/bids",
          "bidId",
          b.bidId(),
          "accountId",
          b.accountId(),
          "quantity",
          b.quantity(),
          "limitPriceCents",
          b.limitPriceCents());
    } else if (c instanceof WithdrawBid w) {
      // The bid's owner sends it; the caller resolves the owner (see HttpReplay).
      return new Request(
          "DELETE", "/api/auctions/" + w.auctionId() + "/bids/" + w.bidId(), null, -1);
    } else if (c instanceof ClearAuction a) {
      return reg("POST", "/api/auctions/" + a.auctionId() + "/clear");
    }
    return compliance(c);
  }

  private static Request compliance(Command c) {
    if (c instanceof SubmitReport r) {
      return as(
          r.accountId(),
          "POST",
          "/api/reports",
          "accountId",
          r.accountId(),
          "period",
          r.period(),
          "workload",
          r.workload().name(),
          "quantity",
          r.quantity());
    } else if (c instanceof RecordMeterReading m) {
      return reg(
          "POST",
          "/api/meter-readings",
          "accountId",
          m.accountId(),
          "period",
          m.period(),
          "quantity",
          m.quantity());
    } else if (c instanceof RecordEvaluation e) {
      return reg(
          "POST",
          "/api/evaluations",
          "accountId",
          e.accountId(),
          "period",
          e.period(),
          "signal",
          e.signal().name());
    } else if (c instanceof RecordInsurerEvaluation e) {
      return as(
          e.insurerId(),
          "POST",
          "/api/insurer-evaluations",
          "insurerId",
          e.insurerId(),
          "accountId",
          e.accountId(),
          "period",
          e.period(),
          "signal",
          e.signal().name());
    } else if (c instanceof ChargeInsurancePremium p) {
      return reg("POST", "/api/premiums", "accountId", p.accountId(), "period", p.period());
    } else if (c instanceof ClosePeriod p) {
      return reg("POST", "/api/periods/" + p.period() + "/close");
    } else if (c instanceof RecordAuditFinding f) {
      return reg(
          "POST",
          "/api/audit-findings",
          "accountId",
          f.accountId(),
          "period",
          f.period(),
          "measuredQuantity",
          f.measuredQuantity());
    } else if (c instanceof PayOutstandingPenalty p) {
      return as(p.accountId(), "POST", "/api/accounts/" + p.accountId() + "/penalty-payments");
    }
    throw new IllegalArgumentException(
        "command "
            + c.getClass().getSimpleName()
            + " has no HTTP request (OpenMarket is the server's own genesis)");
  }

  private static Request reg(String method, String path, Object... fields) {
    return as(REGULATOR, method, path, fields);
  }

  private static Request as(long actor, String method, String path, Object... fields) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (int i = 0; i < fields.length; i += 2) {
      body.put((String) fields[i], fields[i + 1]);
    }
    return new Request(method, path, fields.length == 0 ? null : body, actor);
  }
}
