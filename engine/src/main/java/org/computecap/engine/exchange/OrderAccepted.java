package org.computecap.engine.exchange;

import org.computecap.engine.Event;
import org.computecap.engine.command.OrderType;
import org.computecap.engine.command.Side;

/** An order passed every check; the fills and the fate of its remainder follow it. */
public record OrderAccepted(
    long orderId,
    long accountId,
    Side side,
    OrderType type,
    long priceCents,
    long quantity,
    int vintage)
    implements Event {}
