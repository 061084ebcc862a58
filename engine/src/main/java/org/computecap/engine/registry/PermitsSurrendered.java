package org.computecap.engine.registry;

import org.computecap.engine.Event;

/** Permits of one vintage were surrendered against a period's obligation (one event per vintage taken, oldest first). */
public record PermitsSurrendered(long accountId, int period, int vintage, long quantity) implements Event {
}
