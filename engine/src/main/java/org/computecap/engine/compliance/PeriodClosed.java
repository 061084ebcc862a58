package org.computecap.engine.compliance;

import org.computecap.engine.Event;

/** A period closed: how many participants were assessed and how many fell short. */
public record PeriodClosed(
    int period, int participants, int shortfalls, long penaltiesChargedCents, int nextPeriod)
    implements Event {}
