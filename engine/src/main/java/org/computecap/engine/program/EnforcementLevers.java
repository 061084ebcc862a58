package org.computecap.engine.program;

/**
 * The enforcement levers of issue 17 (the program's optional {@code enforcement} section), each off
 * when absent; with the whole section absent the engine keeps no enforcement state, so every other
 * program's state hash is what it was before the levers existed. docs/rules.md states each rule.
 *
 * @param collateral what each participant posts ({@code PostCollateral}) and forfeits on a detected
 *     under-report, and the liability cap
 * @param twoStage the first-stage screen's error rates: audits drawn by the lottery are screens,
 *     and only a flagged screen becomes a full audit that charges
 * @param escalation how a detected under-report raises the account's audit probability and how fast
 *     the raise decays
 */
public record EnforcementLevers(Collateral collateral, TwoStage twoStage, Escalation escalation) {

  /** No levers: the rules of the first wave. */
  public static final EnforcementLevers NONE =
      new EnforcementLevers(Collateral.NONE, TwoStage.NONE, Escalation.NONE);

  /** Whether any lever is on; only then does the engine keep (and hash) enforcement state. */
  public boolean isOn() {
    return collateral.isOn() || twoStage.isOn() || escalation.isOn();
  }

  /**
   * Collateral of {@code amount} cents ({@link CollateralForm#CASH}) or permits ({@link
   * CollateralForm#PERMITS}); {@code liabilityCapCents} bounds what one detected under-report costs
   * in cash, forfeited cash collateral and fine together (0 for no cap). Amount 0 means off.
   */
  public record Collateral(CollateralForm form, long amount, long liabilityCapCents) {
    /** No collateral. */
    public static final Collateral NONE = new Collateral(CollateralForm.CASH, 0, 0);

    public boolean isOn() {
      return amount > 0;
    }

    public boolean hasLiabilityCap() {
      return liabilityCapCents > 0;
    }
  }

  /**
   * A first-stage screen that misses an under-report with probability {@code falseNegativePpm} and
   * flags an honest report with probability {@code falsePositivePpm}.
   */
  public record TwoStage(boolean on, long falseNegativePpm, long falsePositivePpm) {
    /** One-stage audits. */
    public static final TwoStage NONE = new TwoStage(false, 0, 0);

    public boolean isOn() {
      return on;
    }
  }

  /**
   * A detected under-report adds {@code stepPpm} to the account's audit probability; each period
   * close takes {@code decayPpm} of the raise away (rounded up, so it reaches 0). Step 0 means off.
   */
  public record Escalation(long stepPpm, long decayPpm) {
    /** No escalation. */
    public static final Escalation NONE = new Escalation(0, 0);

    public boolean isOn() {
      return stepPpm > 0;
    }
  }
}
