package org.computecap.engine.representatives;

import org.computecap.engine.Event;

/** A person's password was set or reset (issue 16); the hash stays in the state, not here. */
public record PersonPasswordSet(long personId, long setBy) implements Event {}
