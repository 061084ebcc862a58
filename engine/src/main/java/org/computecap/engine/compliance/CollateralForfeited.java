package org.computecap.engine.compliance;

import org.computecap.engine.Event;
import org.computecap.engine.program.CollateralForm;

/**
 * A detected under-report of {@code period} forfeited the participant's collateral: cash to the
 * treasury, permits to cancellation.
 */
public record CollateralForfeited(long accountId, int period, CollateralForm form, long amount)
    implements Event {}
