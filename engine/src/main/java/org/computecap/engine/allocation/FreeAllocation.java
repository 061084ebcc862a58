package org.computecap.engine.allocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pure calculators that share one period's free-allocation budget (SPEC §4, P1 Sec 5). Everything
 * is exact ({@link Fraction}) and floored once at the end, in account order, so a replay gives the
 * same permits to the permit.
 *
 * <p>BENCHMARK: {@code A_i = O_i · B · C_i}. {@code O_i} is the mean output of periods t-2 and t-1,
 * or the t-1 output when it differs from that mean by more than the activity-change threshold (only
 * one recorded period: that period's output). {@code E_i} is the participant's pooled intensity
 * (covered quantity / output over the recorded periods). {@code B} is the mean {@code E_j} of the
 * {@code max(1, ceil(n · percentile))} lowest intensities among the n participants with output
 * (ties by account id). When {@code sum A_i} exceeds the budget every {@code A_i} is scaled by one
 * correction factor {@code budget / sum A_i}.
 *
 * <p>Rounding: each grant is the floor of its exact entitlement. When the correction factor applied
 * (the budget is meant to be used exactly), the permits lost to flooring go one each to the largest
 * fractional remainders, ties to the lower account id, so the grants sum to the budget. Otherwise
 * the rest stays unallocated in the reserve: an uncorrected allocation never rounds anyone above
 * their entitlement. GRANDFATHER and UNIFORM ({@code budget / n} each) always use the budget
 * exactly the same way: under UNIFORM the {@code budget mod n} rest goes one permit each to the
 * lowest account ids, so grants differ by at most one permit and nothing stays unallocated.
 */
public final class FreeAllocation {
  private static final Fraction ONE_MILLION = Fraction.whole(1_000_000);

  private FreeAllocation() {}

  /** P1's benchmarking allocation of {@code budgetPermits} among {@code histories}. */
  public static AllocationOutcome benchmark(
      List<ParticipantHistory> histories,
      long budgetPermits,
      long percentilePpm,
      long activityThresholdPpm) {
    requireBudget(budgetPermits);
    List<ParticipantHistory> sorted = sortedByAccount(histories);
    Fraction b = benchmarkIntensity(sorted, percentilePpm);
    List<Fraction> entitlements = new ArrayList<>(sorted.size());
    Fraction total = Fraction.ZERO;
    for (ParticipantHistory h : sorted) {
      Fraction a =
          activityLevel(h.previous(), h.last(), activityThresholdPpm)
              .times(b)
              .times(Fraction.of(h.assistanceFactorPpm(), 1_000_000));
      entitlements.add(a);
      total = total.plus(a);
    }
    boolean corrected = total.compareTo(Fraction.whole(budgetPermits)) > 0;
    if (corrected) {
      Fraction factor = Fraction.whole(budgetPermits).dividedBy(total);
      entitlements.replaceAll(a -> a.times(factor));
    }
    return round(accounts(sorted), entitlements, budgetPermits, corrected, b);
  }

  /** Shares the budget in proportion to each participant's mean covered quantity. */
  public static AllocationOutcome grandfather(
      List<ParticipantHistory> histories, long budgetPermits) {
    requireBudget(budgetPermits);
    List<ParticipantHistory> sorted = sortedByAccount(histories);
    List<Fraction> weights = new ArrayList<>(sorted.size());
    Fraction total = Fraction.ZERO;
    for (ParticipantHistory h : sorted) {
      Fraction w = Fraction.of(h.coveredTotal(), h.periodsRecorded());
      weights.add(w);
      total = total.plus(w);
    }
    if (total.isZero()) {
      return round(accounts(sorted), weights, budgetPermits, false, Fraction.ZERO);
    }
    Fraction perWeight = Fraction.whole(budgetPermits).dividedBy(total);
    weights.replaceAll(w -> w.times(perWeight));
    return round(accounts(sorted), weights, budgetPermits, true, Fraction.ZERO);
  }

  /** Gives each of {@code accounts} the same {@code floor(budget / n)} permits. */
  public static AllocationOutcome uniform(List<Long> accounts, long budgetPermits) {
    requireBudget(budgetPermits);
    List<Long> sorted = accounts.stream().sorted().toList();
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).equals(sorted.get(i - 1))) {
        throw new IllegalArgumentException("accounts: " + sorted.get(i) + " appears twice");
      }
    }
    List<Fraction> shares = new ArrayList<>(sorted.size());
    for (int i = 0; i < sorted.size(); i++) {
      shares.add(Fraction.of(budgetPermits, sorted.size()));
    }
    return round(sorted, shares, budgetPermits, !sorted.isEmpty(), Fraction.ZERO);
  }

  /**
   * Entitlement of a new entrant without history under BENCHMARK: {@code floor(projected output · B
   * · C)}, or {@code Long.MAX_VALUE} when that does not fit a long. The caller caps it at what is
   * left of the new-entrant reserve.
   */
  public static long newEntrantBenchmark(
      long projectedOutputUnits, Fraction benchmark, long assistanceFactorPpm) {
    if (projectedOutputUnits < 0) {
      throw new IllegalArgumentException(
          "projectedOutputUnits: " + projectedOutputUnits + " is below 0");
    }
    Fraction entitled =
        Fraction.whole(projectedOutputUnits)
            .times(benchmark)
            .times(Fraction.of(assistanceFactorPpm, 1_000_000));
    return entitled.compareTo(Fraction.whole(Long.MAX_VALUE)) >= 0
        ? Long.MAX_VALUE
        : entitled.floor();
  }

  /**
   * {@code O_i}: the mean of the two periods' output, or the last period's output when it differs
   * from that mean by more than {@code thresholdPpm} of the mean; the only recorded period's output
   * when one is missing.
   */
  public static Fraction activityLevel(Activity previous, Activity last, long thresholdPpm) {
    if (previous == null) {
      return Fraction.whole(last.outputUnits());
    }
    if (last == null) {
      return Fraction.whole(previous.outputUnits());
    }
    long a = previous.outputUnits();
    long b = last.outputUnits();
    Fraction sum = Fraction.whole(a).plus(Fraction.whole(b));
    // |b - (a+b)/2| > threshold · (a+b)/2  <=>  |b - a| · 10^6 > threshold · (a+b)
    Fraction gap = Fraction.whole(Math.abs(b - a)).times(ONE_MILLION);
    if (gap.compareTo(sum.times(Fraction.whole(thresholdPpm))) > 0) {
      return Fraction.whole(b);
    }
    return sum.times(Fraction.of(1, 2));
  }

  /** {@code B}: mean intensity of the most efficient percentile of those with output. */
  static Fraction benchmarkIntensity(List<ParticipantHistory> histories, long percentilePpm) {
    if (percentilePpm < 1 || percentilePpm > 1_000_000) {
      throw new IllegalArgumentException(
          "percentilePpm: " + percentilePpm + " is outside 1..1000000");
    }
    record Intensity(long account, Fraction value) {}
    List<Intensity> intensities = new ArrayList<>();
    for (ParticipantHistory h : histories) {
      if (h.outputTotal() > 0) {
        intensities.add(new Intensity(h.account(), Fraction.of(h.coveredTotal(), h.outputTotal())));
      }
    }
    if (intensities.isEmpty()) {
      return Fraction.ZERO;
    }
    intensities.sort(Comparator.comparing(Intensity::value).thenComparingLong(Intensity::account));
    long n = intensities.size();
    int m = (int) Math.max(1, (n * percentilePpm + 999_999) / 1_000_000);
    Fraction sum = Fraction.ZERO;
    for (int i = 0; i < m; i++) {
      sum = sum.plus(intensities.get(i).value());
    }
    return sum.dividedBy(Fraction.whole(m));
  }

  /** Floors every entitlement; when {@code exact}, hands out the rest by largest remainder. */
  private static AllocationOutcome round(
      List<Long> accounts,
      List<Fraction> entitlements,
      long budgetPermits,
      boolean exact,
      Fraction benchmark) {
    long[] permits = new long[accounts.size()];
    long allocated = 0;
    for (int i = 0; i < permits.length; i++) {
      permits[i] = entitlements.get(i).floor();
      allocated = Math.addExact(allocated, permits[i]);
    }
    if (allocated > budgetPermits) {
      throw new AssertionError("floored grants " + allocated + " exceed budget " + budgetPermits);
    }
    if (exact) {
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < permits.length; i++) {
        order.add(i);
      }
      // Largest fractional remainder first; equal remainders go to the lower account id.
      order.sort(
          Comparator.<Integer, Fraction>comparing(i -> entitlements.get(i).fractionalPart())
              .reversed()
              .thenComparing(accounts::get));
      long rest = budgetPermits - allocated;
      for (int k = 0; k < order.size() && rest > 0; k++, rest--) {
        permits[order.get(k)]++;
        allocated++;
      }
    }
    List<Grant> grants = new ArrayList<>(permits.length);
    for (int i = 0; i < permits.length; i++) {
      grants.add(new Grant(accounts.get(i), permits[i]));
    }
    return new AllocationOutcome(
        grants, budgetPermits, allocated, budgetPermits - allocated, exact, benchmark);
  }

  private static List<ParticipantHistory> sortedByAccount(List<ParticipantHistory> histories) {
    List<ParticipantHistory> sorted =
        histories.stream().sorted(Comparator.comparingLong(ParticipantHistory::account)).toList();
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).account() == sorted.get(i - 1).account()) {
        throw new IllegalArgumentException(
            "histories: account " + sorted.get(i).account() + " appears twice");
      }
    }
    return sorted;
  }

  private static List<Long> accounts(List<ParticipantHistory> sorted) {
    return sorted.stream().map(ParticipantHistory::account).toList();
  }

  private static void requireBudget(long budgetPermits) {
    if (budgetPermits < 0) {
      throw new IllegalArgumentException("budgetPermits: " + budgetPermits + " is below 0");
    }
  }
}
