package org.computecap.engine.command;

/** Pays free cash out of an account to the outside (the only way cash leaves). */
public record WithdrawCash(long accountId, long amountCents) implements RegistryCommand {
  public WithdrawCash {
    Fields.accountId("accountId", accountId);
    Fields.positive("amountCents", amountCents);
  }
}
