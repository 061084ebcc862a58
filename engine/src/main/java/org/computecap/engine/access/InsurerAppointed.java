package org.computecap.engine.access;

import org.computecap.engine.Event;

/**
 * {@code insurerId} is now the insurer of participant {@code accountId} (replacing {@code
 * previousInsurerId}, 0 when there was none); appointed by {@code appointedBy}.
 */
public record InsurerAppointed(
    long accountId, long insurerId, long previousInsurerId, long appointedBy) implements Event {}
