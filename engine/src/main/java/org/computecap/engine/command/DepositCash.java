package org.computecap.engine.command;

/** Brings money from outside into an account's free cash (the only way cash enters). */
public record DepositCash(long accountId, long amountCents) implements RegistryCommand {
  public DepositCash {
    Fields.accountId("accountId", accountId);
    Fields.positive("amountCents", amountCents);
  }
}
