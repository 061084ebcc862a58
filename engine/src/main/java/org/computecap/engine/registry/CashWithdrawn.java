package org.computecap.engine.registry;

import org.computecap.engine.Event;

/** Cash left an account to the outside. */
public record CashWithdrawn(long accountId, long amountCents) implements Event {}
