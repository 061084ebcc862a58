package org.computecap.server;

/**
 * Who may call a route; the route table names one per route, {@link HttpApi} enforces it, the
 * OpenAPI document prints it, and the authorization matrix test walks it. Checks run in this order:
 * a token, if sent, must be valid (401), and is required unless PUBLIC (401); then the role (403);
 * then, for routes acting on an account, whether the caller owns the account named in the path or
 * body (403), or, for a resource that belongs to someone (an order, a bid, a token), whether it is
 * the caller's: another participant's resource is 404, as if it did not exist.
 */
enum Access {
  /** Anyone, no token: public market data (prices, depth, anonymous trades, auctions, periods). */
  PUBLIC,
  /** Any valid token; what comes back may be filtered to the caller's own account. */
  SIGNED_IN,
  /** The named account's holder, a regulator or an auditor (private reads). */
  READER,
  /** Regulators and auditors only (market-wide private reads). */
  SUPERVISOR,
  /** Regulators only (allocate, evaluate, audit, close a period, open accounts, enrol). */
  REGULATOR,
  /** Only the holder of the account the command acts for (regulators and auditors never act). */
  ACTOR,
  /** The account's holder or a regulator (deposits, revoking tokens, appointing insurers). */
  ACTOR_OR_REGULATOR,
  /** The participant's appointed insurer, or a regulator (premiums). */
  INSURER_OR_REGULATOR,
  /** Regulators and auditors (recording an audit finding, issue 16). */
  AUDITOR_OR_REGULATOR
}
