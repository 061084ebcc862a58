package org.computecap.engine.command;

/**
 * Opens a call phase on the book that trades {@code vintage}: until {@link RunCallAuction}, limit
 * orders rest without matching (the book may cross) and market and IOC orders are refused.
 */
public record StartCallAuction(int vintage) implements ExchangeCommand {
  public StartCallAuction {
    Fields.period("vintage", vintage);
  }
}
