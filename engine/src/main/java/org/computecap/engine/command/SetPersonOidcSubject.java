package org.computecap.engine.command;

/**
 * Links a person to their subject ({@code sub}) at the operator's OpenID Connect provider (issue
 * 16), so that signing in there signs them in here. Only a regulator links: {@code setBy} is a
 * person who represents a regulator, or 0 for the market regulator. A subject names one person.
 */
public record SetPersonOidcSubject(long personId, String subject, long setBy)
    implements RepresentativeCommand {
  public SetPersonOidcSubject {
    Fields.positive("personId", personId);
    SignInFields.subject("subject", subject);
    SignInFields.setter("setBy", setBy);
  }
}
