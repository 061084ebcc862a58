package org.computecap.engine.command;

import org.computecap.engine.program.AccountStatus;

/**
 * A regulator sets a participant's or insurer's account status (issue 15), giving its reason, which
 * the journal keeps with the change.
 */
public record SetAccountStatus(long accountId, AccountStatus status, String reason)
    implements LifecycleCommand {
  /** The longest reason kept. */
  public static final int MAX_REASON_LENGTH = 200;

  public SetAccountStatus {
    Fields.accountId("accountId", accountId);
    Fields.required("status", status);
    reason(reason);
  }

  /** A reason is 1 to 200 characters with no control characters (it is shown to people). */
  static void reason(String reason) {
    if (reason == null
        || reason.isBlank()
        || reason.length() > MAX_REASON_LENGTH
        || reason.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidFieldException(
          "reason",
          "reason must be 1 to "
              + MAX_REASON_LENGTH
              + " characters, not blank and without control characters, got "
              + (reason == null ? "nothing" : reason.length() + " characters"));
    }
  }
}
