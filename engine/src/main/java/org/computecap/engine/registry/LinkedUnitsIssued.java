package org.computecap.engine.registry;

import org.computecap.engine.Event;

/**
 * Linked units were issued above the cap for {@code originPermits} permits another program's
 * registry cancelled (issue 18).
 */
public record LinkedUnitsIssued(long accountId, int vintage, long originPermits, long units)
    implements Event {}
