package org.computecap.engine;

import org.computecap.engine.registry.Ledger;

/**
 * The right to change the engine's state. {@link Engine} creates the only instance for its state
 * (the constructor is package-private) and hands it to the feature handlers while it applies a
 * command, and never out: so nothing outside {@link Engine#apply} can reach the registry's mutators
 * ({@link #ledger()}), advance the period, or call a feature's cross-feature mutator (those take a
 * {@code WriteAccess}). Adapters read {@link EngineState}, which has no mutators.
 */
public final class WriteAccess {
  private final EngineState state;

  WriteAccess(EngineState state) {
    this.state = state;
  }

  /** The state being changed, for its queries. */
  public EngineState state() {
    return state;
  }

  /** The registry's mutators. */
  public Ledger ledger() {
    return state.ledger();
  }

  /** Starts the next period (the compliance feature, when it closes a period). */
  public void advancePeriod() {
    state.advancePeriod();
  }
}
