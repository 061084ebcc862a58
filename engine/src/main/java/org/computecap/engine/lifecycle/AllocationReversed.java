package org.computecap.engine.lifecycle;

import org.computecap.engine.Event;

/**
 * A regulator took back part of a participant's free allocation for a period (issue 15): {@code
 * quantity} permits of that vintage moved to the cancellation account; {@code reversedPermits} is
 * all that was taken back of that allocation so far.
 */
public record AllocationReversed(
    long accountId, int period, long quantity, String reason, long reversedPermits)
    implements Event {}
