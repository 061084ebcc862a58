package org.computecap.server;

/**
 * Who may call a route; the route table names one per route, {@link Routes} enforces it, the
 * OpenAPI document prints it, and the authorization matrix test walks it. Checks run in this order:
 * a token is required (401) unless PUBLIC; then the role (403); then, for routes acting on an
 * account, whether the caller owns the account named in the path or body (403).
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
  /** Regulators only (allocate, evaluate, audit, close a period, open accounts, tokens). */
  REGULATOR,
  /** Only the holder of the account the command acts for (auditors never act). */
  ACTOR,
  /** The account's holder or a regulator (deposits). */
  ACTOR_OR_REGULATOR,
  /** An insurer acting for itself, or a regulator (premiums). */
  INSURER_OR_REGULATOR
}
