package org.computecap.engine;

import java.util.SortedMap;

/**
 * The state a feature (exchange, allocation, auctions, compliance) keeps inside the engine beside
 * the registry. {@link EngineState} creates every feature's state once, when the market opens, from
 * the parsed program; the feature's handler changes it through package-private mutators, so from
 * outside its package a feature state is read-only. Fields that are not part of the state (caches,
 * what the next invariant check must revisit) are {@code transient}: the architecture test lets
 * public methods write only those.
 */
public interface FeatureState {
  /** A stable, unique name: the canonical encoding orders features by it. */
  String name();

  /** Writes this feature's whole state in a fixed order (sorted keys, never map order). */
  void writeCanonical(CanonicalWriter w);

  /**
   * Checks this feature's invariants against the rest of the state (e.g. the book's resting
   * quantities equal the registry's exchange reservations) and throws {@link AssertionError}.
   */
  void checkInvariants(EngineState state);

  /** Adds this feature's counters to a summary (e.g. {@code openOrders}); none by default. */
  default void describe(SortedMap<String, Long> summary) {}
}
