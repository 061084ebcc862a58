package org.computecap.engine.command;

/**
 * Sets a participant's assistance factor {@code C_i} in parts per million (P1 Sec 5): above
 * 1,000,000 for clean energy, below for fossil energy or violations; from 0 to 10,000,000. It
 * applies to allocations run after it.
 */
public record SetAssistanceFactor(long accountId, long factorPpm) implements AllocationCommand {
  public SetAssistanceFactor {
    Fields.accountId("accountId", accountId);
    if (factorPpm < 0 || factorPpm > 10_000_000L) {
      throw new InvalidFieldException(
          "factorPpm", "factorPpm must be within 0..10000000, got " + factorPpm);
    }
  }
}
