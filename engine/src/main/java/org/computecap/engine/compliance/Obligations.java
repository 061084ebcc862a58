package org.computecap.engine.compliance;

import org.computecap.engine.program.Ppm;

/**
 * The compliance arithmetic of one participant and period (SPEC §7), in whole permits and cents.
 * The obligation rounds up ({@code ceil(lambda · reported)}): a fraction of a risk-weighted unit
 * still needs a whole permit, so rounding never favours the participant.
 */
public final class Obligations {
  private Obligations() {}

  /** {@code ceil(lambda · quantity)} with lambda in parts per million. */
  public static long weightedPermits(long lambdaPpm, long quantity) {
    if (lambdaPpm < 0 || quantity < 0) {
      throw new IllegalArgumentException(
          "lambdaPpm and quantity must be at least 0 but are " + lambdaPpm + ", " + quantity);
    }
    return Ppm.ceilOf(quantity, lambdaPpm);
  }

  /** {@code (obligation - surrendered)+}. */
  public static long shortfall(long obligationPermits, long surrenderedPermits) {
    return Math.max(0, obligationPermits - surrenderedPermits);
  }

  /**
   * The shortfall an audit adds to what period close already found: the true obligation {@code
   * ceil(lambda · measured) + make-good owed} less what was surrendered, less the shortfall charged
   * at close; never negative (an audit finding less than the report refunds nothing, because the
   * participant chose to surrender against its report).
   */
  public static long additionalShortfall(
      long lambdaPpm,
      long measuredQuantity,
      long makeGoodInPermits,
      long surrenderedPermits,
      long shortfallAtClosePermits) {
    long trueObligation =
        ComplianceState.saturatingAdd(
            weightedPermits(lambdaPpm, measuredQuantity), makeGoodInPermits);
    return Math.max(0, shortfall(trueObligation, surrenderedPermits) - shortfallAtClosePermits);
  }

  /**
   * The penalty an audit adds: {@code phi(D_close + extra) - phi(D_close)}, so that the total
   * charged for the period is phi of the whole detected shortfall (phi is convex, so charging
   * phi(extra) alone would reward splitting a shortfall between report and audit).
   */
  public static long additionalPenaltyCents(
      long linear, long quadratic, long shortfallAtClosePermits, long additionalPermits) {
    long total =
        PenaltyFunction.phiCents(
            linear,
            quadratic,
            ComplianceState.saturatingAdd(shortfallAtClosePermits, additionalPermits));
    long already = PenaltyFunction.phiCents(linear, quadratic, shortfallAtClosePermits);
    return total == Long.MAX_VALUE ? Long.MAX_VALUE : total - already;
  }

  /**
   * The insurance premium {@code pi · quantity} in cents, or {@code Long.MAX_VALUE} when it exceeds
   * what a long holds (no account can pay that, so it is refused as unaffordable).
   */
  public static long premiumCents(long premiumCentsPerUnit, long quantity) {
    long low = premiumCentsPerUnit * quantity;
    return Math.multiplyHigh(premiumCentsPerUnit, quantity) != 0 || low < 0 ? Long.MAX_VALUE : low;
  }
}
