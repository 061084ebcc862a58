package org.computecap.engine.command;

/** Revokes a token at once; by its holder or by a regulator ({@code revokedBy}). */
public record RevokeToken(long tokenId, long revokedBy) implements AccessCommand {
  public RevokeToken {
    Fields.positive("tokenId", tokenId);
    AccessFields.principal("revokedBy", revokedBy);
  }
}
