package org.computecap.sim.run;

import java.util.List;
import org.computecap.sim.agent.Plan;
import org.computecap.sim.scenario.DeveloperType;
import org.computecap.sim.scenario.ProgramTerms;
import org.computecap.sim.scenario.Strategy;

/**
 * The HOARDING coalition of issue 18: every HOARDING developer, acting together. Each period the
 * coalition withdraws {@code hoardShare} of the period's cap per hoarding type (split equally among
 * the type's hoarders, whole permits rounded down) into a hoard it banks: it buys it on top of what
 * it uses, never offers it to anyone and never uses it, so for the period it is a cap reduced by
 * the withdrawal. What a hoarder holds back is its hoard so far plus this period's withdrawal; it
 * runs its own demand first, so a hoarder that the holding limit stopped short keeps only what its
 * own use leaves.
 */
final class Hoard {
  private final double[] share;
  private final long[] stock;
  private long[] target;
  private long[] kept;
  private final boolean any;

  private Hoard(double[] share) {
    this.share = share;
    this.stock = new long[share.length];
    this.target = new long[share.length];
    this.kept = new long[share.length];
    boolean some = false;
    for (double s : share) {
      some |= s > 0;
    }
    this.any = some;
  }

  /** The coalition of {@code accounts}' HOARDING developers, with their types' shares. */
  static Hoard of(List<DeveloperType> types, Accounts accounts) {
    double[] share = new double[accounts.size()];
    int i = 0;
    for (DeveloperType t : types) {
      int hoarders = 0;
      for (int j = 0; j < t.count(); j++) {
        hoarders += accounts.developer(i + j).strategy() == Strategy.HOARDING ? 1 : 0;
      }
      for (int j = 0; j < t.count(); j++, i++) {
        boolean member = accounts.developer(i).strategy() == Strategy.HOARDING;
        share[i] = member ? t.hoardShare() / hoarders : 0.0;
      }
    }
    return new Hoard(share);
  }

  /** Whether there is a coalition at all. */
  boolean any() {
    return any;
  }

  /**
   * What each active hoarder holds back in period {@code t}: its hoard so far and its part of the
   * period's withdrawal; null when nobody hoards (so a scenario without hoarders plans as before).
   */
  long[] targets(int t, ProgramTerms terms, boolean[] active) {
    if (!any) {
      return null;
    }
    long cap = terms.capPermits(t);
    target = new long[share.length];
    for (int i = 0; i < share.length; i++) {
      if (active[i] && share[i] > 0) {
        target[i] = stock[i] + (long) Math.floor(share[i] * cap);
      }
    }
    return target.clone();
  }

  /** The permits the coalition holds back this period, in all. */
  static long total(long[] targets) {
    long sum = 0;
    if (targets != null) {
      for (long x : targets) {
        sum += x;
      }
    }
    return sum;
  }

  /**
   * The permits each developer may use after trading: a hoarder keeps back its target, or what its
   * demand at {@code priceCents} (and make-good) leaves of its holdings when it got less.
   */
  long[] forUse(Cohort cohort, long[] held, double priceCents) {
    kept = new long[held.length];
    if (!any) {
      return held;
    }
    long[] out = held.clone();
    for (int i = 0; i < held.length; i++) {
      if (cohort.active[i] && target[i] > 0) {
        Plan p = cohort.plans[i];
        long own = (long) Math.ceil(p.need(priceCents) - 1e-9) + p.makeGood();
        kept[i] = Math.min(target[i], Math.max(0, held[i] - own));
        out[i] = held[i] - kept[i];
      }
    }
    return out;
  }

  /** What each hoarder kept back this period (0 for everyone else). */
  long[] kept() {
    return kept.clone();
  }

  /** The hoard the coalition carries out of the period. */
  long keptTotal() {
    return total(kept);
  }

  /** Ends the period: what each hoarder kept back is its hoard so far. */
  void carry() {
    System.arraycopy(kept, 0, stock, 0, stock.length);
  }
}
