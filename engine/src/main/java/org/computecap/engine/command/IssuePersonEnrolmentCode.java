package org.computecap.engine.command;

/**
 * A regulator issues a one-time enrolment code with which a person gets a token to act for one
 * account they represent (0: the market regulator); only the code's SHA-256 is journaled.
 */
public record IssuePersonEnrolmentCode(
    long personId, long accountId, String codeHash, long issuedBy, long expiresTick)
    implements RepresentativeCommand {
  public IssuePersonEnrolmentCode {
    Fields.positive("personId", personId);
    AccessFields.principal("accountId", accountId);
    AccessFields.hash("codeHash", codeHash);
    AccessFields.principal("issuedBy", issuedBy);
    AccessFields.expiry("expiresTick", expiresTick);
  }
}
