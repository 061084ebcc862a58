package org.computecap.engine.command;

/**
 * A regulator reverses part of a participant's surrender for a period, with a reason (issue 15):
 * the permits go back to the participant and, for a closed period, its assessment is redone
 * (docs/rules.md). The four-eyes rule of issue 15 ("by two senior regulators") wraps this command.
 */
public record ReverseSurrender(long accountId, int period, long quantity, String reason)
    implements LifecycleCommand {
  public ReverseSurrender {
    Fields.accountId("accountId", accountId);
    Fields.period("period", period);
    Fields.positive("quantity", quantity);
    SetAccountStatus.reason(reason);
  }
}
