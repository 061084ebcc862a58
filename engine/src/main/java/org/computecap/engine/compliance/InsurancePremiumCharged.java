package org.computecap.engine.compliance;

import org.computecap.engine.Event;

/** A participant paid its insurer {@code premiumCents} for a period's reported quantity. */
public record InsurancePremiumCharged(
    long accountId,
    int period,
    long insurerId,
    long quantity,
    long premiumCentsPerUnit,
    long premiumCents)
    implements Event {}
