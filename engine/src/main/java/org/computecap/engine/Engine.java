package org.computecap.engine;

import java.util.List;
import java.util.Objects;
import org.computecap.engine.access.AccessHandler;
import org.computecap.engine.allocation.AllocationHandler;
import org.computecap.engine.auction.AuctionHandler;
import org.computecap.engine.auction.PriceContainmentReserveIssued;
import org.computecap.engine.command.AccessCommand;
import org.computecap.engine.command.AllocationCommand;
import org.computecap.engine.command.AuctionCommand;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.ComplianceCommand;
import org.computecap.engine.command.ExchangeCommand;
import org.computecap.engine.command.LifecycleCommand;
import org.computecap.engine.command.MarketCommand;
import org.computecap.engine.command.MeteringCommand;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.command.RegistryCommand;
import org.computecap.engine.command.RepresentativeCommand;
import org.computecap.engine.command.SurrenderPermits;
import org.computecap.engine.compliance.ComplianceHandler;
import org.computecap.engine.compliance.LateSurrender;
import org.computecap.engine.exchange.ExchangeHandler;
import org.computecap.engine.exchange.OrderBooks;
import org.computecap.engine.lifecycle.LifecycleHandler;
import org.computecap.engine.metering.MeteringHandler;
import org.computecap.engine.program.Program;
import org.computecap.engine.registry.PermitMovements;
import org.computecap.engine.registry.RegistryHandler;
import org.computecap.engine.registry.SystemAccount;
import org.computecap.engine.representatives.RepresentativeHandler;
import org.computecap.engine.serial.SerialBook;

/**
 * The market as one deterministic, single-threaded state machine: {@link #apply} takes a command
 * with its logical tick and answers with events or a {@link Rejection}. It does no I/O, reads no
 * clock and draws no unseeded randomness, so applying the same commands to a new engine always
 * gives the same state ({@link #stateHash()}); the journal relies on that.
 *
 * <p>It is also the composition root: it parses the program of {@code OpenMarket} once, has the
 * state create every feature from it, and dispatches each command to its feature's handler with the
 * engine's only {@link WriteAccess}, so {@link #apply} is the one place where state changes.
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
  private final ProgramParser parser;
  private final EngineState state;
  private final WriteAccess access;
  private Throwable stoppedBy;

  /** An empty engine; {@code parser} turns the program of {@code OpenMarket} into rules. */
  public Engine(ProgramParser parser) {
    this(parser, OrderBooks.FAST);
  }

  /**
   * An empty engine whose exchange uses {@code books}: {@link OrderBooks#REFERENCE} for tests that
   * run a second engine on the naive books beside the real one and compare state hashes.
   */
  public Engine(ProgramParser parser, OrderBooks books) {
    this.parser = Objects.requireNonNull(parser, "parser");
    this.state = new EngineState(Objects.requireNonNull(books, "books"));
    this.access = new WriteAccess(state);
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
      if (state.isOpen()) {
        state.ledger().beginCommand();
      }
      Result result = dispatch(tick, command);
      state.recordApplied(tick);
      if (state.isOpen()) {
        state.registry().checkTotals();
        SerialBook serials = state.serials();
        if (serials != null && result.isAccepted()) {
          serials.apply(state.seq(), state.ledger().movements());
        }
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
    Rejection person = RepresentativeHandler.gate(state, command);
    if (person != null) {
      return Result.rejected(person);
    }
    return dispatchFeature(tick, command);
  }

  /** The feature's handler; a command a person initiated comes back here to execute. */
  private Result dispatchFeature(long tick, Command command) {
    // Each feature has its one dispatch line here.
    if (command instanceof SurrenderPermits c && LateSurrender.isLate(state, c)) {
      return LateSurrender.apply(access, c);
    }
    if (command instanceof RegistryCommand c) {
      return RegistryHandler.apply(access, c);
    }
    if (command instanceof ExchangeCommand c) {
      return ExchangeHandler.apply(access, c);
    }
    if (command instanceof AllocationCommand c) {
      return AllocationHandler.apply(access, c);
    }
    if (command instanceof AuctionCommand c) {
      return AuctionHandler.apply(access, c);
    }
    if (command instanceof ComplianceCommand c) {
      return ComplianceHandler.apply(access, c);
    }
    if (command instanceof AccessCommand c) {
      return AccessHandler.apply(access, tick, c);
    }
    if (command instanceof LifecycleCommand c) {
      return LifecycleHandler.apply(access, c);
    }
    if (command instanceof RepresentativeCommand c) {
      return RepresentativeHandler.apply(access, tick, c, inner -> dispatchFeature(tick, inner));
    }
    if (command instanceof MeteringCommand c) {
      return MeteringHandler.apply(access, c);
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
    Program program = parser.parse(open.programYaml());
    state.open(open.programYaml(), open.seed(), program);
    MarketOpened opened = new MarketOpened(program.firstPeriod(), open.seed());
    long reserve = program.priceContainmentPermits(program.firstPeriod());
    if (reserve == 0) {
      return Result.accepted(opened);
    }
    // The price containment reserve is carved out of the first cap at genesis (issue 14).
    access
        .ledger()
        .issue(SystemAccount.PRICE_CONTAINMENT_RESERVE.id(), program.firstPeriod(), reserve);
    return Result.accepted(
        List.of(opened, new PriceContainmentReserveIssued(program.firstPeriod(), reserve)));
  }

  /**
   * The permits the last command moved (issue 15's serial numbers are projected from them): valid
   * until the next {@link #apply}, so a reader on another thread takes {@link
   * PermitMovements#toArray()} first. Empty after a rejection.
   */
  public PermitMovements movements() {
    return state.movements();
  }

  /**
   * Keeps the serial numbers of every permit in a {@link SerialBook} updated after each command, on
   * this thread, and checks them with {@link #checkInvariants()} (scripts and randomized tests do;
   * the server projects them on its read side instead, from {@link #movements()}). Only a new
   * engine can track them: the book is built from the first command on.
   */
  public SerialBook trackSerials() {
    if (state.seq() != 0) {
      throw new IllegalStateException(
          "serials are tracked from the first command; " + state.seq() + " were applied");
    }
    if (state.serials() == null) {
      state.trackSerials(new SerialBook());
    }
    return state.serials();
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
