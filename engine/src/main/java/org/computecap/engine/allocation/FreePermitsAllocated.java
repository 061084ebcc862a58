package org.computecap.engine.allocation;

import org.computecap.engine.Event;
import org.computecap.engine.program.AllocationMethod;

/**
 * A period's free allocation ran: the incumbents' budget, what was granted, what stays unissued,
 * whether entitlements were scaled to the budget, the benchmark {@code B} as an exact fraction
 * ("num/den", "0/1" when the method uses none) and the reserve funded for entrants.
 */
public record FreePermitsAllocated(
    int period,
    AllocationMethod method,
    long budgetPermits,
    long allocatedPermits,
    long unallocatedPermits,
    boolean scaledToBudget,
    String benchmark,
    long newEntrantReservePermits)
    implements Event {}
