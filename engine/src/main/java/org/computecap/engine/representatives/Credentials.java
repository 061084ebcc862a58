package org.computecap.engine.representatives;

import org.computecap.engine.Rejection;
import org.computecap.engine.Result;
import org.computecap.engine.command.CompletePersonEnrolment;
import org.computecap.engine.command.IssuePersonEnrolmentCode;
import org.computecap.engine.command.RegisterPerson;
import org.computecap.engine.command.RevokePersonToken;
import org.computecap.engine.command.SetRepresentative;
import org.computecap.engine.representatives.RepresentativeHandler.Context;

/**
 * Persons, their rights on accounts and their credentials: a regulator registers a person, sets
 * what the person may do for which account, and issues a one-time enrolment code for one account
 * the person represents; the person exchanges the code for a token the regulator never sees; a
 * token is revoked by its person or by a regulator's person. As with account tokens, only SHA-256
 * hashes of secrets are journaled, and a hash is used once, ever, across account and person
 * credentials.
 */
final class Credentials {
  private Credentials() {}

  static Result register(Context x, RegisterPerson c) {
    Rejection r = null;
    if (!RepresentativeHandler.isRegulator(x.registry(), c.registeredBy())) {
      r = Rejection.REGISTRAR_NOT_REGULATOR;
    } else if (x.s().personExists(c.personId())) {
      r = Rejection.PERSON_ALREADY_EXISTS;
    }
    if (r != null) {
      return Result.rejected(r);
    }
    x.s()
        .persons
        .put(
            c.personId(),
            new RepresentativeState.Person(c.personId(), c.name(), c.senior(), c.registeredBy()));
    return Result.accepted(
        new PersonRegistered(c.personId(), c.name(), c.senior(), c.registeredBy()));
  }

  static Result setRepresentative(Context x, SetRepresentative c) {
    Rejection r = null;
    if (!RepresentativeHandler.isRegulator(x.registry(), c.setBy())) {
      r = Rejection.REGISTRAR_NOT_REGULATOR;
    } else if (!x.s().personExists(c.personId())) {
      r = Rejection.UNKNOWN_PERSON;
    } else if (c.accountId() != 0 && !x.registry().exists(c.accountId())) {
      r = Rejection.UNKNOWN_ACCOUNT;
    }
    if (r != null) {
      return Result.rejected(r);
    }
    int bits =
        (c.initiator() ? RepresentativeState.INITIATOR : 0)
            | (c.approver() ? RepresentativeState.APPROVER : 0);
    x.s().setRights(c.personId(), c.accountId(), bits);
    return Result.accepted(
        new RepresentativeSet(c.accountId(), c.personId(), c.initiator(), c.approver(), c.setBy()));
  }

  static Result issueCode(Context x, IssuePersonEnrolmentCode c) {
    Rejection r = null;
    if (!RepresentativeHandler.isRegulator(x.registry(), c.issuedBy())) {
      r = Rejection.ISSUER_NOT_REGULATOR;
    } else if (!x.s().personExists(c.personId())) {
      r = Rejection.UNKNOWN_PERSON;
    } else if (!x.s().represents(c.personId(), c.accountId())) {
      r = Rejection.NOT_A_REPRESENTATIVE;
    } else {
      r = newSecret(x, c.codeHash(), c.expiresTick());
    }
    if (r != null) {
      return Result.rejected(r);
    }
    long id = x.s().codes.isEmpty() ? 1 : x.s().codes.lastKey() + 1;
    x.s()
        .addCode(
            new RepresentativeState.Code(
                id,
                c.personId(),
                c.accountId(),
                c.codeHash(),
                c.issuedBy(),
                x.tick(),
                c.expiresTick()));
    return Result.accepted(
        new PersonEnrolmentCodeIssued(
            id,
            c.personId(),
            c.accountId(),
            c.issuedBy(),
            c.codeHash(),
            x.tick(),
            c.expiresTick()));
  }

  static Result complete(Context x, CompletePersonEnrolment c) {
    Long id = x.s().codeByHash.get(c.codeHash());
    RepresentativeState.Code code = id == null ? null : x.s().codes.get(id);
    Rejection r = null;
    if (code == null) {
      r = Rejection.UNKNOWN_ENROLMENT_CODE;
    } else if (code.tokenId != 0) {
      r = Rejection.ENROLMENT_CODE_ALREADY_USED;
    } else if (x.tick() >= code.expiresTick) {
      r = Rejection.ENROLMENT_CODE_EXPIRED;
    } else if (!x.s().represents(code.personId, code.accountId)) {
      r = Rejection.NOT_A_REPRESENTATIVE;
    } else {
      r = newSecret(x, c.tokenHash(), c.expiresTick());
    }
    if (r != null) {
      return Result.rejected(r);
    }
    long tokenId = x.s().tokens.isEmpty() ? 1 : x.s().tokens.lastKey() + 1;
    x.s()
        .addToken(
            new RepresentativeState.Token(
                tokenId,
                code.personId,
                code.accountId,
                code.id,
                c.tokenHash(),
                x.tick(),
                c.expiresTick()));
    code.tokenId = tokenId;
    return Result.accepted(
        new PersonTokenIssued(
            tokenId,
            code.personId,
            code.accountId,
            code.id,
            c.tokenHash(),
            x.tick(),
            c.expiresTick()));
  }

  static Result revoke(Context x, RevokePersonToken c) {
    RepresentativeState.Token t = x.s().tokens.get(c.tokenId());
    Rejection r = null;
    if (t == null) {
      r = Rejection.UNKNOWN_TOKEN;
    } else if (!x.s().personExists(c.revokedByPerson())) {
      r = Rejection.UNKNOWN_PERSON;
    } else if (c.revokedByPerson() != t.personId
        && !x.s().forRegulator(x.state(), c.revokedByPerson(), RepresentativeState.ANY)) {
      r = Rejection.REVOKER_NOT_HOLDER_OR_REGULATOR;
    } else if (t.revoked) {
      r = Rejection.TOKEN_ALREADY_REVOKED;
    }
    if (r != null) {
      return Result.rejected(r);
    }
    t.revoked = true;
    t.revokedTick = x.tick();
    t.revokedBy = c.revokedByPerson();
    return Result.accepted(new PersonTokenRevoked(t.id, t.personId, c.revokedByPerson()));
  }

  /** A new secret's rules: its hash never used by any credential, its expiry after this tick. */
  private static Rejection newSecret(Context x, String hash, long expiresTick) {
    if (x.state().credentialHashUsed(hash)) {
      return Rejection.CREDENTIAL_HASH_ALREADY_USED;
    }
    return expiresTick <= x.tick() ? Rejection.EXPIRY_NOT_IN_FUTURE : null;
  }
}
