package org.computecap.engine.stability;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.computecap.engine.EngineState;
import org.computecap.engine.Event;
import org.computecap.engine.WriteAccess;
import org.computecap.engine.program.Program;
import org.computecap.engine.program.StabilityReserve;
import org.computecap.engine.registry.Ledger;
import org.computecap.engine.registry.Registry;
import org.computecap.engine.registry.SystemAccount;

/**
 * The stability reserve's movements (issue 14), called by the commands that cause them: {@code
 * ClosePeriod(t)} reads TNAC and settles (intake issued into the reserve out of period t+1's
 * auction volume, invalidation cancelled), and the first {@code OpenAuction} of period t+1 takes
 * the release decided at that close into its supply. Every movement is between system accounts;
 * none can fail once its command's checks have passed, so the callers call these after their own
 * checks.
 */
public final class StabilityReserveHandler {
  private StabilityReserveHandler() {}

  /**
   * TNAC as docs/rules.md defines it: every permit issued and not surrendered, cancelled, expired,
   * or held by a reserve (new-entrant, auction, stability, price containment), i.e. what
   * participant accounts hold, free or reserved. Only participants can hold permits besides the
   * system accounts.
   */
  public static long tnacPermits(Registry registry) {
    return registry.issuedTotal()
        - registry.surrenderedTotal()
        - registry.cancelledTotal()
        - registry.expiredTotal()
        - registry.freePermitsTotal(SystemAccount.NEW_ENTRANT_RESERVE.id())
        - registry.freePermitsTotal(SystemAccount.AUCTION_RESERVE.id())
        - registry.freePermitsTotal(SystemAccount.STABILITY_RESERVE.id())
        - registry.freePermitsTotal(SystemAccount.PRICE_CONTAINMENT_RESERVE.id());
  }

  /**
   * At the end of {@code ClosePeriod(period)} (after surrenders and expiry, before the period
   * advances): reads TNAC, issues the withheld permits into the reserve as vintage {@code period +
   * 1} (at most that period's auction volume and remaining cap, so the cap is never exceeded),
   * cancels what the reserve holds above the invalidation limit (oldest vintage first) and records
   * the decision, whose release waits for period {@code period + 1}'s first auction. A program
   * without a stability reserve does nothing and adds no event.
   */
  public static void closePeriod(WriteAccess access, int period, List<Event> events) {
    EngineState state = access.state();
    Program program = state.program();
    if (!program.hasStabilityReserve()) {
      return;
    }
    StabilityReserve rule = program.stabilityReserve();
    Registry registry = state.registry();
    long reserve = SystemAccount.STABILITY_RESERVE.id();
    int next = period + 1;
    long tnac = tnacPermits(registry);
    long withholdable =
        Math.max(0L, Math.min(program.auctionVolumePermits(next), registry.remainingCap(next)));
    StabilityRule.Decision d =
        StabilityRule.decide(rule, tnac, registry.freePermitsTotal(reserve), withholdable);
    Ledger ledger = access.ledger();
    if (d.withheldPermits() > 0) {
      ledger.issue(reserve, next, d.withheldPermits());
    }
    events.add(
        new StabilityReserveSettled(
            period,
            tnac,
            d.band(),
            d.intakePermits(),
            d.withheldPermits(),
            d.releasePermits(),
            d.invalidatedPermits(),
            d.reserveAfterPermits()));
    long left = d.invalidatedPermits();
    for (int v = program.firstPeriod(); v <= next && left > 0; v++) {
      long q = Math.min(left, registry.freePermits(reserve, v));
      if (q > 0) {
        ledger.cancel(reserve, v, q);
        events.add(new StabilityPermitsInvalidated(period, v, q));
        left -= q;
      }
    }
    state.feature(StabilityState.class).settled(new StabilityState.Settlement(period, tnac, d));
  }

  /**
   * The lots (vintage -> permits, oldest first) an auction of {@code period} opening now takes from
   * the stability reserve: the release decided for the period, if no auction took it yet, out of
   * what the reserve holds. Empty without a stability reserve. Changes nothing.
   */
  public static TreeMap<Integer, Long> releaseLots(EngineState state, int period) {
    TreeMap<Integer, Long> lots = new TreeMap<>();
    StabilityState s = state.featureOrNull(StabilityState.class);
    long left = s == null ? 0L : s.pendingRelease(period);
    long reserve = SystemAccount.STABILITY_RESERVE.id();
    for (int v = state.program().firstPeriod(); v <= period && left > 0; v++) {
      long q = Math.min(left, state.registry().freePermits(reserve, v));
      if (q > 0) {
        lots.put(v, q);
        left -= q;
      }
    }
    return lots;
  }

  /**
   * Moves {@code lots} (from {@link #releaseLots}) from the stability reserve to the auction
   * reserve for auction {@code auctionId} of {@code period}, and records that the period's release
   * is taken (even when the reserve had nothing left to give).
   */
  public static void release(
      WriteAccess access,
      long auctionId,
      int period,
      TreeMap<Integer, Long> lots,
      List<Event> events) {
    StabilityState s = access.state().featureOrNull(StabilityState.class);
    if (s == null || s.pendingRelease(period) == 0) {
      return;
    }
    for (Map.Entry<Integer, Long> lot : lots.entrySet()) {
      access
          .ledger()
          .transfer(
              SystemAccount.STABILITY_RESERVE.id(),
              SystemAccount.AUCTION_RESERVE.id(),
              lot.getKey(),
              lot.getValue());
      events.add(new StabilityPermitsReleased(auctionId, period, lot.getKey(), lot.getValue()));
    }
    s.releaseTaken(period, auctionId);
  }
}
