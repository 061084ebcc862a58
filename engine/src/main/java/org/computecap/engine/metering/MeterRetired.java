package org.computecap.engine.metering;

import org.computecap.engine.Event;

/** A regulator retired a meter, for the reason given; {@code replacedBy} is its successor or 0. */
public record MeterRetired(long meterId, long accountId, String reason, long replacedBy)
    implements Event {}
