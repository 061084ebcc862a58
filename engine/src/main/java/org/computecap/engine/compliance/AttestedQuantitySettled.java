package org.computecap.engine.compliance;

import org.computecap.engine.Event;

/**
 * At a period's close, a participant's attested readings settled its obligation (issue 17, {@code
 * metering.attested: SETTLES}): the quantity assessed was {@code settledQuantity}, what its meters
 * attest less their uncertainty, instead of the lower {@code reportedQuantity}.
 */
public record AttestedQuantitySettled(
    long accountId, int period, long reportedQuantity, long settledQuantity) implements Event {}
