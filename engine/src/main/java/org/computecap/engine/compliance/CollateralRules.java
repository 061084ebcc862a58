package org.computecap.engine.compliance;

import java.util.Map;
import java.util.TreeMap;
import org.computecap.engine.EngineState;
import org.computecap.engine.Rejection;
import org.computecap.engine.Result;
import org.computecap.engine.WriteAccess;
import org.computecap.engine.command.PostCollateral;
import org.computecap.engine.command.ReturnCollateral;
import org.computecap.engine.program.AccountRule;
import org.computecap.engine.program.CollateralForm;
import org.computecap.engine.program.EnforcementLevers;
import org.computecap.engine.program.Program;
import org.computecap.engine.registry.Ledger;
import org.computecap.engine.registry.Registry;
import org.computecap.engine.registry.SystemAccount;

/**
 * Collateral (issue 17): a participant posts the program's amount of cash or permits into the
 * collateral hold; a detected under-report forfeits all of it (cash to the treasury, permits to
 * cancellation) and the audit's fine is then charged up to the liability cap, so that forfeited
 * cash collateral and fine together never exceed it (the economics' {@code min(K + phi, L)}); a
 * regulator returns it when the participant owes nothing.
 */
final class CollateralRules {
  private static final long HOLD = SystemAccount.COLLATERAL_HOLD.id();

  private CollateralRules() {}

  static Result post(WriteAccess access, PostCollateral c) {
    EngineState state = access.state();
    Registry registry = state.registry();
    EnforcementLevers.Collateral rule = state.program().enforcement().collateral();
    Rejection rejection = ComplianceHandler.participantRule(registry, c.accountId());
    if (rejection == null) {
      rejection = AccountRule.maySend(state, c.accountId());
    }
    if (rejection == null && !rule.isOn()) {
      rejection = Rejection.COLLATERAL_NOT_REQUIRED;
    }
    EnforcementState s = rejection == null ? state.feature(EnforcementState.class) : null;
    if (rejection == null && s.hasCollateral(c.accountId())) {
      rejection = Rejection.COLLATERAL_ALREADY_POSTED;
    }
    if (rejection == null && rule.form() == CollateralForm.CASH) {
      rejection =
          registry.freeCash(c.accountId()) < rule.amount() ? Rejection.INSUFFICIENT_CASH : null;
    } else if (rejection == null) {
      rejection =
          registry.freePermitsTotal(c.accountId()) < rule.amount()
              ? Rejection.INSUFFICIENT_PERMITS
              : null;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    Ledger ledger = access.ledger();
    if (rule.form() == CollateralForm.CASH) {
      ledger.charge(c.accountId(), HOLD, rule.amount());
      s.cashPosted.put(c.accountId(), rule.amount());
    } else {
      s.permitsPosted.put(c.accountId(), takePermits(state, ledger, c.accountId(), rule.amount()));
    }
    return Result.accepted(new CollateralPosted(c.accountId(), rule.form(), rule.amount()));
  }

  // Oldest vintage first, as a surrender takes them; the total was checked before.
  private static TreeMap<Integer, Long> takePermits(
      EngineState state, Ledger ledger, long account, long amount) {
    TreeMap<Integer, Long> taken = new TreeMap<>();
    Program program = state.program();
    long left = amount;
    for (int v = program.firstPeriod(); left > 0 && v <= program.periods().last(); v++) {
      long q = Math.min(left, state.registry().freePermits(account, v));
      if (q > 0) {
        ledger.transfer(account, HOLD, v, q);
        taken.put(v, q);
        left -= q;
      }
    }
    if (left != 0) {
      throw new AssertionError("account " + account + " had fewer free permits than checked");
    }
    return taken;
  }

  static Result giveBack(WriteAccess access, ComplianceState compliance, ReturnCollateral c) {
    EngineState state = access.state();
    Rejection rejection = ComplianceHandler.participantRule(state.registry(), c.accountId());
    if (rejection == null) {
      rejection = AccountRule.mayReceive(state, c.accountId());
    }
    EnforcementState s = state.featureOrNull(EnforcementState.class);
    if (rejection == null && (s == null || !s.hasCollateral(c.accountId()))) {
      rejection = Rejection.NO_COLLATERAL_POSTED;
    }
    if (rejection == null
        && (compliance.unpaidPenaltyCents(c.accountId()) > 0
            || compliance.makeGoodOwedPermits(c.accountId()) > 0)) {
      rejection = Rejection.OBLIGATIONS_OUTSTANDING;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    Ledger ledger = access.ledger();
    Long cash = s.cashPosted.remove(c.accountId());
    if (cash != null) {
      ledger.charge(HOLD, c.accountId(), cash);
      return Result.accepted(new CollateralReturned(c.accountId(), CollateralForm.CASH, cash));
    }
    long total = 0;
    for (Map.Entry<Integer, Long> v : s.permitsPosted.remove(c.accountId()).entrySet()) {
      ledger.transfer(HOLD, c.accountId(), v.getKey(), v.getValue());
      total += v.getValue();
    }
    return Result.accepted(new CollateralReturned(c.accountId(), CollateralForm.PERMITS, total));
  }

  /**
   * Forfeits the account's collateral for a detected under-report of {@code period}; returns the
   * event, or null when it has none. The cash part counts against the liability cap.
   */
  static CollateralForfeited forfeit(Ledger ledger, EnforcementState s, long account, int period) {
    Long cash = s.cashPosted.remove(account);
    if (cash != null) {
      ledger.charge(HOLD, SystemAccount.TREASURY.id(), cash);
      return new CollateralForfeited(account, period, CollateralForm.CASH, cash);
    }
    TreeMap<Integer, Long> permits = s.permitsPosted.remove(account);
    if (permits == null) {
      return null;
    }
    long total = 0;
    for (Map.Entry<Integer, Long> v : permits.entrySet()) {
      ledger.cancel(HOLD, v.getKey(), v.getValue());
      total += v.getValue();
    }
    return new CollateralForfeited(account, period, CollateralForm.PERMITS, total);
  }

  /**
   * The fine an audit may still charge under the liability cap: {@code min(fine, cap - cash
   * forfeited)}, the fine itself without a cap.
   */
  static long cappedFine(EnforcementLevers.Collateral rule, long fineCents, long forfeitedCents) {
    if (!rule.hasLiabilityCap()) {
      return fineCents;
    }
    return Math.min(fineCents, Math.max(0, rule.liabilityCapCents() - forfeitedCents));
  }
}
