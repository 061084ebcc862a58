package org.computecap.engine.registry;

import org.computecap.engine.Event;

/**
 * Permits of one vintage were surrendered against a period's obligation. A surrender that takes
 * several vintages (oldest first) emits one event per vintage, in vintage order.
 */
public record PermitsSurrendered(long accountId, int period, int vintage, long quantity)
    implements Event {}
