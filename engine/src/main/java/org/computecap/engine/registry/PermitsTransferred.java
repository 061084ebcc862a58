package org.computecap.engine.registry;

import org.computecap.engine.Event;

/** Free permits of a vintage moved between accounts. */
public record PermitsTransferred(long fromAccountId, long toAccountId, int vintage, long quantity)
    implements Event {}
