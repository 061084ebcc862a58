package org.computecap.engine.registry;

import java.util.ArrayList;
import java.util.List;
import org.computecap.engine.EngineState;
import org.computecap.engine.Rejection;
import org.computecap.engine.Result;
import org.computecap.engine.WriteAccess;
import org.computecap.engine.command.CancelPermits;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.IssueLinkedUnits;
import org.computecap.engine.command.IssuePermits;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.RegistryCommand;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.SurrenderPermits;
import org.computecap.engine.command.TransferPermits;
import org.computecap.engine.command.WithdrawCash;
import org.computecap.engine.program.AccountRule;
import org.computecap.engine.program.Linking;

/**
 * Applies the registry commands (§3). Each handler runs its checks in a fixed order of precedence
 * (the account exists, its role allows the operation, the period or vintage is right, the balance
 * covers it) and returns the first broken rule; only when all pass does it call the registry's
 * mutators, which cannot fail after that.
 */
public final class RegistryHandler {
  private RegistryHandler() {}

  public static Result apply(WriteAccess access, RegistryCommand command) {
    EngineState state = access.state();
    Ledger l = access.ledger();
    Registry r = l.registry();
    if (command instanceof OpenAccount c) {
      return openAccount(l, r, c);
    }
    if (command instanceof DepositCash c) {
      return deposit(state, l, r, c);
    }
    if (command instanceof WithdrawCash c) {
      return withdraw(state, l, r, c);
    }
    if (command instanceof IssuePermits c) {
      return issue(state, l, r, c);
    }
    if (command instanceof TransferPermits c) {
      return transfer(state, l, r, c);
    }
    if (command instanceof SurrenderPermits c) {
      return surrender(state, l, r, c);
    }
    if (command instanceof CancelPermits c) {
      return cancel(state, l, r, c);
    }
    if (command instanceof IssueLinkedUnits c) {
      return issueLinked(state, l, r, c);
    }
    throw new AssertionError("no registry handler for " + command.getClass().getName());
  }

  private static Result openAccount(Ledger l, Registry r, OpenAccount c) {
    if (r.exists(c.accountId())) {
      return Result.rejected(Rejection.ACCOUNT_ALREADY_EXISTS);
    }
    l.openAccount(c.accountId(), c.name(), c.role());
    return Result.accepted(new AccountOpened(c.accountId(), c.name(), c.role()));
  }

  private static Result deposit(EngineState state, Ledger l, Registry r, DepositCash c) {
    Rejection rejection = cashAccountRule(r, c.accountId());
    if (rejection == null) {
      rejection = AccountRule.mayReceive(state, c.accountId());
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    if (c.amountCents() > Long.MAX_VALUE - r.cashDeposited()) {
      throw new IllegalArgumentException(
          "amountCents must be <= "
              + (Long.MAX_VALUE - r.cashDeposited())
              + " (the ledger counts all cash ever deposited in 64 bits), got "
              + c.amountCents());
    }
    l.deposit(c.accountId(), c.amountCents());
    return Result.accepted(new CashDeposited(c.accountId(), c.amountCents()));
  }

  private static Result withdraw(EngineState state, Ledger l, Registry r, WithdrawCash c) {
    Rejection rejection = cashAccountRule(r, c.accountId());
    if (rejection == null) {
      rejection = AccountRule.maySend(state, c.accountId());
    }
    if (rejection == null && r.freeCash(c.accountId()) < c.amountCents()) {
      rejection = Rejection.INSUFFICIENT_CASH;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    l.withdraw(c.accountId(), c.amountCents());
    return Result.accepted(new CashWithdrawn(c.accountId(), c.amountCents()));
  }

  private static Result issue(EngineState state, Ledger l, Registry r, IssuePermits c) {
    Rejection rejection = null;
    if (!r.exists(c.accountId())) {
      rejection = Rejection.UNKNOWN_ACCOUNT;
    } else if (!r.canHoldPermits(c.accountId()) || isSink(c.accountId())) {
      rejection = Rejection.ROLE_NOT_PERMITTED;
    } else if (AccountRule.mayReceive(state, c.accountId()) != null) {
      rejection = AccountRule.mayReceive(state, c.accountId());
    } else if (c.vintage() != state.currentPeriod()) {
      rejection = Rejection.VINTAGE_NOT_CURRENT;
    } else if (c.quantity() > r.remainingCap(c.vintage())
        || c.quantity() > Long.MAX_VALUE - r.issuedTotal()) {
      rejection = Rejection.CAP_EXCEEDED;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    l.issue(c.accountId(), c.vintage(), c.quantity());
    return Result.accepted(new PermitsIssued(c.accountId(), c.vintage(), c.quantity()));
  }

  /**
   * Linked units (issue 18): only for a program with a {@code linking} section; the account rules
   * of {@link #issue}; at least one unit at the link's rate; within the vintage's quota.
   */
  private static Result issueLinked(EngineState state, Ledger l, Registry r, IssueLinkedUnits c) {
    Linking link = state.program().linking();
    Rejection rejection = null;
    long units = link == null ? 0 : link.units(c.originPermits());
    if (link == null) {
      rejection = Rejection.NOT_LINKED;
    } else if (!r.exists(c.accountId())) {
      rejection = Rejection.UNKNOWN_ACCOUNT;
    } else if (!r.canHoldPermits(c.accountId())) {
      rejection = Rejection.ROLE_NOT_PERMITTED;
    } else if (AccountRule.mayReceive(state, c.accountId()) != null) {
      rejection = AccountRule.mayReceive(state, c.accountId());
    } else if (c.vintage() != state.currentPeriod()) {
      rejection = Rejection.VINTAGE_NOT_CURRENT;
    } else if (units < 1) {
      rejection = Rejection.LINKED_UNITS_BELOW_ONE;
    } else if (units
            > link.quotaUnits(state.program().capPermits(c.vintage())) - r.linkedIssued(c.vintage())
        || units > Long.MAX_VALUE - r.issuedTotal()) {
      rejection = Rejection.LINK_QUOTA_EXCEEDED;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    l.issueLinked(c.accountId(), c.vintage(), units);
    return Result.accepted(
        new LinkedUnitsIssued(c.accountId(), c.vintage(), c.originPermits(), units));
  }

  private static Result transfer(EngineState state, Ledger l, Registry r, TransferPermits c) {
    Rejection rejection = participantRule(r, c.fromAccountId());
    if (rejection == null) {
      rejection = participantRule(r, c.toAccountId());
    }
    if (rejection == null && c.fromAccountId() == c.toAccountId()) {
      rejection = Rejection.TRANSFER_TO_SELF;
    }
    if (rejection == null) {
      rejection = AccountRule.maySend(state, c.fromAccountId());
    }
    if (rejection == null) {
      rejection = AccountRule.mayReceive(state, c.toAccountId());
    }
    if (rejection == null && r.freePermits(c.fromAccountId(), c.vintage()) < c.quantity()) {
      rejection = Rejection.INSUFFICIENT_PERMITS;
    }
    if (rejection == null) {
      rejection = HoldingLimitRule.mayAcquire(state, c.toAccountId(), c.quantity());
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    l.transfer(c.fromAccountId(), c.toAccountId(), c.vintage(), c.quantity());
    return Result.accepted(
        new PermitsTransferred(c.fromAccountId(), c.toAccountId(), c.vintage(), c.quantity()));
  }

  private static Result surrender(EngineState state, Ledger l, Registry r, SurrenderPermits c) {
    Rejection rejection = participantRule(r, c.accountId());
    if (rejection == null) {
      rejection = AccountRule.maySurrender(state, c.accountId());
    }
    if (rejection == null && c.period() < state.program().firstPeriod()) {
      rejection = Rejection.PERIOD_BEFORE_PROGRAM;
    } else if (rejection == null && c.period() > state.currentPeriod()) {
      rejection = Rejection.PERIOD_NOT_STARTED;
    }
    int oldest = rejection == null ? state.oldestEligibleVintage(c.period()) : 0;
    if (rejection == null && r.freePermits(c.accountId(), oldest, c.period()) < c.quantity()) {
      rejection = Rejection.INSUFFICIENT_PERMITS;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    long[] taken = l.surrender(c.accountId(), c.period(), c.quantity(), oldest);
    List<PermitsSurrendered> events = new ArrayList<>();
    for (int k = 0; k < taken.length; k++) {
      if (taken[k] > 0) {
        events.add(new PermitsSurrendered(c.accountId(), c.period(), oldest + k, taken[k]));
      }
    }
    return Result.accepted(events);
  }

  private static Result cancel(EngineState state, Ledger l, Registry r, CancelPermits c) {
    Rejection rejection = participantRule(r, c.accountId());
    if (rejection == null) {
      rejection = AccountRule.maySend(state, c.accountId());
    }
    if (rejection == null && r.freePermits(c.accountId(), c.vintage()) < c.quantity()) {
      rejection = Rejection.INSUFFICIENT_PERMITS;
    }
    if (rejection != null) {
      return Result.rejected(rejection);
    }
    l.cancel(c.accountId(), c.vintage(), c.quantity());
    return Result.accepted(new PermitsCancelled(c.accountId(), c.vintage(), c.quantity()));
  }

  /** Cash moves in and out only through participants' and insurers' accounts. */
  private static Rejection cashAccountRule(Registry r, long accountId) {
    Role role = r.role(accountId);
    if (role == null) {
      return Rejection.UNKNOWN_ACCOUNT;
    }
    return role == Role.PARTICIPANT || role == Role.INSURER ? null : Rejection.ROLE_NOT_PERMITTED;
  }

  /** Permits change hands by command only between participants. */
  private static Rejection participantRule(Registry r, long accountId) {
    Role role = r.role(accountId);
    if (role == null) {
      return Rejection.UNKNOWN_ACCOUNT;
    }
    return role == Role.PARTICIPANT ? null : Rejection.ROLE_NOT_PERMITTED;
  }

  private static boolean isSink(long accountId) {
    SystemAccount s = SystemAccount.byId(accountId);
    return s != null && s.isSink();
  }
}
