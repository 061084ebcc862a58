package org.computecap.server;

import java.util.List;

/**
 * The answers of the public report routes ({@link PublicReportApi}): one period's report and the
 * list of periods with when each is published. Public by design: they name participants only where
 * real registries publish them (compliance and free allocation, as the EU's Union Registry does),
 * and never in prices, volumes or auction results. Money is in cents, quantities in whole permits.
 */
final class ReportViews {
  private ReportViews() {}

  /** Where a period's report stands: published, or from which period's close it will be. */
  record ReportIndexEntry(
      int period,
      boolean published,
      int publishedWhenPeriodCloses,
      @Views.Nullable Long closedTick,
      @Views.Nullable Long publishedTick) {}

  /** Every period of the program and the publication rule. */
  record ReportIndex(int delayPeriods, String rule, List<ReportIndexEntry> periods) {}

  /**
   * The kind of account a holding row sums: all participants together, or one of the registry's
   * system accounts (the auction and reserve accounts, and the sinks of surrendered, cancelled and
   * expired permits).
   */
  enum AccountType {
    PARTICIPANTS,
    OTHER_ACCOUNTS,
    NEW_ENTRANT_RESERVE,
    AUCTION_RESERVE,
    STABILITY_RESERVE,
    PRICE_CONTAINMENT_RESERVE,
    SURRENDERED,
    CANCELLED,
    EXPIRED
  }

  /** Permits of one vintage held by one type of account when the period closed. */
  record Holding(AccountType accountType, int vintage, int accounts, long permits) {}

  /**
   * One participant's compliance for the period: what it reported, owed, surrendered and fell short
   * by, and its status ({@link PublicReportApi#complianceStatus}).
   */
  record Compliance(
      long accountId,
      String name,
      long reportedQuantity,
      long obligationPermits,
      long surrenderedPermits,
      long shortfallPermits,
      String status) {}

  /** Free permits of the period's vintage one participant received: incumbent and new entrant. */
  record Allocation(long accountId, String name, long freePermits, long newEntrantPermits) {}

  /**
   * One primary auction of the period, without bidders' identities: how many accounts bid, how many
   * won, and the permits bid for (the cover).
   */
  record AuctionResult(
      long auctionId,
      Views.AuctionStatus status,
      long supplyPermits,
      long reservePriceCents,
      @Views.Nullable Long clearingPriceCents,
      @Views.Nullable Long soldPermits,
      @Views.Nullable Long unsoldPermits,
      @Views.Nullable Long revenueCents,
      int bidders,
      int successfulBidders,
      long bidPermits) {}

  /**
   * Exchange trading of one vintage during the period, with no counterparty: trades, volume,
   * open/high/low/close, the notional value and the volume-weighted average price (rounded down to
   * a whole cent, as the engine's market data rounds it).
   */
  record Prices(
      int vintage,
      long trades,
      long volume,
      long openCents,
      long highCents,
      long lowCents,
      long closeCents,
      long vwapCents,
      long notionalCents) {}

  /** A published period's report. */
  record PeriodReport(
      String program,
      String unit,
      int period,
      int delayPeriods,
      long closedTick,
      long publishedTick,
      List<Holding> holdings,
      List<Compliance> compliance,
      List<Allocation> allocations,
      List<AuctionResult> auctions,
      List<Prices> prices) {}
}
