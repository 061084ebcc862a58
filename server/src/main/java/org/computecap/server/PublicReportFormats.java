package org.computecap.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A public period report ({@link ReportViews.PeriodReport}) as CSV for machines and as a printable
 * HTML page for people. The CSV is one long table, a row per measure, whose measure names end with
 * their unit ({@code _permits}, {@code _cents}, {@code _count}, {@code _units}) as every CSV of the
 * project does; money is integer cents there and dollars on the page. Names are participants' own
 * text, so the page escapes them, and the CSV defuses a leading {@code = + - @} (a spreadsheet
 * would run it as a formula).
 */
final class PublicReportFormats {
  private PublicReportFormats() {}

  static final String CSV_HEADER =
      "period,section,vintage,account_type,account_id,name,auction_id,measure,value";

  // ---------------------------------------------------------------- CSV

  static String csv(ReportViews.PeriodReport r) {
    StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
    Csv c = new Csv(out, r.period());
    for (ReportViews.Holding h : r.holdings()) {
      String type = h.accountType().name();
      c.row("holdings", h.vintage(), type, null, null, null, "accounts_count", h.accounts());
      c.row("holdings", h.vintage(), type, null, null, null, "permits", h.permits());
    }
    for (ReportViews.Compliance x : r.compliance()) {
      String name = x.name();
      long id = x.accountId();
      c.row("compliance", null, null, id, name, null, "reported_units", x.reportedQuantity());
      c.row("compliance", null, null, id, name, null, "obligation_permits", x.obligationPermits());
      c.row(
          "compliance", null, null, id, name, null, "surrendered_permits", x.surrenderedPermits());
      c.row("compliance", null, null, id, name, null, "shortfall_permits", x.shortfallPermits());
      c.row("compliance", null, null, id, name, null, "status", x.status());
    }
    for (ReportViews.Allocation a : r.allocations()) {
      String name = a.name();
      long id = a.accountId();
      c.row("allocations", r.period(), null, id, name, null, "free_permits", a.freePermits());
      c.row(
          "allocations",
          r.period(),
          null,
          id,
          name,
          null,
          "new_entrant_permits",
          a.newEntrantPermits());
    }
    for (ReportViews.AuctionResult a : r.auctions()) {
      auction(c, a);
    }
    for (ReportViews.Prices p : r.prices()) {
      int v = p.vintage();
      c.row("prices", v, null, null, null, null, "trades_count", p.trades());
      c.row("prices", v, null, null, null, null, "volume_permits", p.volume());
      c.row("prices", v, null, null, null, null, "open_cents", p.openCents());
      c.row("prices", v, null, null, null, null, "high_cents", p.highCents());
      c.row("prices", v, null, null, null, null, "low_cents", p.lowCents());
      c.row("prices", v, null, null, null, null, "close_cents", p.closeCents());
      c.row("prices", v, null, null, null, null, "vwap_cents", p.vwapCents());
      c.row("prices", v, null, null, null, null, "notional_cents", p.notionalCents());
    }
    return out.toString();
  }

  private static void auction(Csv c, ReportViews.AuctionResult a) {
    long id = a.auctionId();
    c.row("auctions", null, null, null, null, id, "status", a.status().name());
    c.row("auctions", null, null, null, null, id, "supply_permits", a.supplyPermits());
    c.row("auctions", null, null, null, null, id, "reserve_price_cents", a.reservePriceCents());
    c.row("auctions", null, null, null, null, id, "clearing_price_cents", a.clearingPriceCents());
    c.row("auctions", null, null, null, null, id, "sold_permits", a.soldPermits());
    c.row("auctions", null, null, null, null, id, "unsold_permits", a.unsoldPermits());
    c.row("auctions", null, null, null, null, id, "revenue_cents", a.revenueCents());
    c.row("auctions", null, null, null, null, id, "bidders_count", a.bidders());
    c.row(
        "auctions", null, null, null, null, id, "successful_bidders_count", a.successfulBidders());
    c.row("auctions", null, null, null, null, id, "bid_permits", a.bidPermits());
  }

  /** Writes rows of the long table; a null cell is empty. */
  private record Csv(StringBuilder out, int period) {
    void row(
        String section,
        Integer vintage,
        String accountType,
        Long accountId,
        String name,
        Long auctionId,
        String measure,
        Object value) {
      out.append(period).append(',').append(section).append(',');
      out.append(vintage == null ? "" : vintage).append(',');
      out.append(accountType == null ? "" : accountType).append(',');
      out.append(accountId == null ? "" : accountId).append(',');
      out.append(name == null ? "" : text(name)).append(',');
      out.append(auctionId == null ? "" : auctionId).append(',');
      out.append(measure).append(',');
      out.append(value == null ? "" : value instanceof String s ? text(s) : value);
      out.append("\r\n");
    }
  }

  /**
   * A text cell: quoted when it holds a comma, quote or line break (RFC 4180), and prefixed with a
   * quote mark when it starts like a formula, so a spreadsheet shows it instead of running it.
   */
  static String text(String s) {
    String v = s;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }

  // ---------------------------------------------------------------- HTML

  private static final String STYLE =
      """
      body { font: 11pt/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111;
             max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
      h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
      h2 { font-size: 1.15rem; margin: 1.6rem 0 0.4rem; border-bottom: 1px solid #999; }
      p.meta { color: #444; margin: 0.2rem 0; }
      table { border-collapse: collapse; width: 100%; margin: 0.4rem 0 1rem; }
      th, td { border: 1px solid #bbb; padding: 0.2rem 0.45rem; text-align: left; }
      th { background: #eee; }
      td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
      p.none { color: #555; font-style: italic; }
      nav a { margin-right: 1rem; }
      @page { size: A4; margin: 15mm; }
      @media print {
        body { margin: 0; max-width: none; font-size: 9.5pt; }
        nav { display: none; }
        h2 { break-after: avoid; }
        tr { break-inside: avoid; }
        th { background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      }
      """;

  static String html(ReportViews.PeriodReport r) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    h.append("<title>")
        .append(esc(r.program()))
        .append(": public report, period ")
        .append(r.period())
        .append("</title>\n<style>")
        .append(STYLE)
        .append("</style></head><body>\n");
    h.append("<h1>Public report: period ").append(r.period()).append("</h1>\n");
    h.append("<p class=\"meta\">")
        .append(esc(r.program()))
        .append(". Quantities in permits; compliance in ")
        .append(esc(r.unit()))
        .append("; money in US dollars.</p>\n");
    h.append("<p class=\"meta\">Period closed ")
        .append(instant(r.closedTick()))
        .append("; published ")
        .append(instant(r.publishedTick()))
        .append(" (delay: ")
        .append(r.delayPeriods())
        .append(r.delayPeriods() == 1 ? " period" : " periods")
        .append(").</p>\n");
    h.append("<nav><a href=\"report\">JSON</a><a href=\"report.csv\">CSV</a></nav>\n");
    holdings(h, r.holdings());
    compliance(h, r);
    allocations(h, r.allocations());
    auctions(h, r.auctions());
    prices(h, r.prices());
    h.append("</body></html>\n");
    return h.toString();
  }

  /**
   * One section: its heading, then a table whose columns are {@code headers} (a header starting
   * with '#' is a number, right-aligned, and its cells are too) or {@code none} when it has no row.
   */
  private static void section(
      StringBuilder h, String title, String none, List<String> headers, List<List<String>> rows) {
    h.append("<h2>").append(title).append("</h2>\n");
    if (rows.isEmpty()) {
      h.append("<p class=\"none\">").append(none).append("</p>\n");
      return;
    }
    h.append("<table><thead><tr>");
    for (String header : headers) {
      boolean number = header.startsWith("#");
      h.append(number ? "<th class=\"n\">" : "<th>")
          .append(esc(number ? header.substring(1) : header))
          .append("</th>");
    }
    h.append("</tr></thead><tbody>\n");
    for (List<String> row : rows) {
      h.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        h.append(headers.get(i).startsWith("#") ? "<td class=\"n\">" : "<td>")
            .append(row.get(i))
            .append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody></table>\n");
  }

  private static void holdings(StringBuilder h, List<ReportViews.Holding> holdings) {
    List<List<String>> rows = new ArrayList<>();
    for (ReportViews.Holding x : holdings) {
      rows.add(
          List.of(
              typeName(x.accountType()),
              Long.toString(x.vintage()),
              count(x.accounts()),
              count(x.permits())));
    }
    section(
        h,
        "Holdings by account type at the close",
        "No permits were held.",
        List.of("Account type", "#Vintage", "#Accounts", "#Permits"),
        rows);
  }

  private static void compliance(StringBuilder h, ReportViews.PeriodReport r) {
    List<List<String>> rows = new ArrayList<>();
    for (ReportViews.Compliance x : r.compliance()) {
      rows.add(
          List.of(
              Long.toString(x.accountId()),
              esc(x.name()),
              count(x.reportedQuantity()),
              count(x.obligationPermits()),
              count(x.surrenderedPermits()),
              count(x.shortfallPermits()),
              esc(x.status())));
    }
    section(
        h,
        "Compliance by participant",
        "No participant was assessed.",
        List.of(
            "#Account",
            "Name",
            "#Reported (" + r.unit() + ")",
            "#Obligation",
            "#Surrendered",
            "#Shortfall",
            "Status"),
        rows);
  }

  private static void allocations(StringBuilder h, List<ReportViews.Allocation> allocations) {
    List<List<String>> rows = new ArrayList<>();
    for (ReportViews.Allocation x : allocations) {
      rows.add(
          List.of(
              Long.toString(x.accountId()),
              esc(x.name()),
              count(x.freePermits()),
              count(x.newEntrantPermits())));
    }
    section(
        h,
        "Free allocation",
        "No free permits were allocated for this period.",
        List.of("#Account", "Name", "#Free permits", "#New entrant permits"),
        rows);
  }

  private static void auctions(StringBuilder h, List<ReportViews.AuctionResult> auctions) {
    List<List<String>> rows = new ArrayList<>();
    for (ReportViews.AuctionResult a : auctions) {
      rows.add(
          List.of(
              Long.toString(a.auctionId()),
              a.status().name(),
              count(a.supplyPermits()),
              dollars(a.reservePriceCents()),
              dollars(a.clearingPriceCents()),
              count(a.soldPermits()),
              dollars(a.revenueCents()),
              count(a.bidders()),
              count(a.successfulBidders()),
              count(a.bidPermits())));
    }
    section(
        h,
        "Auction results",
        "No auction was held in this period.",
        List.of(
            "#Auction",
            "Status",
            "#Supply",
            "#Reserve price",
            "#Clearing price",
            "#Sold",
            "#Revenue",
            "#Bidders",
            "#Successful",
            "#Permits bid"),
        rows);
  }

  private static void prices(StringBuilder h, List<ReportViews.Prices> prices) {
    List<List<String>> rows = new ArrayList<>();
    for (ReportViews.Prices p : prices) {
      rows.add(
          List.of(
              Long.toString(p.vintage()),
              count(p.trades()),
              count(p.volume()),
              dollars(p.openCents()),
              dollars(p.highCents()),
              dollars(p.lowCents()),
              dollars(p.closeCents()),
              dollars(p.vwapCents()),
              dollars(p.notionalCents())));
    }
    section(
        h,
        "Exchange prices and volumes",
        "Nothing traded on the exchange in this period.",
        List.of(
            "#Vintage",
            "#Trades",
            "#Volume (permits)",
            "#Open",
            "#High",
            "#Low",
            "#Close",
            "#VWAP",
            "#Value traded"),
        rows);
  }

  private static String typeName(ReportViews.AccountType t) {
    return switch (t) {
      case PARTICIPANTS -> "Participants";
      case OTHER_ACCOUNTS -> "Other accounts";
      case NEW_ENTRANT_RESERVE -> "New entrant reserve";
      case AUCTION_RESERVE -> "Auction reserve";
      case STABILITY_RESERVE -> "Stability reserve";
      case PRICE_CONTAINMENT_RESERVE -> "Price containment reserve";
      case SURRENDERED -> "Surrendered";
      case CANCELLED -> "Cancelled";
      case EXPIRED -> "Expired";
    };
  }

  /** A quantity, with thousands separators; a dash when there is none. */
  private static String count(Long v) {
    return v == null ? "&ndash;" : String.format(Locale.ROOT, "%,d", v);
  }

  private static String count(long v) {
    return count(Long.valueOf(v));
  }

  /** Cents as dollars for people ({@code $1,234.50}); a dash when there is none. */
  private static String dollars(Long cents) {
    if (cents == null) {
      return "&ndash;";
    }
    String sign = cents < 0 ? "-" : "";
    long abs = Math.abs(cents);
    return sign + String.format(Locale.ROOT, "$%,d.%02d", abs / 100, abs % 100);
  }

  private static String instant(long tick) {
    return Instant.ofEpochMilli(tick).toString().replace("T", " ").replace("Z", " UTC");
  }

  /** Text for HTML: the five characters that could end an element or attribute, escaped. */
  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
