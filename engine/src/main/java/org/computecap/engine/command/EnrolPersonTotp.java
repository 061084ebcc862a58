package org.computecap.engine.command;

/**
 * Enrols a person's TOTP second factor (issue 16, RFC 6238): the base32 secret the server drew,
 * which it needs again to check codes, so it is kept as is (the journal and snapshots are the
 * owner's only). {@code setBy} as for {@link SetPersonPassword}; enrolling again replaces it.
 */
public record EnrolPersonTotp(long personId, String secret, long setBy)
    implements RepresentativeCommand {
  public EnrolPersonTotp {
    Fields.positive("personId", personId);
    SignInFields.totpSecret("secret", secret);
    SignInFields.setter("setBy", setBy);
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "EnrolPersonTotp[personId=" + personId + ", setBy=" + setBy + "]";
  }
}
