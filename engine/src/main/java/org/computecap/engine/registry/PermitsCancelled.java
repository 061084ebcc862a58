package org.computecap.engine.registry;

import org.computecap.engine.Event;

/** Permits of a vintage were cancelled voluntarily and can never be used. */
public record PermitsCancelled(long accountId, int vintage, long quantity) implements Event {}
