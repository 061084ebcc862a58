package org.computecap.engine.command;

/**
 * Commands of free allocation (§4); owned by the rules feature: the verifier's activity records and
 * assistance factors, the period's free allocation, and new entrants.
 */
public sealed interface AllocationCommand extends Command
    permits RecordVerifiedActivity, SetAssistanceFactor, AllocateFreePermits, AllocateNewEntrant {}
