package org.computecap.sim.run;

import java.util.List;
import java.util.SplittableRandom;
import org.computecap.engine.Event;
import org.computecap.engine.command.BuyAtCeiling;
import org.computecap.engine.command.ChargeInsurancePremium;
import org.computecap.engine.command.ClosePeriod;
import org.computecap.engine.command.RecordAuditFinding;
import org.computecap.engine.command.RecordEvaluation;
import org.computecap.engine.command.RecordInsurerEvaluation;
import org.computecap.engine.command.RecordMeterReading;
import org.computecap.engine.command.RecordVerifiedActivity;
import org.computecap.engine.command.RunCallAuction;
import org.computecap.engine.command.StartCallAuction;
import org.computecap.engine.command.SubmitReport;
import org.computecap.engine.command.SurrenderPermits;
import org.computecap.engine.compliance.AuditFindingRecorded;
import org.computecap.engine.compliance.AuditsDrawn;
import org.computecap.engine.compliance.ComplianceAssessed;
import org.computecap.engine.compliance.ComplianceStatus;
import org.computecap.engine.compliance.Obligations;
import org.computecap.engine.program.Program;
import org.computecap.engine.program.RiskSignal;
import org.computecap.sim.agent.Developer;
import org.computecap.sim.scenario.ProgramTerms;

/**
 * The compliance half of a period (SPEC §7) as engine commands, returning what happened to each
 * developer: meter readings and self-reports (a strategic developer leaves its planned shortfall
 * out), evaluations (a developer rated H may pay to be rated L when P2 Prop 9 says it pays; the
 * insurer sees the truth and charges its premium), a true-up call auction for developers whose
 * evaluation left them short, surrender, period close (assessment, penalties, make-good, the audit
 * lottery, expiry), the verifier's activity records and the auditors' noisy measurements for the
 * accounts the lottery drew. The engine decides every charge; this class only reads its events.
 */
final class ComplianceStep {

  /**
   * What compliance did in one period, by developer index.
   *
   * @param makeGood make-good owed after the period (close and audits)
   * @param multiplierPpm the multiplier the obligation used
   * @param penaltyCents penalties charged at close and by audits (paid or not)
   * @param measured the audit's measurement, -1 when not audited
   * @param banked free permits kept after surrender (carried into the next period when banking)
   */
  record Outcome(
      Signals signals,
      long[] makeGood,
      long[] multiplierPpm,
      long[] obligation,
      long[] surrendered,
      long[] penaltyCents,
      boolean[] compliant,
      long[] measured,
      long[] auditShortfall,
      long[] banked,
      int audits,
      int detected,
      long penaltiesCollected,
      Session trueUp) {}

  private final Market market;
  private final Cohort cohort;
  private final ProgramTerms terms;
  private final int period;
  private final SplittableRandom random;
  private final Tally tally;
  private final Period at;
  private long[] kept;

  ComplianceStep(Period at, Cohort cohort) {
    this.market = at.market();
    this.cohort = cohort;
    this.terms = at.terms();
    this.period = at.number();
    this.random = at.random();
    this.tally = at.tally();
    this.at = at;
    this.kept = new long[cohort.size()];
  }

  /**
   * The same step with each hoarder keeping {@code hoard[i]} permits back (issue 18): the true-up
   * never offers them.
   */
  ComplianceStep keeping(long[] hoard) {
    this.kept = hoard.clone();
    return this;
  }

  /**
   * Runs the cycle; {@code signals} are the ones drawn before trading, or null to draw them after
   * usage; {@code priceCents} is the period's price (what manipulation saves, what a short
   * developer pays at most on top of the penalty it avoids) and {@code bankPriceCents} what a
   * permit kept is worth.
   */
  Outcome run(Usage usage, Signals signals, double priceCents, double bankPriceCents) {
    int n = cohort.size();
    report(usage);
    Signals seen =
        signals != null
            ? signals
            : Signals.draw(
                cohort.accounts,
                cohort.active,
                cohort.effort,
                reportedBase(usage),
                terms,
                priceCents,
                random);
    long[] multiplier = evaluate(usage, seen);
    long[] makeGoodIn = new long[n];
    long[] obligation = new long[n];
    for (int i = 0; i < n; i++) {
      makeGoodIn[i] = cohort.plans[i].makeGood();
      obligation[i] =
          cohort.active[i]
              ? Obligations.weightedPermits(multiplier[i], usage.reported()[i]) + makeGoodIn[i]
              : makeGoodIn[i];
    }
    PriceContainment.sale(at, cohort, shortCostCents(priceCents));
    Session trueUp = trueUp(obligation, priceCents, bankPriceCents);
    buyAtCeiling();
    long[] surrendered = surrender(obligation);
    long[] penalties = new long[n];
    long[] makeGood = makeGoodIn.clone();
    boolean[] compliant = new boolean[n];
    List<Long> drawn = close(makeGood, penalties, compliant);
    verify(usage);
    long[] measured = new long[n];
    long[] auditShortfall = new long[n];
    java.util.Arrays.fill(measured, -1);
    int detected = audit(drawn, usage, measured, auditShortfall, makeGood, penalties);
    long[] banked = market.holdings(cohort.accounts, period + 1);
    long total = 0;
    for (long p : penalties) {
      total += p;
    }
    return new Outcome(
        seen,
        makeGood,
        multiplier,
        obligation,
        surrendered,
        penalties,
        compliant,
        measured,
        auditShortfall,
        banked,
        drawn.size(),
        detected,
        total,
        trueUp);
  }

  private static double[] reportedBase(Usage usage) {
    double[] out = new double[usage.reported().length];
    for (int i = 0; i < out.length; i++) {
      out[i] = usage.reported()[i];
    }
    return out;
  }

  private void report(Usage u) {
    double sigma = terms.auditNoiseSigma();
    for (int i = 0; i < cohort.size(); i++) {
      if (!cohort.active[i]) {
        continue;
      }
      long acct = cohort.accounts.id(i);
      if (sigma > 0) {
        long meter = Math.max(0, Math.round(u.base()[i] + sigma * random.nextGaussian()));
        market.submit(new RecordMeterReading(acct, period, meter));
      }
      Developer d = cohort.accounts.developer(i);
      long reported = u.reported()[i];
      if (d.composite()) {
        // One report per covered workload (SPEC §7.1); the engine adds them up. A composite
        // developer is truthful, so each is exactly its workload's covered quantity.
        long second =
            Math.min(
                reported, (long) Math.floor(u.second()[i] * d.second().permitsPerUnit() + 1e-9));
        market.submit(new SubmitReport(acct, period, d.second().workload(), second));
        reported -= second;
      }
      market.submit(new SubmitReport(acct, period, d.workload(), reported));
    }
  }

  // Issue 14's price ceiling: a developer that ran more than its permits cover because the price
  // reached the ceiling buys the rest there, once the price containment reserve is sold out (the
  // engine refuses it before). What it needs is the engine's own count of its unmet obligation.
  private void buyAtCeiling() {
    Program program = terms.program();
    if (!program.priceControls().ceiling().isOn() || market.priceContainmentLeft() > 0) {
      return;
    }
    for (int i = 0; i < cohort.size(); i++) {
      if (!cohort.active[i]) {
        continue;
      }
      long acct = cohort.accounts.id(i);
      long unmet = market.unmetObligation(acct, period);
      if (unmet > 0) {
        long price = program.priceCeilingCents(period);
        market.submit(new BuyAtCeiling(acct, unmet));
        tally.ceilingBought(acct, unmet, Math.multiplyExact(unmet, price));
      }
    }
  }

  private long[] evaluate(Usage u, Signals s) {
    long[] multiplier = new long[cohort.size()];
    boolean insured = terms.insured();
    for (int i = 0; i < cohort.size(); i++) {
      if (!cohort.active[i]) {
        continue;
      }
      Developer d = cohort.accounts.developer(i);
      RiskSignal rated = s.ratedSignal(i);
      multiplier[i] = s.ratedMultiplierPpm(i);
      market.submit(new RecordEvaluation(d.accountId(), period, rated));
      if (insured) {
        market.submit(
            new RecordInsurerEvaluation(
                cohort.accounts.insurerId(), d.accountId(), period, s.trueSignal(i)));
        if (u.reported()[i] > 0) {
          market.submit(new ChargeInsurancePremium(d.accountId(), period));
        }
      }
    }
    return multiplier;
  }

  // Developers whose realised evaluation left them short buy before the deadline at up to
  // what being short would cost them (the marginal penalty, and make-good at the price);
  // developers with a surplus sell it at what keeping it is worth (the bank price, or a
  // cent for permits that would expire); relocated developers sell everything.
  private Session trueUp(long[] obligation, double priceCents, double bankPriceCents) {
    long[] held = market.holdings(cohort.accounts, period);
    boolean shortage = false;
    for (int i = 0; i < cohort.size(); i++) {
      shortage |= cohort.active[i] && obligation[i] > held[i];
    }
    if (!shortage) {
      return Session.of("true-up", List.of());
    }
    market.drainTrades();
    market.submit(new StartCallAuction(period));
    long bidPrice = (long) Math.max(2, Math.min(1e9, shortCostCents(priceCents)));
    long askPrice = (long) Math.max(1, Math.min(bidPrice - 1, bankPriceCents));
    for (int i = 0; i < cohort.size(); i++) {
      long acct = cohort.accounts.id(i);
      long gap = cohort.active[i] ? obligation[i] - (held[i] - kept[i]) : -held[i];
      gap = cohort.active[i] && gap < 0 && kept[i] > 0 ? 0 : gap;
      if (gap > 0) {
        market.limit(acct, true, bidPrice, gap, period);
      } else if (gap < 0) {
        market.sell(acct, cohort.active[i] ? askPrice : 1, -gap, period);
      }
    }
    market.submit(new RunCallAuction(period));
    market.cancelEverything();
    return Session.of("true-up", market.drainTrades());
  }

  // What a permit missing at the deadline costs a developer: the marginal penalty, and make-good
  // bought at the period's price. It bids up to this for what it lacks (true-up, reserve sale).
  private double shortCostCents(double priceCents) {
    double makeGoodCost = terms.makeGood() ? Math.max(0, priceCents) : 0;
    return terms.linearCentsPerPermit() + makeGoodCost;
  }

  private long[] surrender(long[] obligation) {
    long[] held = market.holdings(cohort.accounts, period);
    long[] out = new long[cohort.size()];
    for (int i = 0; i < cohort.size(); i++) {
      out[i] = Math.min(held[i], obligation[i]);
      if (out[i] > 0) {
        market.submit(new SurrenderPermits(cohort.accounts.id(i), period, out[i]));
      }
    }
    return out;
  }

  private List<Long> close(long[] makeGood, long[] penalties, boolean[] compliant) {
    List<Long> drawn = List.of();
    for (Event e : market.submit(new ClosePeriod(period))) {
      if (e instanceof ComplianceAssessed c) {
        int i = cohort.accounts.index(c.accountId());
        if (i >= 0) {
          makeGood[i] = c.makeGoodOwedPermits();
          penalties[i] += c.penaltyCents();
          compliant[i] = c.status() == ComplianceStatus.COMPLIANT;
          tally.penalty(c.accountId(), c.penaltyCents() - c.penaltyUnpaidCents());
        }
      } else if (e instanceof AuditsDrawn a) {
        drawn = a.audited();
      }
    }
    return drawn;
  }

  // The verifier records what each developer really produced and used in the period, the
  // history benchmark and grandfather allocation read next period (SPEC §4).
  private void verify(Usage u) {
    for (int i = 0; i < cohort.size(); i++) {
      Developer d = cohort.accounts.developer(i);
      if (!market.registry().exists(d.accountId())) {
        continue; // an entrant not yet in the program (issue 18)
      }
      market.submit(
          new RecordVerifiedActivity(
              d.accountId(), period, Math.round(u.compute()[i] * d.outputPerUnit()), u.base()[i]));
    }
  }

  private int audit(
      List<Long> drawn,
      Usage u,
      long[] measured,
      long[] shortfall,
      long[] makeGood,
      long[] penalties) {
    double sigma = terms.auditNoiseSigma();
    int detected = 0;
    for (long acct : drawn) {
      int i = cohort.accounts.index(acct);
      double truth = i >= 0 ? u.base()[i] : 0.0;
      long m = Math.max(0, Math.round(truth + (sigma > 0 ? sigma * random.nextGaussian() : 0)));
      tally.audited(acct);
      for (Event e : market.submit(new RecordAuditFinding(acct, period, m))) {
        if (e instanceof AuditFindingRecorded f && i >= 0) {
          measured[i] = m;
          shortfall[i] = f.additionalShortfallPermits();
          detected += f.additionalShortfallPermits() > 0 ? 1 : 0;
          penalties[i] += f.penaltyCents();
          makeGood[i] = f.makeGoodOwedPermits();
          tally.penalty(acct, f.penaltyCents() - f.penaltyUnpaidCents());
        }
      }
    }
    return detected;
  }
}
