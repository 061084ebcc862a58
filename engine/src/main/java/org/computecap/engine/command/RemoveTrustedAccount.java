package org.computecap.engine.command;

/**
 * Takes {@code trustedAccountId} off {@code accountId}'s trusted list at once: less trust needs no
 * second person and no delay. Only a person initiates it (through {@link Initiate}).
 */
public record RemoveTrustedAccount(long accountId, long trustedAccountId)
    implements RepresentativeCommand {
  public RemoveTrustedAccount {
    Fields.accountId("accountId", accountId);
    Fields.accountId("trustedAccountId", trustedAccountId);
  }
}
