package org.computecap.server;

import static org.computecap.server.ApiFields.ACCOUNT;
import static org.computecap.server.ApiFields.BY;
import static org.computecap.server.ApiFields.CODE;
import static org.computecap.server.ApiFields.CODE_VALID_DAYS;
import static org.computecap.server.ApiFields.INSURER_ID;
import static org.computecap.server.ApiFields.TOKEN;
import static org.computecap.server.ApiFields.TOKEN_VALID_DAYS;

import java.util.ArrayList;
import java.util.List;
import org.computecap.engine.Event;
import org.computecap.engine.access.EnrolmentCodeIssued;
import org.computecap.engine.access.TokenIssued;
import org.computecap.engine.command.AccessCommand;
import org.computecap.engine.command.AppointInsurer;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.CompleteEnrolment;
import org.computecap.engine.command.IssueEnrolmentCode;
import org.computecap.engine.command.IssueToken;
import org.computecap.engine.command.RevokeToken;
import org.computecap.engine.command.Role;

/**
 * Who may act for whom, over HTTP, every step a journaled command naming who took it. A regulator
 * issues an enrolment code for an account and hands it over; the account's holder exchanges it for
 * a token the regulator never sees; the holder issues itself further tokens; holders and regulators
 * revoke tokens (401 from the next request on); the participant or a regulator appoints its
 * insurer. Every token and code of an account is listed to its holder. The server makes each
 * secret, shows it once, and journals only its SHA-256.
 */
final class AccessApi {
  private static final String TAG = "access";
  private static final long DAY_MS = 86_400_000L;
  static final int TOKEN_DAYS_DEFAULT = 90;
  static final int CODE_DAYS_DEFAULT = 7;

  /** Failed enrolment attempts a client address may make within {@link #ATTEMPT_WINDOW_MS}. */
  static final int ENROLMENT_ATTEMPTS = 20;

  static final long ATTEMPT_WINDOW_MS = 60_000;

  static final CommandRoute<AppointInsurer> APPOINT_INSURER =
      CommandRoute.of(
              AppointInsurer.class,
              "POST",
              "/api/accounts/{accountId}/insurer",
              Access.ACTOR_OR_REGULATOR,
              "appointInsurer",
              TAG)
          .summary(
              "Appoint the participant's insurer: by the participant or a regulator, never "
                  + "by an insurer")
          .path(ACCOUNT, AppointInsurer::accountId)
          .body(INSURER_ID, AppointInsurer::insurerId)
          .caller(BY, AppointInsurer::appointedBy)
          .actor(ACCOUNT, AppointInsurer::appointedBy)
          .build(v -> new AppointInsurer(v.get(ACCOUNT), v.get(INSURER_ID), v.get(BY)));

  static final List<CommandRoute<?>> COMMANDS = List.of(APPOINT_INSURER);

  private final Services s;
  private final ReadModel model;
  private final AttemptLimiter enrolmentAttempts;

  AccessApi(Services s) {
    this.s = s;
    this.model = s.model();
    this.enrolmentAttempts = new AttemptLimiter(ENROLMENT_ATTEMPTS, ATTEMPT_WINDOW_MS, s.clock());
  }

  List<Route> routes() {
    List<Route> r = new ArrayList<>();
    r.add(
        Route.post("/api/accounts/{accountId}/enrolments")
            .op(
                "issueEnrolmentCode",
                TAG,
                "Issue a one-time enrolment code for an account, to hand to its holder "
                    + "(shown once)")
            .access(Access.REGULATOR)
            .path(ACCOUNT)
            .optional(CODE_VALID_DAYS)
            .command()
            .returns(201, Reply.of(Views.IssuedEnrolment.class))
            .handle(this::issueCode));
    r.add(
        Route.get("/api/accounts/{accountId}/enrolments")
            .op("listEnrolments", TAG, "The account's enrolment codes (never the codes)")
            .access(Access.READER)
            .path(ACCOUNT)
            .query(Call.LIMIT, Call.AFTER)
            .mayNotFind()
            .returns(Reply.page(Views.Enrolment.class))
            .handle(this::enrolments));
    r.add(
        Route.post("/api/enrolments")
            .op(
                "completeEnrolment",
                TAG,
                "Exchange an enrolment code for the account's token (shown once); no other "
                    + "token needed")
            .body(CODE)
            .optional(TOKEN_VALID_DAYS)
            .mayNotFind()
            .rateLimited()
            .command()
            .returns(201, Reply.of(Views.IssuedToken.class))
            .handle(this::enrol));
    r.add(
        Route.post("/api/tokens")
            .op("issueToken", TAG, "Issue another token for the caller's own account (shown once)")
            .access(Access.SIGNED_IN)
            .optional(TOKEN_VALID_DAYS)
            .command()
            .returns(201, Reply.of(Views.IssuedToken.class))
            .handle(this::issueToken));
    r.add(
        Route.get("/api/accounts/{accountId}/tokens")
            .op(
                "listTokens",
                TAG,
                "Every token of the account, who issued it, and whether it is active")
            .access(Access.READER)
            .path(ACCOUNT)
            .query(Call.LIMIT, Call.AFTER)
            .mayNotFind()
            .returns(Reply.page(Views.Token.class))
            .handle(this::tokens));
    r.add(
        Route.delete("/api/tokens/{tokenId}")
            .op(
                "revokeToken",
                TAG,
                "Revoke a token at once: one's own, or any for a regulator; others' are 404")
            .access(Access.SIGNED_IN)
            .path(TOKEN)
            .mayNotFind()
            .command()
            .returns(Reply.of(Views.CommandResult.class))
            .handle(this::revoke));
    r.add(APPOINT_INSURER.route(s));
    return r;
  }

  private void issueCode(Call call) {
    long account = call.get(ACCOUNT);
    String code = Credentials.newEnrolmentCode();
    long expires = s.clock().millis() + call.get(CODE_VALID_DAYS, CODE_DAYS_DEFAULT) * DAY_MS;
    long by = call.caller().principal();
    submitThen(
        s,
        call,
        new IssueEnrolmentCode(account, Credentials.hash(code), by, expires),
        e ->
            e instanceof EnrolmentCodeIssued i
                ? new Views.IssuedEnrolment(i.enrolmentId(), account, code, i.expiresTick())
                : null);
  }

  private void enrol(Call call) {
    String codeHash = knownCodeHash(call, enrolmentAttempts, model.enrolmentIdsByHash::containsKey);
    String token = Credentials.newToken();
    long expires = s.clock().millis() + call.get(TOKEN_VALID_DAYS, TOKEN_DAYS_DEFAULT) * DAY_MS;
    submitThen(
        s,
        call,
        new CompleteEnrolment(codeHash, Credentials.hash(token), expires),
        e -> e instanceof TokenIssued t ? issued(t, token) : null);
  }

  private void issueToken(Call call) {
    if (call.caller().isPerson()) {
      // A person's token acts as the person; an account token would act as nobody (issue 15).
      throw ApiException.forbidden("a person's token does not issue account tokens");
    }
    long holder = call.caller().principal();
    String token = Credentials.newToken();
    long expires = s.clock().millis() + call.get(TOKEN_VALID_DAYS, TOKEN_DAYS_DEFAULT) * DAY_MS;
    submitThen(
        s,
        call,
        new IssueToken(holder, Credentials.hash(token), holder, expires),
        e -> e instanceof TokenIssued t ? issued(t, token) : null);
  }

  private Views.IssuedToken issued(TokenIssued t, String token) {
    Role role =
        t.accountId() == AccessCommand.MARKET_REGULATOR
            ? Role.REGULATOR
            : model.roleOf(t.accountId());
    return new Views.IssuedToken(t.tokenId(), t.accountId(), role, token, t.expiresTick());
  }

  private void revoke(Call call) {
    long id = call.get(TOKEN);
    ReadModel.TokenEntry t = model.tokens.get(id);
    if (t == null || !(call.caller().isRegulator() || t.accountId() == call.caller().principal())) {
      throw ApiException.notFound("no token " + id);
    }
    CommandRoute.submit(s, call, new RevokeToken(id, call.caller().principal()), false);
  }

  /**
   * The hash of the request's enrolment code when {@code known} knows it: 429 while the client's
   * address has failed too often, 404 (counted as a failure, and not journaled: a public route must
   * not let anyone fill the journal with guesses) for an unknown code.
   */
  static String knownCodeHash(
      Call call, AttemptLimiter attempts, java.util.function.Predicate<String> known) {
    String address = call.clientAddress();
    long wait = attempts.retryAfterSeconds(address);
    if (wait > 0) {
      throw ApiException.tooManyAttempts(
          "too many failed enrolment attempts from this address; retry after " + wait + " s", wait);
    }
    String codeHash = Credentials.hash(call.get(CODE));
    if (!known.test(codeHash)) {
      attempts.failed(address);
      throw ApiException.notFound("no such enrolment code");
    }
    return codeHash;
  }

  /** Submits a command; on acceptance answers what {@code view} makes of its events. */
  static void submitThen(
      Services s, Call call, Command command, java.util.function.Function<Event, Object> view) {
    call.replyLater(
        s.sequencer().submit(command),
        applied -> {
          if (!applied.result().isAccepted()) {
            String code = applied.result().rejection().code();
            return new Call.Answer(
                409, new Views.Error(code, "the engine rejected the command: " + code, null));
          }
          for (Event e : applied.result().events()) {
            Object body = view.apply(e);
            if (body != null) {
              return new Call.Answer(call.route().status(), body);
            }
          }
          throw new AssertionError("no event to answer " + command + " with");
        });
  }

  /** The principal named in the path, if the caller may read its credentials. */
  private long credentialsOwner(Call call) {
    long id = call.get(ACCOUNT);
    if (id == AccessCommand.MARKET_REGULATOR && call.caller().isRegulator()) {
      return id;
    }
    return AccountApi.readable(call, model).directory().accountId();
  }

  private void tokens(Call call) {
    long account = credentialsOwner(call);
    AppendOnlyList<Long> ids = model.histories(account).tokens;
    AppendOnlyList.Slice<Long> slice = ids.page(call.after(), call.limit(), id -> id, id -> true);
    long now = s.clock().millis();
    List<Views.Token> out = new ArrayList<>();
    for (long id : slice.items()) {
      ReadModel.TokenEntry t = model.tokens.get(id);
      out.add(
          new Views.Token(
              t.tokenId(),
              t.accountId(),
              t.issuedBy(),
              t.enrolmentId() == 0 ? null : t.enrolmentId(),
              t.issuedTick(),
              t.expiresTick(),
              t.revoked()
                  ? Views.TokenStatus.REVOKED
                  : now >= t.expiresTick() ? Views.TokenStatus.EXPIRED : Views.TokenStatus.ACTIVE,
              t.revoked() ? t.revokedBy() : null));
    }
    call.reply(
        new Views.Page<>(
            out, slice.more() && !out.isEmpty() ? out.get(out.size() - 1).tokenId() : null));
  }

  private void enrolments(Call call) {
    long account = credentialsOwner(call);
    AppendOnlyList<Long> ids = model.histories(account).enrolments;
    AppendOnlyList.Slice<Long> slice = ids.page(call.after(), call.limit(), id -> id, id -> true);
    long now = s.clock().millis();
    List<Views.Enrolment> out = new ArrayList<>();
    for (long id : slice.items()) {
      ReadModel.EnrolmentEntry e = model.enrolments.get(id);
      out.add(
          new Views.Enrolment(
              e.enrolmentId(),
              e.accountId(),
              e.issuedBy(),
              e.issuedTick(),
              e.expiresTick(),
              e.tokenId() != 0
                  ? Views.EnrolmentStatus.COMPLETED
                  : now >= e.expiresTick()
                      ? Views.EnrolmentStatus.EXPIRED
                      : Views.EnrolmentStatus.PENDING,
              e.tokenId() == 0 ? null : e.tokenId()));
    }
    call.reply(
        new Views.Page<>(
            out, slice.more() && !out.isEmpty() ? out.get(out.size() - 1).enrolmentId() : null));
  }
}
