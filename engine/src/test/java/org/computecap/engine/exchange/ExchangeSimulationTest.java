package org.computecap.engine.exchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.Engine;
import org.computecap.engine.Result;
import org.computecap.engine.TestPrograms;
import org.computecap.engine.command.CancelOrder;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.IssuePermits;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.command.OrderType;
import org.computecap.engine.command.PlaceOrder;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.RunCallAuction;
import org.computecap.engine.command.Side;
import org.computecap.engine.command.StartCallAuction;
import org.computecap.engine.command.TransferPermits;
import org.computecap.engine.command.WithdrawCash;
import org.computecap.engine.journal.InMemoryJournal;
import org.computecap.engine.journal.JournaledEngine;
import org.computecap.engine.journal.Replay;
import org.junit.jupiter.api.Test;

/**
 * A seeded random market driven through two engines at once: one with the fast books, one with the
 * naive reference books. After every command both must give the same result and the same canonical
 * state hash, and the fast engine's invariants (conservation, reservations equal to resting orders)
 * must hold; at the end the journal must replay to the same hash. The flow mixes orders of every
 * type (some malformed for the tick, the lot, the balances or the order id), cancels (some by the
 * wrong account), call auctions, and registry commands that move free balances under the resting
 * orders. A failure prints its seed; {@code -Dseed=N} replays it.
 */
class ExchangeSimulationTest {
  private static final int V = 2026;
  private static final int STEPS = 8_000;
  private static final int ACCOUNTS = 6;

  @Test
  void fast_and_reference_books_give_the_same_engine_state_on_random_markets() {
    String fixed = System.getProperty("seed");
    long[] seeds = fixed != null ? new long[] {Long.parseLong(fixed)} : new long[] {11, 12, 13, 14};
    for (long seed : seeds) {
      try {
        run(seed);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("seed " + seed + " (rerun with -Dseed=" + seed + "): " + e, e);
      }
    }
  }

  private static void run(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long tick = random.nextBoolean() ? 1 : 5;
    long lot = random.nextBoolean() ? 1 : 3;
    String section =
        "  tickCents: "
            + tick
            + "\n  lotPermits: "
            + lot
            + "\n  selfTradePrevention: "
            + random.nextBoolean()
            + "\n  books: "
            + (random.nextBoolean() ? "PER_VINTAGE" : "SINGLE")
            + "\n";
    String program = ExchangePrograms.yaml(V, 1_000_000, section);
    CommandCodec codec = CommandCodec.standard();
    InMemoryJournal journal = new InMemoryJournal();
    Engine tracked = new Engine(TestPrograms.PARSER);
    tracked.trackSerials();
    JournaledEngine fast = new JournaledEngine(tracked, journal, codec);
    Engine reference = new Engine(TestPrograms.PARSER, OrderBooks.REFERENCE);
    long time = 0;
    both(fast, reference, time, new OpenMarket(program, seed), -1);
    for (long a = 1; a <= ACCOUNTS; a++) {
      both(fast, reference, time, new OpenAccount(a, "p" + a, Role.PARTICIPANT), -1);
      both(fast, reference, time, new DepositCash(a, 20_000 + random.nextInt(50_000)), -1);
      both(fast, reference, time, new IssuePermits(a, V, lot * (20 + random.nextInt(100))), -1);
    }
    both(fast, reference, time, new OpenAccount(ACCOUNTS + 1, "insurer", Role.INSURER), -1);
    Flow flow = new Flow(random, tick, lot);
    for (int step = 0; step < STEPS; step++) {
      time += random.nextInt(2);
      Command command;
      try {
        command = flow.next();
      } catch (IllegalArgumentException malformed) {
        continue;
      }
      both(fast, reference, time, command, step);
    }
    byte[] replayed = Replay.rebuild(journal, TestPrograms.PARSER, codec).stateHash();
    if (!Arrays.equals(replayed, fast.engine().stateHash())) {
      throw new AssertionError(
          "replay gives "
              + CanonicalWriter.hex(replayed)
              + ", the engine "
              + CanonicalWriter.hex(fast.engine().stateHash()));
    }
  }

  private static void both(
      JournaledEngine fast, Engine reference, long time, Command command, int step) {
    Result a = fast.submit(time, command);
    Result b = reference.apply(time, command);
    fast.engine().checkInvariants();
    if (!a.toString().equals(b.toString())) {
      throw new AssertionError("step " + step + " " + command + ": fast " + a + ", reference " + b);
    }
    if (fast.engine().state().featureOrNull(ExchangeState.class) != null
        && !Arrays.equals(fast.engine().stateHash(), reference.stateHash())) {
      throw new AssertionError("state hashes differ after step " + step + " " + command);
    }
  }

  /** Random commands, mostly well-formed and within the rules, some not. */
  private static final class Flow {
    private final SplittableRandom random;
    private final long tick;
    private final long lot;
    private final List<long[]> placed = new ArrayList<>();
    private long nextId = 1;

    Flow(SplittableRandom random, long tick, long lot) {
      this.random = random;
      this.tick = tick;
      this.lot = lot;
    }

    Command next() {
      int r = random.nextInt(100);
      long account = 1 + random.nextInt(ACCOUNTS + (random.nextInt(20) == 0 ? 2 : 0));
      if (r < 55) {
        return order(account);
      }
      if (r < 75 && !placed.isEmpty()) {
        long[] o = placed.get(random.nextInt(placed.size()));
        return new CancelOrder(o[0], random.nextInt(8) == 0 ? account : o[1]);
      }
      if (r < 80) {
        return random.nextBoolean() ? new StartCallAuction(V) : new RunCallAuction(V);
      }
      if (r < 87) {
        return new DepositCash(account, 1 + random.nextInt(5_000));
      }
      if (r < 94) {
        return new WithdrawCash(account, 1 + random.nextInt(5_000));
      }
      long to = 1 + random.nextInt(ACCOUNTS);
      return to == account
          ? new IssuePermits(account, V, 1 + random.nextInt(10))
          : new TransferPermits(account, to, V, 1 + random.nextInt(10));
    }

    private Command order(long account) {
      Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
      int t = random.nextInt(10);
      OrderType type = t < 6 ? OrderType.LIMIT : t < 8 ? OrderType.IOC : OrderType.MARKET;
      long price =
          type == OrderType.MARKET
              ? 0
              : tick * (90 + random.nextInt(21)) + (random.nextInt(30) == 0 ? 1 : 0);
      long quantity = lot * (1 + random.nextInt(8)) + (random.nextInt(30) == 0 ? 1 : 0);
      // A guess at the id the engine will assign: it numbers accepted orders only, so after a
      // rejection the guess names a later order, and cancels of it reach the unknown-order and
      // not-owned paths as well as the ordinary one.
      long id = nextId++;
      int vintage = random.nextInt(50) == 0 ? V + 1 : V;
      placed.add(new long[] {id, account});
      if (placed.size() > 400) {
        placed.remove(0);
      }
      return new PlaceOrder(account, side, type, price, quantity, vintage);
    }
  }
}
