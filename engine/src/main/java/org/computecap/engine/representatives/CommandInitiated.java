package org.computecap.engine.representatives;

import org.computecap.engine.Event;

/**
 * A person initiated a command that executed at once; its own events follow. {@code accountId} is
 * -1 for a regulator action.
 */
public record CommandInitiated(long personId, long accountId, String command) implements Event {}
