package org.computecap.engine.allocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The free-allocation rules computed the obvious way, one reduced {@link Fraction} at a time (the
 * engine's calculators before they moved to one common denominator): slow for large populations,
 * but a direct transcription of {@code FreeAllocation}'s comment, so the fast calculators are
 * checked against it grant for grant.
 */
final class RationalReference {
  private RationalReference() {}

  static List<Long> benchmark(
      List<ParticipantHistory> sorted, long budget, long percentilePpm, long thresholdPpm) {
    Fraction b = benchmarkIntensity(sorted, percentilePpm);
    List<Fraction> entitlements = new ArrayList<>();
    Fraction total = Fraction.ZERO;
    for (ParticipantHistory h : sorted) {
      Fraction a =
          activityLevel(h.previous(), h.last(), thresholdPpm)
              .times(b)
              .times(Fraction.of(h.assistanceFactorPpm(), 1_000_000));
      entitlements.add(a);
      total = total.plus(a);
    }
    boolean corrected = total.compareTo(Fraction.whole(budget)) > 0;
    if (corrected) {
      Fraction factor = Fraction.whole(budget).dividedBy(total);
      entitlements.replaceAll(a -> a.times(factor));
    }
    return round(entitlements, budget, corrected);
  }

  static List<Long> grandfather(List<ParticipantHistory> sorted, long budget) {
    List<Fraction> weights = new ArrayList<>();
    Fraction total = Fraction.ZERO;
    for (ParticipantHistory h : sorted) {
      Fraction w = Fraction.of(h.coveredTotal(), h.periodsRecorded());
      weights.add(w);
      total = total.plus(w);
    }
    if (total.isZero()) {
      return round(weights, budget, false);
    }
    Fraction perWeight = Fraction.whole(budget).dividedBy(total);
    weights.replaceAll(w -> w.times(perWeight));
    return round(weights, budget, true);
  }

  static Fraction activityLevel(Activity previous, Activity last, long thresholdPpm) {
    if (previous == null) {
      return Fraction.whole(last.outputUnits());
    }
    if (last == null) {
      return Fraction.whole(previous.outputUnits());
    }
    Fraction sum = Fraction.whole(previous.outputUnits()).plus(Fraction.whole(last.outputUnits()));
    Fraction gap =
        Fraction.whole(Math.abs(last.outputUnits() - previous.outputUnits()))
            .times(Fraction.whole(1_000_000));
    if (gap.compareTo(sum.times(Fraction.whole(thresholdPpm))) > 0) {
      return Fraction.whole(last.outputUnits());
    }
    return sum.times(Fraction.of(1, 2));
  }

  static Fraction benchmarkIntensity(List<ParticipantHistory> histories, long percentilePpm) {
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
    int m = (int) Math.max(1, (intensities.size() * percentilePpm + 999_999) / 1_000_000);
    Fraction sum = Fraction.ZERO;
    for (int i = 0; i < m; i++) {
      sum = sum.plus(intensities.get(i).value());
    }
    return sum.dividedBy(Fraction.whole(m));
  }

  private static List<Long> round(List<Fraction> entitlements, long budget, boolean exact) {
    long[] permits = new long[entitlements.size()];
    long allocated = 0;
    for (int i = 0; i < permits.length; i++) {
      permits[i] = entitlements.get(i).floor();
      allocated += permits[i];
    }
    if (exact) {
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < permits.length; i++) {
        order.add(i);
      }
      order.sort(
          Comparator.<Integer, Fraction>comparing(i -> entitlements.get(i).fractionalPart())
              .reversed()
              .thenComparing(i -> i));
      long rest = budget - allocated;
      for (int k = 0; k < order.size() && rest > 0; k++, rest--) {
        permits[order.get(k)]++;
      }
    }
    List<Long> out = new ArrayList<>();
    for (long p : permits) {
      out.add(p);
    }
    return out;
  }
}
