package org.computecap.engine.command;

/**
 * A regulator takes back part of a participant's free allocation for a period, with a reason (issue
 * 15): permits of that vintage leave the participant for the cancellation account. The four-eyes
 * rule of issue 15 ("by two senior regulators") wraps this command.
 */
public record ReverseAllocation(long accountId, int period, long quantity, String reason)
    implements LifecycleCommand {
  public ReverseAllocation {
    Fields.accountId("accountId", accountId);
    Fields.period("period", period);
    Fields.positive("quantity", quantity);
    SetAccountStatus.reason(reason);
  }
}
