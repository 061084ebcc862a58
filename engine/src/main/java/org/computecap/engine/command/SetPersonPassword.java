package org.computecap.engine.command;

/**
 * Sets a person's sign-in password (issue 16), as the Argon2id hash the server computed with a
 * random salt: the engine only keeps it, so a replay gives the same state. {@code setBy} is the
 * person themself, a person who represents a regulator (a reset), or 0 for the market regulator.
 */
public record SetPersonPassword(long personId, String passwordHash, long setBy)
    implements RepresentativeCommand {
  public SetPersonPassword {
    Fields.positive("personId", personId);
    SignInFields.passwordHash("passwordHash", passwordHash);
    SignInFields.setter("setBy", setBy);
  }

  /** Never prints the hash (commands are printed into waiting transactions and logs). */
  @Override
  public String toString() {
    return "SetPersonPassword[personId=" + personId + ", setBy=" + setBy + "]";
  }
}
