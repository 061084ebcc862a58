package org.computecap.engine.command;

/**
 * A representative of the account rejects a transaction waiting for approval, or cancels one
 * waiting out its delay; it will never execute.
 */
public record CancelTransaction(long transactionId, long personId)
    implements RepresentativeCommand {
  public CancelTransaction {
    Fields.positive("transactionId", transactionId);
    Fields.positive("personId", personId);
  }
}
