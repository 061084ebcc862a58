package org.computecap.engine.allocation;

import org.computecap.engine.Event;

/** An incumbent received free permits of the period's vintage. */
public record FreePermitsGranted(long accountId, int period, long permits) implements Event {}
