package org.computecap.engine.metering;

import org.computecap.engine.Event;

/**
 * A regulator registered a meter for a participant account (issue 17); {@code replaces} is the
 * meter it replaced (0 for none), whose last reading ended at {@code notBeforeSeconds}: the new
 * meter's first reading may not begin earlier.
 */
public record MeterRegistered(
    long meterId,
    long accountId,
    String publicKey,
    String description,
    String meterClass,
    long uncertaintyPpm,
    long replaces,
    long notBeforeSeconds)
    implements Event {}
