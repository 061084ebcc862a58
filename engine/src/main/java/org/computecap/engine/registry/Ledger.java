package org.computecap.engine.registry;

import org.computecap.engine.CanonicalReader;
import org.computecap.engine.command.Role;
import org.computecap.engine.program.Program;

/**
 * The registry's mutators (§3 operations), kept apart from the {@link Registry} everyone reads so
 * that holding the engine's registry does not mean being able to change it. The engine keeps its
 * ledger private and hands it to the feature handlers only through its {@code WriteAccess}, inside
 * {@code Engine.apply}; there is no way from a {@link Registry} to its ledger.
 *
 * <p>Each method assumes its caller has checked the business rules with the registry's queries and
 * throws {@link AssertionError} when a precondition is broken (see {@link Registry}).
 */
public final class Ledger {
  private final Registry registry;
  private final PermitMovements movements = new PermitMovements();

  private Ledger(Registry registry) {
    this.registry = registry;
  }

  /** A new ledger for a program, with the regulator's {@link SystemAccount}s open. */
  public static Ledger open(Program program) {
    return new Ledger(new Registry(program));
  }

  /** The ledger of a snapshot (see {@link Registry#writeCanonical}). */
  public static Ledger readCanonical(CanonicalReader r, Program program) {
    return new Ledger(Registry.readCanonical(r, program));
  }

  /** The registry this ledger changes, for reading. */
  public Registry registry() {
    return registry;
  }

  /**
   * The permits moved since {@link #beginCommand()}: what the serial numbers are projected from
   * (issue 15).
   */
  public PermitMovements movements() {
    return movements;
  }

  /** Empties {@link #movements()}: the engine calls it as each command starts. */
  public void beginCommand() {
    movements.clear();
  }

  public void openAccount(long accountId, String name, Role role) {
    registry.openAccount(accountId, name, role);
  }

  /** Cash enters from outside. */
  public void deposit(long accountId, long cents) {
    registry.deposit(accountId, cents);
  }

  /** Cash leaves to the outside. */
  public void withdraw(long accountId, long cents) {
    registry.withdraw(accountId, cents);
  }

  /** Moves free cash between accounts: penalties, premiums, fees. */
  public void charge(long fromAccountId, long toAccountId, long cents) {
    registry.charge(fromAccountId, toAccountId, cents);
  }

  /** Sets free cash aside for {@code hold} (a buy order, an auction bid). */
  public void reserveCash(long accountId, long cents, Hold hold) {
    registry.reserveCash(accountId, cents, hold);
  }

  /** Gives reserved cash back to the account's free cash. */
  public void releaseCash(long accountId, long cents, Hold hold) {
    registry.releaseCash(accountId, cents, hold);
  }

  /** Pays reserved cash of {@code from} into the free cash of {@code to} (settlement). */
  public void settleCash(long fromAccountId, long toAccountId, long cents, Hold hold) {
    registry.settleCash(fromAccountId, toAccountId, cents, hold);
  }

  /** Creates permits of {@code vintage} in the account, within the vintage's cap. */
  public void issue(long accountId, int vintage, long quantity) {
    registry.issue(accountId, vintage, quantity);
    movements.record(SystemAccount.ISSUANCE.id(), accountId, vintage, quantity);
  }

  /** Creates permits of {@code vintage} above the cap: a sale at the price ceiling. */
  public void issueAboveCap(long accountId, int vintage, long quantity) {
    registry.issueAboveCap(accountId, vintage, quantity);
    movements.record(SystemAccount.ISSUANCE.id(), accountId, vintage, quantity);
  }

  /** Creates linked units of {@code vintage} above the cap (issue 18). */
  public void issueLinked(long accountId, int vintage, long quantity) {
    registry.issueLinked(accountId, vintage, quantity);
    movements.record(SystemAccount.ISSUANCE.id(), accountId, vintage, quantity);
  }

  /** Moves free permits of one vintage between accounts. */
  public void transfer(long fromAccountId, long toAccountId, int vintage, long quantity) {
    registry.transfer(fromAccountId, toAccountId, vintage, quantity);
    movements.record(fromAccountId, toAccountId, vintage, quantity);
  }

  /**
   * Surrenders free permits against {@code period}'s obligation, oldest eligible vintage first;
   * returns the quantities taken, index {@code k} for vintage {@code minVintage + k}.
   */
  public long[] surrender(long accountId, int period, long quantity, int minVintage) {
    long[] taken = registry.surrender(accountId, period, quantity, minVintage);
    long retirement = SystemAccount.RETIREMENT.id();
    for (int k = 0; k < taken.length; k++) {
      if (taken[k] > 0) {
        movements.record(accountId, retirement, minVintage + k, taken[k]);
      }
    }
    return taken;
  }

  /**
   * Gives back part of a surrender (a regulator's reversal, issue 15), newest eligible vintage
   * first; returns the quantities, index {@code k} for vintage {@code period - k}.
   */
  public long[] unsurrender(long accountId, int period, long quantity) {
    long[] given = registry.unsurrender(accountId, period, quantity);
    long retirement = SystemAccount.RETIREMENT.id();
    for (int k = 0; k < given.length; k++) {
      if (given[k] > 0) {
        movements.record(retirement, accountId, period - k, given[k]);
      }
    }
    return given;
  }

  /** Voluntarily retires free permits of one vintage into the cancellation account. */
  public void cancel(long accountId, int vintage, long quantity) {
    registry.cancel(accountId, vintage, quantity);
    movements.record(accountId, SystemAccount.CANCELLATION.id(), vintage, quantity);
  }

  /** Moves free permits of one vintage into the expiry account (banking off, §7.6). */
  public void expire(long accountId, int vintage, long quantity) {
    registry.expire(accountId, vintage, quantity);
    movements.record(accountId, SystemAccount.EXPIRY.id(), vintage, quantity);
  }

  /** Sets free permits aside for {@code hold} (a resting sell order). */
  public void reservePermits(long accountId, int vintage, long quantity, Hold hold) {
    registry.reservePermits(accountId, vintage, quantity, hold);
  }

  /** Gives reserved permits back to the account's free permits. */
  public void releasePermits(long accountId, int vintage, long quantity, Hold hold) {
    registry.releasePermits(accountId, vintage, quantity, hold);
  }

  /** Delivers reserved permits of {@code from} into the free permits of {@code to}. */
  public void settlePermits(
      long fromAccountId, long toAccountId, int vintage, long quantity, Hold hold) {
    registry.settlePermits(fromAccountId, toAccountId, vintage, quantity, hold);
    movements.record(fromAccountId, toAccountId, vintage, quantity);
  }
}
