package org.computecap.engine.command;

/** Cancels the rest of a resting order; only the account that placed it may cancel it. */
public record CancelOrder(long orderId, long accountId) implements ExchangeCommand {
  public CancelOrder {
    Fields.positive("orderId", orderId);
    Fields.accountId("accountId", accountId);
  }
}
