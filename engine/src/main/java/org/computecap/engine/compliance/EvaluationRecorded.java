package org.computecap.engine.compliance;

import org.computecap.engine.Event;
import org.computecap.engine.program.RiskSignal;

/** The regulator's evaluation fixed the participant's risk multiplier for the period. */
public record EvaluationRecorded(long accountId, int period, RiskSignal signal, long multiplierPpm)
    implements Event {}
