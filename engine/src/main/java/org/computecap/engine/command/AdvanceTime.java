package org.computecap.engine.command;

/**
 * Logical time has reached this command's tick: delayed transactions that fell due execute, in the
 * order they were initiated, and transactions whose approval window passed expire. The server sends
 * it from its clock; the journal keeps it, so a replay executes the same things at the same point.
 */
public record AdvanceTime() implements RepresentativeCommand {}
