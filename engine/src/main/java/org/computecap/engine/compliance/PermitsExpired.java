package org.computecap.engine.compliance;

import org.computecap.engine.Event;

/** With banking off, an account's unsurrendered permits of a vintage expired at close. */
public record PermitsExpired(long accountId, int vintage, long quantity) implements Event {}
