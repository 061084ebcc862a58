package org.computecap.engine.compliance;

import org.computecap.engine.Event;
import org.computecap.engine.program.CollateralForm;

/** A participant posted {@code amount} cents or permits of collateral into the collateral hold. */
public record CollateralPosted(long accountId, CollateralForm form, long amount) implements Event {}
