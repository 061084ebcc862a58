package org.computecap.engine.representatives;

import org.computecap.engine.Event;

/** A person's TOTP second factor was enrolled (issue 16); the secret stays in the state. */
public record PersonTotpEnrolled(long personId, long setBy) implements Event {}
