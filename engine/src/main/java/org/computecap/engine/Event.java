package org.computecap.engine;

/**
 * Something that happened because a command was accepted: a past-tense record ({@code
 * PermitsSurrendered}) in the package of the feature that emits it. Events are output only; the
 * state is rebuilt from commands, never from events.
 */
public interface Event {}
