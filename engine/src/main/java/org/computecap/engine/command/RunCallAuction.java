package org.computecap.engine.command;

/**
 * Ends the call phase of the book that trades {@code vintage}: all crossing orders trade at one
 * uniform price, then the book returns to continuous trading.
 */
public record RunCallAuction(int vintage) implements ExchangeCommand {
  public RunCallAuction {
    Fields.period("vintage", vintage);
  }
}
