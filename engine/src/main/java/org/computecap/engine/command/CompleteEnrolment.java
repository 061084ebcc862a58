package org.computecap.engine.command;

/**
 * The holder of an enrolment code exchanges it for the account's token: the code (by its hash) is
 * used up and the token (by its hash) is issued, valid until {@code expiresTick}. Whoever holds the
 * code acts here; the events name the account it was issued for.
 */
public record CompleteEnrolment(String codeHash, String tokenHash, long expiresTick)
    implements AccessCommand {
  public CompleteEnrolment {
    AccessFields.hash("codeHash", codeHash);
    AccessFields.hash("tokenHash", tokenHash);
    AccessFields.expiry("expiresTick", expiresTick);
  }
}
