package org.computecap.engine.command;

/**
 * A regulator ({@code issuedBy}) issues a one-time enrolment code for an account, to be handed to
 * its holder, who exchanges it for a token the regulator never sees ({@link CompleteEnrolment}).
 * Only the code's hash is journaled; the code is valid until {@code expiresTick}.
 */
public record IssueEnrolmentCode(long accountId, String codeHash, long issuedBy, long expiresTick)
    implements AccessCommand {
  public IssueEnrolmentCode {
    Fields.accountId("accountId", accountId);
    AccessFields.hash("codeHash", codeHash);
    AccessFields.principal("issuedBy", issuedBy);
    AccessFields.expiry("expiresTick", expiresTick);
  }
}
