package org.computecap.engine.allocation;

/**
 * What allocation for period t knows about one incumbent: verified activity in periods t-2 ({@code
 * previous}) and t-1 ({@code last}), either possibly null but not both, and its assistance factor
 * {@code C_i} in parts per million (1,000,000 = neutral).
 */
public record ParticipantHistory(
    long account, Activity previous, Activity last, long assistanceFactorPpm) {
  public ParticipantHistory {
    if (previous == null && last == null) {
      throw new IllegalArgumentException(
          "history of account " + account + ": needs activity in at least one period");
    }
    if (assistanceFactorPpm < 0) {
      throw new IllegalArgumentException(
          "assistanceFactorPpm: " + assistanceFactorPpm + " is below 0");
    }
  }

  long outputTotal() {
    return (previous == null ? 0 : previous.outputUnits())
        + (last == null ? 0 : last.outputUnits());
  }

  long coveredTotal() {
    return (previous == null ? 0 : previous.coveredQuantity())
        + (last == null ? 0 : last.coveredQuantity());
  }

  int periodsRecorded() {
    return (previous == null ? 0 : 1) + (last == null ? 0 : 1);
  }
}
