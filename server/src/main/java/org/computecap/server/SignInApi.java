package org.computecap.server;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.computecap.engine.command.AccessCommand;
import org.computecap.engine.command.EnrolPersonTotp;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.SetPersonOidcSubject;
import org.computecap.engine.command.SetPersonPassword;
import org.computecap.engine.representatives.PersonOidcSubjectSet;
import org.computecap.engine.representatives.PersonPasswordSet;
import org.computecap.engine.representatives.PersonTotpEnrolled;
import org.computecap.engine.representatives.RepresentativeState;

/**
 * Persons sign in through a browser (issue 16): a password (Argon2id, {@link PasswordHasher}) and a
 * TOTP code ({@link Totp}) start a session ({@link Sessions}) whose cookie then authenticates the
 * browser's requests as that person, exactly as the person's token would: every command goes to the
 * engine as {@code Initiate(person, command)}. The password, TOTP secret and OpenID Connect subject
 * are set by journaled commands that carry what the server computed; the checks are here. Failed
 * sign-ins are limited per person and per client address ({@link AttemptLimiter}).
 */
final class SignInApi {
  static final String TAG = "sign-in";

  /** Failed sign-ins allowed per person, and per client address, within the window. */
  static final int PERSON_ATTEMPTS = 10;

  static final int ADDRESS_ATTEMPTS = 30;
  static final long ATTEMPT_WINDOW_MS = 15 * 60_000L;

  static final Field<String> PASSWORD = Field.string("password", "the person's password");
  static final Field<String> TOTP =
      Field.string("totp", "the six-digit code of the person's authenticator (RFC 6238)");
  static final Field<String> PERSON_NAME =
      Field.string("name", "the person's name (or send personId)");
  static final Field<Long> SIGN_IN_ACCOUNT =
      Field.int64(
          "accountId", 1, Long.MAX_VALUE, "the account to act for first (default: the lowest id)");
  static final Field<String> SUBJECT =
      Field.string("subject", "the person's subject (sub) at the OpenID Connect provider");

  /** An account a person represents, as the browser shows it. */
  record MeAccount(long accountId, String name, Role role, boolean initiator, boolean approver) {}

  /** A person's answer to setting a password or linking a subject. */
  record SignInChanged(long personId, long setBy) {}

  /** Whether the browser has a live session, and who it is (no error when not: pages ask first). */
  record SessionState(boolean signedIn, @Views.Nullable Views.Me me) {}

  /**
   * One of a person's browser sessions: its handle (not its cookie), how it signed in (password or
   * oidc), when it started and was last used, and whether it is the one asking.
   */
  record SessionView(
      String sessionId,
      String via,
      long createdMs,
      long lastSeenMs,
      long accountId,
      boolean current) {}

  static final Field<String> SESSION_ID =
      Field.string("sessionId", "a session's handle, as GET /api/sessions lists it");

  /** Whether persons may sign in through the operator's OpenID Connect provider, and where. */
  record OidcConfig(boolean enabled, @Views.Nullable String issuer, @Views.Nullable String login) {}

  /** A new TOTP enrolment, shown once: the secret, its URI and its QR code (a PNG data URI). */
  record TotpEnrolment(long personId, String secret, String otpauthUri, String qrPng) {}

  private static final String DUMMY_HASH = PasswordHasher.hash("not anyone's password at all");

  private final Services s;
  private final ReadModel model;
  private final Sessions sessions;
  private final AttemptLimiter byPerson;
  private final AttemptLimiter byAddress;

  SignInApi(Services s, Sessions sessions) {
    this.s = s;
    this.model = s.model();
    this.sessions = sessions;
    this.byPerson = new AttemptLimiter(PERSON_ATTEMPTS, ATTEMPT_WINDOW_MS, s.clock());
    this.byAddress = new AttemptLimiter(ADDRESS_ATTEMPTS, ATTEMPT_WINDOW_MS, s.clock());
  }

  List<Route> routes() {
    List<Route> r = new ArrayList<>();
    r.add(
        Route.post("/api/session")
            .op(
                "signIn",
                TAG,
                "Sign a person in with name (or personId), password and TOTP code: sets the"
                    + " session cookie and answers /api/me with the session's CSRF token")
            .body(PASSWORD, TOTP)
            .optional(RepresentativesApi.PERSON, PERSON_NAME, SIGN_IN_ACCOUNT)
            .rateLimited()
            .forbids()
            .returns(201, Reply.of(Views.Me.class))
            .handle(this::signIn));
    r.add(
        Route.get("/api/session")
            .op(
                "getSession",
                TAG,
                "Whether this browser is signed in, and as whom (200 either way, so a page can ask"
                    + " without an error)")
            .returns(Reply.of(SessionState.class))
            .handle(
                call -> {
                  Sessions.Session session =
                      call.context().attribute(SessionAuth.SESSION_ATTRIBUTE);
                  call.reply(
                      session == null || call.caller() == null
                          ? new SessionState(false, null)
                          : new SessionState(
                              true, me(model, call.caller(), session, sessions.options())));
                }));
    r.add(
        Route.delete("/api/session")
            .op("signOut", TAG, "End the browser's session and clear its cookie")
            .returns(Reply.of(Views.Me.class))
            .handle(this::signOut));
    r.add(
        Route.get("/api/sessions")
            .op(
                "listSessions",
                TAG,
                "The signed-in person's browser sessions, oldest first (a person's own only)")
            .access(Access.SIGNED_IN)
            .forbids()
            .returns(Reply.list(SessionView.class))
            .handle(call -> call.reply(sessionsOf(call))));
    r.add(
        Route.delete("/api/sessions/{sessionId}")
            .op(
                "endSession",
                TAG,
                "End one of the signed-in person's sessions (another browser); 404 for a session"
                    + " that is not theirs")
            .access(Access.SIGNED_IN)
            .path(SESSION_ID)
            .mayNotFind()
            .forbids()
            .returns(Reply.list(SessionView.class))
            .handle(
                call -> {
                  String handle = call.get(SESSION_ID);
                  if (!handle.matches("[0-9a-f]{16}")) {
                    throw ApiException.badRequest(
                        SESSION_ID.name(),
                        "sessionId must be 16 lowercase hex digits, as GET /api/sessions lists"
                            + " it, got "
                            + handle);
                  }
                  long person = personOf(call);
                  if (!sessions.end(person, handle)) {
                    throw ApiException.notFound(
                        "person " + person + " has no session " + call.get(SESSION_ID));
                  }
                  call.reply(sessionsOf(call));
                }));
    r.add(
        Route.post("/api/persons/{personId}/password")
            .op(
                "setPersonPassword",
                TAG,
                "Set a person's password: their own, or any for a regulator's person (a reset)")
            .access(Access.SIGNED_IN)
            .path(RepresentativesApi.PERSON)
            .body(PASSWORD)
            .command()
            .forbids()
            .returns(Reply.of(SignInChanged.class))
            .handle(this::setPassword));
    r.add(
        Route.post("/api/persons/{personId}/totp")
            .op(
                "enrolPersonTotp",
                TAG,
                "Enrol (or replace) a person's TOTP second factor: the secret, its otpauth URI and"
                    + " QR code, shown once")
            .access(Access.SIGNED_IN)
            .path(RepresentativesApi.PERSON)
            .command()
            .forbids()
            .returns(Reply.of(TotpEnrolment.class))
            .handle(this::enrolTotp));
    r.add(
        Route.post("/api/persons/{personId}/oidc-subject")
            .op(
                "setPersonOidcSubject",
                TAG,
                "Link a person to their subject at the OpenID Connect provider (a regulator)")
            .access(Access.SIGNED_IN)
            .path(RepresentativesApi.PERSON)
            .body(SUBJECT)
            .command()
            .forbids()
            .returns(Reply.of(SignInChanged.class))
            .handle(this::setSubject));
    r.add(
        Route.get("/api/oidc")
            .op(
                "getOidcConfig",
                TAG,
                "Whether persons may sign in through the operator's OpenID Connect provider")
            .returns(Reply.of(OidcConfig.class))
            .handle(
                call -> {
                  java.net.URI issuer = sessions.options().oidcIssuer();
                  call.reply(
                      issuer == null
                          ? new OidcConfig(false, null, null)
                          : new OidcConfig(true, issuer.toString(), "/api/oidc/login"));
                }));
    return r;
  }

  // ------------------------------------------------------------ sign-in

  private void signIn(Call call) {
    String address = call.clientAddress();
    refuseIfLimited(byAddress, address, "this address");
    long person = person(call);
    refuseIfLimited(byPerson, "person:" + person, "this person");
    RepresentativeState.SignIn in =
        person == 0 ? null : model.representatives.signIns().get(person);
    String hash = in == null || in.passwordHash().isEmpty() ? DUMMY_HASH : in.passwordHash();
    boolean passwordOk = PasswordHasher.verify(call.get(PASSWORD), hash) && hash != DUMMY_HASH;
    if (!passwordOk) {
      failed(address, person);
      throw new ApiException(
          401, "SIGN_IN_FAILED", "the name or the password is wrong", "password");
    }
    if (in.totpSecret().isEmpty()) {
      throw new ApiException(
          403,
          "TOTP_NOT_ENROLLED",
          "this person has no second factor yet: enrol one with the person's token (POST"
              + " /api/persons/"
              + person
              + "/totp) or ask a regulator",
          "totp");
    }
    long now = s.clock().millis();
    long step = Totp.match(in.totpSecret(), call.get(TOTP), now, sessions.lastTotpStep(person));
    if (step < 0 || !sessions.useTotpStep(person, step)) {
      failed(address, person);
      throw new ApiException(
          401,
          "SIGN_IN_FAILED",
          "the code is wrong, too old, or was used already: wait for the next one",
          "totp");
    }
    long account = call.get(SIGN_IN_ACCOUNT, -1L);
    if (account >= 0 && !model.representatives.represents(person, account)) {
      throw new ApiException(
          403,
          "FORBIDDEN",
          "person " + person + " does not represent account " + account,
          "accountId");
    }
    if (model.representatives.rightsOf(person).isEmpty()) {
      throw new ApiException(
          403, "FORBIDDEN", "person " + person + " represents no account yet", "personId");
    }
    Sessions.Session session = sessions.start(call.context(), person, account, "password");
    call.reply(me(model, callerOf(model, session, null), session, sessions.options()));
  }

  /** The person the body names: by id, or by a name exactly one person has. */
  private long person(Call call) {
    if (call.values().has(RepresentativesApi.PERSON)) {
      return call.get(RepresentativesApi.PERSON);
    }
    if (!call.values().has(PERSON_NAME)) {
      throw ApiException.badRequest("name", "send the person's name (or personId)");
    }
    String name = call.get(PERSON_NAME);
    long found = 0;
    for (RepresentativeState.Person p : model.representatives.persons().values()) {
      if (p.name().equals(name)) {
        if (found != 0) {
          throw ApiException.badRequest(
              "name", "several persons are named " + name + ": sign in with your personId");
        }
        found = p.id();
      }
    }
    return found;
  }

  private void refuseIfLimited(AttemptLimiter limiter, String key, String who) {
    long wait = limiter.retryAfterSeconds(key);
    if (wait > 0) {
      throw ApiException.tooManyAttempts(
          "too many failed sign-ins for " + who + "; retry after " + wait + " s", wait);
    }
  }

  private void failed(String address, long person) {
    byAddress.failed(address);
    if (person != 0) {
      byPerson.failed("person:" + person);
    }
  }

  /** The caller's person: sessions belong to persons, so a bearer token of an account is 403. */
  private static long personOf(Call call) {
    if (!call.caller().isPerson()) {
      throw ApiException.forbidden("only a person has sessions; this caller is an account's token");
    }
    return call.caller().personId();
  }

  private List<SessionView> sessionsOf(Call call) {
    long person = personOf(call);
    Sessions.Session asking = call.context().attribute(SessionAuth.SESSION_ATTRIBUTE);
    List<SessionView> out = new ArrayList<>();
    for (Sessions.Session s : sessions.of(person)) {
      out.add(
          new SessionView(
              Sessions.handle(s), s.via, s.createdMs, s.lastSeenMs, s.accountId, s == asking));
    }
    return out;
  }

  private void signOut(Call call) {
    sessions.end(call.context());
    call.reply(
        new Views.Me(0, Role.PARTICIPANT, 0, null, null, List.of(), false, false, null, null));
  }

  // ------------------------------------------------------------ setting what one signs in with

  /** Who sets: the caller's person, or 0 for the market regulator's own token; 403 otherwise. */
  private static long setter(Call call) {
    Caller c = call.caller();
    if (c.isPerson()) {
      return c.personId();
    }
    if (c.isMarketRegulator()) {
      return 0;
    }
    throw ApiException.forbidden(
        "only a person (their own, or a regulator's person) or the market regulator may do this;"
            + " this token is account "
            + c.principal()
            + "'s own");
  }

  private void setPassword(Call call) {
    long setBy = setter(call);
    long person = call.get(RepresentativesApi.PERSON);
    PasswordHasher.checkAcceptable("password", call.get(PASSWORD));
    String hash = PasswordHasher.hash(call.get(PASSWORD));
    AccessApi.submitThen(
        s,
        call,
        new SetPersonPassword(person, hash, setBy),
        e -> {
          if (e instanceof PersonPasswordSet p) {
            if (setBy != person) {
              // A reset by someone else signs the person out everywhere.
              sessions.endAll(person);
            }
            return new SignInChanged(p.personId(), p.setBy());
          }
          return null;
        });
  }

  private void enrolTotp(Call call) {
    long setBy = setter(call);
    long person = call.get(RepresentativesApi.PERSON);
    String secret = Totp.newSecret();
    RepresentativeState.Person p = model.representatives.persons().get(person);
    String label = p == null ? "person-" + person : p.name();
    AccessApi.submitThen(
        s,
        call,
        new EnrolPersonTotp(person, secret, setBy),
        e -> {
          if (e instanceof PersonTotpEnrolled t) {
            String uri = Totp.uri("ComputeCap", label, secret);
            String png =
                "data:image/png;base64," + Base64.getEncoder().encodeToString(Totp.qrPng(uri, 240));
            return new TotpEnrolment(t.personId(), secret, uri, png);
          }
          return null;
        });
  }

  private void setSubject(Call call) {
    long setBy = setter(call);
    AccessApi.submitThen(
        s,
        call,
        new SetPersonOidcSubject(call.get(RepresentativesApi.PERSON), call.get(SUBJECT), setBy),
        e ->
            e instanceof PersonOidcSubjectSet o
                ? new SignInChanged(o.personId(), o.setBy())
                : null);
  }

  // ------------------------------------------------------------ the session's caller and /api/me

  /**
   * The caller a session acts as: the person, for the account {@code X-Account} names (which the
   * person must represent: 403 naming the header otherwise), else the account chosen at sign-in,
   * else the lowest-numbered account the person represents. Null when the person represents none
   * any more (a session does not outlive the person's rights).
   */
  static Caller callerOf(ReadModel model, Sessions.Session session, String accountHeader) {
    long account;
    if (accountHeader != null) {
      try {
        account = Long.parseLong(accountHeader.trim());
      } catch (NumberFormatException e) {
        throw ApiException.badRequest(
            Sessions.ACCOUNT_HEADER, "X-Account must be an account id, got " + accountHeader);
      }
      if (!model.representatives.represents(session.personId, account)) {
        throw new ApiException(
            403,
            "FORBIDDEN",
            "person " + session.personId + " does not represent account " + account,
            Sessions.ACCOUNT_HEADER);
      }
    } else if (session.accountId >= 0
        && model.representatives.represents(session.personId, session.accountId)) {
      account = session.accountId;
    } else {
      List<RepresentativeState.Right> rights = model.representatives.rightsOf(session.personId);
      if (rights.isEmpty()) {
        return null;
      }
      account = rights.get(0).accountId();
    }
    Role role = account == AccessCommand.MARKET_REGULATOR ? Role.REGULATOR : model.roleOf(account);
    return role == null ? null : new Caller(account, role, 0, session.personId);
  }

  /** The answer of {@code GET /api/me} (and of a sign-in). */
  static Views.Me me(ReadModel model, Caller c, Sessions.Session session, SignInOptions o) {
    if (!c.isPerson()) {
      return new Views.Me(
          c.principal(), c.role(), c.tokenId(), null, null, List.of(), false, false, null, null);
    }
    RepresentativeState.Person p = model.representatives.persons().get(c.personId());
    List<MeAccount> accounts = new ArrayList<>();
    boolean regulator = false;
    boolean auditor = false;
    for (RepresentativeState.Right r : model.representatives.rightsOf(c.personId())) {
      Role role =
          r.accountId() == AccessCommand.MARKET_REGULATOR
              ? Role.REGULATOR
              : model.roleOf(r.accountId());
      if (role == null) {
        continue;
      }
      regulator |= role == Role.REGULATOR;
      auditor |= role == Role.AUDITOR;
      accounts.add(
          new MeAccount(
              r.accountId(), accountName(model, r.accountId()), role, r.initiator(), r.approver()));
    }
    return new Views.Me(
        c.principal(),
        c.role(),
        c.tokenId(),
        c.personId(),
        p == null ? null : p.name(),
        accounts,
        regulator,
        auditor,
        session == null ? null : session.csrfToken,
        session == null
            ? null
            : Math.min(session.lastSeenMs + o.idleMs(), session.createdMs + o.absoluteMs()));
  }

  private static String accountName(ReadModel model, long account) {
    if (account == AccessCommand.MARKET_REGULATOR) {
      return "market regulator";
    }
    ReadModel.AccountEntry a = model.accounts.get(account);
    return a == null ? "account " + account : a.directory().name();
  }
}
