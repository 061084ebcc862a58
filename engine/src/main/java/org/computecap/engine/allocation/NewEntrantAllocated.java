package org.computecap.engine.allocation;

import org.computecap.engine.Event;

/**
 * A new entrant received {@code grantedPermits} from the reserve ({@code entitledPermits} when the
 * reserve had enough), taken oldest vintage first.
 */
public record NewEntrantAllocated(
    long accountId, int period, long entitledPermits, long grantedPermits) implements Event {}
