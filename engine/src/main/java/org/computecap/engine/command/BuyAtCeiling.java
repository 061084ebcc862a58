package org.computecap.engine.command;

/**
 * A participant buys {@code quantity} permits of the current vintage at the price ceiling, issued
 * above the cap; only up to its unmet obligation and only once the price containment reserve is
 * empty.
 */
public record BuyAtCeiling(long accountId, long quantity) implements AuctionCommand {
  public BuyAtCeiling {
    Fields.accountId("accountId", accountId);
    RulesFields.quantity("quantity", quantity, 1);
  }
}
