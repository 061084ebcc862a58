package org.computecap.engine.simulation;

import java.util.Arrays;
import java.util.List;
import org.computecap.engine.Rejection;
import org.computecap.engine.Result;
import org.computecap.engine.command.CancelOrder;
import org.computecap.engine.command.ClosePeriod;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.ExchangeCommand;
import org.computecap.engine.command.OrderType;
import org.computecap.engine.command.PlaceOrder;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.RunCallAuction;
import org.computecap.engine.command.Side;
import org.computecap.engine.command.StartCallAuction;
import org.computecap.engine.exchange.ExchangeModel;
import org.computecap.engine.exchange.ExchangeState;
import org.computecap.engine.program.Program;

/**
 * Random exchange commands (orders of every type around a mid price, sized around the account's
 * balances, cancels of resting and unknown orders, call auctions), predicted by the exchange's
 * naive {@link ExchangeModel} over reference books and settled in {@link ReferenceRegistry}, so the
 * registry checkpoints see every trade. At each checkpoint the engine's books (fast) and the
 * model's (reference) must have the same hash.
 */
final class ExchangeGenerator implements Simulation.Generator {
  private static final long MID = 1_000;
  private final ReferenceRegistry reference;
  private final ExchangeModel model;
  private final Program.Exchange settings;
  private final Ledger ledger;

  ExchangeGenerator(Simulation sim) {
    this.reference = sim.registry.reference;
    this.settings = sim.engine.state().program().exchange();
    this.model = new ExchangeModel(settings);
    this.ledger = new Ledger();
  }

  @Override
  public int weight() {
    return 100;
  }

  @Override
  public Command next(Simulation sim) {
    int op = sim.rnd.nextInt(100);
    long account = 1 + sim.rnd.nextInt(sim.accountIdMax + 1);
    int vintage = vintage(sim, account);
    if (op < 70) {
      return order(sim, account, vintage);
    } else if (op < 94) {
      List<long[]> resting = model.restingOrders();
      if (resting.isEmpty() || sim.rnd.nextInt(10) == 0) {
        return new CancelOrder(1 + sim.rnd.nextLong(model.lastOrderId() + 2), account);
      }
      long[] o = resting.get(sim.rnd.nextInt(resting.size()));
      return new CancelOrder(o[0], sim.rnd.nextInt(10) == 0 ? account : o[1]);
    }
    return model.inCallPhase(vintage) == (sim.rnd.nextInt(10) != 0)
        ? new RunCallAuction(vintage)
        : new StartCallAuction(vintage);
  }

  private Command order(Simulation sim, long account, int vintage) {
    Side side = sim.rnd.nextBoolean() ? Side.BUY : Side.SELL;
    int t = sim.rnd.nextInt(10);
    OrderType type = t < 6 ? OrderType.LIMIT : t < 8 ? OrderType.IOC : OrderType.MARKET;
    long tick = settings.tickCents();
    long price =
        type == OrderType.MARKET
            ? 0
            : Math.max(
                tick, tick * (MID + sim.rnd.nextInt(41) - 20) + (sim.rnd.nextInt(50) == 0 ? 1 : 0));
    long lot = settings.lotPermits();
    long quantity;
    if (sim.rnd.nextInt(5) == 0) {
      long base =
          side == Side.SELL
              ? reference.free(account, vintage)
              : reference.accounts.containsKey(account)
                  ? reference.accounts.get(account).cash / Math.max(1, price)
                  : 1;
      quantity = Math.min(PlaceOrder.MAX_PRICE_OR_QUANTITY, sim.around(Math.max(1, base)));
    } else {
      quantity = lot * (1 + sim.rnd.nextInt(20)) + (sim.rnd.nextInt(50) == 0 ? 1 : 0);
    }
    return new PlaceOrder(account, side, type, price, quantity, vintage);
  }

  /** Mostly the current vintage or one the account holds, sometimes out of range. */
  private static int vintage(Simulation sim, long account) {
    int r = sim.rnd.nextInt(20);
    if (r == 0) {
      return Math.max(0, sim.firstPeriod - 1);
    } else if (r == 1) {
      return sim.currentPeriod() + 1;
    }
    return sim.currentPeriod() - sim.rnd.nextInt(sim.currentPeriod() - sim.firstPeriod + 1);
  }

  @Override
  public void observe(Simulation sim, Command command, Result result) {
    if (command instanceof ClosePeriod c) {
      // Without banking the close takes the closed vintages' orders off the books (before their
      // permits expire, which the rules generator mirrors after this).
      if (result.isAccepted() && !sim.banking) {
        model.closeVintagesUpTo(c.period(), ledger);
      }
      return;
    }
    if (!(command instanceof ExchangeCommand)) {
      return;
    }
    int oldest = sim.banking ? sim.firstPeriod : sim.currentPeriod();
    Rejection expected =
        model.apply((ExchangeCommand) command, sim.currentPeriod(), oldest, ledger);
    if (expected != result.rejection()) {
      throw new AssertionError(
          command
              + ": engine "
              + result
              + ", model "
              + (expected == null ? "OK" : "REJECT " + expected));
    }
  }

  @Override
  public void checkpoint(Simulation sim) {
    ExchangeState state = sim.engine.state().featureOrNull(ExchangeState.class);
    byte[] engine = state == null ? new ExchangeModel(settings).booksHash() : state.booksHash();
    if (!Arrays.equals(engine, model.booksHash())) {
      throw new AssertionError("the engine's order books differ from the reference books");
    }
  }

  /** The exchange model's view of {@link ReferenceRegistry}. */
  private final class Ledger implements ExchangeModel.Ledger {
    @Override
    public boolean exists(long account) {
      return reference.accounts.containsKey(account);
    }

    @Override
    public boolean trades(long account) {
      ReferenceRegistry.Acc a = reference.accounts.get(account);
      return a != null && a.system == null && a.role == Role.PARTICIPANT;
    }

    @Override
    public long freeCash(long account) {
      return reference.accounts.get(account).cash;
    }

    @Override
    public long freePermits(long account, int vintage) {
      return reference.free(account, vintage);
    }

    @Override
    public void reserveCash(long account, long cents) {
      reference.reserveCash(account, cents);
    }

    @Override
    public void releaseCash(long account, long cents) {
      reference.releaseCash(account, cents);
    }

    @Override
    public void settleCash(long from, long to, long cents) {
      reference.settleCash(from, to, cents);
    }

    @Override
    public void payCash(long from, long to, long cents) {
      reference.accounts.get(from).cash =
          Math.subtractExact(reference.accounts.get(from).cash, cents);
      reference.accounts.get(to).cash = Math.addExact(reference.accounts.get(to).cash, cents);
    }

    @Override
    public void reservePermits(long account, int vintage, long quantity) {
      reference.reservePermits(account, vintage, quantity);
    }

    @Override
    public void releasePermits(long account, int vintage, long quantity) {
      reference.releasePermits(account, vintage, quantity);
    }

    @Override
    public void settlePermits(long from, long to, int vintage, long quantity) {
      reference.settlePermits(from, to, vintage, quantity);
    }

    @Override
    public void movePermits(long from, long to, int vintage, long quantity) {
      reference.move(from, to, vintage, quantity);
    }
  }
}
