package org.computecap.engine.representatives;

import org.computecap.engine.Event;

/** A person was registered; {@code senior} marks a senior regulator. */
public record PersonRegistered(long personId, String name, boolean senior, long registeredBy)
    implements Event {}
