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
    PeriodResult worstPrice = null;
    PeriodResult worstWelfare = null;
    int aboveUniform = 0;
    long penalties = 0;
    int audits = 0;
    List<String> evasive = new ArrayList<>();
    PeriodResult mostEvasion = null;
    for (PeriodResult p : ps) {
      if (Double.isFinite(p.priceError())
          && (worstPrice == null || p.priceError() >= worstPrice.priceError())) {
        worstPrice = p;
      }
      if (worstWelfare == null || p.welfareRatio() < worstWelfare.welfareRatio()) {
        worstWelfare = p;
      }
      aboveUniform += p.welfare() >= p.uniformWelfare() ? 1 : 0;
      penalties += p.penaltiesCollected();
      audits += p.audits();
      if (p.evasionRate() > 0) {
        evasive.add(Integer.toString(p.period()));
        if (mostEvasion == null || p.evasionRate() > mostEvasion.evasionRate()) {
          mostEvasion = p;
        }
      }
    }
    if (worstPrice != null) {
      out.add(
          "The market price stayed within "
              + Numbers.percent(worstPrice.priceError())
              + " of the competitive price of the economics library; the largest gap was in"
              + " period "
              + worstPrice.period()
              + ", "
              + Numbers.price(worstPrice.clearingPrice())
              + " against "
              + Numbers.price(worstPrice.theoreticalPrice())
              + " per permit.");
    }
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
    out.add(
        "Welfare was at least "
            + Numbers.ratio(worstWelfare.welfareRatio())
            + " of the planner's optimum (period "
            + worstWelfare.period()
            + ") and at or above uniform command-and-control in "
            + aboveUniform
            + " of "
            + ps.size()
            + " periods.");
    out.add(
        evasive.isEmpty()
            ? "No developer under-reported: audits deterred evasion in every period"
                + " (rho·linear >= p)."
            : "Developers under-reported in periods "
                + String.join(", ", evasive)
                + ", at most "
                + Numbers.share(mostEvasion.evasionRate())
                + " of the true obligation (period "
                + mostEvasion.period()
                + "): there the permit price exceeded the expected marginal penalty rho·linear"
                + " (P2 Cor 3).");
    long small = 0;
    for (DeveloperRow d : developers) {
      small +=
          d.sizeClass().equals("SMALL") || d.sizeClass().equals("ACADEMIC")
              ? d.netTradingCents()
              : 0;
    }
    out.add(
        audits
            + " audits and "
            + Numbers.amount(penalties)
            + " in penalties over the run; small companies and academic labs together "
            + (small < 0 ? "paid " : "made ")
            + Numbers.amount(Math.abs(small))
            + " net for permits (exchange and primary auctions, as in the size-class table); "
            + last.leakedFirms()
            + (last.leakedFirms() == 1 ? " developer" : " developers")
            + " relocated.");
    return out;
  }
}
