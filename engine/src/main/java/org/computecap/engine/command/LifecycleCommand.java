package org.computecap.engine.command;

/**
 * Commands of the registry controls of issue 15, each a regulator's act with a reason (the server
 * lets only regulators send them): an account's lifecycle status, and reversals of a surrender and
 * of an allocation.
 */
public sealed interface LifecycleCommand extends Command
    permits SetAccountStatus, ReverseSurrender, ReverseAllocation {}
