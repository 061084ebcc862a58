package org.computecap.sim.run;

import java.util.List;
import java.util.SplittableRandom;
import org.computecap.engine.Event;
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
import org.computecap.engine.program.RiskSignal;
import org.computecap.engine.program.Workload;
import org.computecap.sim.agent.Decisions;
import org.computecap.sim.agent.Developer;
import org.computecap.sim.scenario.ProgramTerms;

/**
 * The compliance half of a period (SPEC §7), as engine commands: noisy meter readings and
 * self-reports (strategic developers leave their planned shortfall out), evaluations (a developer
 * rated H may pay to be rated L when P2 Prop 9 says it pays; the insurer sees the truth and charges
 * its premium), a true-up call auction for developers whose evaluation left them short, surrender,
 * period close (assessment, penalties, make-good, the engine's audit lottery, expiry) and the
 * auditors' noisy findings for the accounts the lottery drew.
 */
final class Compliance {
  private final Market market;
  private final Agents agents;
  private final ProgramTerms terms;
  private final int period;
  private final SplittableRandom random;
  private final long insurerId;
  private final Workload workload;
  private final long[] makeGood;
  private final Tally tally;
  private final Signals signals;
  private final long[] reported;
  private final double[] lambda;
  private final boolean[] manipulated;
  private int compliant;
  private int activeCount;
  private int evaders;
  private double evaded;
  private double owedTrue;
  private int audits;
  private int detected;
  private long penalties;

  Compliance(
      Market market,
      Agents agents,
      ProgramTerms terms,
      int period,
      SplittableRandom random,
      long insurerId,
      Workload workload,
      long[] makeGood,
      Tally tally,
      Signals signals) {
    this.signals = signals;
    this.market = market;
    this.agents = agents;
    this.terms = terms;
    this.period = period;
    this.random = random;
    this.insurerId = insurerId;
    this.workload = workload;
    this.makeGood = makeGood;
    this.tally = tally;
    this.reported = new long[agents.size()];
    this.lambda = new double[agents.size()];
    this.manipulated = new boolean[agents.size()];
  }

  void run(Usage usage, double priceCents, Trading trading, List<TradeRow> rows) {
    report(usage);
    evaluate(usage, priceCents);
    trueUp(trading, rows, priceCents);
    surrender();
    close(usage);
  }

  private void report(Usage u) {
    double sigma = terms.auditNoiseSigma();
    for (int i = 0; i < agents.size(); i++) {
      if (!agents.active[i]) {
        continue;
      }
      long acct = agents.developers.get(i).accountId();
      double expectedLambda = agents.weight[i] / agents.developers.get(i).permitsPerUnit();
      double hidden = u.plannedShortfall[i] / expectedLambda;
      reported[i] = Math.max(0, Math.round(u.base[i] - hidden));
      if (sigma > 0) {
        long meter = Math.max(0, Math.round(u.base[i] + sigma * random.nextGaussian()));
        market.submit(new RecordMeterReading(acct, period, meter));
      }
      market.submit(new SubmitReport(acct, period, workload, reported[i]));
    }
  }

  private void evaluate(Usage u, double priceCents) {
    boolean insured = terms.insured();
    for (int i = 0; i < agents.size(); i++) {
      if (!agents.active[i]) {
        continue;
      }
      Developer d = agents.developers.get(i);
      boolean trulyHigh;
      boolean rateLow;
      if (signals != null) {
        trulyHigh = signals.trulyHigh[i];
        rateLow = signals.manipulated[i];
      } else {
        double high = d.riskType() * (1.0 - agents.effort[i]);
        trulyHigh = random.nextDouble() < high;
        rateLow =
            trulyHigh
                && Decisions.manipulates(
                    d.manipulationCost(),
                    priceCents,
                    terms.alpha(),
                    u.base[i],
                    insured,
                    terms.premiumDelta());
      }
      manipulated[i] = rateLow;
      RiskSignal seen = trulyHigh && !rateLow ? RiskSignal.H : RiskSignal.L;
      lambda[i] = seen == RiskSignal.H ? terms.alpha() : 1.0;
      market.submit(new RecordEvaluation(d.accountId(), period, seen));
      if (insured) {
        market.submit(
            new RecordInsurerEvaluation(
                insurerId, d.accountId(), period, trulyHigh ? RiskSignal.H : RiskSignal.L));
        if (reported[i] > 0) {
          market.submit(new ChargeInsurancePremium(d.accountId(), period));
        }
      }
      tally.usage(
          i,
          u.compute[i],
          u.compute[i] * d.energyPerUnit(),
          lambda[i] * Math.max(0, u.base[i] - reported[i]),
          rateLow,
          agents.effort[i]);
    }
  }

  private long obligation(int i) {
    return (long) Math.ceil(lambda[i] * reported[i] - 1e-9) + makeGood[i];
  }

  // Developers whose realised evaluation left them short buy before the deadline at up to
  // the marginal penalty; developers with a surplus sell it at the expected price (banking)
  // or at any price (permits that would expire).
  private void trueUp(Trading trading, List<TradeRow> rows, double priceCents) {
    long[] held = holdings();
    boolean shortage = false;
    for (int i = 0; i < agents.size(); i++) {
      shortage |= agents.active[i] && obligation(i) > held[i];
    }
    if (!shortage) {
      return;
    }
    market.drainTrades();
    market.submit(new StartCallAuction(period));
    long bidPrice = (long) Math.max(2, Math.min(1e9, terms.linearCentsPerPermit()));
    long askPrice = terms.banking() ? (long) Math.max(1, Math.min(bidPrice - 1, priceCents)) : 1;
    for (int i = 0; i < agents.size(); i++) {
      long acct = agents.developers.get(i).accountId();
      long gap = agents.active[i] ? obligation(i) - held[i] : -held[i];
      if (gap > 0) {
        market.limit(acct, true, bidPrice, gap, period);
      } else if (gap < 0) {
        sell(acct, askPrice, -gap);
      }
    }
    market.submit(new RunCallAuction(period));
    market.cancelAll(-1);
    trading.record(market.drainTrades(), "true-up", tally, rows);
  }

  private void sell(long acct, long price, long quantity) {
    long left = quantity;
    for (int v = oldest(); v <= period && left > 0; v++) {
      long part = Math.min(left, market.registry().freePermits(acct, v));
      if (part > 0) {
        market.limit(acct, false, price, part, v);
        left -= part;
      }
    }
  }

  private void surrender() {
    long[] held = holdings();
    for (int i = 0; i < agents.size(); i++) {
      long q = Math.min(held[i], agents.active[i] ? obligation(i) : makeGood[i]);
      if (q > 0) {
        market.submit(new SurrenderPermits(agents.developers.get(i).accountId(), period, q));
      }
    }
  }

  private void close(Usage u) {
    List<Long> drawn = List.of();
    for (Event e : market.submit(new ClosePeriod(period))) {
      if (e instanceof ComplianceAssessed c) {
        int i = (int) (c.accountId() - 1);
        if (i < 0 || i >= agents.size()) {
          continue;
        }
        makeGood[i] = c.makeGoodOwedPermits();
        charge(c.accountId(), c.penaltyCents() - c.penaltyUnpaidCents());
        if (agents.active[i]) {
          activeCount++;
          boolean truthful = reported[i] >= Math.round(u.base[i]);
          if (c.status() == ComplianceStatus.COMPLIANT && truthful && !manipulated[i]) {
            compliant++;
          }
          double owed = lambda[i] * u.base[i];
          owedTrue += owed;
          double hidden = lambda[i] * Math.max(0, Math.round(u.base[i]) - reported[i]);
          evaded += hidden;
          evaders += hidden > 0 ? 1 : 0;
        }
      } else if (e instanceof AuditsDrawn a) {
        drawn = a.audited();
      }
    }
    audits = drawn.size();
    verify(u);
    double sigma = terms.auditNoiseSigma();
    for (long acct : drawn) {
      int i = (int) (acct - 1);
      double truth = i >= 0 && i < agents.size() ? u.base[i] : 0.0;
      long measured = Math.max(0, Math.round(truth + sigma * random.nextGaussian()));
      tally.audited(acct);
      for (Event e : market.submit(new RecordAuditFinding(acct, period, measured))) {
        if (e instanceof AuditFindingRecorded f) {
          detected += f.additionalShortfallPermits() > 0 ? 1 : 0;
          charge(acct, f.penaltyCents() - f.penaltyUnpaidCents());
          if (i >= 0 && i < agents.size()) {
            makeGood[i] = f.makeGoodOwedPermits();
          }
        }
      }
    }
  }

  // The verifier records what each developer really produced and used in the period, the
  // history benchmark and grandfather allocation read next period (SPEC §4).
  private void verify(Usage u) {
    for (int i = 0; i < agents.size(); i++) {
      Developer d = agents.developers.get(i);
      market.submit(
          new RecordVerifiedActivity(
              d.accountId(),
              period,
              Math.round(u.compute[i] * d.outputPerUnit()),
              Math.round(u.base[i])));
    }
  }

  private void charge(long acct, long cents) {
    penalties += cents;
    tally.penalty(acct, cents);
  }

  private long[] holdings() {
    long[] out = new long[agents.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] =
          market.registry().freePermits(agents.developers.get(i).accountId(), oldest(), period);
    }
    return out;
  }

  private int oldest() {
    return market.engine().state().oldestEligibleVintage(period);
  }

  double complianceRate() {
    return activeCount == 0 ? Double.NaN : (double) compliant / activeCount;
  }

  double evasionRate() {
    return owedTrue == 0 ? 0.0 : evaded / owedTrue;
  }

  int evaders() {
    return evaders;
  }

  int audits() {
    return audits;
  }

  int detected() {
    return detected;
  }

  long penalties() {
    return penalties;
  }

  int manipulations() {
    int n = 0;
    for (boolean m : manipulated) {
      n += m ? 1 : 0;
    }
    return n;
  }
}
