package org.computecap.engine.command;

/**
 * Puts {@code trustedAccountId} on {@code accountId}'s trusted list. Only a person initiates it
 * (through {@link Initiate}); it always needs a second representative's approval and takes effect
 * after the program's delay.
 */
public record AddTrustedAccount(long accountId, long trustedAccountId)
    implements RepresentativeCommand {
  public AddTrustedAccount {
    Fields.accountId("accountId", accountId);
    Fields.accountId("trustedAccountId", trustedAccountId);
  }
}
