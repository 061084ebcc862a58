package org.computecap.engine.program;

/**
 * Authorised representatives, four-eyes approval and trusted account lists (issue 15), the
 * program's {@code representatives} section. With it, every account command and regulator action
 * must be initiated by a person (a representative) and is journaled with that person; without it
 * the engine keeps no representatives state and every other program's state hash is unchanged.
 * Times are in the engine's logical ticks (epoch milliseconds in the server).
 *
 * <p>{@link ProgramLoader} validates the ranges: {@code minimumPerAccount} in [1, 100], times in
 * [1, 10^12] ticks, thresholds in [0, 10^15].
 *
 * @param minimumPerAccount representatives an account needs before a command is initiated for it
 * @param approvalExpiryTicks a transaction waiting for approval expires this long after initiation
 * @param fourEyes whether account commands above the thresholds wait for a second representative
 * @param fourEyesAbovePermits transfers, surrenders, cancellations and orders of more permits wait
 * @param fourEyesAboveCents cash withdrawals of more cents wait
 * @param regulatorFourEyes whether regulator actions wait for a second regulator person
 * @param trustedList whether transfers to accounts off the sender's trusted list are delayed
 * @param trustedEntryDelayTicks an approved trusted-list entry takes effect after this long
 * @param untrustedDelayTicks a transfer to an account off the list executes after this long
 * @param untrustedMaxPermits the largest transfer to an account off the list
 */
public record Representatives(
    int minimumPerAccount,
    long approvalExpiryTicks,
    boolean fourEyes,
    long fourEyesAbovePermits,
    long fourEyesAboveCents,
    boolean regulatorFourEyes,
    boolean trustedList,
    long trustedEntryDelayTicks,
    long untrustedDelayTicks,
    long untrustedMaxPermits) {}
