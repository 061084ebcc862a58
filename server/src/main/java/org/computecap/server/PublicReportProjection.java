package org.computecap.server;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.computecap.engine.EngineState;
import org.computecap.engine.Event;
import org.computecap.engine.MarketOpened;
import org.computecap.engine.allocation.FreePermitsGranted;
import org.computecap.engine.allocation.NewEntrantAllocated;
import org.computecap.engine.command.Role;
import org.computecap.engine.compliance.PeriodClosed;
import org.computecap.engine.exchange.TradeExecuted;
import org.computecap.engine.program.Program;
import org.computecap.engine.registry.Registry;
import org.computecap.engine.registry.SystemAccount;

/**
 * The read model's public report part: per period, the exchange's trading per vintage without
 * counterparties, the free allocation per participant, when the period closed and the holdings by
 * account type its close left. Built from the engine's events like the rest of the model, so a
 * replay of the journal rebuilds it; the holdings are read from the engine state right after the
 * closing command ({@link Projector.Applied}), so that how a replay cuts the journal into batches
 * cannot change them. Writer thread only.
 *
 * <p>Readers see a period's facts once it has closed ({@link ReadModel#publicReports}): before that
 * nothing in it is final and no report can be published. Whether a closed period's report may be
 * shown yet is the API's decision ({@link PublicReportApi}), not this class's.
 */
final class PublicReportProjection {
  /**
   * One vintage's trading in one period; public fields so that a state snapshot ({@link
   * ReadModelImage}) saves and restores it as it is. The notional value is exact (a long of cents
   * could overflow over a long period).
   */
  static final class Trading {
    public long trades;
    public long volume;
    public long openCents;
    public long highCents;
    public long lowCents;
    public long closeCents;
    public BigInteger notionalCents = BigInteger.ZERO;

    void add(long priceCents, long quantity) {
      if (trades == 0) {
        openCents = priceCents;
        highCents = priceCents;
        lowCents = priceCents;
      }
      trades++;
      volume = Math.addExact(volume, quantity);
      highCents = Math.max(highCents, priceCents);
      lowCents = Math.min(lowCents, priceCents);
      closeCents = priceCents;
      notionalCents =
          notionalCents.add(BigInteger.valueOf(priceCents).multiply(BigInteger.valueOf(quantity)));
    }

    ReportViews.Prices view(int vintage) {
      long vwap = notionalCents.divide(BigInteger.valueOf(volume)).longValueExact();
      return new ReportViews.Prices(
          vintage,
          trades,
          volume,
          openCents,
          highCents,
          lowCents,
          closeCents,
          vwap,
          notionalCents.longValueExact());
    }
  }

  /** One period's running facts; public fields for the state snapshot. */
  static final class Tally {
    public Long closedTick;
    public Map<Integer, Trading> trading = new TreeMap<>();

    /** account -> {free permits, new entrant permits}. */
    public Map<Long, long[]> allocations = new TreeMap<>();

    public List<ReportViews.Holding> holdingsAtClose;
  }

  /** A closed period's facts as readers get them, immutable. */
  record Facts(
      String program,
      String unit,
      long closedTick,
      List<ReportViews.Holding> holdings,
      Map<Long, long[]> allocations,
      List<ReportViews.Prices> prices) {}

  private final Map<Integer, Tally> periods = new TreeMap<>();

  /** The period trades are in now: the market's first, then each close's next. */
  private int current;

  /**
   * Takes in one accepted event at {@code tick}; {@code holdingsAfter} is what a period close left
   * (null for other events). Returns the period whose facts changed, or null.
   */
  Integer project(long tick, Event e, List<ReportViews.Holding> holdingsAfter) {
    if (e instanceof MarketOpened o) {
      current = o.firstPeriod();
      return null;
    } else if (e instanceof TradeExecuted t) {
      tally(current)
          .trading
          .computeIfAbsent(t.vintage(), v -> new Trading())
          .add(t.priceCents(), t.quantity());
      return current;
    } else if (e instanceof FreePermitsGranted g) {
      allocation(g.period(), g.accountId())[0] += g.permits();
      return g.period();
    } else if (e instanceof NewEntrantAllocated n) {
      allocation(n.period(), n.accountId())[1] += n.grantedPermits();
      return n.period();
    } else if (e instanceof PeriodClosed c) {
      Tally y = tally(c.period());
      y.closedTick = tick;
      y.holdingsAtClose = List.copyOf(holdingsAfter);
      current = c.nextPeriod();
      return c.period();
    }
    return null;
  }

  private long[] allocation(int period, long accountId) {
    return tally(period).allocations.computeIfAbsent(accountId, a -> new long[2]);
  }

  private Tally tally(int period) {
    return periods.computeIfAbsent(period, p -> new Tally());
  }

  /** The facts of {@code period} under {@code program} for readers, or null while it is open. */
  Facts facts(int period, Program program) {
    Tally y = periods.get(period);
    if (y == null || y.closedTick == null) {
      return null;
    }
    List<ReportViews.Prices> prices = new ArrayList<>();
    for (Map.Entry<Integer, Trading> e : y.trading.entrySet()) {
      prices.add(e.getValue().view(e.getKey()));
    }
    Map<Long, long[]> allocations = new TreeMap<>();
    for (Map.Entry<Long, long[]> e : y.allocations.entrySet()) {
      allocations.put(e.getKey(), e.getValue().clone());
    }
    return new Facts(
        program.name(),
        program.unit(),
        y.closedTick,
        y.holdingsAtClose,
        java.util.Collections.unmodifiableMap(allocations),
        List.copyOf(prices));
  }

  /** Every closed period, for a full publication. */
  List<Integer> closedPeriods() {
    List<Integer> out = new ArrayList<>();
    for (Map.Entry<Integer, Tally> e : periods.entrySet()) {
      if (e.getValue().closedTick != null) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  /** The state to save in a snapshot: the tallies and the current period. */
  record Saved(int current, Map<Integer, Tally> periods) {}

  Saved saved() {
    return new Saved(current, new TreeMap<>(periods));
  }

  /** Restores what {@link #saved} captured (null: an image without it, nothing to restore). */
  void restore(Saved saved) {
    if (saved != null) {
      current = saved.current();
      periods.putAll(saved.periods());
    }
  }

  /**
   * The permits of each vintage held by each type of account in {@code state}, free and reserved
   * (permits in open orders and bids are still their holder's); rows with none are left out.
   */
  static List<ReportViews.Holding> holdings(EngineState state) {
    Registry r = state.registry();
    Program p = state.program();
    // type -> vintage -> {accounts, permits}; enum and vintage order, so the rows are ordered.
    Map<ReportViews.AccountType, Map<Integer, long[]>> sums = new TreeMap<>();
    for (long id : r.accountIds()) {
      ReportViews.AccountType type = typeOf(r, id);
      if (type == null) {
        continue;
      }
      for (int v = p.periods().first(); v <= p.periods().last(); v++) {
        long held = Math.addExact(r.freePermits(id, v), r.reservedPermits(id, v));
        if (held != 0) {
          long[] s =
              sums.computeIfAbsent(type, t -> new TreeMap<>()).computeIfAbsent(v, x -> new long[2]);
          s[0]++;
          s[1] = Math.addExact(s[1], held);
        }
      }
    }
    List<ReportViews.Holding> out = new ArrayList<>();
    for (Map.Entry<ReportViews.AccountType, Map<Integer, long[]>> t : sums.entrySet()) {
      for (Map.Entry<Integer, long[]> v : t.getValue().entrySet()) {
        out.add(
            new ReportViews.Holding(
                t.getKey(), v.getKey(), (int) v.getValue()[0], v.getValue()[1]));
      }
    }
    return List.copyOf(out);
  }

  /**
   * The type a holding of account {@code id} is summed under, or null for an account that holds no
   * permits. A system account added later and not named here is counted as another account, so the
   * rows still add up to every permit held.
   */
  private static ReportViews.AccountType typeOf(Registry r, long id) {
    if (id > 0) {
      return r.role(id) == Role.PARTICIPANT
          ? ReportViews.AccountType.PARTICIPANTS
          : ReportViews.AccountType.OTHER_ACCOUNTS;
    }
    SystemAccount s = SystemAccount.byId(id);
    if (s == null || !s.holdsPermits()) {
      return null;
    }
    return switch (s) {
      case NEW_ENTRANT_RESERVE -> ReportViews.AccountType.NEW_ENTRANT_RESERVE;
      case AUCTION_RESERVE -> ReportViews.AccountType.AUCTION_RESERVE;
      case STABILITY_RESERVE -> ReportViews.AccountType.STABILITY_RESERVE;
      case PRICE_CONTAINMENT_RESERVE -> ReportViews.AccountType.PRICE_CONTAINMENT_RESERVE;
      case RETIREMENT -> ReportViews.AccountType.SURRENDERED;
      case CANCELLATION -> ReportViews.AccountType.CANCELLED;
      case EXPIRY -> ReportViews.AccountType.EXPIRED;
      default -> ReportViews.AccountType.OTHER_ACCOUNTS;
    };
  }
}
