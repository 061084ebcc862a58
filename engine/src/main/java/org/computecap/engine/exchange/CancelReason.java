package org.computecap.engine.exchange;

/** Why an order's quantity left the book (or never reached it) without trading. */
public enum CancelReason {
  /** The account asked for it ({@code CancelOrder}). */
  REQUESTED,
  /** The unfilled remainder of a market or IOC order, which never rests. */
  UNFILLED_REMAINDER,
  /** A resting order removed because an order of its own account would have matched it. */
  SELF_TRADE_PREVENTION,
  /** A resting order of a vintage that stopped trading (period close with banking off). */
  VINTAGE_CLOSED,
  /** A resting order of an account a regulator suspended, restricted or closed (issue 15). */
  ACCOUNT_STATUS
}
