package org.computecap.engine.command;

/** Moves free permits of one vintage from one participant to another (an OTC transfer). */
public record TransferPermits(long fromAccountId, long toAccountId, int vintage, long quantity)
    implements RegistryCommand {
  public TransferPermits {
    Fields.accountId("fromAccountId", fromAccountId);
    Fields.accountId("toAccountId", toAccountId);
    Fields.period("vintage", vintage);
    Fields.positive("quantity", quantity);
  }
}
