package org.computecap.engine.program;

import org.computecap.engine.EngineState;
import org.computecap.engine.Rejection;

/**
 * The account lifecycle's checks (issue 15), shared by every feature whose commands move permits or
 * cash of an account, the way {@link PeriodRule} shares the period checks. Each answers the broken
 * rule or null. An account's status is OPEN unless a regulator changed it, and always OPEN in a
 * program without {@code registryControls}, so these checks change nothing there.
 *
 * <p>What leaves an account (refused unless OPEN): a transfer out, a cancellation, a cash
 * withdrawal, an order of either side (a sell order delivers permits, a buy order pays cash), an
 * auction or reserve bid and a purchase at the price ceiling (each pays cash). A surrender leaves
 * too, but a RESTRICTED account may still make it. What enters (refused only when CLOSED): a
 * transfer in, a deposit, an issuance, a report for the period.
 */
public final class AccountRule {
  private AccountRule() {}

  /** Permits or cash would leave the account at its own request. */
  public static Rejection maySend(EngineState state, long accountId) {
    return refusal(state.accountStatus(accountId));
  }

  /** The account would surrender permits against an obligation. */
  public static Rejection maySurrender(EngineState state, long accountId) {
    AccountStatus status = state.accountStatus(accountId);
    return status == AccountStatus.RESTRICTED ? null : refusal(status);
  }

  /** Permits, cash or a report would come into the account. */
  public static Rejection mayReceive(EngineState state, long accountId) {
    return state.accountStatus(accountId) == AccountStatus.CLOSED ? Rejection.ACCOUNT_CLOSED : null;
  }

  /** The rejection that names a status other than OPEN. */
  public static Rejection refusal(AccountStatus status) {
    return switch (status) {
      case OPEN -> null;
      case SUSPENDED -> Rejection.ACCOUNT_SUSPENDED;
      case RESTRICTED -> Rejection.ACCOUNT_RESTRICTED;
      case CLOSED -> Rejection.ACCOUNT_CLOSED;
    };
  }
}
