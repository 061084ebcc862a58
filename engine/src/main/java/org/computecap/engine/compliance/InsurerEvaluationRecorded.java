package org.computecap.engine.compliance;

import org.computecap.engine.Event;
import org.computecap.engine.program.RiskSignal;

/** An insurer's own evaluation of a participant for a period was recorded. */
public record InsurerEvaluationRecorded(
    long insurerId, long accountId, int period, RiskSignal signal) implements Event {}
