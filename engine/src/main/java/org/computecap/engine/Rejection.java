package org.computecap.engine;

/**
 * Why a command was refused: each value names the business rule that was broken and its
 * {@link #code()} is stable (it is what scripts, the HTTP API and clients match on), so a value
 * is never renamed. Sections per feature keep parallel additions from colliding; a feature adds
 * its codes to its own section only.
 */
public enum Rejection {
  // --- market (core) ---
  /** Every command but {@code OpenMarket} needs an open market. */
  MARKET_NOT_OPEN,
  /** {@code OpenMarket} is the genesis command and happens once. */
  MARKET_ALREADY_OPEN,

  // --- registry (core) ---
  /** The account id is already taken. */
  ACCOUNT_ALREADY_EXISTS,
  /** No account has this id. */
  UNKNOWN_ACCOUNT,
  /** The account's role may not take part in this operation (e.g. an auditor holding permits). */
  ROLE_NOT_PERMITTED,
  /** The account's free cash does not cover the amount. */
  INSUFFICIENT_CASH,
  /** The account's free permits of the eligible vintages do not cover the quantity. */
  INSUFFICIENT_PERMITS,
  /** Issuing would take the vintage's issued total above the period's cap. */
  CAP_EXCEEDED,
  /** Permits are issued only in the vintage of the current period. */
  VINTAGE_NOT_CURRENT,
  /** A transfer names the same account as sender and receiver. */
  TRANSFER_TO_SELF,
  /** The period has not started yet. */
  PERIOD_NOT_STARTED,
  /** The period lies before the program's first period. */
  PERIOD_BEFORE_PROGRAM,

  // --- exchange ---

  // --- allocation ---

  // --- auction ---

  // --- compliance ---
  ;

  /** The stable code of this rejection, e.g. {@code INSUFFICIENT_CASH}. */
  public String code() {
    return name();
  }
}
