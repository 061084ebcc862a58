package org.computecap.engine.representatives;

import org.computecap.engine.Event;

/** An account was taken off another's trusted list; transfers to it are delayed again. */
public record TrustedAccountRemoved(long accountId, long trustedAccountId) implements Event {}
