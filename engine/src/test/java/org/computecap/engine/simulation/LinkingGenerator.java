package org.computecap.engine.simulation;

import org.computecap.engine.Result;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.IssueLinkedUnits;

/**
 * Random {@link IssueLinkedUnits} (issue 18), aimed at the quota's edge, a rate that rounds to
 * nothing and the wrong vintage; {@link RegistryGenerator}'s reference models them, since they are
 * registry commands.
 */
final class LinkingGenerator implements Simulation.Generator {

  @Override
  public int weight() {
    return 6;
  }

  @Override
  public Command next(Simulation sim) {
    long account = 1 + sim.rnd.nextInt(sim.accountIdMax);
    int vintage = sim.currentPeriod() + (sim.rnd.nextInt(10) == 0 ? 1 : 0);
    int shape = sim.rnd.nextInt(10);
    long origin =
        shape < 2
            ? 1
            : shape < 8 ? 1 + sim.rnd.nextLong(Math.max(1, sim.cap / 20)) : sim.around(sim.cap / 5);
    return new IssueLinkedUnits(account, vintage, origin);
  }

  @Override
  public void observe(Simulation sim, Command command, Result result) {}

  @Override
  public void checkpoint(Simulation sim) {}
}
