package org.computecap.engine.registry;

import java.util.EnumMap;
import java.util.Map;
import org.computecap.engine.CanonicalReader;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.collections.LongLongMap;
import org.computecap.engine.collections.LongObjectMap;
import org.computecap.engine.command.Role;
import org.computecap.engine.program.Program;

/**
 * The ledger (§3): accounts, cash in cents and permits by vintage, with every permit and every cent
 * accounted for. It is the API the other features build on (the exchange reserves and settles
 * through it, auctions issue and charge through it, compliance surrenders and expires through it).
 *
 * <p>Queries are public and free to call: this class is the registry as everyone reads it. Its
 * mutators are package-private and reached only through the engine's {@link Ledger}, which only the
 * engine's {@code WriteAccess} hands out, inside {@code Engine.apply}. They assume their caller has
 * already checked the business rules with the queries (a handler checks everything, then mutates):
 * a mutator that finds its precondition broken throws {@link AssertionError}, because that is a bug
 * and the engine must stop rather than continue with a wrong ledger.
 *
 * <p>Invariants ({@link #checkInvariants()}): permits issued = the sum over all accounts of free
 * and reserved permits (sinks included, so surrendered, cancelled and expired are counted); issued
 * per vintage <= that period's cap; cash deposited - withdrawn = the sum of free and reserved cash;
 * no balance is negative; reservations by holder add up to the reservations.
 */
public final class Registry {
  private final Program rules;
  private final int firstPeriod;
  private final LongObjectMap<Account> accounts = new LongObjectMap<>(64);
  private final LongLongMap issuedByVintage = new LongLongMap();

  /**
   * vintage -> permits sold at the price ceiling, issued above the cap (issue 14): counted in
   * {@link #issuedByVintage} like every permit, and allowed on top of the cap, so {@code issued(v)
   * <= cap(v) + ceiling units(v)}. Written to the canonical form only for a program with a ceiling.
   */
  private final LongLongMap ceilingByVintage = new LongLongMap();

  private long ceilingTotal;

  /**
   * vintage -> linked units (issue 18), issued above the cap for permits another program's registry
   * cancelled. Written to the canonical form only for a program with a {@code linking} section.
   */
  private final LongLongMap linkedByVintage = new LongLongMap();

  private long linkedTotal;
  private final Map<SystemAccount, Account> system = new EnumMap<>(SystemAccount.class);
  private long issuedTotal;
  private long permitsFreeTotal;
  private long permitsReservedTotal;
  private long cashDeposited;
  private long cashWithdrawn;
  private long cashFreeTotal;
  private long cashReservedTotal;

  /** A registry for a program, with the regulator's {@link SystemAccount}s already open. */
  Registry(Program rules) {
    this.rules = rules;
    this.firstPeriod = rules.firstPeriod();
    for (SystemAccount s : SystemAccount.values()) {
      if (!s.isOpenFor(rules)) {
        continue;
      }
      Account a = new Account(s.id(), s.accountName(), Role.REGULATOR, s);
      accounts.put(s.id(), a);
      system.put(s, a);
    }
  }

  // ---------------------------------------------------------------- queries

  public boolean exists(long accountId) {
    return accounts.containsKey(accountId);
  }

  /** The account's role, or null when there is no such account. */
  public Role role(long accountId) {
    Account a = accounts.get(accountId);
    return a == null ? null : a.role;
  }

  /** The account's name, or null when there is no such account. */
  public String name(long accountId) {
    Account a = accounts.get(accountId);
    return a == null ? null : a.name;
  }

  /** Whether the account exists and may receive permits (participants and permit reserves). */
  public boolean canHoldPermits(long accountId) {
    Account a = accounts.get(accountId);
    return a != null && a.holdsPermits();
  }

  /** Whether the account exists and may hold cash (participants, insurers, the treasury). */
  public boolean canHoldCash(long accountId) {
    Account a = accounts.get(accountId);
    return a != null && a.holdsCash();
  }

  public int accountCount() {
    return accounts.size();
  }

  /** All account ids, system accounts included, ascending. */
  public long[] accountIds() {
    return accounts.sortedKeys();
  }

  public long freeCash(long accountId) {
    Account a = accounts.get(accountId);
    return a == null ? 0L : a.cashFree;
  }

  public long reservedCash(long accountId) {
    Account a = accounts.get(accountId);
    return a == null ? 0L : a.cashReserved;
  }

  public long reservedCash(long accountId, Hold hold) {
    Account a = accounts.get(accountId);
    return a == null ? 0L : a.cashReservedBy[hold.ordinal()];
  }

  public long freePermits(long accountId, int vintage) {
    Account a = accounts.get(accountId);
    return a == null ? 0L : a.free(vintage - firstPeriod);
  }

  public long reservedPermits(long accountId, int vintage) {
    Account a = accounts.get(accountId);
    return a == null ? 0L : a.reserved(vintage - firstPeriod);
  }

  public long reservedPermits(long accountId, Hold hold) {
    Account a = accounts.get(accountId);
    return a == null ? 0L : a.permitsReservedBy[hold.ordinal()];
  }

  /** Free permits of the account over all vintages. */
  public long freePermitsTotal(long accountId) {
    Account a = accounts.get(accountId);
    return a == null ? 0L : a.freeTotal;
  }

  /** Free permits of vintages {@code minVintage..maxVintage} (inclusive). */
  public long freePermits(long accountId, int minVintage, int maxVintage) {
    Account a = accounts.get(accountId);
    if (a == null) {
      return 0L;
    }
    long sum = 0;
    int to = Math.min(maxVintage - firstPeriod, a.free.length - 1);
    for (int i = Math.max(0, minVintage - firstPeriod); i <= to; i++) {
      sum += a.free[i];
    }
    return sum;
  }

  /** What the account has surrendered against {@code period}'s obligation. */
  public long surrendered(long accountId, int period) {
    Account a = accounts.get(accountId);
    return a == null ? 0L : a.surrendered(period);
  }

  public long issued(int vintage) {
    return issuedByVintage.get(vintage, 0L);
  }

  /** What may still be issued in {@code vintage} under its period's cap. */
  public long remainingCap(int vintage) {
    return rules.capPermits(vintage)
        - issued(vintage)
        + ceilingIssued(vintage)
        + linkedIssued(vintage);
  }

  /** Linked units of {@code vintage}: issued above the cap for another program's permits. */
  public long linkedIssued(int vintage) {
    return linkedByVintage.get(vintage, 0L);
  }

  /** Linked units of all vintages. */
  public long linkedIssuedTotal() {
    return linkedTotal;
  }

  /** Permits of {@code vintage} sold at the price ceiling, above the cap. */
  public long ceilingIssued(int vintage) {
    return ceilingByVintage.get(vintage, 0L);
  }

  /** Permits sold at the price ceiling in all vintages (the "ceiling units"). */
  public long ceilingIssuedTotal() {
    return ceilingTotal;
  }

  public long issuedTotal() {
    return issuedTotal;
  }

  public long surrenderedTotal() {
    return system.get(SystemAccount.RETIREMENT).freeTotal;
  }

  public long cancelledTotal() {
    return system.get(SystemAccount.CANCELLATION).freeTotal;
  }

  public long expiredTotal() {
    return system.get(SystemAccount.EXPIRY).freeTotal;
  }

  /** Permits held free in accounts that can still use them (sinks excluded). */
  public long heldTotal() {
    return permitsFreeTotal - surrenderedTotal() - cancelledTotal() - expiredTotal();
  }

  /** Permits reserved by any holder (resting sell orders...). */
  public long reservedTotal() {
    return permitsReservedTotal;
  }

  public long cashDeposited() {
    return cashDeposited;
  }

  public long cashWithdrawn() {
    return cashWithdrawn;
  }

  /** Free plus reserved cash over all accounts. */
  public long cashBalanceTotal() {
    return cashFreeTotal + cashReservedTotal;
  }

  // ---------------------------------------------------------------- accounts and cash

  void openAccount(long accountId, String name, Role role) {
    check(accountId > 0, "caller account ids are positive", accountId);
    check(!accounts.containsKey(accountId), "account exists", accountId);
    accounts.put(accountId, new Account(accountId, name, role, null));
  }

  /**
   * Cash enters from outside. Every balance is at most the total ever deposited, so checking that
   * total for overflow first (an {@link ArithmeticException}, state untouched) covers all.
   */
  void deposit(long accountId, long cents) {
    Account a = cashAccount(accountId, cents);
    long deposited = Math.addExact(cashDeposited, cents);
    a.cashFree += cents;
    cashFreeTotal += cents;
    cashDeposited = deposited;
  }

  /** Cash leaves to the outside. */
  void withdraw(long accountId, long cents) {
    Account a = cashAccount(accountId, cents);
    check(a.cashFree >= cents, "free cash covers withdrawal", accountId);
    a.cashFree -= cents;
    cashFreeTotal -= cents;
    cashWithdrawn = Math.addExact(cashWithdrawn, cents);
  }

  /** Moves free cash between accounts: penalties, premiums, fees (§3 "charge", "pay"). */
  void charge(long fromAccountId, long toAccountId, long cents) {
    Account from = cashAccount(fromAccountId, cents);
    Account to = cashAccount(toAccountId, cents);
    check(from.cashFree >= cents, "free cash covers charge", fromAccountId);
    from.cashFree -= cents;
    to.cashFree += cents;
  }

  /** Sets free cash aside for {@code hold} (a buy order, an auction bid). */
  void reserveCash(long accountId, long cents, Hold hold) {
    Account a = cashAccount(accountId, cents);
    check(a.cashFree >= cents, "free cash covers reservation", accountId);
    a.cashFree -= cents;
    a.cashReserved += cents;
    a.cashReservedBy[hold.ordinal()] += cents;
    cashFreeTotal -= cents;
    cashReservedTotal += cents;
  }

  /** Gives reserved cash back to the account's free cash. */
  void releaseCash(long accountId, long cents, Hold hold) {
    Account a = cashAccount(accountId, cents);
    check(a.cashReservedBy[hold.ordinal()] >= cents, "reservation covers release", accountId);
    a.cashReservedBy[hold.ordinal()] -= cents;
    a.cashReserved -= cents;
    a.cashFree += cents;
    cashReservedTotal -= cents;
    cashFreeTotal += cents;
  }

  /** Pays reserved cash of {@code from} into the free cash of {@code to} (settlement). */
  void settleCash(long fromAccountId, long toAccountId, long cents, Hold hold) {
    Account from = cashAccount(fromAccountId, cents);
    Account to = cashAccount(toAccountId, cents);
    check(
        from.cashReservedBy[hold.ordinal()] >= cents, "reservation covers payment", fromAccountId);
    from.cashReservedBy[hold.ordinal()] -= cents;
    from.cashReserved -= cents;
    to.cashFree += cents;
    cashReservedTotal -= cents;
    cashFreeTotal += cents;
  }

  // ---------------------------------------------------------------- permits

  /**
   * Creates permits of {@code vintage} in the account, within the vintage's cap. Every holding is
   * at most the total ever issued, so checking that total for overflow first (an {@link
   * ArithmeticException}, state untouched) covers all.
   */
  void issue(long accountId, int vintage, long quantity) {
    Account a = permitAccount(accountId, vintage, quantity);
    check(quantity <= remainingCap(vintage), "issue stays within the cap", accountId);
    credit(a, vintage, quantity, Math.addExact(issuedTotal, quantity));
  }

  /**
   * Creates permits of {@code vintage} in the account above the cap: the price ceiling's sales.
   * They count as issued and as ceiling units, so the cap's room for other issuance is unchanged.
   */
  void issueAboveCap(long accountId, int vintage, long quantity) {
    Account a = permitAccount(accountId, vintage, quantity);
    check(rules.priceControls().ceiling().isOn(), "the program has a price ceiling", accountId);
    long issued = Math.addExact(issuedTotal, quantity);
    ceilingTotal = Math.addExact(ceilingTotal, quantity);
    ceilingByVintage.add(vintage, quantity);
    credit(a, vintage, quantity, issued);
  }

  /**
   * Creates linked units of {@code vintage} in the account above the cap, for permits another
   * program's registry cancelled; the caller checked the link's quota.
   */
  void issueLinked(long accountId, int vintage, long quantity) {
    Account a = permitAccount(accountId, vintage, quantity);
    check(rules.hasLinking(), "the program has a linking section", accountId);
    long issued = Math.addExact(issuedTotal, quantity);
    linkedTotal = Math.addExact(linkedTotal, quantity);
    linkedByVintage.add(vintage, quantity);
    credit(a, vintage, quantity, issued);
  }

  /** Puts newly issued permits into the account; {@code issued} is the new total, checked. */
  private void credit(Account a, int vintage, long quantity, long issued) {
    int i = vintage - firstPeriod;
    a.ensure(i);
    a.free[i] += quantity;
    a.freeTotal += quantity;
    permitsFreeTotal += quantity;
    issuedTotal = issued;
    issuedByVintage.add(vintage, quantity);
  }

  /** Moves free permits of one vintage between accounts. */
  void transfer(long fromAccountId, long toAccountId, int vintage, long quantity) {
    Account from = permitAccount(fromAccountId, vintage, quantity);
    Account to = permitAccount(toAccountId, vintage, quantity);
    check(!from.isSink(), "permits never leave a sink", fromAccountId);
    int i = vintage - firstPeriod;
    check(from.free(i) >= quantity, "free permits cover transfer", fromAccountId);
    to.ensure(i);
    from.free[i] -= quantity;
    from.freeTotal -= quantity;
    to.free[i] += quantity;
    to.freeTotal += quantity;
  }

  /**
   * Surrenders {@code quantity} free permits against {@code period}'s obligation, oldest eligible
   * vintage first (vintages {@code minVintage..period}), into the retirement account. Returns the
   * quantities taken, index {@code k} for vintage {@code minVintage + k}.
   */
  long[] surrender(long accountId, int period, long quantity, int minVintage) {
    Account a = permitAccount(accountId, period, quantity);
    check(minVintage >= firstPeriod && minVintage <= period, "eligible vintages exist", accountId);
    check(
        freePermits(accountId, minVintage, period) >= quantity,
        "eligible free permits cover surrender",
        accountId);
    Account retirement = system.get(SystemAccount.RETIREMENT);
    long[] taken = new long[period - minVintage + 1];
    long left = quantity;
    for (int v = minVintage; v <= period && left > 0; v++) {
      int i = v - firstPeriod;
      long take = Math.min(left, a.free(i));
      if (take > 0) {
        retirement.ensure(i);
        a.free[i] -= take;
        retirement.free[i] += take;
        taken[v - minVintage] = take;
        left -= take;
      }
    }
    a.freeTotal -= quantity;
    retirement.freeTotal += quantity;
    if (a.surrenderedByPeriod == null) {
      a.surrenderedByPeriod = new LongLongMap(4);
    }
    a.surrenderedByPeriod.add(period, quantity);
    return taken;
  }

  /**
   * Reverses part of the account's surrender for {@code period} (issue 15): moves {@code quantity}
   * permits from the retirement account back to its free permits, the newest vintage up to the
   * period first (the registry keeps surrenders per period, not per vintage), and lowers what it
   * surrendered for the period. Returns the quantities given back, index {@code k} for vintage
   * {@code period - k}.
   */
  long[] unsurrender(long accountId, int period, long quantity) {
    Account a = permitAccount(accountId, period, quantity);
    check(a.surrendered(period) >= quantity, "the account surrendered as much", accountId);
    Account retirement = system.get(SystemAccount.RETIREMENT);
    long[] given = new long[period - firstPeriod + 1];
    long left = quantity;
    for (int v = period; v >= firstPeriod && left > 0; v--) {
      int i = v - firstPeriod;
      long give = Math.min(left, retirement.free(i));
      if (give > 0) {
        a.ensure(i);
        retirement.free[i] -= give;
        a.free[i] += give;
        given[period - v] = give;
        left -= give;
      }
    }
    check(left == 0, "the retirement account holds the permits", accountId);
    a.freeTotal += quantity;
    retirement.freeTotal -= quantity;
    if (a.surrenderedByPeriod.add(period, -quantity) == 0) {
      a.surrenderedByPeriod.remove(period);
    }
    return given;
  }

  /** Voluntarily retires free permits of one vintage into the cancellation account. */
  void cancel(long accountId, int vintage, long quantity) {
    transfer(accountId, SystemAccount.CANCELLATION.id(), vintage, quantity);
  }

  /** Moves free permits of one vintage into the expiry account (banking off, §7.6). */
  void expire(long accountId, int vintage, long quantity) {
    transfer(accountId, SystemAccount.EXPIRY.id(), vintage, quantity);
  }

  /** Sets free permits aside for {@code hold} (a resting sell order). */
  void reservePermits(long accountId, int vintage, long quantity, Hold hold) {
    Account a = permitAccount(accountId, vintage, quantity);
    int i = vintage - firstPeriod;
    check(a.free(i) >= quantity, "free permits cover reservation", accountId);
    a.free[i] -= quantity;
    a.reserved[i] += quantity;
    a.freeTotal -= quantity;
    a.reservedTotal += quantity;
    a.permitsReservedBy[hold.ordinal()] += quantity;
    permitsFreeTotal -= quantity;
    permitsReservedTotal += quantity;
  }

  /** Gives reserved permits back to the account's free permits. */
  void releasePermits(long accountId, int vintage, long quantity, Hold hold) {
    Account a = permitAccount(accountId, vintage, quantity);
    int i = vintage - firstPeriod;
    check(
        a.reserved(i) >= quantity && a.permitsReservedBy[hold.ordinal()] >= quantity,
        "reservation covers release",
        accountId);
    a.reserved[i] -= quantity;
    a.free[i] += quantity;
    a.reservedTotal -= quantity;
    a.freeTotal += quantity;
    a.permitsReservedBy[hold.ordinal()] -= quantity;
    permitsReservedTotal -= quantity;
    permitsFreeTotal += quantity;
  }

  /** Delivers reserved permits of {@code from} into the free permits of {@code to}. */
  void settlePermits(long fromAccountId, long toAccountId, int vintage, long quantity, Hold hold) {
    Account from = permitAccount(fromAccountId, vintage, quantity);
    Account to = permitAccount(toAccountId, vintage, quantity);
    int i = vintage - firstPeriod;
    check(
        from.reserved(i) >= quantity && from.permitsReservedBy[hold.ordinal()] >= quantity,
        "reservation covers delivery",
        fromAccountId);
    to.ensure(i);
    from.reserved[i] -= quantity;
    from.reservedTotal -= quantity;
    from.permitsReservedBy[hold.ordinal()] -= quantity;
    to.free[i] += quantity;
    to.freeTotal += quantity;
    permitsReservedTotal -= quantity;
    permitsFreeTotal += quantity;
  }

  // ---------------------------------------------------------------- canonical form, invariants

  /** Writes the whole ledger: totals, issuance by vintage, then accounts by ascending id. */
  public void writeCanonical(CanonicalWriter w) {
    w.section("registry");
    w.writeLong(cashDeposited).writeLong(cashWithdrawn).writeLong(issuedTotal);
    long[] vintages = issuedByVintage.sortedKeys();
    w.writeInt(vintages.length);
    for (long v : vintages) {
      w.writeLong(v).writeLong(issuedByVintage.get(v, 0L));
    }
    if (rules.priceControls().ceiling().isOn()) {
      writeByVintage(w, ceilingByVintage);
    }
    if (rules.hasLinking()) {
      writeByVintage(w, linkedByVintage);
    }
    long[] ids = accounts.sortedKeys();
    w.writeInt(ids.length);
    for (long id : ids) {
      writeAccount(w, accounts.get(id));
    }
  }

  // A count, then (vintage, quantity) pairs in ascending vintage order.
  private static void writeByVintage(CanonicalWriter w, LongLongMap byVintage) {
    long[] vintages = byVintage.sortedKeys();
    w.writeInt(vintages.length);
    for (long v : vintages) {
      w.writeLong(v).writeLong(byVintage.get(v, 0L));
    }
  }

  /**
   * A registry read back from {@link #writeCanonical} (a snapshot): the same accounts, balances and
   * counters; the running totals are recomputed from the accounts.
   */
  static Registry readCanonical(CanonicalReader r, Program rules) {
    r.section("registry");
    Registry registry = new Registry(rules);
    registry.cashDeposited = r.readLong();
    registry.cashWithdrawn = r.readLong();
    registry.issuedTotal = r.readLong();
    int vintages = r.readCount();
    for (int i = 0; i < vintages; i++) {
      registry.issuedByVintage.put(r.readLong(), r.readLong());
    }
    if (rules.priceControls().ceiling().isOn()) {
      registry.ceilingTotal = readByVintage(r, registry.ceilingByVintage);
    }
    if (rules.hasLinking()) {
      registry.linkedTotal = readByVintage(r, registry.linkedByVintage);
    }
    int accounts = r.readCount();
    for (int i = 0; i < accounts; i++) {
      registry.readAccount(r);
    }
    return registry;
  }

  // A count, then (vintage, quantity) pairs into `into`; returns the quantities' sum.
  private static long readByVintage(CanonicalReader r, LongLongMap into) {
    int n = r.readCount();
    long total = 0;
    for (int i = 0; i < n; i++) {
      long v = r.readLong();
      long q = r.readLong();
      into.put(v, q);
      total = Math.addExact(total, q);
    }
    return total;
  }

  private void readAccount(CanonicalReader r) {
    long id = r.readLong();
    String name = r.readString();
    Role role = Role.valueOf(r.readString());
    SystemAccount sys = SystemAccount.byId(id);
    Account a = sys != null ? system.get(sys) : new Account(id, name, role, null);
    if (a == null) {
      throw new IllegalArgumentException(
          "snapshot: system account " + name + " is not open under this program");
    }
    if (sys == null) {
      accounts.put(id, a);
    }
    a.cashFree = r.readLong();
    a.cashReserved = r.readLong();
    for (int h = 0; h < Hold.COUNT; h++) {
      a.cashReservedBy[h] = r.readLong();
      a.permitsReservedBy[h] = r.readLong();
    }
    int held = r.readCount();
    for (int k = 0; k < held; k++) {
      int vintage = r.readInt();
      int i = vintage - firstPeriod;
      if (i < 0) {
        throw new IllegalArgumentException(
            "snapshot: account " + id + " holds vintage " + vintage + " before the program");
      }
      a.ensure(i);
      a.free[i] = r.readLong();
      a.reserved[i] = r.readLong();
      a.freeTotal += a.free[i];
      a.reservedTotal += a.reserved[i];
    }
    int periods = r.readCount();
    if (periods > 0) {
      a.surrenderedByPeriod = new LongLongMap(periods);
    }
    for (int k = 0; k < periods; k++) {
      a.surrenderedByPeriod.put(r.readLong(), r.readLong());
    }
    permitsFreeTotal += a.freeTotal;
    permitsReservedTotal += a.reservedTotal;
    cashFreeTotal += a.cashFree;
    cashReservedTotal += a.cashReserved;
  }

  private void writeAccount(CanonicalWriter w, Account a) {
    w.writeLong(a.id).writeString(a.name).writeString(a.role.name());
    w.writeLong(a.cashFree).writeLong(a.cashReserved);
    for (int h = 0; h < Hold.COUNT; h++) {
      w.writeLong(a.cashReservedBy[h]).writeLong(a.permitsReservedBy[h]);
    }
    int n = 0;
    for (int i = 0; i < a.free.length; i++) {
      n += a.free[i] != 0 || a.reserved[i] != 0 ? 1 : 0;
    }
    w.writeInt(n);
    for (int i = 0; i < a.free.length; i++) {
      if (a.free[i] != 0 || a.reserved[i] != 0) {
        w.writeInt(firstPeriod + i).writeLong(a.free[i]).writeLong(a.reserved[i]);
      }
    }
    long[] periods =
        a.surrenderedByPeriod == null ? new long[0] : a.surrenderedByPeriod.sortedKeys();
    w.writeInt(periods.length);
    for (long p : periods) {
      w.writeLong(p).writeLong(a.surrenderedByPeriod.get(p, 0L));
    }
  }

  /** The O(1) part of the invariants, cheap enough to run after every command. */
  public void checkTotals() {
    if (issuedTotal != permitsFreeTotal + permitsReservedTotal) {
      throw new AssertionError(
          "permits issued "
              + issuedTotal
              + " != free "
              + permitsFreeTotal
              + " + reserved "
              + permitsReservedTotal);
    }
    if (cashDeposited - cashWithdrawn != cashFreeTotal + cashReservedTotal) {
      throw new AssertionError(
          "cash deposited "
              + cashDeposited
              + " - withdrawn "
              + cashWithdrawn
              + " != free "
              + cashFreeTotal
              + " + reserved "
              + cashReservedTotal);
    }
  }

  /**
   * Recomputes every total from the accounts and checks conservation, the caps of every vintage
   * issued so far, non-negative balances and the per-holder reservation split.
   */
  public void checkInvariants() {
    checkTotals();
    long[] sums = new long[4];
    LongLongMap byVintage = new LongLongMap();
    accounts.forEachValue(a -> checkAccount(a, sums, byVintage));
    expectEqual("sum of free permits", sums[0], permitsFreeTotal);
    expectEqual("sum of reserved permits", sums[1], permitsReservedTotal);
    expectEqual("sum of free cash", sums[2], cashFreeTotal);
    expectEqual("sum of reserved cash", sums[3], cashReservedTotal);
    for (long v : issuedByVintage.sortedKeys()) {
      long issued = issuedByVintage.get(v, 0L);
      expectEqual("permits of vintage " + v + " in accounts", byVintage.get(v, 0L), issued);
      long ceiling = ceilingByVintage.get(v, 0L) + linkedByVintage.get(v, 0L);
      if (issued - ceiling > rules.capPermits((int) v)) {
        throw new AssertionError(
            "vintage "
                + v
                + " issued "
                + issued
                + " > cap "
                + rules.capPermits((int) v)
                + " + ceiling and linked units "
                + ceiling);
      }
    }
    expectEqual("vintages held", byVintage.size(), issuedByVintage.size());
  }

  private void checkAccount(Account a, long[] sums, LongLongMap byVintage) {
    long free = 0;
    long reserved = 0;
    for (int i = 0; i < a.free.length; i++) {
      if (a.free[i] < 0 || a.reserved[i] < 0) {
        throw new AssertionError("negative permits in account " + a.id);
      }
      free += a.free[i];
      reserved += a.reserved[i];
      if (a.free[i] + a.reserved[i] != 0) {
        byVintage.add(firstPeriod + i, a.free[i] + a.reserved[i]);
      }
    }
    expectEqual("account " + a.id + " free permits", free, a.freeTotal);
    expectEqual("account " + a.id + " reserved permits", reserved, a.reservedTotal);
    long permitsByHold = 0;
    long cashByHold = 0;
    for (int h = 0; h < Hold.COUNT; h++) {
      if (a.permitsReservedBy[h] < 0 || a.cashReservedBy[h] < 0) {
        throw new AssertionError("negative reservation in account " + a.id);
      }
      permitsByHold += a.permitsReservedBy[h];
      cashByHold += a.cashReservedBy[h];
    }
    expectEqual("account " + a.id + " permit reservations by holder", permitsByHold, reserved);
    expectEqual("account " + a.id + " cash reservations by holder", cashByHold, a.cashReserved);
    if (a.cashFree < 0 || a.cashReserved < 0) {
      throw new AssertionError("negative cash in account " + a.id);
    }
    if (!a.holdsPermits() && free + reserved != 0) {
      throw new AssertionError(
          "account " + a.id + " may not hold permits but holds " + (free + reserved));
    }
    if (!a.holdsCash() && a.cashFree + a.cashReserved != 0) {
      throw new AssertionError("account " + a.id + " may not hold cash");
    }
    sums[0] += free;
    sums[1] += reserved;
    sums[2] += a.cashFree;
    sums[3] += a.cashReserved;
  }

  private static void expectEqual(String what, long actual, long expected) {
    if (actual != expected) {
      throw new AssertionError(what + ": " + actual + " != " + expected);
    }
  }

  private Account cashAccount(long accountId, long cents) {
    Account a = accounts.get(accountId);
    check(a != null && a.holdsCash(), "account exists and holds cash", accountId);
    check(cents > 0, "amount is positive", accountId);
    return a;
  }

  private Account permitAccount(long accountId, int vintage, long quantity) {
    Account a = accounts.get(accountId);
    check(a != null && a.holdsPermits(), "account exists and holds permits", accountId);
    check(vintage >= firstPeriod, "vintage is in the program", accountId);
    check(quantity > 0, "quantity is positive", accountId);
    return a;
  }

  private static void check(boolean condition, String rule, long accountId) {
    if (!condition) {
      throw new AssertionError(
          "registry precondition broken ("
              + rule
              + ") for account "
              + accountId
              + ": the caller must check before it mutates");
    }
  }
}
