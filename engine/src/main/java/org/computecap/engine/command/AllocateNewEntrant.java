package org.computecap.engine.command;

/**
 * Grants a participant without history free permits from the new-entrant reserve, sized by its
 * projected output (BENCHMARK: {@code projected · B · C_i}).
 */
public record AllocateNewEntrant(long accountId, long projectedOutputUnits)
    implements AllocationCommand {
  public AllocateNewEntrant {
    Fields.accountId("accountId", accountId);
    RulesFields.quantity("projectedOutputUnits", projectedOutputUnits, 0);
  }
}
