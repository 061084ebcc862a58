package org.computecap.engine.command;

/**
 * Issues linked units (issue 18): the registry of a program that recognises another program's
 * permits (its {@code linking} section) issues, in {@code accountId}, units of the current {@code
 * vintage} for {@code originPermits} permits that the origin's registry cancelled, at the link's
 * exchange rate and within its quota. The registry link's act, as {@link IssuePermits} is the
 * regulator's; the origin's cancellation is the holder's {@link CancelPermits} there.
 */
public record IssueLinkedUnits(long accountId, int vintage, long originPermits)
    implements RegistryCommand {
  public IssueLinkedUnits {
    Fields.accountId("accountId", accountId);
    Fields.period("vintage", vintage);
    Fields.positive("originPermits", originPermits);
  }
}
