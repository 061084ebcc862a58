package org.computecap.sim.run;

import org.computecap.economics.audit.Escalation;
import org.computecap.economics.audit.TwoStageAudit;
import org.computecap.engine.program.EnforcementLevers;
import org.computecap.sim.scenario.MarketSettings;

/**
 * What issue 17's audit levers do to the audit probability a strategic developer plans with (the
 * engine applies the levers themselves): two-stage audits detect an under-report only when the
 * screen flags it, {@code rho·(1 - FN)} ({@link TwoStageAudit}); escalation raises the audit
 * probability after each detection, which a developer that keeps evading sees as the annuity
 * equivalent {@code rho·factor} at its discount factor {@code 1/(1 + discountRate)} ({@link
 * Escalation}). Both come from the economics library, so the simulated evasion can be checked
 * against its thresholds. Collateral is not modelled by the agents (docs/enforcement.md).
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
}
