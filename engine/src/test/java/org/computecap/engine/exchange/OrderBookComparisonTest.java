package org.computecap.engine.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.computecap.engine.command.OrderType;
import org.computecap.engine.command.Side;
import org.junit.jupiter.api.Test;

/**
 * Drives the fast book and the naive reference book with the same seeded random flow and compares
 * every return value, every callback and the state hash after every command. Flows alternate
 * continuous phases with call phases (orders rested without matching, then an uncross). A failure
 * names its seed; {@code -Dseed=N} replays just that seed.
 */
class OrderBookComparisonTest {
  private static final int STEPS = 10_000;

  @Test
  void the_fast_book_matches_the_reference_book_on_random_flows() {
    String fixed = System.getProperty("seed");
    long[] seeds = fixed != null ? new long[] {Long.parseLong(fixed)} : new long[] {1, 2, 3, 4, 5};
    for (long seed : seeds) {
      try {
        run(seed);
      } catch (AssertionError e) {
        throw new AssertionError(
            "seed " + seed + " (rerun with -Dseed=" + seed + "): " + e.getMessage(), e);
      }
    }
  }

  @Test
  void the_books_agree_when_thousands_of_price_levels_grow_every_array() {
    run(99, 6_000, 5_000);
  }

  @Test
  void the_books_agree_when_the_levels_keep_crossing_between_the_near_array_and_the_deep_map() {
    // A few times the fast book's near levels, so levels move deep and come back all the time.
    for (long seed = 11; seed <= 13; seed++) {
      assertThat(run(seed, 20_000, 4 * ArrayOrderBook.Ladder.NEAR))
          .isGreaterThan(ArrayOrderBook.Ladder.NEAR);
    }
  }

  private static void run(long seed) {
    run(seed, STEPS, 21);
  }

  /** Runs a flow; returns the most price levels either side of the fast book held. */
  private static int run(long seed, int steps, int priceRange) {
    SplittableRandom random = new SplittableRandom(seed);
    long lot = 1 + random.nextInt(3);
    boolean stp = random.nextBoolean();
    int accounts = 2 + random.nextInt(6);
    ArrayOrderBook fast = new ArrayOrderBook(lot, stp, 2);
    ReferenceOrderBook reference = new ReferenceOrderBook(lot, stp);
    RecordingListener fastCalls = new RecordingListener();
    RecordingListener referenceCalls = new RecordingListener();
    List<Long> ids = new ArrayList<>();
    long nextId = 1;
    int mostLevels = 0;
    for (int step = 0; step < steps; step++) {
      boolean callPhase = (step / 500) % 4 == 3;
      int action = random.nextInt(100);
      long resultFast;
      long resultReference;
      if (action < 35 && !ids.isEmpty()) {
        long id = random.nextInt(10) == 0 ? nextId + 5 : ids.remove(random.nextInt(ids.size()));
        resultFast = fast.cancel(id);
        resultReference = reference.cancel(id);
      } else if (callPhase && action < 40) {
        long ref = random.nextBoolean() ? OrderBook.NO_PRICE : 90 + random.nextInt(priceRange);
        resultFast = fast.uncross(ref, fastCalls);
        resultReference = reference.uncross(ref, referenceCalls);
        same(
            "uncross price", fast.lastUncrossPriceCents(), reference.lastUncrossPriceCents(), step);
      } else {
        long id = nextId++;
        long account = 1 + random.nextInt(accounts);
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        long price = 90 + random.nextInt(priceRange);
        long quantity = lot * (1 + random.nextInt(6));
        int vintage = random.nextInt(3);
        if (callPhase) {
          fast.rest(id, account, side, price, quantity, vintage);
          reference.rest(id, account, side, price, quantity, vintage);
          resultFast = 0;
          resultReference = 0;
        } else {
          OrderType type = OrderType.values()[random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(2)];
          long budget = random.nextInt(2_000);
          resultFast =
              fast.place(id, account, side, type, price, quantity, vintage, budget, fastCalls);
          resultReference =
              reference.place(
                  id, account, side, type, price, quantity, vintage, budget, referenceCalls);
        }
        ids.add(id);
      }
      same("result", resultFast, resultReference, step);
      same("callbacks", fastCalls.calls, referenceCalls.calls, step);
      fastCalls.calls.clear();
      referenceCalls.calls.clear();
      compare(fast, reference, step);
      mostLevels =
          Math.max(mostLevels, Math.max(fast.levelCount(Side.BUY), fast.levelCount(Side.SELL)));
    }
    return mostLevels;
  }

  private static void compare(ArrayOrderBook fast, ReferenceOrderBook reference, int step) {
    fast.checkConsistency();
    same("state hash", BookState.sha256(fast), BookState.sha256(reference), step);
    same("best bid", fast.bestBidCents(), reference.bestBidCents(), step);
    same("best ask", fast.bestAskCents(), reference.bestAskCents(), step);
    same("order count", fast.orderCount(), reference.orderCount(), step);
    same("resting buy cents", fast.restingBuyCents(), reference.restingBuyCents(), step);
    same(
        "resting sell quantity", fast.restingSellQuantity(), reference.restingSellQuantity(), step);
    for (Side side : Side.values()) {
      same(side + " levels", fast.levelCount(side), reference.levelCount(side), step);
      long[] p1 = new long[5];
      long[] q1 = new long[5];
      long[] p2 = new long[5];
      long[] q2 = new long[5];
      same(side + " depth", fast.depth(side, 5, p1, q1), reference.depth(side, 5, p2, q2), step);
      same(side + " depth prices", Arrays.toString(p1), Arrays.toString(p2), step);
      same(side + " depth quantities", Arrays.toString(q1), Arrays.toString(q2), step);
    }
  }

  /** A plain check: AssertJ's per-call cost would dominate a test that checks every step. */
  private static void same(String what, Object fast, Object reference, int step) {
    if (!fast.equals(reference)) {
      throw new AssertionError(
          what + " differs at step " + step + ": fast " + fast + ", reference " + reference);
    }
  }
}
