package org.computecap.engine.compliance;

import org.computecap.engine.Event;
import org.computecap.engine.program.CollateralForm;

/** A regulator returned a participant's {@code amount} cents or permits of collateral. */
public record CollateralReturned(long accountId, CollateralForm form, long amount)
    implements Event {}
