package org.computecap.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;
import org.computecap.engine.command.OrderType;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.Side;
import org.computecap.engine.compliance.ComplianceCode;
import org.computecap.engine.program.AccountStatus;

/**
 * The JSON shapes of every answer, as records: Jackson writes them as they are, and {@link OpenApi}
 * describes them from the same declarations (a {@code long} is an int64, an enum lists its names, a
 * boxed number may be null), so a generated client returns these types. Money is in cents,
 * quantities in whole permits, ticks in epoch milliseconds.
 */
final class Views {
  private Views() {}

  /** A component that may be null (boxed numbers are nullable without it). */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.RECORD_COMPONENT)
  @interface Nullable {}

  /** A page of a list, oldest first: pass {@code next} as {@code ?after=} for the next page. */
  record Page<T>(List<T> items, Long next) {}

  /** Every error: a stable code, a sentence, and the input field at fault (or null). */
  record Error(String code, String message, @Nullable String field) {}

  /** An accepted command: its journal seq and its events. */
  record CommandResult(long seq, List<EventEnvelope> events) {}

  /** An accepted order: its journal seq, the id the market gave it, and its events. */
  record OrderPlaced(long seq, long orderId, List<EventEnvelope> events) {}

  /** An engine event: its name (e.g. TradeExecuted) and its fields. */
  record EventEnvelope(String event, Map<String, Object> data) {}

  // ---------------------------------------------------------------- market data

  enum BookLayoutName {
    SINGLE,
    PER_VINTAGE
  }

  enum Phase {
    CONTINUOUS,
    CALL
  }

  /** Open, high, low, close, volume and VWAP of one book over one period. */
  record Ohlc(
      int period,
      long openCents,
      long highCents,
      long lowCents,
      long closeCents,
      long volume,
      long vwapCents) {}

  /** One trade as a point of the price history. */
  record PricePoint(long tick, long priceCents, long quantity) {}

  /** Market data of one book; {@code history} (the last trades) only on the single-book route. */
  record BookMarket(
      int vintage,
      BookLayoutName bookLayout,
      long lastPriceCents,
      long vwapCents,
      long volume,
      long trades,
      long bestBidCents,
      long bestAskCents,
      int openOrders,
      Phase phase,
      List<Ohlc> ohlc,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<PricePoint> history) {}

  /** Every tradable book. */
  record Market(Integer currentPeriod, List<BookMarket> books) {}

  /** One price level of a book: the price and the total quantity resting there. */
  record Level(long priceCents, long quantity) {}

  /** Depth of a book, best prices first. */
  record Depth(int vintage, List<Level> bids, List<Level> asks) {}

  /** A trade; the accounts are shown to regulators, auditors and the party itself only. */
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
    Trade redactedFor(Caller caller) {
      if (caller != null && caller.readsEverything()) {
        return this;
      }
      long viewer = caller == null ? Long.MIN_VALUE : caller.principal();
      return new Trade(
          id,
          tick,
          vintage,
          priceCents,
          quantity,
          buyOrderId,
          buyAccountId != null && buyAccountId == viewer ? buyAccountId : null,
          sellOrderId,
          sellAccountId != null && sellAccountId == viewer ? sellAccountId : null);
    }
  }

  enum PeriodStatus {
    CLOSED,
    CURRENT,
    FUTURE
  }

  /** What closing a period found. */
  record PeriodClose(
      int period, int participants, int shortfalls, long penaltiesChargedCents, int nextPeriod) {}

  /**
   * A compliance period: cap, budgets, what was issued, the close summary once closed, and the
   * audit findings recorded for it afterwards with the penalties they charged (penalties of a
   * period are those at close plus those of its audits).
   */
  record Period(
      int period,
      long capPermits,
      long freeBudgetPermits,
      long auctionVolumePermits,
      long issuedPermits,
      PeriodStatus status,
      @Nullable PeriodClose closed,
      int auditFindings,
      long auditPenaltiesCents) {}

  // ---------------------------------------------------------------- market stability

  /** A market stability rule a program turns on (docs/rules.md, "Auction supply rules"). */
  enum StabilityMechanism {
    ESCALATING_RESERVE_PRICE,
    REOFFER_UNSOLD,
    UNSOLD_TO_STABILITY_RESERVE,
    CANCEL_UNDERSUBSCRIBED,
    COST_CONTAINMENT,
    EMISSIONS_CONTAINMENT,
    STABILITY_RESERVE,
    PRICE_CONTAINMENT,
    PRICE_CEILING
  }

  /** The permits a system reserve account holds, every vintage. */
  record ReserveBalance(long accountId, String account, long permits) {}

  /** One action of a stability mechanism: the engine event's name and fields, and its tick. */
  record StabilityAction(long tick, String event, Map<String, Object> data) {}

  /**
   * What the stability mechanisms did in one period: the period's escalated reserve price and
   * containment triggers (null when that reserve is off), its auctions' totals (supply is each
   * auction's base supply, its own volume plus what it re-offered), the permits each mechanism
   * moved, every action, and the reserves' balances once the period closed (null before).
   */
  record StabilityPeriod(
      int period,
      PeriodStatus status,
      long reservePriceCents,
      Long costContainmentTriggerCents,
      Long emissionsContainmentTriggerCents,
      int auctions,
      int cancelledAuctions,
      long supplyPermits,
      long soldPermits,
      long costContainmentReleasedPermits,
      long emissionsContainmentWithheldPermits,
      long reofferedPermits,
      long movedToStabilityReservePermits,
      @Nullable Long tnacPermits,
      @Nullable String stabilityBand,
      long stabilityIntakePermits,
      long stabilityReleasePermits,
      long reserveSalePermits,
      long reserveSaleRevenueCents,
      long ceilingPermits,
      @Nullable List<ReserveBalance> reservesAtClose,
      List<StabilityAction> actions) {}

  /**
   * The market stability view: the mechanisms the program turns on, the reserves' balances now, and
   * each period's actions and balances at close.
   */
  record Stability(
      List<StabilityMechanism> mechanisms,
      List<ReserveBalance> reserves,
      List<StabilityPeriod> periods) {}

  /**
   * The journal's durable head, and the state hash as of {@code stateHashSeq} (computed by the
   * writer when it is idle or every few seconds, so it may trail {@code seq} under load).
   */
  record Head(
      long seq,
      String headHash,
      String stateHash,
      long stateHashSeq,
      long lastTick,
      Integer currentPeriod) {}

  /**
   * A signed checkpoint of the journal's head: record {@code line} elsewhere, then {@code
   * computecap journal verify --expect-head HASH@SEQ} detects a cut-off tail or a rewritten entry.
   */
  record JournalCheckpoint(
      long seq,
      String headHash,
      String time,
      String keyFingerprint,
      String publicKey,
      String signature,
      String line) {}

  // ---------------------------------------------------------------- accounts

  /** Who the caller is. */
  /** The caller: account, role, token; {@code personId} for a person's token (issue 15). */
  /**
   * Who the caller is. For a person (a person's token or a browser session, issue 16) also their
   * name, every account they represent with their rights, whether one of those is a regulator's or
   * an auditor's, and for a session its CSRF token (send it as {@code X-CSRF-Token}) and expiry.
   */
  record Me(
      long accountId,
      Role role,
      long tokenId,
      @Nullable Long personId,
      @Nullable String name,
      List<SignInApi.MeAccount> accounts,
      boolean regulator,
      boolean auditor,
      @Nullable String csrfToken,
      @Nullable Long sessionExpiresTick) {}

  /** An account in the directory. */
  record DirectoryEntry(long accountId, String name, Role role) {}

  record Cash(long accountId, long freeCents, long reservedCents) {}

  record VintageHolding(int vintage, long free, long reserved) {}

  record Holdings(
      long accountId, long freePermits, long reservedPermits, List<VintageHolding> vintages) {}

  enum ComplianceStatusName {
    COMPLIANT,
    SHORTFALL
  }

  /** Unpaid penalty, make-good owed and the last assessment of an account. */
  record ComplianceSummary(
      long unpaidPenaltyCents,
      long makeGoodOwedPermits,
      Integer lastPeriod,
      ComplianceStatusName lastStatus) {}

  /** An account with everything about it; {@code insurerId} is its appointed insurer or null. */
  record Account(
      long accountId,
      String name,
      Role role,
      Long insurerId,
      Cash cash,
      Holdings holdings,
      ComplianceSummary compliance,
      AccountStatus status,
      @Nullable String statusReason) {}

  /**
   * A participant's compliance status for a closed period (issue 15), in the UK ETS codes: A
   * surrendered the obligation by the deadline (the period's close), B less, C no report, D an
   * audit finding corrected the obligation; with the figures it follows from and the permits
   * surrendered late (credited against the make-good).
   */
  record ComplianceCodeRow(
      long accountId,
      int period,
      ComplianceCode code,
      boolean reported,
      long obligationPermits,
      long surrenderedByDeadlinePermits,
      long surrenderedLatePermits,
      long shortfallPermits,
      long auditShortfallPermits) {}

  /** A participant's row in the supervisors' table. */
  record Participant(
      long accountId,
      String name,
      long freeCashCents,
      long reservedCashCents,
      long freePermits,
      long reservedPermits,
      long unpaidPenaltyCents,
      long makeGoodOwedPermits,
      Integer lastPeriod,
      ComplianceStatusName lastStatus) {}

  // ---------------------------------------------------------------- exchange

  enum OrderStatus {
    OPEN,
    FILLED,
    CANCELLED_REQUESTED,
    CANCELLED_UNFILLED_REMAINDER,
    CANCELLED_SELF_TRADE_PREVENTION,
    CANCELLED_VINTAGE_CLOSED,
    CANCELLED_ACCOUNT_STATUS
  }

  /** An order as placed, with what is left of it. */
  record Order(
      long orderId,
      long accountId,
      Side side,
      OrderType type,
      long priceCents,
      long quantity,
      long remaining,
      int vintage,
      OrderStatus status,
      long tick) {}

  // ---------------------------------------------------------------- auctions

  enum AuctionStatus {
    OPEN,
    CLEARED
  }

  enum BidStatus {
    OPEN,
    WITHDRAWN,
    SETTLED
  }

  /** A primary auction; the clearing fields are null until it is cleared. */
  record Auction(
      long auctionId,
      int period,
      long supplyPermits,
      long reservePriceCents,
      long purchaseLimitPermits,
      AuctionStatus status,
      Long clearingPriceCents,
      Long soldPermits,
      Long unsoldPermits,
      Long revenueCents,
      int bids) {}

  /** A sealed bid; {@code wonPermits} and {@code paidCents} are set at clearing. */
  record Bid(
      long bidId,
      long auctionId,
      long accountId,
      long quantity,
      long limitPriceCents,
      BidStatus status,
      Long wonPermits,
      Long paidCents) {}

  // ---------------------------------------------------------------- compliance

  /** A row of a history: its cursor id, tick, the engine event's name and its fields. */
  record HistoryRow(long id, long tick, String event, Map<String, Object> data) {}

  /** An account's attested totals for one period (issue 17): its meters' accepted readings. */
  record AttestedPeriod(int period, long readings, long energyJoules, long computeGflop) {}

  /** An account's attested totals, period by period. */
  record AttestedTotals(List<AttestedPeriod> periods) {}

  /** The audit lottery of a period. */
  record AuditDraw(int period, List<Long> audited, List<Long> dropped, List<Long> targeted) {}

  // ---------------------------------------------------------------- access

  enum TokenStatus {
    ACTIVE,
    EXPIRED,
    REVOKED
  }

  /** A token of an account as the journal knows it (never the secret). */
  record Token(
      long tokenId,
      long accountId,
      long issuedBy,
      Long enrolmentId,
      long issuedTick,
      long expiresTick,
      TokenStatus status,
      Long revokedBy) {}

  /** A token just issued: the secret is shown here once and never again. */
  record IssuedToken(long tokenId, long accountId, Role role, String token, long expiresTick) {}

  enum EnrolmentStatus {
    PENDING,
    COMPLETED,
    EXPIRED
  }

  /** An enrolment code of an account as the journal knows it (never the code). */
  record Enrolment(
      long enrolmentId,
      long accountId,
      long issuedBy,
      long issuedTick,
      long expiresTick,
      EnrolmentStatus status,
      Long tokenId) {}

  /** An enrolment code just issued, to be handed to the account's holder; shown once. */
  record IssuedEnrolment(long enrolmentId, long accountId, String code, long expiresTick) {}
}
