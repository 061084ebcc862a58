package org.computecap.engine.program;

/**
 * An account's lifecycle status (issue 15), set by a regulator with {@link SetAccountStatus}. Which
 * commands each status refuses is {@link AccountRule}'s to say (and docs/rules.md's).
 */
public enum AccountStatus {
  /** Everything allowed (every account starts here). */
  OPEN,
  /** Nothing leaves the account: no permits, no cash, no orders or bids; it may still receive. */
  SUSPENDED,
  /** Like SUSPENDED, except that it may surrender permits against its obligation. */
  RESTRICTED,
  /** Empty and final: nothing enters or leaves, and no status change follows. */
  CLOSED
}
