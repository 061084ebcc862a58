package org.computecap.engine.registry;

import org.computecap.engine.EngineState;
import org.computecap.engine.Rejection;
import org.computecap.engine.command.Role;
import org.computecap.engine.program.Program;
import org.computecap.engine.program.RegistryControls;

/**
 * The holding limit of issue 15 (California type), checked where permits could come into a
 * participant's account at its own or another participant's request: a transfer to it, a buy order,
 * an auction or reserve sale bid, a purchase at the price ceiling. Like California's CITSS it
 * checks the worst case when the buying is asked for: what the account holds (free and in sell
 * orders, every vintage), plus what its resting buy orders and open bids may still bring, plus the
 * new quantity, must stay within {@code limit(cap of the current period) + exemption}, where the
 * exemption is the obligation so far not yet surrendered for the current period (California's
 * limited exemption for compliance holdings). A fill of an order accepted earlier is never refused:
 * the check was made when it was placed. Issuance and free allocation are the regulator's acts and
 * are not limited, but count toward later checks.
 */
public final class HoldingLimitRule {
  private HoldingLimitRule() {}

  /** The broken rule if {@code quantity} more permits could take the account over its limit. */
  public static Rejection mayAcquire(EngineState state, long accountId, long quantity) {
    Program program = state.program();
    RegistryControls.HoldingLimit limit = program.registryControls().holdingLimit();
    Registry r = state.registry();
    if (!limit.isOn() || r.role(accountId) != Role.PARTICIPANT) {
      return null;
    }
    return worstCase(state, accountId, quantity) > allowed(state, accountId)
        ? Rejection.HOLDING_LIMIT_EXCEEDED
        : null;
  }

  /** The account's limit now, with its compliance exemption, in permits. */
  public static long allowed(EngineState state, long accountId) {
    Program program = state.program();
    int period = Math.min(state.currentPeriod(), program.periods().last());
    long limit = program.registryControls().holdingLimit().limitPermits(program.capPermits(period));
    int current = state.currentPeriod();
    long exemption =
        Math.max(
            0,
            state.obligationSoFar(accountId, current)
                - state.registry().surrendered(accountId, current));
    return saturatingAdd(limit, exemption);
  }

  /** What the account holds plus what its open buying may bring plus {@code quantity}. */
  private static long worstCase(EngineState state, long accountId, long quantity) {
    Registry r = state.registry();
    long held =
        saturatingAdd(r.freePermitsTotal(accountId), r.reservedPermits(accountId, Hold.EXCHANGE));
    return saturatingAdd(saturatingAdd(held, state.pendingPurchasePermits(accountId)), quantity);
  }

  private static long saturatingAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }
}
