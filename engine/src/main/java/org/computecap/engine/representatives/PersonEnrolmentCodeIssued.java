package org.computecap.engine.representatives;

import org.computecap.engine.Event;

/** A one-time code for a person to get a token acting for an account (the code's hash only). */
public record PersonEnrolmentCodeIssued(
    long codeId,
    long personId,
    long accountId,
    long issuedBy,
    String codeHash,
    long issuedTick,
    long expiresTick)
    implements Event {}
