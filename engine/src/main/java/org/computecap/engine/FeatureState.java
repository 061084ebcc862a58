package org.computecap.engine;

import java.util.SortedMap;

/**
 * The state a feature (exchange, allocation, auctions, compliance) keeps inside the engine beside
 * the registry. {@link EngineState#feature(Class, java.util.function.Supplier)} creates it on the
 * feature's first command; replay applies the same commands and so creates the same features, which
 * keeps the state hash reproducible.
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
