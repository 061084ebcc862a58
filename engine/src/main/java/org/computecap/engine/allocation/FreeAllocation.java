package org.computecap.engine.allocation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Pure calculators that share one period's free-allocation budget (SPEC §4, P1 Sec 5). Everything
 * is exact and floored once at the end, in account order, so a replay gives the same permits to the
 * permit.
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
 *
 * <p>Cost. {@code B} is an exact rational whose denominator can be the product of many outputs
 * (thousands of bits for thousands of participants, tens of thousands at 10^6), so the entitlements
 * are never reduced one by one: each is an integer weight {@code w_i = 2·O_i·C_i} (the size of an
 * output) times {@code num(B)} over one common denominator {@code 2 · 10^6 · den(B)}. Corrected
 * shares are {@code budget · w_i / sum w}, where {@code B} cancels, so their remainders are small
 * numbers; uncorrected grants are floored one at a time, so no more than one product the size of
 * {@code B} is held at once (holding all of them took gigabytes at 10^6 participants). A period's
 * allocation is a few big-number operations per participant, each linear in the size of {@code B},
 * and a sort; {@code B} itself is summed over a running least common multiple and reduced once.
 */
public final class FreeAllocation {
  private static final BigInteger TWO_MILLION = BigInteger.valueOf(2_000_000);
  private static final BigInteger MILLION = BigInteger.valueOf(1_000_000);

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
    // A_i = (2·O_i / 2) · (P / Q) · (C_i / 10^6) = w_i · P / D with w_i = 2·O_i · C_i and
    // D = 2·10^6·Q. The weights are the size of the outputs; P and Q are the size of B.
    BigInteger[] weights = new BigInteger[sorted.size()];
    BigInteger weightTotal = BigInteger.ZERO;
    for (int i = 0; i < weights.length; i++) {
      ParticipantHistory h = sorted.get(i);
      weights[i] =
          twiceActivityLevel(h.previous(), h.last(), activityThresholdPpm)
              .multiply(BigInteger.valueOf(h.assistanceFactorPpm()));
      weightTotal = weightTotal.add(weights[i]);
    }
    BigInteger denominator = b.denominator().multiply(TWO_MILLION);
    BigInteger budget = BigInteger.valueOf(budgetPermits);
    if (weightTotal.multiply(b.numerator()).compareTo(budget.multiply(denominator)) > 0) {
      // Scaled by budget / sum A_i: each share is budget · w_i · P / (P · sum w), and P (> 0
      // here) cancels: the same quotients, and remainders P times smaller in the same order.
      for (int i = 0; i < weights.length; i++) {
        weights[i] = weights[i].multiply(budget);
      }
      return round(accounts(sorted), weights, weightTotal, budgetPermits, true, b);
    }
    // Unscaled, each grant is the floor of w_i · P / D and nothing goes by remainder. B's
    // denominator can be the product of thousands of outputs (tens of thousands of bits at 10^6
    // participants): no product of that size is formed per participant.
    long[] permits = floors(weights, b.numerator(), denominator);
    long allocated = 0;
    for (long p : permits) {
      allocated = Math.addExact(allocated, p);
    }
    return outcome(accounts(sorted), permits, allocated, budgetPermits, false, b);
  }

  /**
   * {@code floor(w_i · p / d)} for every weight, exactly, with one division of {@code B}'s size in
   * all: {@code s = floor(p · 2^k / d)} for a {@code k} 64 bits beyond the largest weight gives
   * {@code w·s / 2^k <= w·p/d < w·s / 2^k + w / 2^k}, so the floor is {@code (w·s) >> k} or one
   * more, and the exact product decides only when the fraction lies within {@code w / 2^k} of the
   * next whole number.
   */
  static long[] floors(BigInteger[] weights, BigInteger p, BigInteger d) {
    int widest = 0;
    for (BigInteger w : weights) {
      widest = Math.max(widest, w.bitLength());
    }
    int k = widest + 64;
    BigInteger scaled = p.shiftLeft(k).divide(d);
    BigInteger whole = BigInteger.ONE.shiftLeft(k);
    long[] out = new long[weights.length];
    for (int i = 0; i < out.length; i++) {
      BigInteger product = weights[i].multiply(scaled);
      BigInteger q = product.shiftRight(k);
      BigInteger fraction = product.subtract(q.shiftLeft(k));
      if (fraction.add(weights[i]).compareTo(whole) >= 0
          && q.add(BigInteger.ONE).multiply(d).compareTo(weights[i].multiply(p)) <= 0) {
        q = q.add(BigInteger.ONE);
      }
      out[i] = q.longValueExact();
    }
    return out;
  }

  /** Shares the budget in proportion to each participant's mean covered quantity. */
  public static AllocationOutcome grandfather(
      List<ParticipantHistory> histories, long budgetPermits) {
    requireBudget(budgetPermits);
    List<ParticipantHistory> sorted = sortedByAccount(histories);
    // Weights covered / periods, as twice that (periods is 1 or 2) so they are whole.
    BigInteger[] weights = new BigInteger[sorted.size()];
    BigInteger total = BigInteger.ZERO;
    for (int i = 0; i < weights.length; i++) {
      ParticipantHistory h = sorted.get(i);
      weights[i] =
          BigInteger.valueOf(h.coveredTotal())
              .multiply(BigInteger.valueOf(2 / h.periodsRecorded()));
      total = total.add(weights[i]);
    }
    if (total.signum() == 0) {
      return round(accounts(sorted), weights, BigInteger.ONE, budgetPermits, false, Fraction.ZERO);
    }
    BigInteger budget = BigInteger.valueOf(budgetPermits);
    for (int i = 0; i < weights.length; i++) {
      weights[i] = weights[i].multiply(budget);
    }
    return round(accounts(sorted), weights, total, budgetPermits, true, Fraction.ZERO);
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
    // Each share is budget / n: numerators budget over the denominator n; equal remainders, so
    // the rest goes to the lowest account ids.
    BigInteger[] shares = new BigInteger[sorted.size()];
    Arrays.fill(shares, BigInteger.valueOf(budgetPermits));
    BigInteger n = BigInteger.valueOf(Math.max(1, sorted.size()));
    return round(sorted, shares, n, budgetPermits, !sorted.isEmpty(), Fraction.ZERO);
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
    BigInteger entitled =
        BigInteger.valueOf(projectedOutputUnits)
            .multiply(benchmark.numerator())
            .multiply(BigInteger.valueOf(assistanceFactorPpm))
            .divide(benchmark.denominator().multiply(MILLION));
    return entitled.bitLength() < 64 ? entitled.longValue() : Long.MAX_VALUE;
  }

  /**
   * {@code O_i}: the mean of the two periods' output, or the last period's output when it differs
   * from that mean by more than {@code thresholdPpm} of the mean; the only recorded period's output
   * when one is missing.
   */
  public static Fraction activityLevel(Activity previous, Activity last, long thresholdPpm) {
    return new Fraction(twiceActivityLevel(previous, last, thresholdPpm), BigInteger.TWO);
  }

  /** {@code 2 · O_i}, a whole number (see {@link #activityLevel}). */
  static BigInteger twiceActivityLevel(Activity previous, Activity last, long thresholdPpm) {
    if (previous == null) {
      return BigInteger.valueOf(last.outputUnits()).shiftLeft(1);
    }
    if (last == null) {
      return BigInteger.valueOf(previous.outputUnits()).shiftLeft(1);
    }
    long a = previous.outputUnits();
    long b = last.outputUnits();
    BigInteger sum = BigInteger.valueOf(a).add(BigInteger.valueOf(b));
    // |b - (a+b)/2| > threshold · (a+b)/2  <=>  |b - a| · 10^6 > threshold · (a+b)
    BigInteger gap = BigInteger.valueOf(Math.abs(b - a)).multiply(MILLION);
    if (gap.compareTo(sum.multiply(BigInteger.valueOf(thresholdPpm))) > 0) {
      return BigInteger.valueOf(b).shiftLeft(1);
    }
    return sum;
  }

  /**
   * {@code B}: mean intensity of the most efficient percentile of those with output, exact and in
   * lowest terms. Intensities are compared by cross-multiplying in 128 bits; their sum is kept over
   * the running least common multiple of the outputs and reduced once.
   */
  static Fraction benchmarkIntensity(List<ParticipantHistory> histories, long percentilePpm) {
    if (percentilePpm < 1 || percentilePpm > 1_000_000) {
      throw new IllegalArgumentException(
          "percentilePpm: " + percentilePpm + " is outside 1..1000000");
    }
    record Intensity(long account, long covered, long output) {}
    List<Intensity> intensities = new ArrayList<>();
    for (ParticipantHistory h : histories) {
      if (h.outputTotal() > 0) {
        intensities.add(new Intensity(h.account(), h.coveredTotal(), h.outputTotal()));
      }
    }
    if (intensities.isEmpty()) {
      return Fraction.ZERO;
    }
    intensities.sort(
        ((Comparator<Intensity>)
                (x, y) -> compareRatios(x.covered(), x.output(), y.covered(), y.output()))
            .thenComparingLong(Intensity::account));
    long n = intensities.size();
    int m = (int) Math.max(1, (n * percentilePpm + 999_999) / 1_000_000);
    BigInteger numerator = BigInteger.ZERO;
    BigInteger denominator = BigInteger.ONE;
    for (int i = 0; i < m; i++) {
      Intensity e = intensities.get(i);
      long g = gcd(denominator.mod(BigInteger.valueOf(e.output())).longValue(), e.output());
      BigInteger outputPart = BigInteger.valueOf(e.output() / g);
      BigInteger denominatorPart = denominator.divide(BigInteger.valueOf(g));
      numerator =
          numerator
              .multiply(outputPart)
              .add(BigInteger.valueOf(e.covered()).multiply(denominatorPart));
      denominator = denominator.multiply(outputPart);
    }
    return new Fraction(numerator, denominator.multiply(BigInteger.valueOf(m)));
  }

  /** Compares {@code a/b} with {@code c/d} for non-negative a, c and positive b, d, exactly. */
  static int compareRatios(long a, long b, long c, long d) {
    long high = Math.multiplyHigh(a, d);
    long otherHigh = Math.multiplyHigh(c, b);
    if (high != otherHigh) {
      return Long.compare(high, otherHigh);
    }
    return Long.compareUnsigned(a * d, c * b);
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  /**
   * Floors every entitlement {@code numerators[i] / denominator}; when {@code exact}, hands out the
   * rest by largest remainder (the remainders share the denominator, so they compare as integers),
   * ties to the lower account id.
   */
  private static AllocationOutcome round(
      List<Long> accounts,
      BigInteger[] numerators,
      BigInteger denominator,
      long budgetPermits,
      boolean exact,
      Fraction benchmark) {
    long[] permits = new long[accounts.size()];
    BigInteger[] remainders = new BigInteger[permits.length];
    long allocated = 0;
    for (int i = 0; i < permits.length; i++) {
      BigInteger[] qr = numerators[i].divideAndRemainder(denominator);
      permits[i] = qr[0].longValueExact();
      remainders[i] = qr[1];
      allocated = Math.addExact(allocated, permits[i]);
    }
    if (exact && allocated <= budgetPermits) {
      Integer[] order = new Integer[permits.length];
      Arrays.setAll(order, i -> i);
      // Largest remainder first; the sort is stable and the indexes are in account order, so
      // equal remainders go to the lower account id.
      Arrays.sort(order, (x, y) -> remainders[y].compareTo(remainders[x]));
      long rest = budgetPermits - allocated;
      for (int k = 0; k < order.length && rest > 0; k++, rest--) {
        permits[order[k]]++;
        allocated++;
      }
    }
    return outcome(accounts, permits, allocated, budgetPermits, exact, benchmark);
  }

  private static AllocationOutcome outcome(
      List<Long> accounts,
      long[] permits,
      long allocated,
      long budgetPermits,
      boolean exact,
      Fraction benchmark) {
    if (allocated > budgetPermits) {
      throw new AssertionError("floored grants " + allocated + " exceed budget " + budgetPermits);
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
