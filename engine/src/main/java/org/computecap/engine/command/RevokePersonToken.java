package org.computecap.engine.command;

/** Revokes a person's token: by that person, or by a person who represents a regulator. */
public record RevokePersonToken(long tokenId, long revokedByPerson)
    implements RepresentativeCommand {
  public RevokePersonToken {
    Fields.positive("tokenId", tokenId);
    Fields.positive("revokedByPerson", revokedByPerson);
  }
}
