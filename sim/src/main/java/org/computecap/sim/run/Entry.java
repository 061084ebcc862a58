package org.computecap.sim.run;

import java.util.List;
import org.computecap.sim.scenario.DeveloperType;

/**
 * When each developer enters the program (issue 18): incumbents are there from the first period, an
 * entrant of a type with a later {@code entryPeriod} is absent before it (its account is not even
 * open) and opens its account at the start of its entry period, after the period's free allocation,
 * through the engine's own commands. Developer indexes are those of {@link Accounts}.
 */
final class Entry {
  private final int[] period;
  private final int first;

  private Entry(int[] period, int first) {
    this.period = period;
    this.first = first;
  }

  /** The entry period of every developer of {@code types} expanded in order (type by type). */
  static Entry of(List<DeveloperType> types, int firstPeriod, int size) {
    int[] period = new int[size];
    int i = 0;
    for (DeveloperType t : types) {
      for (int j = 0; j < t.count(); j++) {
        period[i++] = Math.max(firstPeriod, t.entryPeriod());
      }
    }
    if (i != size) {
      throw new AssertionError(i + " developers in the types, " + size + " in the accounts");
    }
    return new Entry(period, firstPeriod);
  }

  /** Whether developer {@code i} enters after the first period. */
  boolean entrant(int i) {
    return period[i] > first;
  }

  /** Whether developer {@code i}'s account is open in period {@code t}. */
  boolean present(int i, int t) {
    return period[i] <= t;
  }

  /** Whether developer {@code i} enters at the start of period {@code t} (a later one). */
  boolean entersAt(int i, int t) {
    return t > first && period[i] == t;
  }

  /** Whether any developer enters after the first period. */
  boolean any() {
    for (int i = 0; i < period.length; i++) {
      if (entrant(i)) {
        return true;
      }
    }
    return false;
  }
}
