package org.computecap.engine.command;

/** The person exchanges an enrolment code for their own token (only hashes are journaled). */
public record CompletePersonEnrolment(String codeHash, String tokenHash, long expiresTick)
    implements RepresentativeCommand {
  public CompletePersonEnrolment {
    AccessFields.hash("codeHash", codeHash);
    AccessFields.hash("tokenHash", tokenHash);
    AccessFields.expiry("expiresTick", expiresTick);
  }
}
