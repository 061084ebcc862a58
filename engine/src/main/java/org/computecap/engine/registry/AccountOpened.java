package org.computecap.engine.registry;

import org.computecap.engine.Event;
import org.computecap.engine.command.Role;

/** An account was opened. */
public record AccountOpened(long accountId, String name, Role role) implements Event {}
