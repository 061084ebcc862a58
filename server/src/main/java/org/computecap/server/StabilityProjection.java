package org.computecap.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.computecap.engine.EngineState;
import org.computecap.engine.Event;
import org.computecap.engine.auction.AuctionCancelled;
import org.computecap.engine.auction.AuctionCleared;
import org.computecap.engine.auction.AuctionOpened;
import org.computecap.engine.auction.CeilingPermitsSold;
import org.computecap.engine.auction.CostContainmentReleased;
import org.computecap.engine.auction.EmissionsContainmentWithheld;
import org.computecap.engine.auction.PriceContainmentReserveIssued;
import org.computecap.engine.auction.ReserveSaleCleared;
import org.computecap.engine.auction.UnsoldPermitsMoved;
import org.computecap.engine.auction.UnsoldPermitsReoffered;
import org.computecap.engine.program.Program;
import org.computecap.engine.program.UnsoldPolicy;
import org.computecap.engine.registry.SystemAccount;
import org.computecap.engine.stability.StabilityPermitsInvalidated;
import org.computecap.engine.stability.StabilityPermitsReleased;
import org.computecap.engine.stability.StabilityReserveSettled;

/**
 * The read model's market stability part, built from the engine's events like the rest of the
 * model, so a replay of the journal rebuilds it: per period, what each stability mechanism did
 * (totals and every action), and the system reserves' balances when the period closed. Writer
 * thread only; {@link #view} makes the immutable answer that readers get.
 *
 * <p>A new mechanism is one more case in {@link #project}: the period its event belongs to, the
 * total it moves (a field of {@link Tally} and of {@link Views.StabilityPeriod}), and its row in
 * the period's actions. A new reserve account is one more entry of {@link #RESERVES}.
 */
final class StabilityProjection {
  /**
   * The system accounts whose balances are shown, where the program opens them: the auction reserve
   * (open auctions' supply and unsold permits), the stability reserve and the cancellation sink
   * (whose balance is every permit ever cancelled, voluntary cancellations included).
   */
  static final List<SystemAccount> RESERVES =
      List.of(
          SystemAccount.AUCTION_RESERVE,
          SystemAccount.STABILITY_RESERVE,
          SystemAccount.PRICE_CONTAINMENT_RESERVE,
          SystemAccount.CANCELLATION);

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One period's running totals, actions and balances at close; public fields so that a state
   * snapshot ({@link ReadModelImage}) saves and restores it as it is.
   */
  static final class Tally {
    public int auctions;
    public int cancelledAuctions;
    public long supplyPermits;
    public long soldPermits;
    public long releasedPermits;
    public long withheldPermits;
    public long reofferedPermits;
    public long movedPermits;
    // The stability reserve's settlement at this period's close (null before it).
    public Long tnacPermits;
    public String stabilityBand;
    public long stabilityIntakePermits;
    public long stabilityReleasePermits;
    public long reserveSalePermits;
    public long reserveSaleRevenueCents;
    public long ceilingPermits;
    public List<Views.ReserveBalance> reservesAtClose;
    public List<Views.StabilityAction> actions = new ArrayList<>();

    private void add(long tick, Event e) {
      @SuppressWarnings("unchecked")
      Map<String, Object> data = JSON.convertValue(e, LinkedHashMap.class);
      actions.add(new Views.StabilityAction(tick, e.getClass().getSimpleName(), data));
    }
  }

  private final TreeMap<Integer, Tally> periods = new TreeMap<>();

  /** The projector's auctions (writer side), for the period of an event that names only one. */
  private final Map<Long, Views.Auction> auctions;

  StabilityProjection(Map<Long, Views.Auction> auctions) {
    this.auctions = auctions;
  }

  /**
   * Projects {@code e} when it is part of the stability picture (after the projector has seen it,
   * so an auction it names is known); true when it changed something.
   */
  boolean project(long tick, Event e) {
    if (e instanceof AuctionOpened a) {
      Tally t = tally(a.period());
      t.auctions++;
      t.supplyPermits = Math.addExact(t.supplyPermits, a.supplyPermits());
    } else if (e instanceof AuctionCleared c) {
      Tally t = tally(c.period());
      t.soldPermits = Math.addExact(t.soldPermits, c.soldPermits());
    } else if (e instanceof AuctionCancelled c) {
      Tally t = tally(c.period());
      t.cancelledAuctions++;
      t.add(tick, e);
    } else if (e instanceof CostContainmentReleased r) {
      Tally t = tally(r.period());
      t.releasedPermits = Math.addExact(t.releasedPermits, r.permits());
      t.add(tick, e);
    } else if (e instanceof EmissionsContainmentWithheld w) {
      Tally t = tally(w.period());
      t.withheldPermits = Math.addExact(t.withheldPermits, w.permits());
      t.add(tick, e);
    } else if (e instanceof UnsoldPermitsReoffered r) {
      Tally t = tally(auctions.get(r.auctionId()).period());
      t.reofferedPermits = Math.addExact(t.reofferedPermits, r.permits());
      t.add(tick, e);
    } else if (e instanceof UnsoldPermitsMoved m) {
      Tally t = tally(auctions.get(m.auctionId()).period());
      t.movedPermits = Math.addExact(t.movedPermits, m.permits());
      t.add(tick, e);
    } else if (e instanceof StabilityReserveSettled r) {
      Tally t = tally(r.period());
      t.tnacPermits = r.tnacPermits();
      t.stabilityBand = r.band().name();
      t.stabilityIntakePermits = r.intakePermits();
      t.stabilityReleasePermits = r.releasePermits();
      t.add(tick, e);
    } else if (e instanceof StabilityPermitsReleased r) {
      tally(r.period()).add(tick, e);
    } else if (e instanceof StabilityPermitsInvalidated i) {
      tally(i.period()).add(tick, e);
    } else if (e instanceof PriceContainmentReserveIssued i) {
      tally(i.vintage()).add(tick, e);
    } else if (e instanceof ReserveSaleCleared c) {
      Tally t = tally(c.period());
      t.reserveSalePermits = Math.addExact(t.reserveSalePermits, c.soldPermits());
      t.reserveSaleRevenueCents = Math.addExact(t.reserveSaleRevenueCents, c.revenueCents());
      t.add(tick, e);
    } else if (e instanceof CeilingPermitsSold c) {
      Tally t = tally(c.period());
      t.ceilingPermits = Math.addExact(t.ceilingPermits, c.permits());
      t.add(tick, e);
    } else {
      return false;
    }
    return true;
  }

  /** Records the reserves' balances as period {@code period}'s close left them. */
  void closed(int period, List<Views.ReserveBalance> balances) {
    tally(period).reservesAtClose = List.copyOf(balances);
  }

  private Tally tally(int period) {
    return periods.computeIfAbsent(period, p -> new Tally());
  }

  /** The tallies, for a state snapshot. */
  Map<Integer, Tally> saved() {
    return new TreeMap<>(periods);
  }

  /** Restores what {@link #saved} captured. */
  void restore(Map<Integer, Tally> saved) {
    periods.putAll(saved);
  }

  /** The balances of the reserve accounts {@code state}'s program opens, in the current state. */
  static List<Views.ReserveBalance> balances(EngineState state) {
    List<Views.ReserveBalance> out = new ArrayList<>(RESERVES.size());
    for (SystemAccount s : RESERVES) {
      if (s.isOpenFor(state.program())) {
        out.add(
            new Views.ReserveBalance(
                s.id(), s.accountName(), state.registry().freePermitsTotal(s.id())));
      }
    }
    return List.copyOf(out);
  }

  /** The stability rules {@code program} turns on. */
  static List<Views.StabilityMechanism> mechanisms(Program program) {
    Program.Auction a = program.auction();
    List<Views.StabilityMechanism> out = new ArrayList<>();
    if (a.reservePriceEscalationPpm() != 0) {
      out.add(Views.StabilityMechanism.ESCALATING_RESERVE_PRICE);
    }
    if (a.unsold().policy() == UnsoldPolicy.REOFFER) {
      out.add(Views.StabilityMechanism.REOFFER_UNSOLD);
    } else if (a.unsold().policy() == UnsoldPolicy.TO_STABILITY_RESERVE) {
      out.add(Views.StabilityMechanism.UNSOLD_TO_STABILITY_RESERVE);
    }
    if (a.cancelWhenUndersubscribed()) {
      out.add(Views.StabilityMechanism.CANCEL_UNDERSUBSCRIBED);
    }
    if (a.costContainment().isOn()) {
      out.add(Views.StabilityMechanism.COST_CONTAINMENT);
    }
    if (a.emissionsContainment().isOn()) {
      out.add(Views.StabilityMechanism.EMISSIONS_CONTAINMENT);
    }
    if (program.hasStabilityReserve()) {
      out.add(Views.StabilityMechanism.STABILITY_RESERVE);
    }
    if (program.priceControls().reserve().isOn()) {
      out.add(Views.StabilityMechanism.PRICE_CONTAINMENT);
    }
    if (program.priceControls().ceiling().isOn()) {
      out.add(Views.StabilityMechanism.PRICE_CEILING);
    }
    return List.copyOf(out);
  }

  /** The answer of {@code GET /api/stability}: every period of the program, in order. */
  Views.Stability view(EngineState state, List<Views.ReserveBalance> now) {
    Program p = state.program();
    boolean ccr = p.auction().costContainment().isOn();
    boolean ecr = p.auction().emissionsContainment().isOn();
    List<Views.StabilityPeriod> out = new ArrayList<>();
    for (int t = p.periods().first(); t <= p.periods().last(); t++) {
      Tally y = periods.getOrDefault(t, new Tally());
      out.add(
          new Views.StabilityPeriod(
              t,
              Projector.status(state, t),
              p.reservePriceCents(t),
              ccr ? p.costContainmentTriggerCents(t) : null,
              ecr ? p.emissionsContainmentTriggerCents(t) : null,
              y.auctions,
              y.cancelledAuctions,
              y.supplyPermits,
              y.soldPermits,
              y.releasedPermits,
              y.withheldPermits,
              y.reofferedPermits,
              y.movedPermits,
              y.tnacPermits,
              y.stabilityBand,
              y.stabilityIntakePermits,
              y.stabilityReleasePermits,
              y.reserveSalePermits,
              y.reserveSaleRevenueCents,
              y.ceilingPermits,
              y.reservesAtClose,
              List.copyOf(y.actions)));
    }
    return new Views.Stability(mechanisms(p), now, List.copyOf(out));
  }
}
