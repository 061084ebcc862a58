package org.computecap.engine.stability;

import org.computecap.engine.Event;

/**
 * Permits of {@code vintage} the stability reserve held above its invalidation limit, moved to the
 * cancellation account at {@code ClosePeriod(period)}.
 */
public record StabilityPermitsInvalidated(int period, int vintage, long permits) implements Event {}
