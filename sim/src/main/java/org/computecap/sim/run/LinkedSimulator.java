package org.computecap.sim.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.computecap.economics.link.LinkedEquilibrium;
import org.computecap.engine.Event;
import org.computecap.engine.command.CancelPermits;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.IssueLinkedUnits;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.SubmitBid;
import org.computecap.engine.journal.Replay;
import org.computecap.engine.program.Program;
import org.computecap.engine.registry.LinkedUnitsIssued;
import org.computecap.sim.agent.Decisions;
import org.computecap.sim.agent.PriceGrid;
import org.computecap.sim.scenario.LinkedScenario;
import org.computecap.sim.scenario.Scenario;

/**
 * A linked run (issue 18): two jurisdictions, each an ordinary {@link Simulator} on its own engine,
 * stepped period by period. Between and inside their periods the run does what linked registries
 * and the agents who arbitrage between them do, all as engine commands:
 *
 * <ol>
 *   <li><b>Relocation.</b> A mobile developer moves to the other jurisdiction when what compliance
 *       would cost it this period at home exceeds what it would cost there by more than its
 *       relocation cost ({@link Decisions#relocates}, P1's "AI leakage" with the other
 *       jurisdiction's bill in place of zero); it leaves its home program (as a single-program
 *       run's relocation does) and its mirror, an inactive developer of the other program, becomes
 *       active.
 *   <li><b>Arbitrage.</b> The link desk, a participant with an account in both registries, forms
 *       the same rational expectation as the developers: the economics' {@link LinkedEquilibrium}
 *       of the two markets' demand (each jurisdiction's developers at a price, the one the
 *       expectations clear) and caps, within the regime, the exchange rate and the quota. That
 *       gives the flow f. Agents of both markets plan with it (the origin's supply less f, the
 *       destination's plus the units f becomes), and the desk buys f in the origin's main call
 *       auction, at any price up to the grid's top (it is a price taker who knows it can sell them
 *       in the other market).
 *   <li><b>Transfer.</b> After the origin's period the desk cancels what it bought there ({@code
 *       CancelPermits}) and the destination's registry issues linked units for it ({@code
 *       IssueLinkedUnits}, which refuses what the regime or quota does not allow, so the desk
 *       cancels only what will be recognised); the desk sells them in the destination's main call
 *       auction at the grid's bottom, a price taker.
 * </ol>
 *
 * The origin of the period's flow runs its period first. Each jurisdiction's engine is
 * deterministic and seeded by its scenario's seed, which the linked scenario derives from the run's
 * seed, so one seed gives one pair of state hashes.
 */
public final class LinkedSimulator {
  private final LinkedScenario linked;
  private final Simulator[] sims = new Simulator[2];
  private final Market[] markets = new Market[2];
  private final RowSink[] rows = {RowSink.memory(), RowSink.memory()};
  private final Desk[] desks = {new Desk(), new Desk()};
  private final boolean[] moved;
  private final long[] deskIds = new long[2];

  private LinkedSimulator(LinkedScenario linked) {
    this.linked = linked;
    this.moved = new boolean[linked.moves().size()];
  }

  /** Runs a linked scenario; both engines stay in memory. */
  public static LinkedResult run(LinkedScenario linked) {
    LinkedSimulator s = new LinkedSimulator(linked);
    try {
      for (int j = 0; j < 2; j++) {
        s.markets[j] = new Market(null);
      }
      return s.runAll();
    } finally {
      for (Market m : s.markets) {
        if (m != null) {
          m.close();
        }
      }
    }
  }

  private LinkedResult runAll() {
    for (int j = 0; j < 2; j++) {
      Scenario sc = scenario(j);
      sims[j] = Simulator.linked(sc, markets[j], rows[j], desks[j]);
      sims[j].open();
      // The desk's account follows the developers' and the insurer's.
      deskIds[j] = sims[j].accounts().insurerId() + 1;
      markets[j].submit(new OpenAccount(deskIds[j], "link-desk", Role.PARTICIPANT));
      // As much cash as the whole population's, so the desk's bids are never short of it.
      markets[j].submit(
          new DepositCash(
              deskIds[j], Math.multiplyExact(sc.market().cashCents(), sc.developerCount())));
      for (LinkedScenario.Mobile m : linked.moves()) {
        if (1 - m.from() == j) {
          sims[j].depart(m.mirror(), 0);
        }
      }
    }
    List<LinkedPeriod> periods = new ArrayList<>();
    for (int k = 0; k < linked.periods(); k++) {
      periods.add(period(k));
    }
    String[] hashes = new String[2];
    for (int j = 0; j < 2; j++) {
      hashes[j] = Replay.hex(markets[j].engine().stateHash());
    }
    return new LinkedResult(linked, periods, hashes);
  }

  private Scenario scenario(int j) {
    return linked.jurisdictions().get(j).scenario();
  }

  private int t(int j, int k) {
    return scenario(j).program().firstPeriod() + k;
  }

  private LinkedPeriod period(int k) {
    LinkedEquilibrium e = equilibrium(k);
    if (relocate(k, e)) {
      e = equilibrium(k);
    }
    // Whole permits: the origin exports what the equilibrium flow rounds down to.
    double rate = linked.exchangeRate();
    int origin = e.flow() < 0 ? 1 : 0;
    int destination = 1 - origin;
    long export = (long) Math.floor(origin == 0 ? e.flow() : -e.flow() * rate);
    desks[origin].plan(-export, export, 0);
    desks[destination].plan(0, 0, 0);
    transferred = new long[2];
    PeriodResult[] result = new PeriodResult[2];
    result[origin] = sims[origin].step(t(origin, k));
    long units = transferred[1];
    desks[destination].plan(units, 0, units);
    result[destination] = sims[destination].step(t(destination, k));
    // In A's permits: what A's registry cancelled, or (from B) what it issued.
    long flow = origin == 0 ? transferred[0] : -transferred[1];
    return measure(k, e, result, flow, units);
  }

  // What the period's transfer moved: {origin permits cancelled, destination units issued}.
  private long[] transferred = new long[2];

  // The origin's desk cancels what the destination will recognise; the destination issues it.
  private long[] transfer(int origin, int k) {
    int destination = 1 - origin;
    long bought = markets[origin].freePermits(deskIds[origin], t(origin, k));
    if (bought <= 0) {
      return new long[2];
    }
    Program dest = scenario(destination).program().program();
    if (!dest.hasLinking()) {
      return new long[2];
    }
    int vintage = t(destination, k);
    long room =
        dest.linking().quotaUnits(dest.capPermits(vintage))
            - markets[destination].registry().linkedIssued(vintage);
    long cancel = bought;
    if (dest.linking().units(cancel) > room) {
      // The most the quota still takes: floor(room / rate), then up while it still fits.
      cancel = Math.min(bought, room * 1_000_000L / dest.linking().exchangeRatePpm());
      while (cancel < bought && dest.linking().units(cancel + 1) <= room) {
        cancel++;
      }
    }
    if (cancel == 0 || dest.linking().units(cancel) < 1) {
      return new long[2];
    }
    markets[origin].submit(new CancelPermits(deskIds[origin], t(origin, k), cancel));
    long units = 0;
    for (Event ev :
        markets[destination].submit(new IssueLinkedUnits(deskIds[destination], vintage, cancel))) {
      if (ev instanceof LinkedUnitsIssued issued) {
        units = issued.units();
      }
    }
    if (units == 0) {
      throw new IllegalStateException(
          "the destination's registry refused linked units the desk checked: " + cancel);
    }
    return new long[] {cancel, units};
  }

  /** The linked equilibrium of period k for the developers now active in each jurisdiction. */
  private LinkedEquilibrium equilibrium(int k) {
    DoubleUnaryOperator[] price = new DoubleUnaryOperator[2];
    double[] supply = new double[2];
    for (int j = 0; j < 2; j++) {
      Cohort c = sims[j].naiveCohort();
      price[j] = s -> Expectation.clearing(c::need, s);
      supply[j] = scenario(j).program().capPermits(t(j, k));
    }
    double quotaA = quota(0, k);
    double quotaB = quota(1, k);
    return LinkedEquilibrium.solve(
        price[0],
        supply[0],
        price[1],
        supply[1],
        linked.exchangeRate(),
        linked.regime(),
        quotaA,
        quotaB);
  }

  // The most linked units jurisdiction j may receive in period k, in its own units.
  private double quota(int j, int k) {
    Program p = scenario(j).program().program();
    if (!p.hasLinking()) {
      return Double.POSITIVE_INFINITY;
    }
    long q = p.linking().quotaUnits(p.capPermits(t(j, k)));
    return q == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : q;
  }

  /** Moves every mobile developer whose compliance bill at home beats the other's by its cost. */
  private boolean relocate(int k, LinkedEquilibrium e) {
    boolean any = false;
    double[] p = {e.priceA(), e.priceB()};
    Cohort[] naive = {sims[0].naiveCohort(), sims[1].naiveCohort()};
    for (int m = 0; m < moved.length; m++) {
      LinkedScenario.Mobile mob = linked.moves().get(m);
      if (moved[m]) {
        continue;
      }
      int from = mob.from();
      int to = 1 - from;
      double home = p[from] * naive[from].plans[mob.index()].need(p[from]);
      double there = p[to] * naive[to].plans[mob.mirror()].need(p[to]);
      if (Decisions.relocates(home - there, mob.relocationCostCents())) {
        sims[from].depart(mob.index(), t(from, k));
        sims[to].arrive(mob.mirror());
        moved[m] = true;
        any = true;
      }
    }
    return any;
  }

  private LinkedPeriod measure(
      int k, LinkedEquilibrium e, PeriodResult[] result, long flow, long units) {
    double[] price = new double[2];
    double[] compute = new double[2];
    double[] weighted = new double[2];
    double leaked = 0;
    double leakedWeighted = 0;
    for (int j = 0; j < 2; j++) {
      price[j] = result[j].clearingPrice();
      int own = linked.jurisdictions().get(j).ownDevelopers();
      for (DeveloperPeriodRow r : rows[j].developerPeriods()) {
        if (r.period() != t(j, k) || !r.active()) {
          continue;
        }
        double w = r.base() * (r.multiplierPpm() / 1e6);
        compute[j] += r.compute();
        weighted[j] += w;
        if (r.developer().index() >= own) {
          leaked += r.compute();
          leakedWeighted += w;
        }
      }
    }
    int movers = 0;
    for (boolean b : moved) {
      movers += b ? 1 : 0;
    }
    return new LinkedPeriod(
        k,
        price,
        new double[] {e.priceA(), e.priceB()},
        compute,
        weighted,
        flow,
        e.flow(),
        units,
        movers,
        leaked,
        leakedWeighted);
  }

  /** The link desk's part in one jurisdiction's period. */
  private final class Desk implements LinkHook {
    private long netImport;
    private long buy;
    private long sell;

    void plan(long netImport, long buy, long sell) {
      this.netImport = netImport;
      this.buy = buy;
      this.sell = sell;
    }

    @Override
    public long netImport(int period) {
      return netImport;
    }

    @Override
    public void afterTrading(int period) {
      if (buy > 0) {
        int origin = this == desks[0] ? 0 : 1;
        transferred = transfer(origin, period - scenario(origin).program().firstPeriod());
      }
    }

    @Override
    public void bid(Market market, long auctionId, long bidId, double expectedCents, long limit) {
      long id = this == desks[0] ? deskIds[0] : deskIds[1];
      long price = (long) Math.floor(expectedCents);
      // Within the auction's purchase limit and the cash the desk has; the main call auction
      // buys the rest.
      long quantity = price < 1 ? 0 : Math.min(Math.min(buy, limit), market.freeCash(id) / price);
      if (quantity > 0) {
        market.submit(new SubmitBid(auctionId, bidId, id, quantity, price));
      }
    }

    @Override
    public void placeOrders(Market market, int period, PriceGrid grid) {
      long id = this == desks[0] ? deskIds[0] : deskIds[1];
      long held = market.freePermits(id, period);
      long affordable = market.freeCash(id) / Math.max(1, grid.highest());
      if (buy > held) {
        market.limit(id, true, grid.highest(), Math.min(buy - held, affordable), period);
      }
      if (sell > 0) {
        market.sell(id, grid.lowest(), sell, period);
      }
    }
  }
}
