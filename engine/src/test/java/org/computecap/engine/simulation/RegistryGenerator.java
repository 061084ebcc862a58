package org.computecap.engine.simulation;

import org.computecap.engine.Rejection;
import org.computecap.engine.Result;
import org.computecap.engine.command.CancelPermits;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.IssuePermits;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.RegistryCommand;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.SurrenderPermits;
import org.computecap.engine.command.TransferPermits;
import org.computecap.engine.command.WithdrawCash;
import org.computecap.engine.registry.SystemAccount;

/**
 * Random registry commands, aimed near the edges (quantities around the balance, the cap, the
 * current period; ids just outside the opened ones) so that every rejection happens often, and
 * checked against {@link ReferenceRegistry}.
 */
final class RegistryGenerator implements Simulation.Generator {
  private static final Role[] ROLES = {
    Role.PARTICIPANT,
    Role.PARTICIPANT,
    Role.PARTICIPANT,
    Role.PARTICIPANT,
    Role.PARTICIPANT,
    Role.PARTICIPANT,
    Role.PARTICIPANT,
    Role.PARTICIPANT,
    Role.PARTICIPANT,
    Role.INSURER,
    Role.AUDITOR,
    Role.REGULATOR
  };
  private static final long[] RESERVES = {
    SystemAccount.NEW_ENTRANT_RESERVE.id(),
    SystemAccount.AUCTION_RESERVE.id(),
    SystemAccount.RETIREMENT.id(),
    SystemAccount.TREASURY.id()
  };

  final ReferenceRegistry reference;

  RegistryGenerator(Simulation sim) {
    this.reference = new ReferenceRegistry(sim.firstPeriod, sim.banking, sim.rules::capPermits);
  }

  @Override
  public int weight() {
    return 100;
  }

  @Override
  public Command next(Simulation sim) {
    int op = sim.rnd.nextInt(100);
    long a = account(sim);
    if (op < 6) {
      return new OpenAccount(a, "acct-" + a, ROLES[sim.rnd.nextInt(ROLES.length)]);
    } else if (op < 20) {
      return new DepositCash(a, 1 + sim.rnd.nextLong(1_000_000));
    } else if (op < 32) {
      return new WithdrawCash(
          a, sim.around(reference.accounts.containsKey(a) ? reference.accounts.get(a).cash : 5));
    } else if (op < 47) {
      long to = sim.rnd.nextInt(10) == 0 ? RESERVES[sim.rnd.nextInt(RESERVES.length)] : a;
      int vintage = sim.currentPeriod() + (sim.rnd.nextInt(10) == 0 ? sim.rnd.nextInt(3) - 1 : 0);
      long remaining =
          sim.rules.capPermits(sim.currentPeriod())
              - reference.issued.getOrDefault(sim.currentPeriod(), 0L)
              + reference.linked.getOrDefault(sim.currentPeriod(), 0L);
      int shape = sim.rnd.nextInt(10_000);
      long quantity =
          shape < 9_500
              ? 1 + sim.rnd.nextLong(Math.max(1, sim.cap / 50_000))
              : shape < 9_999 ? remaining + 1 + sim.rnd.nextInt(10) : Math.max(1, remaining);
      return new IssuePermits(to, Math.max(0, vintage), quantity);
    } else if (op < 72) {
      long to = sim.rnd.nextInt(20) == 0 ? a : account(sim);
      int vintage = heldVintage(sim, a);
      return new TransferPermits(a, to, vintage, sim.around(reference.free(a, vintage)));
    } else if (op < 90) {
      int period =
          sim.currentPeriod()
              - sim.rnd.nextInt(Math.min(3, sim.currentPeriod() - sim.firstPeriod + 1))
              + (sim.rnd.nextInt(20) == 0 ? 1 : 0);
      period = sim.rnd.nextInt(50) == 0 ? sim.firstPeriod - 1 : period;
      long eligible = 0;
      for (int v = sim.firstPeriod; v <= period; v++) {
        eligible += reference.free(a, v);
      }
      return new SurrenderPermits(a, Math.max(0, period), sim.around(eligible / 2 + 1));
    } else {
      int vintage = heldVintage(sim, a);
      return new CancelPermits(a, vintage, sim.around(reference.free(a, vintage) / 3 + 1));
    }
  }

  private static long account(Simulation sim) {
    return 1 + sim.rnd.nextInt(sim.accountIdMax);
  }

  /** Mostly a vintage the account holds, so that transfers and cancels often succeed. */
  private int heldVintage(Simulation sim, long account) {
    ReferenceRegistry.Acc acc = reference.accounts.get(account);
    if (acc != null && !acc.permits.isEmpty() && sim.rnd.nextInt(5) != 0) {
      Integer[] held = acc.permits.keySet().toArray(new Integer[0]);
      return held[sim.rnd.nextInt(held.length)];
    }
    return vintage(sim);
  }

  private static int vintage(Simulation sim) {
    int v = sim.firstPeriod + sim.rnd.nextInt(sim.currentPeriod() - sim.firstPeriod + 2) - 1;
    return Math.max(0, v);
  }

  @Override
  public void observe(Simulation sim, Command command, Result result) {
    if (!(command instanceof RegistryCommand)) {
      return;
    }
    Rejection expected = reference.apply((RegistryCommand) command);
    if (expected != result.rejection()) {
      throw new AssertionError(
          command
              + ": engine "
              + result
              + ", reference "
              + (expected == null ? "OK" : "REJECT " + expected));
    }
  }

  @Override
  public void checkpoint(Simulation sim) {
    reference.compareWith(sim.engine.state().registry());
  }
}
