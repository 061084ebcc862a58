package org.computecap.engine.compliance;

import org.computecap.engine.Event;

/**
 * Permits surrendered for a closed period and credited against the make-good the participant owed
 * (a program with {@code lateSurrender: CREDIT_MAKE_GOOD}); {@code makeGoodOwedPermits} is what it
 * owes after the credit. The permits themselves are in the {@code PermitsSurrendered} events beside
 * it.
 */
public record LateSurrenderCredited(
    long accountId, int period, long quantity, long makeGoodOwedPermits) implements Event {}
