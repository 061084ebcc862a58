package org.computecap.engine.access;

import java.util.ArrayList;
import java.util.List;
import org.computecap.engine.EngineState;
import org.computecap.engine.Event;
import org.computecap.engine.Rejection;
import org.computecap.engine.Result;
import org.computecap.engine.WriteAccess;
import org.computecap.engine.command.AccessCommand;
import org.computecap.engine.command.AppointInsurer;
import org.computecap.engine.command.CompleteEnrolment;
import org.computecap.engine.command.IssueEnrolmentCode;
import org.computecap.engine.command.IssueToken;
import org.computecap.engine.command.RevokeToken;
import org.computecap.engine.command.Role;
import org.computecap.engine.registry.Registry;

/**
 * Applies the access commands: separation of duties as rules of the market, so that the journal
 * shows who could act for whom at every moment. Checks run in a fixed order (who acts, what is
 * acted on, the secret's hash, the times) and the first broken rule is returned; only then does the
 * state change. Times are the commands' ticks: a code or token is valid while {@code tick <
 * expiresTick}.
 */
public final class AccessHandler {
  private AccessHandler() {}

  public static Result apply(WriteAccess access, long tick, AccessCommand command) {
    EngineState state = access.state();
    AccessState s = state.access();
    if (command instanceof IssueEnrolmentCode c) {
      return issueCode(state, s, tick, c);
    }
    if (command instanceof CompleteEnrolment c) {
      return complete(state, s, tick, c);
    }
    if (command instanceof IssueToken c) {
      return issueToken(state, s, tick, c);
    }
    if (command instanceof RevokeToken c) {
      return revoke(state, s, tick, c);
    }
    if (command instanceof AppointInsurer c) {
      return appoint(state, s, c);
    }
    throw new AssertionError("no access handler for " + command.getClass().getName());
  }

  private static Result issueCode(
      EngineState state, AccessState s, long tick, IssueEnrolmentCode c) {
    Rejection r = null;
    if (!isRegulator(state.registry(), c.issuedBy())) {
      r = Rejection.ISSUER_NOT_REGULATOR;
    } else if (!state.registry().exists(c.accountId())) {
      r = Rejection.UNKNOWN_ACCOUNT;
    } else {
      r = newSecret(state, c.codeHash(), c.expiresTick(), tick);
    }
    if (r != null) {
      return Result.rejected(r);
    }
    long id = s.enrolments.isEmpty() ? 1 : s.enrolments.lastKey() + 1;
    s.enrolments.put(
        id,
        new AccessState.Enrolment(
            id, c.accountId(), c.codeHash(), c.issuedBy(), tick, c.expiresTick()));
    s.enrolmentByHash.put(c.codeHash(), id);
    return Result.accepted(
        new EnrolmentCodeIssued(
            id, c.accountId(), c.issuedBy(), c.codeHash(), tick, c.expiresTick()));
  }

  private static Result complete(EngineState state, AccessState s, long tick, CompleteEnrolment c) {
    Long id = s.enrolmentByHash.get(c.codeHash());
    AccessState.Enrolment e = id == null ? null : s.enrolments.get(id);
    Rejection r = null;
    if (e == null) {
      r = Rejection.UNKNOWN_ENROLMENT_CODE;
    } else if (e.tokenId != 0) {
      r = Rejection.ENROLMENT_CODE_ALREADY_USED;
    } else if (tick >= e.expiresTick) {
      r = Rejection.ENROLMENT_CODE_EXPIRED;
    } else {
      r = newSecret(state, c.tokenHash(), c.expiresTick(), tick);
    }
    if (r != null) {
      return Result.rejected(r);
    }
    TokenIssued issued = newToken(s, e.accountId, e.accountId, e.id, c.tokenHash(), tick, c);
    e.tokenId = issued.tokenId();
    List<Event> events = new ArrayList<>(2);
    events.add(new EnrolmentCompleted(e.id, e.accountId, issued.tokenId()));
    events.add(issued);
    return Result.accepted(events);
  }

  private static Result issueToken(EngineState state, AccessState s, long tick, IssueToken c) {
    Rejection r = null;
    if (c.issuedBy() != c.accountId()) {
      r = Rejection.TOKEN_ISSUER_NOT_HOLDER;
    } else if (c.accountId() != AccessCommand.MARKET_REGULATOR
        && !state.registry().exists(c.accountId())) {
      r = Rejection.UNKNOWN_ACCOUNT;
    } else {
      r = newSecret(state, c.tokenHash(), c.expiresTick(), tick);
    }
    if (r != null) {
      return Result.rejected(r);
    }
    return Result.accepted(newToken(s, c.accountId(), c.issuedBy(), 0, c.tokenHash(), tick, c));
  }

  private static TokenIssued newToken(
      AccessState s,
      long accountId,
      long issuedBy,
      long enrolmentId,
      String hash,
      long tick,
      AccessCommand c) {
    long expires =
        c instanceof IssueToken t ? t.expiresTick() : ((CompleteEnrolment) c).expiresTick();
    long id = s.tokens.isEmpty() ? 1 : s.tokens.lastKey() + 1;
    TokenIssued e = new TokenIssued(id, accountId, issuedBy, enrolmentId, hash, tick, expires);
    s.tokens.put(id, new AccessState.Token(e));
    s.tokenByHash.put(hash, id);
    return e;
  }

  private static Result revoke(EngineState state, AccessState s, long tick, RevokeToken c) {
    AccessState.Token t = s.tokens.get(c.tokenId());
    Rejection r = null;
    if (t == null) {
      r = Rejection.UNKNOWN_TOKEN;
    } else if (c.revokedBy() != t.accountId && !isRegulator(state.registry(), c.revokedBy())) {
      r = Rejection.REVOKER_NOT_HOLDER_OR_REGULATOR;
    } else if (t.revoked) {
      r = Rejection.TOKEN_ALREADY_REVOKED;
    }
    if (r != null) {
      return Result.rejected(r);
    }
    t.revoked = true;
    t.revokedTick = tick;
    t.revokedBy = c.revokedBy();
    return Result.accepted(new TokenRevoked(t.id, t.accountId, c.revokedBy()));
  }

  private static Result appoint(EngineState state, AccessState s, AppointInsurer c) {
    Registry registry = state.registry();
    Rejection r = null;
    if (c.appointedBy() != c.accountId() && !isRegulator(registry, c.appointedBy())) {
      r = Rejection.APPOINTER_NOT_PARTICIPANT_OR_REGULATOR;
    } else if (!registry.exists(c.accountId())) {
      r = Rejection.UNKNOWN_ACCOUNT;
    } else if (registry.role(c.accountId()) != Role.PARTICIPANT) {
      r = Rejection.ROLE_NOT_PERMITTED;
    } else if (!registry.exists(c.insurerId())) {
      r = Rejection.UNKNOWN_ACCOUNT;
    } else if (registry.role(c.insurerId()) != Role.INSURER) {
      r = Rejection.NOT_AN_INSURER;
    }
    if (r != null) {
      return Result.rejected(r);
    }
    Long previous = s.insurers.put(c.accountId(), c.insurerId());
    return Result.accepted(
        new InsurerAppointed(
            c.accountId(), c.insurerId(), previous == null ? 0 : previous, c.appointedBy()));
  }

  /**
   * A new secret's rules: its hash never used before by any credential (a person's too, issue 15),
   * its expiry after this tick.
   */
  private static Rejection newSecret(EngineState state, String hash, long expiresTick, long tick) {
    if (state.credentialHashUsed(hash)) {
      return Rejection.CREDENTIAL_HASH_ALREADY_USED;
    }
    return expiresTick <= tick ? Rejection.EXPIRY_NOT_IN_FUTURE : null;
  }

  /** The market regulator (0) or an account whose role is REGULATOR. */
  private static boolean isRegulator(Registry registry, long principal) {
    return principal == AccessCommand.MARKET_REGULATOR
        || registry.exists(principal) && registry.role(principal) == Role.REGULATOR;
  }
}
