package org.computecap.engine.program;

import org.computecap.engine.EngineState;
import org.computecap.engine.Rejection;

/**
 * The period checks shared by allocation, auctions and compliance, in one order of precedence: the
 * period belongs to the program, then it is the current one (earlier ones are closed, later ones
 * have not started). Issuance is only ever into the current vintage.
 */
public final class PeriodRule {
  private PeriodRule() {}

  /** The broken rule when {@code period} is not the current program period, else null. */
  public static Rejection mustBeCurrent(EngineState state, int period) {
    Program program = state.program();
    if (!program.hasPeriod(period)) {
      return Rejection.PERIOD_OUTSIDE_PROGRAM;
    }
    if (period < state.currentPeriod()) {
      return Rejection.PERIOD_CLOSED;
    }
    if (period > state.currentPeriod()) {
      return Rejection.PERIOD_NOT_STARTED;
    }
    return null;
  }

  /** The broken rule when {@code period} is not a program period that has already begun. */
  public static Rejection mustHaveBegun(EngineState state, int period) {
    Program program = state.program();
    if (!program.hasPeriod(period)) {
      return Rejection.PERIOD_OUTSIDE_PROGRAM;
    }
    return period > state.currentPeriod() ? Rejection.PERIOD_NOT_STARTED : null;
  }
}
