package org.computecap.engine.registry;

import org.computecap.engine.Event;

/** Permits of a vintage were created in an account, within the cap. */
public record PermitsIssued(long accountId, int vintage, long quantity) implements Event {}
