package org.computecap.engine.command;

/**
 * A second person approves a pending transaction; it then executes under the rules of that moment
 * (or waits out a trusted-list delay first).
 */
public record ApproveTransaction(long transactionId, long personId)
    implements RepresentativeCommand {
  public ApproveTransaction {
    Fields.positive("transactionId", transactionId);
    Fields.positive("personId", personId);
  }
}
