package org.computecap.engine.access;

import org.computecap.engine.Event;

/** Token {@code tokenId} of {@code accountId} no longer acts for anyone; revoked by revokedBy. */
public record TokenRevoked(long tokenId, long accountId, long revokedBy) implements Event {}
