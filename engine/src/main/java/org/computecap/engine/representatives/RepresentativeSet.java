package org.computecap.engine.representatives;

import org.computecap.engine.Event;

/** A person's rights on an account were set (both false: the person no longer represents it). */
public record RepresentativeSet(
    long accountId, long personId, boolean initiator, boolean approver, long setBy)
    implements Event {}
