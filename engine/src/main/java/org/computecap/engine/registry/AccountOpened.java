package org.computecap.engine.registry;

import org.computecap.engine.Event;

/** An account was opened. */
public record AccountOpened(long accountId, String name, Role role) implements Event {}
