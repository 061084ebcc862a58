package org.computecap.engine.command;

/**
 * A further token for an account, issued by its holder ({@code issuedBy} must be the account
 * itself; account 0 is the market regulator, whose first token the server issues at its first
 * start). Only the token's hash is journaled; it is valid until {@code expiresTick}.
 */
public record IssueToken(long accountId, String tokenHash, long issuedBy, long expiresTick)
    implements AccessCommand {
  public IssueToken {
    AccessFields.principal("accountId", accountId);
    AccessFields.hash("tokenHash", tokenHash);
    AccessFields.principal("issuedBy", issuedBy);
    AccessFields.expiry("expiresTick", expiresTick);
  }
}
