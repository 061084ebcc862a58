package org.computecap.engine;

import java.util.Objects;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.MarketCommand;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.command.RegistryCommand;
import org.computecap.engine.registry.RegistryHandler;

/**
 * The market as one deterministic, single-threaded state machine: {@link #apply} takes a command
 * with its logical tick and answers with events or a {@link Rejection}. It does no I/O, reads no
 * clock and draws no unseeded randomness, so applying the same commands to a new engine always
 * gives the same state ({@link #stateHash()}); the journal relies on that.
 *
 * <p>Handlers check every rule first and mutate only when all pass, so a rejected command leaves
 * the state untouched. A malformed command (a field out of range) throws {@link
 * IllegalArgumentException} before any mutation and does not count as applied. After every command
 * the O(1) conservation totals are checked; {@link #checkInvariants()} runs the full recount (tests
 * run it after every command). A broken invariant stops the engine: every later command is refused
 * with {@link IllegalStateException}, because the state can no longer be trusted; the way back is a
 * replay of the journal.
 */
public final class Engine {
  private final EngineState state;
  private Throwable stoppedBy;

  /** An empty engine; {@code parser} turns the program of {@code OpenMarket} into rules. */
  public Engine(ProgramParser parser) {
    this.state = new EngineState(Objects.requireNonNull(parser, "parser"));
  }

  /** Applies one command at logical time {@code tick} (never earlier than the last one). */
  public Result apply(long tick, Command command) {
    Objects.requireNonNull(command, "command");
    if (stoppedBy != null) {
      throw new IllegalStateException(
          "the engine stopped after a broken invariant: " + stoppedBy.getMessage(), stoppedBy);
    }
    if (tick < state.lastTick()) {
      throw new IllegalArgumentException(
          "tick must be >= " + state.lastTick() + " (the previous command's tick), got " + tick);
    }
    try {
      Result result = dispatch(tick, command);
      state.recordApplied(tick);
      if (state.isOpen()) {
        state.registry().checkTotals();
      }
      return result;
    } catch (AssertionError e) {
      stoppedBy = e;
      throw e;
    }
  }

  private Result dispatch(long tick, Command command) {
    if (command instanceof MarketCommand c) {
      return applyMarket(c);
    }
    if (!state.isOpen()) {
      return Result.rejected(Rejection.MARKET_NOT_OPEN);
    }
    if (command instanceof RegistryCommand c) {
      return RegistryHandler.apply(state, c);
    }
    // Each feature adds its one dispatch line here, in its own paragraph.

    // exchange:
    if (command instanceof org.computecap.engine.command.ExchangeCommand c) {
      return org.computecap.engine.exchange.ExchangeHandler.apply(state, c);
    }

    // allocation:
    if (command instanceof org.computecap.engine.command.AllocationCommand c) {
      return org.computecap.engine.allocation.AllocationHandler.apply(state, c);
    }

    // auction:
    if (command instanceof org.computecap.engine.command.AuctionCommand c) {
      return org.computecap.engine.auction.AuctionHandler.apply(state, c);
    }

    // compliance:
    if (command instanceof org.computecap.engine.command.ComplianceCommand c) {
      return org.computecap.engine.compliance.ComplianceHandler.apply(state, c);
    }

    // access:
    if (command instanceof org.computecap.engine.command.AccessCommand c) {
      return org.computecap.engine.access.AccessHandler.apply(state, tick, c);
    }

    throw new AssertionError("no handler for " + command.getClass().getName());
  }

  private Result applyMarket(MarketCommand command) {
    if (!(command instanceof OpenMarket open)) {
      throw new AssertionError("no handler for " + command.getClass().getName());
    }
    if (state.isOpen()) {
      return Result.rejected(Rejection.MARKET_ALREADY_OPEN);
    }
    ProgramRules rules = state.parser().parse(open.programYaml());
    if (rules.firstPeriod() < 0) {
      throw new IllegalArgumentException(
          "program firstPeriod must be >= 0, got " + rules.firstPeriod());
    }
    state.open(open.programYaml(), open.seed(), rules);
    return Result.accepted(new MarketOpened(rules.firstPeriod(), open.seed()));
  }

  /** The state, for reading; only {@link #apply} changes it. */
  public EngineState state() {
    return state;
  }

  /** SHA-256 of the canonical encoding of the whole state. */
  public byte[] stateHash() {
    return state.stateHash();
  }

  /** Runs every invariant check; throws {@link AssertionError} on the first broken one. */
  public void checkInvariants() {
    try {
      state.checkInvariants();
    } catch (AssertionError e) {
      stoppedBy = e;
      throw e;
    }
  }
}
