package org.computecap.sim.report;

import java.util.ArrayList;
import java.util.List;
import org.computecap.sim.run.DeveloperRow;
import org.computecap.sim.run.PeriodResult;

/**
 * The report's key findings: a few sentences a reader can quote, each built from the period table's
 * own numbers in the table's own format ({@link Numbers}), so a headline can never say more than
 * the table under it (a welfare ratio of 0.999966 is "0.99997" in both, not "1.0000").
 */
final class Findings {

  private Findings() {}

  static void write(StringBuilder sb, List<PeriodResult> ps, List<DeveloperRow> developers) {
    sb.append("<h2>Key findings</h2><ul>");
    for (String s : sentences(ps, developers)) {
      sb.append("<li>").append(Html.escape(s)).append("</li>");
    }
    sb.append("</ul>");
  }

  static List<String> sentences(List<PeriodResult> ps, List<DeveloperRow> developers) {
    List<String> out = new ArrayList<>();
    price(ps, out);
    PeriodResult last = ps.get(ps.size() - 1);
    if (Double.isFinite(last.baselineCompute()) && last.baselineCompute() > 0) {
      out.add(
          "Compute in period "
              + last.period()
              + " was "
              + Numbers.quantity(last.totalCompute())
              + " units, "
              + Numbers.percent(1 - last.totalCompute() / last.baselineCompute())
              + " below the developers' no-cap optimum of "
              + Numbers.quantity(last.baselineCompute())
              + " (P1: x*_cap < x*_nocap).");
    }
    out.add(welfare(ps));
    out.add(evasion(ps));
    out.add(totals(ps, developers));
    return out;
  }

  private static void price(List<PeriodResult> ps, List<String> out) {
    PeriodResult worst = null;
    for (PeriodResult p : ps) {
      if (Double.isFinite(p.priceError())
          && (worst == null || p.priceError() >= worst.priceError())) {
        worst = p;
      }
    }
    if (worst != null) {
      out.add(
          "The market price stayed within "
              + Numbers.percent(worst.priceError())
              + " of the competitive price of the economics library; the largest gap was in"
              + " period "
              + worst.period()
              + ", "
              + Numbers.price(worst.clearingPrice())
              + " against "
              + Numbers.price(worst.theoreticalPrice())
              + " per permit.");
    }
  }

  // The planner comparison only where no compute ran above the cap (welfareRatio is NaN there).
  private static String welfare(List<PeriodResult> ps) {
    PeriodResult worst = null;
    int aboveUniform = 0;
    for (PeriodResult p : ps) {
      if (Double.isFinite(p.welfareRatio())
          && (worst == null || p.welfareRatio() < worst.welfareRatio())) {
        worst = p;
      }
      aboveUniform += p.welfare() >= p.uniformWelfare() ? 1 : 0;
    }
    if (worst == null) {
      return "Evasion put compute above the cap in every period, so welfare is not compared"
          + " with the planner's optimum (see excess_compute_permits in periods.csv).";
    }
    return "Welfare was at least "
        + Numbers.ratio(worst.welfareRatio())
        + " of the planner's optimum (period "
        + worst.period()
        + (ps.stream().allMatch(p -> Double.isFinite(p.welfareRatio()))
            ? ""
            : "; periods with compute above the cap are not compared")
        + ") and at or above uniform command-and-control in "
        + aboveUniform
        + " of "
        + ps.size()
        + " periods.";
  }

  private static String evasion(List<PeriodResult> ps) {
    List<String> periods = new ArrayList<>();
    PeriodResult most = null;
    for (PeriodResult p : ps) {
      if (p.evasionRate() > 0) {
        periods.add(Integer.toString(p.period()));
        most = most == null || p.evasionRate() > most.evasionRate() ? p : most;
      }
    }
    if (most == null) {
      return "No developer under-reported: audits deterred evasion in every period"
          + " (rho·Psi'(0) >= p, which is rho·linear >= p for exact audits).";
    }
    return "Developers under-reported in periods "
        + String.join(", ", periods)
        + ", at most "
        + Numbers.share(most.evasionRate())
        + " of the true obligation (period "
        + most.period()
        + "): there the permit price exceeded the expected marginal penalty rho·Psi'(0)"
        + " (P2 Cor 3, with App. A's noise and the tolerance).";
  }

  // The small firms' figure is the size-class table's: exchange and primary auctions together.
  private static String totals(List<PeriodResult> ps, List<DeveloperRow> developers) {
    long penalties = 0;
    int audits = 0;
    for (PeriodResult p : ps) {
      penalties += p.penaltiesCollected();
      audits += p.audits();
    }
    long small = 0;
    for (DeveloperRow d : developers) {
      boolean isSmall = d.sizeClass().equals("SMALL") || d.sizeClass().equals("ACADEMIC");
      small += isSmall ? d.netTradingCents() : 0;
    }
    int leaked = ps.get(ps.size() - 1).leakedFirms();
    return audits
        + " audits and "
        + Numbers.amount(penalties)
        + " in penalties over the run; small companies and academic labs together "
        + (small < 0 ? "paid " : "made ")
        + Numbers.amount(Math.abs(small))
        + " net for permits (exchange and primary auctions, as in the size-class table); "
        + leaked
        + (leaked == 1 ? " developer" : " developers")
        + " relocated.";
  }
}
