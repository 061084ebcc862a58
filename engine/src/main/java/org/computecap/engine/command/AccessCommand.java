package org.computecap.engine.command;

/**
 * Commands of the access feature: who may act for an account, in the journal. Participant
 * credentials come from an enrolment the participant completes (a regulator issues a one-time code,
 * the holder exchanges it for a token), later tokens are issued by the holder, any token can be
 * revoked by its holder or a regulator, and a participant's insurer is appointed by the participant
 * or a regulator. Every command names who did it; only SHA-256 hashes of secrets are ever in it.
 */
public sealed interface AccessCommand extends Command
    permits IssueEnrolmentCode, CompleteEnrolment, IssueToken, RevokeToken, AppointInsurer {
  /** The principal of the market's own regulator (the operator), which is no registry account. */
  long MARKET_REGULATOR = 0;
}
