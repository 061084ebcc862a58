package org.computecap.sim.run;

import org.computecap.economics.audit.Escalation;
import org.computecap.economics.audit.TwoStageAudit;
import org.computecap.engine.command.PostCollateral;
import org.computecap.engine.compliance.EnforcementState;
import org.computecap.engine.program.CollateralForm;
import org.computecap.engine.program.EnforcementLevers;
import org.computecap.engine.program.Program;
import org.computecap.sim.scenario.MarketSettings;

/**
 * What issue 17's audit levers do to the audit probability a strategic developer plans with (the
 * engine applies the levers themselves): two-stage audits detect an under-report only when the
 * screen flags it, {@code rho·(1 - FN)} ({@link TwoStageAudit}); escalation raises the audit
 * probability after each detection, which a developer that keeps evading sees as the annuity
 * equivalent {@code rho·factor} at its discount factor {@code 1/(1 + discountRate)} ({@link
 * Escalation}). Both come from the economics library, so the simulated evasion can be checked
 * against its thresholds. Collateral: each developer posts the program's cash collateral when it
 * opens its account ({@link #post}) and weighs what it still has posted ({@link #collateralCents}).
 */
final class Levers {
  private static final double PPM = 1_000_000.0;

  private Levers() {}

  /** The detection probability a strategic developer plans with, at most 1. */
  static double perceivedAuditProbability(
      double rho, EnforcementLevers levers, MarketSettings settings) {
    double perceived = rho;
    if (levers.twoStage().isOn()) {
      perceived = twoStage(levers.twoStage(), rho).detectionProbability();
    }
    if (levers.escalation().isOn()) {
      double discount = 1.0 / (1.0 + settings.discountRate());
      double step = levers.escalation().stepPpm() / PPM;
      double decay = levers.escalation().decayPpm() / PPM;
      if (discount * (1.0 - decay + step) >= 1.0) {
        // The expected raise outgrows discounting: the raised probability reaches 1 for good.
        return perceived > 0.0 ? 1.0 : 0.0;
      }
      perceived = new Escalation(step, decay, discount).effectiveAuditProbability(perceived);
    }
    return Math.min(1.0, perceived);
  }

  /** The program's two-stage audits as the economics library's, screening with {@code rho}. */
  static TwoStageAudit twoStage(EnforcementLevers.TwoStage rule, double rho) {
    return new TwoStageAudit(rho, rule.falseNegativePpm() / PPM, rule.falsePositivePpm() / PPM);
  }

  /**
   * Each developer's cash collateral posted in the engine, by developer index; null when the
   * program has no collateral (then nobody weighs any).
   */
  static long[] collateralCents(Market market, Accounts accounts, Program program) {
    if (!program.enforcement().collateral().isOn()) {
      return null;
    }
    EnforcementState s = market.engine().state().feature(EnforcementState.class);
    long[] out = new long[accounts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = s.cashCollateralCents(accounts.id(i));
    }
    return out;
  }

  /**
   * When the program asks for collateral in cash, a developer posts it as it joins (after its cash
   * is deposited); collateral in permits is not posted by the agents.
   */
  static void post(Market market, Program program, long accountId) {
    EnforcementLevers.Collateral rule = program.enforcement().collateral();
    if (rule.isOn() && rule.form() == CollateralForm.CASH) {
      market.submit(new PostCollateral(accountId));
    }
  }
}
