package org.computecap.engine.compliance;

import org.computecap.engine.Event;

/** A meter reading for a participant and period was recorded. */
public record MeterReadingRecorded(long accountId, int period, long quantity) implements Event {}
