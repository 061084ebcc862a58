package org.computecap.engine.simulation;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.computecap.engine.Rejection;
import org.computecap.engine.command.CancelPermits;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.IssueLinkedUnits;
import org.computecap.engine.command.IssuePermits;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.SurrenderPermits;
import org.computecap.engine.command.TransferPermits;
import org.computecap.engine.command.WithdrawCash;
import org.computecap.engine.registry.Registry;
import org.computecap.engine.registry.SystemAccount;

/**
 * A naive model of the registry, written the obvious way (boxed maps, sorted trees, no incremental
 * totals), that predicts the outcome of every registry command. The simulation compares the engine
 * with it command by command, and balance by balance at checkpoints.
 */
final class ReferenceRegistry {
  static final class Acc {
    final Role role;
    final SystemAccount system;
    long cash;
    long cashReserved;
    final TreeMap<Integer, Long> permits = new TreeMap<>();
    final TreeMap<Integer, Long> permitsReserved = new TreeMap<>();
    final Map<Integer, Long> surrendered = new HashMap<>();

    Acc(Role role, SystemAccount system) {
      this.role = role;
      this.system = system;
    }

    boolean holdsPermits() {
      return system == null ? role == Role.PARTICIPANT : system.holdsPermits();
    }
  }

  final Map<Long, Acc> accounts = new HashMap<>();
  final Map<Integer, Long> issued = new HashMap<>();

  /** Linked units by vintage (issue 18), a part of {@link #issued} above the cap. */
  final Map<Integer, Long> linked = new HashMap<>();

  /** The program's link: its exchange rate in ppm, 0 for a program without one (issue 18). */
  long linkRatePpm;

  /** The link's quota in ppm of the cap, -1 for none. */
  long linkQuotaPpm = -1;

  final int firstPeriod;
  final boolean banking;
  final java.util.function.IntToLongFunction cap;
  int period;

  ReferenceRegistry(int firstPeriod, boolean banking, java.util.function.IntToLongFunction cap) {
    this.firstPeriod = firstPeriod;
    this.banking = banking;
    this.cap = cap;
    this.period = firstPeriod;
    for (SystemAccount s : SystemAccount.values()) {
      // The stability reserve (policy TO_STABILITY_RESERVE), the price containment reserve and
      // the collateral hold (issue 17) are opened only for programs that use them, and the
      // simulation's programs never do.
      if (s != SystemAccount.STABILITY_RESERVE
          && s != SystemAccount.PRICE_CONTAINMENT_RESERVE
          && s != SystemAccount.COLLATERAL_HOLD) {
        accounts.put(s.id(), new Acc(Role.REGULATOR, s));
      }
    }
  }

  long free(long id, int vintage) {
    Acc a = accounts.get(id);
    return a == null ? 0 : a.permits.getOrDefault(vintage, 0L);
  }

  /** Applies the command to the model; returns the expected rejection, or null when OK. */
  /** Issuance's account rules, shared by IssuePermits and IssueLinkedUnits. */
  private Rejection issueRule(long accountId, int vintage) {
    Acc a = accounts.get(accountId);
    if (a == null) {
      return Rejection.UNKNOWN_ACCOUNT;
    }
    if (!a.holdsPermits() || (a.system != null && a.system.isSink())) {
      return Rejection.ROLE_NOT_PERMITTED;
    }
    return vintage != period ? Rejection.VINTAGE_NOT_CURRENT : null;
  }

  /** Linked units (issue 18), modelled independently of the engine's arithmetic. */
  private Rejection issueLinked(IssueLinkedUnits c) {
    if (linkRatePpm == 0) {
      return Rejection.NOT_LINKED;
    }
    Rejection r = issueRule(c.accountId(), c.vintage());
    if (r != null) {
      return r;
    }
    Acc a = accounts.get(c.accountId());
    java.math.BigInteger million = java.math.BigInteger.valueOf(1_000_000);
    long units =
        java.math.BigInteger.valueOf(c.originPermits())
            .multiply(java.math.BigInteger.valueOf(linkRatePpm))
            .divide(million)
            .longValueExact();
    if (units < 1) {
      return Rejection.LINKED_UNITS_BELOW_ONE;
    }
    long already = linked.getOrDefault(c.vintage(), 0L);
    if (linkQuotaPpm >= 0) {
      long quota =
          java.math.BigInteger.valueOf(cap.applyAsLong(c.vintage()))
              .multiply(java.math.BigInteger.valueOf(linkQuotaPpm))
              .divide(million)
              .longValueExact();
      if (already + units > quota) {
        return Rejection.LINK_QUOTA_EXCEEDED;
      }
    }
    long total = issued.values().stream().mapToLong(Long::longValue).sum();
    if (units > Long.MAX_VALUE - total) {
      return Rejection.LINK_QUOTA_EXCEEDED;
    }
    linked.put(c.vintage(), already + units);
    issued.merge(c.vintage(), units, Long::sum);
    a.permits.merge(c.vintage(), units, Long::sum);
    return null;
  }

  Rejection apply(Command command) {
    if (command instanceof OpenAccount c) {
      if (accounts.containsKey(c.accountId())) {
        return Rejection.ACCOUNT_ALREADY_EXISTS;
      }
      accounts.put(c.accountId(), new Acc(c.role(), null));
      return null;
    }
    if (command instanceof DepositCash c) {
      Rejection r = cashRule(c.accountId());
      if (r == null) {
        accounts.get(c.accountId()).cash += c.amountCents();
      }
      return r;
    }
    if (command instanceof WithdrawCash c) {
      Rejection r = cashRule(c.accountId());
      if (r == null && accounts.get(c.accountId()).cash < c.amountCents()) {
        r = Rejection.INSUFFICIENT_CASH;
      }
      if (r == null) {
        accounts.get(c.accountId()).cash -= c.amountCents();
      }
      return r;
    }
    if (command instanceof IssuePermits c) {
      Rejection r = issueRule(c.accountId(), c.vintage());
      if (r != null) {
        return r;
      }
      Acc a = accounts.get(c.accountId());
      long already = issued.getOrDefault(c.vintage(), 0L) - linked.getOrDefault(c.vintage(), 0L);
      if (already + c.quantity() > cap.applyAsLong(c.vintage())) {
        return Rejection.CAP_EXCEEDED;
      }
      issued.merge(c.vintage(), c.quantity(), Long::sum);
      a.permits.merge(c.vintage(), c.quantity(), Long::sum);
      return null;
    }
    if (command instanceof TransferPermits c) {
      Rejection r = participantRule(c.fromAccountId());
      if (r == null) {
        r = participantRule(c.toAccountId());
      }
      if (r == null && c.fromAccountId() == c.toAccountId()) {
        r = Rejection.TRANSFER_TO_SELF;
      }
      if (r == null && free(c.fromAccountId(), c.vintage()) < c.quantity()) {
        r = Rejection.INSUFFICIENT_PERMITS;
      }
      if (r == null) {
        move(c.fromAccountId(), c.toAccountId(), c.vintage(), c.quantity());
      }
      return r;
    }
    if (command instanceof SurrenderPermits c) {
      return surrender(c);
    }
    if (command instanceof CancelPermits c) {
      Rejection r = participantRule(c.accountId());
      if (r == null && free(c.accountId(), c.vintage()) < c.quantity()) {
        r = Rejection.INSUFFICIENT_PERMITS;
      }
      if (r == null) {
        move(c.accountId(), SystemAccount.CANCELLATION.id(), c.vintage(), c.quantity());
      }
      return r;
    }
    if (command instanceof IssueLinkedUnits c) {
      return issueLinked(c);
    }
    throw new AssertionError("the reference models registry commands only: " + command);
  }

  private Rejection surrender(SurrenderPermits c) {
    Rejection r = participantRule(c.accountId());
    if (r == null && c.period() < firstPeriod) {
      r = Rejection.PERIOD_BEFORE_PROGRAM;
    } else if (r == null && c.period() > period) {
      r = Rejection.PERIOD_NOT_STARTED;
    } else if (r == null && c.period() < period) {
      // Issue 15: a period's deadline is its close; without registry controls a late surrender
      // is refused (it used to retire permits that no assessment counted).
      r = Rejection.SURRENDER_DEADLINE_PASSED;
    }
    if (r != null) {
      return r;
    }
    int oldest = banking ? firstPeriod : c.period();
    Acc a = accounts.get(c.accountId());
    long eligible = 0;
    for (Map.Entry<Integer, Long> e : a.permits.entrySet()) {
      if (e.getKey() >= oldest && e.getKey() <= c.period()) {
        eligible += e.getValue();
      }
    }
    if (eligible < c.quantity()) {
      return Rejection.INSUFFICIENT_PERMITS;
    }
    long left = c.quantity();
    for (int v = oldest; v <= c.period() && left > 0; v++) {
      long take = Math.min(left, free(c.accountId(), v));
      if (take > 0) {
        move(c.accountId(), SystemAccount.RETIREMENT.id(), v, take);
        left -= take;
      }
    }
    a.surrendered.merge(c.period(), c.quantity(), Long::sum);
    return null;
  }

  void move(long from, long to, int vintage, long quantity) {
    take(accounts.get(from).permits, vintage, quantity);
    accounts.get(to).permits.merge(vintage, quantity, Long::sum);
  }

  // The registry's reservation API in the model's terms, for generators of features that
  // reserve and settle (the exchange, auctions); the engine's Hold split is not modelled.

  void reservePermits(long id, int vintage, long quantity) {
    Acc a = accounts.get(id);
    take(a.permits, vintage, quantity);
    a.permitsReserved.merge(vintage, quantity, Long::sum);
  }

  void releasePermits(long id, int vintage, long quantity) {
    Acc a = accounts.get(id);
    take(a.permitsReserved, vintage, quantity);
    a.permits.merge(vintage, quantity, Long::sum);
  }

  void settlePermits(long from, long to, int vintage, long quantity) {
    take(accounts.get(from).permitsReserved, vintage, quantity);
    accounts.get(to).permits.merge(vintage, quantity, Long::sum);
  }

  void reserveCash(long id, long cents) {
    Acc a = accounts.get(id);
    a.cash = Math.subtractExact(a.cash, cents);
    a.cashReserved += cents;
  }

  void releaseCash(long id, long cents) {
    Acc a = accounts.get(id);
    a.cashReserved -= cents;
    a.cash += cents;
  }

  void settleCash(long from, long to, long cents) {
    accounts.get(from).cashReserved -= cents;
    accounts.get(to).cash += cents;
  }

  private static void take(TreeMap<Integer, Long> map, int vintage, long quantity) {
    long left = map.getOrDefault(vintage, 0L) - quantity;
    if (left < 0) {
      throw new AssertionError(
          "reference model: taking " + quantity + " of vintage " + vintage + " leaves " + left);
    }
    if (left == 0) {
      map.remove(vintage);
    } else {
      map.put(vintage, left);
    }
  }

  private Rejection cashRule(long id) {
    Acc a = accounts.get(id);
    if (a == null) {
      return Rejection.UNKNOWN_ACCOUNT;
    }
    return a.role == Role.PARTICIPANT || a.role == Role.INSURER
        ? null
        : Rejection.ROLE_NOT_PERMITTED;
  }

  private Rejection participantRule(long id) {
    Acc a = accounts.get(id);
    if (a == null) {
      return Rejection.UNKNOWN_ACCOUNT;
    }
    return a.role == Role.PARTICIPANT ? null : Rejection.ROLE_NOT_PERMITTED;
  }

  /** Throws AssertionError at the first balance where the registry and the model differ. */
  void compareWith(Registry registry) {
    if (registry.accountCount() != accounts.size()) {
      throw new AssertionError(
          "accounts: engine " + registry.accountCount() + ", reference " + accounts.size());
    }
    for (Map.Entry<Long, Acc> e : accounts.entrySet()) {
      long id = e.getKey();
      Acc a = e.getValue();
      same("cash of " + id, registry.freeCash(id), a.cash);
      same("reserved cash of " + id, registry.reservedCash(id), a.cashReserved);
      for (int v = firstPeriod; v <= period; v++) {
        same(
            "permits of " + id + " vintage " + v,
            registry.freePermits(id, v),
            a.permits.getOrDefault(v, 0L));
        same(
            "reserved permits of " + id + " vintage " + v,
            registry.reservedPermits(id, v),
            a.permitsReserved.getOrDefault(v, 0L));
        same(
            "surrendered by " + id + " for " + v,
            registry.surrendered(id, v),
            a.surrendered.getOrDefault(v, 0L));
      }
    }
    for (int v = firstPeriod; v <= period; v++) {
      same("issued of " + v, registry.issued(v), issued.getOrDefault(v, 0L));
      same("linked units of " + v, registry.linkedIssued(v), linked.getOrDefault(v, 0L));
    }
  }

  private static void same(String what, long engine, long reference) {
    if (engine != reference) {
      throw new AssertionError(what + ": engine " + engine + ", reference " + reference);
    }
  }
}
