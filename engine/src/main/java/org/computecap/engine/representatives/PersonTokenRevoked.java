package org.computecap.engine.representatives;

import org.computecap.engine.Event;

/** A person's token was revoked. */
public record PersonTokenRevoked(long tokenId, long personId, long revokedByPerson)
    implements Event {}
