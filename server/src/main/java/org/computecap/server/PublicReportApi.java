package org.computecap.server;

import static org.computecap.server.ApiFields.PERIOD_PATH;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.computecap.engine.compliance.ComplianceAssessed;

/**
 * Public reports (issue 15): what a registry publishes about a compliance period once its
 * publication delay has passed, open to anyone without a token, as JSON, CSV and a printable HTML
 * page. A period's report is published once period {@code p + delayPeriods} has closed (or the
 * program's last period has, when no later close will come): the delay counts closes, the unit of
 * the compliance cycle, so a replay of the journal publishes at the same point. Everything is read
 * from the read model ({@link PublicReportProjection} and the compliance rows and auctions the
 * model already keeps); nothing here waits for the writer.
 *
 * <p>Privacy: participants are named only in the compliance and free allocation tables (real
 * registries publish both by name); auction results carry counts of bidders, and exchange prices
 * and volumes are per vintage, never per account.
 */
final class PublicReportApi {
  private static final String TAG = "public reports";

  private final ReadModel model;
  private final int delayPeriods;

  PublicReportApi(Services s) {
    this.model = s.model();
    this.delayPeriods = s.publicReportDelayPeriods();
  }

  List<Route> routes() {
    List<Route> r = new ArrayList<>();
    r.add(
        Route.get("/api/public/reports")
            .op(
                "listPublicReports",
                TAG,
                "Every period of the program: whether its public report is published, after which"
                    + " period's close it will be, and when it was")
            .returns(Reply.of(ReportViews.ReportIndex.class))
            .handle(call -> call.reply(index())));
    r.add(
        Route.get("/api/public/periods/{period}/report")
            .op(
                "getPublicReport",
                TAG,
                "A published period's report: holdings by account type and vintage at its close,"
                    + " compliance by participant, free allocation, auction results and exchange"
                    + " prices and volumes without identities; 404 REPORT_NOT_PUBLISHED before its"
                    + " publication delay has passed")
            .path(PERIOD_PATH)
            .mayNotFind()
            .returns(Reply.of(ReportViews.PeriodReport.class))
            .handle(call -> call.reply(report(call.get(PERIOD_PATH)))));
    r.add(
        Route.get("/api/public/periods/{period}/report.csv")
            .op(
                "getPublicReportCsv",
                TAG,
                "The same report as one CSV table, a row per measure: period, section, vintage,"
                    + " account_type, account_id, name, auction_id, measure (its name ends with its"
                    + " unit), value")
            .path(PERIOD_PATH)
            .mayNotFind()
            .returns(Reply.text("text/csv"))
            .handle(
                call -> call.replyText(PublicReportFormats.csv(report(call.get(PERIOD_PATH))))));
    r.add(
        Route.get("/api/public/periods/{period}/report.html")
            .op(
                "getPublicReportHtml",
                TAG,
                "The same report as a printable HTML page (plain HTML and CSS, A4 when printed)")
            .path(PERIOD_PATH)
            .mayNotFind()
            .returns(Reply.text("text/html"))
            .handle(
                call -> call.replyText(PublicReportFormats.html(report(call.get(PERIOD_PATH))))));
    return r;
  }

  /**
   * The status a participant's compliance row shows. This is the one place that decides it: the UK
   * ETS code (A, B, C or D) that the compliance calendar computes from the read model's events
   * (issue 15, {@link LifecycleApi#codeRow}), so late surrenders, audit findings and reversals show
   * as they do in {@code /api/periods/{period}/compliance-codes}.
   */
  private String complianceStatus(ComplianceAssessed assessed) {
    return LifecycleApi.codeRow(model, assessed).code().name();
  }

  /** The period whose close publishes period {@code period}'s report. */
  int publishingPeriod(int period, int lastPeriod) {
    return (int) Math.min((long) period + delayPeriods, lastPeriod);
  }

  ReportViews.ReportIndex index() {
    List<Views.Period> periods = model.periods;
    int last = periods.isEmpty() ? 0 : periods.get(periods.size() - 1).period();
    List<ReportViews.ReportIndexEntry> out = new ArrayList<>();
    for (Views.Period p : periods) {
      int by = publishingPeriod(p.period(), last);
      PublicReportProjection.Facts own = model.publicReports.get(p.period());
      PublicReportProjection.Facts publishing = model.publicReports.get(by);
      boolean published = own != null && publishing != null;
      out.add(
          new ReportViews.ReportIndexEntry(
              p.period(),
              published,
              by,
              own == null ? null : own.closedTick(),
              published ? publishing.closedTick() : null));
    }
    return new ReportViews.ReportIndex(
        delayPeriods,
        "a period's report is published once period + "
            + delayPeriods
            + " has closed, or the program's last period has",
        List.copyOf(out));
  }

  /** The report of {@code period}, or a 404 naming the field when it is not published. */
  ReportViews.PeriodReport report(int period) {
    List<Views.Period> periods = model.periods;
    if (periods.isEmpty()
        || period < periods.get(0).period()
        || period > periods.get(periods.size() - 1).period()) {
      throw new ApiException(
          404,
          "NO_SUCH_PERIOD",
          periods.isEmpty()
              ? "the market is not open: there are no periods yet"
              : "period must be within ["
                  + periods.get(0).period()
                  + ", "
                  + periods.get(periods.size() - 1).period()
                  + "], got "
                  + period,
          "period");
    }
    int by = publishingPeriod(period, periods.get(periods.size() - 1).period());
    PublicReportProjection.Facts facts = model.publicReports.get(period);
    PublicReportProjection.Facts publishing = model.publicReports.get(by);
    if (facts == null || publishing == null) {
      throw new ApiException(
          404,
          "REPORT_NOT_PUBLISHED",
          "period "
              + period
              + "'s report is published once period "
              + by
              + " has closed (publication delay "
              + delayPeriods
              + " periods); "
              + (facts == null
                  ? "period " + period + " is not closed yet"
                  : "period " + by + " is not closed yet"),
          "period");
    }
    return new ReportViews.PeriodReport(
        facts.program(),
        facts.unit(),
        period,
        delayPeriods,
        facts.closedTick(),
        publishing.closedTick(),
        facts.holdings(),
        compliance(period),
        allocations(facts),
        auctions(period),
        facts.prices());
  }

  private List<ReportViews.Compliance> compliance(int period) {
    AppendOnlyList<ReadModel.Row> rows =
        model.complianceByPeriod.getOrDefault(period, new AppendOnlyList<>());
    // The latest assessment of each participant counts, should a period's be assessed again.
    Map<Long, ComplianceAssessed> latest = new TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      ComplianceAssessed c = (ComplianceAssessed) rows.get(i).event();
      latest.put(c.accountId(), c);
    }
    List<ReportViews.Compliance> out = new ArrayList<>();
    for (ComplianceAssessed c : latest.values()) {
      out.add(
          new ReportViews.Compliance(
              c.accountId(),
              nameOf(c.accountId()),
              c.reportedQuantity(),
              c.obligationPermits(),
              c.surrenderedPermits(),
              c.shortfallPermits(),
              complianceStatus(c)));
    }
    return List.copyOf(out);
  }

  private List<ReportViews.Allocation> allocations(PublicReportProjection.Facts facts) {
    List<ReportViews.Allocation> out = new ArrayList<>();
    for (Map.Entry<Long, long[]> e : facts.allocations().entrySet()) {
      out.add(
          new ReportViews.Allocation(
              e.getKey(), nameOf(e.getKey()), e.getValue()[0], e.getValue()[1]));
    }
    return List.copyOf(out);
  }

  private List<ReportViews.AuctionResult> auctions(int period) {
    List<ReportViews.AuctionResult> out = new ArrayList<>();
    for (ReadModel.AuctionEntry entry : model.auctions.values()) {
      Views.Auction a = entry.auction();
      if (a.period() != period) {
        continue;
      }
      Set<Long> bidders = new TreeSet<>();
      Set<Long> winners = new TreeSet<>();
      long bidPermits = 0;
      for (Views.Bid b : entry.bids().values()) {
        if (b.status() == Views.BidStatus.WITHDRAWN) {
          continue;
        }
        bidders.add(b.accountId());
        bidPermits = Math.addExact(bidPermits, b.quantity());
        if (b.wonPermits() != null && b.wonPermits() > 0) {
          winners.add(b.accountId());
        }
      }
      out.add(
          new ReportViews.AuctionResult(
              a.auctionId(),
              a.status(),
              a.supplyPermits(),
              a.reservePriceCents(),
              a.clearingPriceCents(),
              a.soldPermits(),
              a.unsoldPermits(),
              a.revenueCents(),
              bidders.size(),
              winners.size(),
              bidPermits));
    }
    return List.copyOf(out);
  }

  private String nameOf(long accountId) {
    ReadModel.AccountEntry a = model.accounts.get(accountId);
    return a == null ? "" : a.directory().name();
  }
}
