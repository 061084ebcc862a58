package org.computecap.engine.program;

/**
 * What happens to permits a primary auction did not sell (its own supply left over, or the whole
 * supply of a cancelled auction). {@code KEEP} is the original rule: they stay in the auction
 * reserve for good. {@code REOFFER} adds them to later auctions' supply (California and the EU ETS
 * re-offer unsold allowances), at most a share of each later auction's own volume. {@code
 * TO_STABILITY_RESERVE} moves them to the stability reserve account at clearing.
 */
public enum UnsoldPolicy {
  KEEP,
  REOFFER,
  TO_STABILITY_RESERVE
}
