package org.computecap.sim.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.computecap.economics.firm.P1Firm;
import org.computecap.economics.market.BenefitFamily;
import org.computecap.sim.agent.Developer;
import org.computecap.sim.scenario.SizeClass;

/**
 * Running totals per developer over the whole run (for developers.csv and the report's "who earned
 * and who paid"), fed from the engine's events: grants, auction fills, trades, penalties and
 * audits, and the period's usage. O(developers) memory whatever the length of the run.
 */
final class Tally {
  private final Accounts accounts;
  private final long[] allocated;
  private final long[] bought;
  private final long[] sold;
  private final long[] cash;
  private final long[] penalties;
  private final int[] audits;
  private final double[] unreported;
  private final int[] manipulations;
  private final double[] compute;
  private final double[] energy;
  private final double[] effort;
  private long smallRevenue;
  // Net exchange cash of each size class this period, by SizeClass ordinal.
  private final long[] classCash = new long[SizeClass.values().length];

  // Each developer's cash from permits this period (sales less purchases and auction payments)
  // less the penalties it paid, cents: what its permits cost it (issue 18's surplus).
  private long[] periodCash = new long[0];

  Tally(Accounts accounts) {
    this.accounts = accounts;
    int n = accounts.size();
    allocated = new long[n];
    bought = new long[n];
    sold = new long[n];
    cash = new long[n];
    penalties = new long[n];
    audits = new int[n];
    unreported = new double[n];
    manipulations = new int[n];
    compute = new double[n];
    energy = new double[n];
    effort = new double[n];
    periodCash = new long[n];
  }

  void startPeriod() {
    smallRevenue = 0;
    ceilingPermits = 0;
    reserveSalePermits = 0;
    Arrays.fill(classCash, 0);
    Arrays.fill(periodCash, 0);
  }

  /** Each developer's cash from permits this period less the penalties it paid, cents. */
  long[] periodCash() {
    return periodCash.clone();
  }

  void allocated(long accountId, long permits) {
    int i = accounts.index(accountId);
    if (i >= 0) {
      allocated[i] += permits;
    }
  }

  void auctionWon(long accountId, long permits, long paidCents) {
    int i = accounts.index(accountId);
    if (i >= 0) {
      bought[i] += permits;
      cash[i] -= paidCents;
      periodCash[i] -= paidCents;
    }
  }

  /** Permits a developer bought at the price ceiling, counted like an auction purchase. */
  void ceilingBought(long accountId, long permits, long paidCents) {
    auctionWon(accountId, permits, paidCents);
    ceilingPermits += permits;
  }

  /** Permits a developer bought in a price containment reserve sale, like an auction purchase. */
  void reserveBought(long accountId, long permits, long paidCents) {
    auctionWon(accountId, permits, paidCents);
    reserveSalePermits += permits;
  }

  /** Permits sold by the price containment reserve this period. */
  long reserveSalePermits() {
    return reserveSalePermits;
  }

  /** Permits sold at the price ceiling this period (issued above the cap). */
  long ceilingPermits() {
    return ceilingPermits;
  }

  void trade(long buyer, long seller, long priceCents, long quantity) {
    long value = Math.multiplyExact(priceCents, quantity);
    int b = accounts.index(buyer);
    int s = accounts.index(seller);
    if (b >= 0) {
      bought[b] += quantity;
      cash[b] -= value;
      periodCash[b] -= value;
      classCash[accounts.developer(b).sizeClass().ordinal()] -= value;
      if (accounts.developer(b).sizeClass().small()) {
        smallRevenue -= value;
      }
    }
    if (s >= 0) {
      sold[s] += quantity;
      cash[s] += value;
      periodCash[s] += value;
      classCash[accounts.developer(s).sizeClass().ordinal()] += value;
      if (accounts.developer(s).sizeClass().small()) {
        smallRevenue += value;
      }
    }
  }

  void penalty(long accountId, long cents) {
    int i = accounts.index(accountId);
    if (i >= 0) {
      penalties[i] += cents;
      periodCash[i] -= cents;
    }
  }

  void audited(long accountId) {
    int i = accounts.index(accountId);
    if (i >= 0) {
      audits[i]++;
    }
  }

  void usage(
      int i,
      double c,
      double e,
      double unreportedPermits,
      boolean manipulated,
      double effortLevel) {
    compute[i] += c;
    energy[i] += e;
    unreported[i] += unreportedPermits;
    manipulations[i] += manipulated ? 1 : 0;
    effort[i] = effortLevel;
  }

  /** Net secondary-market revenue of small companies and academic labs this period. */
  private long ceilingPermits;

  private long reserveSalePermits;

  long smallFirmRevenue() {
    return smallRevenue;
  }

  /** Net exchange cash of the developers of {@code c} this period, cents. */
  long classCash(SizeClass c) {
    return classCash[c.ordinal()];
  }

  List<DeveloperRow> rows(int[] relocatedIn) {
    List<DeveloperRow> out = new ArrayList<>();
    for (int i = 0; i < accounts.size(); i++) {
      Developer d = accounts.developer(i);
      double baseline =
          d.family() == BenefitFamily.P1 ? P1Firm.noCapCompute(d.a(), d.k()) : Double.NaN;
      out.add(
          new DeveloperRow(
              d.accountId(),
              d.name(),
              d.type(),
              d.sizeClass().name(),
              d.strategy().name(),
              compute[i],
              baseline,
              energy[i],
              allocated[i],
              bought[i],
              sold[i],
              cash[i],
              penalties[i],
              audits[i],
              unreported[i],
              manipulations[i],
              effort[i],
              relocatedIn[i]));
    }
    return out;
  }
}
