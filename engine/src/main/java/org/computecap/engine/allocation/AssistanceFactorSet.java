package org.computecap.engine.allocation;

import org.computecap.engine.Event;

/** A participant's assistance factor now is {@code factorPpm}. */
public record AssistanceFactorSet(long accountId, long factorPpm) implements Event {}
