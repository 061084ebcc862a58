package org.computecap.engine.command;

/**
 * Shares the current period's free-allocation budget among incumbents by the program's method and
 * funds the new-entrant reserve; once per period.
 */
public record AllocateFreePermits(int period) implements AllocationCommand {
  public AllocateFreePermits {
    Fields.period("period", period);
  }
}
