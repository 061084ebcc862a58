package org.computecap.engine.representatives;

import org.computecap.engine.Event;

/** A person's token, acting for one account they represent (the token's hash only). */
public record PersonTokenIssued(
    long tokenId,
    long personId,
    long accountId,
    long codeId,
    String tokenHash,
    long issuedTick,
    long expiresTick)
    implements Event {}
