package org.computecap.journal.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.computecap.engine.command.CancelOrder;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.IssuePermits;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.command.OrderType;
import org.computecap.engine.command.PlaceOrder;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.Side;
import org.computecap.engine.command.TransferPermits;

/**
 * A seeded stream of real market commands under the P1 example program: the market opens, eight
 * participants get cash and permits, then they trade (limit, market and IOC orders, cancels,
 * transfers). Some commands are rejected by the engine (an order larger than the holdings, a cancel
 * of a filled order), which a journal must carry like any other.
 */
final class Workload {
  static final int PARTICIPANTS = 8;
  private static final int VINTAGE = 1;
  private final SplittableRandom random;
  private long next;
  private long orderId;

  Workload(long seed) {
    this.random = new SplittableRandom(seed);
  }

  static String program() {
    try {
      return Files.readString(Path.of("../examples/programs/p1-energy.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tick of the command {@link #next()} returns next: ten commands a tick. */
  long tick() {
    return next / 10;
  }

  Command next() {
    long i = next++;
    if (i == 0) {
      return new OpenMarket(program(), 7);
    }
    if (i <= PARTICIPANTS) {
      return new OpenAccount(i, "participant-" + i, Role.PARTICIPANT);
    }
    if (i <= 2L * PARTICIPANTS) {
      return new DepositCash(i - PARTICIPANTS, 50_000_000);
    }
    if (i <= 3L * PARTICIPANTS) {
      return new IssuePermits(i - 2 * PARTICIPANTS, VINTAGE, 5_000);
    }
    return trade();
  }

  private Command trade() {
    long account = 1 + random.nextInt(PARTICIPANTS);
    int kind = random.nextInt(20);
    if (kind == 0) {
      long to = 1 + random.nextInt(PARTICIPANTS);
      return new TransferPermits(
          account, to == account ? 1 + to % PARTICIPANTS : to, VINTAGE, 1 + random.nextInt(10));
    }
    if (kind <= 3 && orderId > 0) {
      return new CancelOrder(1 + random.nextLong(orderId), account);
    }
    Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
    long quantity = 1 + random.nextInt(25);
    // The engine assigns order ids 1, 2, 3... to accepted orders; this counts orders placed, so
    // cancels name ids that exist or are a little beyond.
    orderId++;
    if (kind == 4) {
      return new PlaceOrder(account, side, OrderType.MARKET, 0, quantity, VINTAGE);
    }
    OrderType type = kind == 5 ? OrderType.IOC : OrderType.LIMIT;
    long price = 9_000 + random.nextInt(2_001);
    return new PlaceOrder(account, side, type, price, quantity, VINTAGE);
  }
}
