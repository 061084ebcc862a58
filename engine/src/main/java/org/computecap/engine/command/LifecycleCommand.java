package org.computecap.engine.command;

/**
 * Commands of the registry controls of issue 15 that change an account's standing: its lifecycle
 * status. Each is a regulator's act with a reason; the server lets only regulators send them.
 */
public sealed interface LifecycleCommand extends Command permits SetAccountStatus {}
