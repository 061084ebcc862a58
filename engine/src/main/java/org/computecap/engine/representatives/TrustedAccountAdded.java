package org.computecap.engine.representatives;

import org.computecap.engine.Event;

/**
 * An account was put on another's trusted list; transfers to it are trusted from {@code
 * effectiveTick}.
 */
public record TrustedAccountAdded(long accountId, long trustedAccountId, long effectiveTick)
    implements Event {}
