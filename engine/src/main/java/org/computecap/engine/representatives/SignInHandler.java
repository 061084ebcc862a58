package org.computecap.engine.representatives;

import org.computecap.engine.Rejection;
import org.computecap.engine.Result;
import org.computecap.engine.command.EnrolPersonTotp;
import org.computecap.engine.command.SetPersonOidcSubject;
import org.computecap.engine.command.SetPersonPassword;
import org.computecap.engine.representatives.RepresentativeHandler.Context;

/**
 * A person's sign-in (issue 16): the password hash and TOTP secret are set by the person themself
 * or, for a reset, by a person who represents a regulator or by the market regulator (0); the
 * OpenID Connect subject only by a regulator, since whoever links a subject decides who signs in as
 * the person. Checks first, then the change.
 */
final class SignInHandler {
  private SignInHandler() {}

  static Result password(Context x, SetPersonPassword c) {
    Rejection r = setterCheck(x, c.personId(), c.setBy(), true);
    if (r != null) {
      return Result.rejected(r);
    }
    SignIns.Entry e = x.s().signIns.entry(c.personId());
    e.passwordHash = c.passwordHash();
    e.passwordSetBy = c.setBy();
    e.passwordTick = x.tick();
    return Result.accepted(new PersonPasswordSet(c.personId(), c.setBy()));
  }

  static Result totp(Context x, EnrolPersonTotp c) {
    Rejection r = setterCheck(x, c.personId(), c.setBy(), true);
    if (r != null) {
      return Result.rejected(r);
    }
    SignIns.Entry e = x.s().signIns.entry(c.personId());
    e.totpSecret = c.secret();
    e.totpSetBy = c.setBy();
    e.totpTick = x.tick();
    return Result.accepted(new PersonTotpEnrolled(c.personId(), c.setBy()));
  }

  static Result oidcSubject(Context x, SetPersonOidcSubject c) {
    Rejection r = setterCheck(x, c.personId(), c.setBy(), false);
    long holder = x.s().signIns.personOfSubject(c.subject());
    if (r == null && holder != 0 && holder != c.personId()) {
      r = Rejection.OIDC_SUBJECT_ALREADY_USED;
    }
    if (r != null) {
      return Result.rejected(r);
    }
    x.s().signIns.setSubject(c.personId(), c.subject());
    return Result.accepted(new PersonOidcSubjectSet(c.personId(), c.subject(), c.setBy()));
  }

  /** The person exists; the setter is 0, a regulator's person, or (if allowed) the person. */
  private static Rejection setterCheck(Context x, long personId, long setBy, boolean self) {
    if (!x.s().personExists(personId) || setBy != 0 && !x.s().personExists(setBy)) {
      return Rejection.UNKNOWN_PERSON;
    }
    boolean regulator = setBy == 0 || x.s().forRegulator(x.state(), setBy, RepresentativeState.ANY);
    if (regulator || self && setBy == personId) {
      return null;
    }
    return self
        ? Rejection.SIGN_IN_SETTER_NOT_PERSON_OR_REGULATOR
        : Rejection.OIDC_SETTER_NOT_REGULATOR;
  }
}
