package org.computecap.engine.registry;

import org.computecap.engine.Event;

/** Cash came into an account from outside. */
public record CashDeposited(long accountId, long amountCents) implements Event {}
