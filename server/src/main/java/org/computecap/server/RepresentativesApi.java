package org.computecap.server;

import static org.computecap.server.ApiFields.ACCOUNT;
import static org.computecap.server.ApiFields.ACCOUNT_ID;
import static org.computecap.server.ApiFields.BY;
import static org.computecap.server.ApiFields.CODE;
import static org.computecap.server.ApiFields.CODE_VALID_DAYS;
import static org.computecap.server.ApiFields.NAME;
import static org.computecap.server.ApiFields.TOKEN_VALID_DAYS;

import java.util.ArrayList;
import java.util.List;
import org.computecap.engine.command.AddTrustedAccount;
import org.computecap.engine.command.ApproveTransaction;
import org.computecap.engine.command.CancelTransaction;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.CompletePersonEnrolment;
import org.computecap.engine.command.Initiate;
import org.computecap.engine.command.IssuePersonEnrolmentCode;
import org.computecap.engine.command.RegisterPerson;
import org.computecap.engine.command.RemoveTrustedAccount;
import org.computecap.engine.command.RevokePersonToken;
import org.computecap.engine.command.SetRepresentative;
import org.computecap.engine.representatives.PersonEnrolmentCodeIssued;
import org.computecap.engine.representatives.PersonTokenIssued;
import org.computecap.engine.representatives.RepresentativeState;

/**
 * Authorised representatives over HTTP (issue 15). A regulator registers persons, sets who
 * initiates and who approves for an account, and issues a person a one-time enrolment code for one
 * account they represent; the person exchanges it for a token (shown once). A request with a
 * person's token acts for that account as that person: every command it sends is journaled as
 * {@code Initiate(person, command)}, so the engine applies four-eyes and the trusted list, and a
 * command that must wait answers with its waiting transaction. Another representative approves or
 * rejects it here; a representative cancels a delayed transfer while it waits. A person revokes
 * their own token; a regulator's person revokes anyone's.
 */
final class RepresentativesApi {
  private static final String TAG = "representatives";
  private static final long DAY_MS = 86_400_000L;

  static final Field<Long> PERSON = Field.int64("personId", "the person");
  static final Field<Long> TRANSACTION = Field.int64("transactionId", "the waiting transaction");
  static final Field<Grade> GRADE = Field.enumOf("grade", Grade.class, "SENIOR for reversals");
  static final Field<Rights> RIGHTS =
      Field.enumOf("rights", Rights.class, "what the person may do for the account");
  static final Field<Long> TRUSTED_ACCOUNT_ID =
      Field.int64("trustedAccountId", "the account to put on the trusted list");

  /** A person's grade: senior regulators are needed for reversals. */
  enum Grade {
    ORDINARY,
    SENIOR
  }

  /** A person's rights on an account; NONE removes the person from it. */
  enum Rights {
    INITIATOR,
    APPROVER,
    BOTH,
    NONE
  }

  /** A transaction waiting for approval or a delay. */
  record Transaction(
      long transactionId,
      @Views.Nullable Long accountId,
      long initiatorId,
      String command,
      RepresentativeState.Status status,
      long initiatedTick,
      long expiresTick,
      @Views.Nullable Long executeAtTick,
      @Views.Nullable Long approverId) {}

  /** An entry of an account's trusted list. */
  record TrustedAccount(long trustedAccountId, long effectiveTick, boolean inEffect) {}

  /** A representative of an account. */
  record Representative(long personId, String name, boolean initiator, boolean approver) {}

  /** A person's enrolment code, shown once. */
  record IssuedPersonEnrolment(
      long codeId, long personId, long accountId, String code, long expiresTick) {}

  /** A person's token, shown once. */
  record IssuedPersonToken(
      long tokenId, long personId, long accountId, String token, long expiresTick) {}

  static final CommandRoute<RegisterPerson> REGISTER_PERSON =
      CommandRoute.of(
              RegisterPerson.class, "POST", "/api/persons", Access.REGULATOR, "registerPerson", TAG)
          .summary("Register a person who may represent accounts")
          .body(PERSON, RegisterPerson::personId)
          .body(NAME, RegisterPerson::name)
          .body(GRADE, c -> c.senior() ? Grade.SENIOR : Grade.ORDINARY)
          .caller(BY, RegisterPerson::registeredBy)
          .creates()
          .build(
              v ->
                  new RegisterPerson(
                      v.get(PERSON), v.get(NAME), v.get(GRADE) == Grade.SENIOR, v.get(BY)));

  static final CommandRoute<SetRepresentative> SET_REPRESENTATIVE =
      CommandRoute.of(
              SetRepresentative.class,
              "POST",
              "/api/accounts/{accountId}/representatives",
              Access.REGULATOR,
              "setRepresentative",
              TAG)
          .summary("Set a person's rights on an account (NONE removes the person)")
          .path(ACCOUNT, SetRepresentative::accountId)
          .body(PERSON, SetRepresentative::personId)
          .body(RIGHTS, RepresentativesApi::rights)
          .caller(BY, SetRepresentative::setBy)
          .build(
              v -> {
                Rights r = v.get(RIGHTS);
                return new SetRepresentative(
                    v.get(ACCOUNT),
                    v.get(PERSON),
                    r == Rights.INITIATOR || r == Rights.BOTH,
                    r == Rights.APPROVER || r == Rights.BOTH,
                    v.get(BY));
              });

  static final CommandRoute<AddTrustedAccount> ADD_TRUSTED =
      CommandRoute.of(
              AddTrustedAccount.class,
              "POST",
              "/api/accounts/{accountId}/trusted-accounts",
              Access.ACTOR,
              "addTrustedAccount",
              TAG)
          .summary(
              "Put an account on the trusted list (a representative initiates; another approves;"
                  + " it takes effect after the program's delay)")
          .path(ACCOUNT, AddTrustedAccount::accountId)
          .body(TRUSTED_ACCOUNT_ID, AddTrustedAccount::trustedAccountId)
          .actor(ACCOUNT, AddTrustedAccount::accountId)
          .build(v -> new AddTrustedAccount(v.get(ACCOUNT), v.get(TRUSTED_ACCOUNT_ID)));

  static final CommandRoute<RemoveTrustedAccount> REMOVE_TRUSTED =
      CommandRoute.of(
              RemoveTrustedAccount.class,
              "DELETE",
              "/api/accounts/{accountId}/trusted-accounts/{trustedAccountId}",
              Access.ACTOR,
              "removeTrustedAccount",
              TAG)
          .summary("Take an account off the trusted list (a representative; at once)")
          .path(ACCOUNT, RemoveTrustedAccount::accountId)
          .path(TRUSTED_ACCOUNT_ID, RemoveTrustedAccount::trustedAccountId)
          .actor(ACCOUNT, RemoveTrustedAccount::accountId)
          .build(v -> new RemoveTrustedAccount(v.get(ACCOUNT), v.get(TRUSTED_ACCOUNT_ID)));

  static final List<CommandRoute<?>> COMMANDS =
      List.of(REGISTER_PERSON, SET_REPRESENTATIVE, ADD_TRUSTED, REMOVE_TRUSTED);

  private final Services s;
  private final ReadModel model;
  private final AttemptLimiter enrolmentAttempts;

  RepresentativesApi(Services s) {
    this.s = s;
    this.model = s.model();
    this.enrolmentAttempts =
        new AttemptLimiter(AccessApi.ENROLMENT_ATTEMPTS, AccessApi.ATTEMPT_WINDOW_MS, s.clock());
  }

  private static Rights rights(SetRepresentative c) {
    if (c.initiator() && c.approver()) {
      return Rights.BOTH;
    }
    return c.initiator() ? Rights.INITIATOR : c.approver() ? Rights.APPROVER : Rights.NONE;
  }

  /**
   * The command as the caller sends it: a person's request is journaled as theirs ({@code
   * Initiate}); the market, access and representative administration commands are never wrapped.
   */
  static Command asCaller(Caller caller, Command command) {
    if (caller == null || !caller.isPerson() || !Initiate.wraps(command)) {
      return command;
    }
    return new Initiate(caller.personId(), command);
  }

  List<Route> routes() {
    List<Route> r = new ArrayList<>();
    r.add(REGISTER_PERSON.route(s));
    r.add(SET_REPRESENTATIVE.route(s));
    r.add(
        Route.get("/api/accounts/{accountId}/representatives")
            .op("listRepresentatives", TAG, "The account's representatives and their rights")
            .access(Access.READER)
            .path(ACCOUNT)
            .mayNotFind()
            .returns(Reply.list(Representative.class))
            .handle(this::representatives));
    r.add(
        Route.post("/api/persons/{personId}/enrolments")
            .op(
                "issuePersonEnrolmentCode",
                TAG,
                "Issue a person a one-time code for a token acting for one account they represent"
                    + " (shown once)")
            .access(Access.REGULATOR)
            .path(PERSON)
            .body(ACCOUNT_ID)
            .optional(CODE_VALID_DAYS)
            .command()
            .returns(201, Reply.of(IssuedPersonEnrolment.class))
            .handle(this::issueCode));
    r.add(
        Route.post("/api/person-enrolments")
            .op(
                "completePersonEnrolment",
                TAG,
                "Exchange a person's enrolment code for their token (shown once); no token needed")
            .body(CODE)
            .optional(TOKEN_VALID_DAYS)
            .mayNotFind()
            .rateLimited()
            .command()
            .returns(201, Reply.of(IssuedPersonToken.class))
            .handle(this::enrol));
    r.add(ADD_TRUSTED.route(s));
    r.add(REMOVE_TRUSTED.route(s));
    r.add(
        Route.get("/api/accounts/{accountId}/trusted-accounts")
            .op(
                "listTrustedAccounts",
                TAG,
                "The account's trusted list, with the tick from which each entry is in effect")
            .access(Access.READER)
            .path(ACCOUNT)
            .mayNotFind()
            .returns(Reply.list(TrustedAccount.class))
            .handle(this::trusted));
    r.add(
        Route.delete("/api/person-tokens/{tokenId}")
            .op(
                "revokePersonToken",
                TAG,
                "Revoke a person's token: one's own, or any for a regulator's person")
            .access(Access.ACTOR_OR_REGULATOR)
            .path(ApiFields.TOKEN)
            .command()
            .returns(Reply.of(Views.CommandResult.class))
            .handle(
                call -> {
                  Caller c = personOnly(call);
                  CommandRoute.submit(
                      s,
                      call,
                      new RevokePersonToken(call.get(ApiFields.TOKEN), c.personId()),
                      false);
                }));
    r.add(
        Route.get("/api/transactions")
            .op(
                "listTransactions",
                TAG,
                "Transactions waiting for approval or a delay: the caller's account's, or all for"
                    + " regulators and auditors")
            .access(Access.SIGNED_IN)
            .returns(Reply.list(Transaction.class))
            .handle(this::transactions));
    r.add(
        decision(
            "/approval",
            "approveTransaction",
            "Approve a waiting transaction (a person"
                + " other than its initiator; it then executes under the rules of the moment)",
            true));
    r.add(
        decision(
            "/cancellation",
            "cancelTransaction",
            "Reject or cancel a waiting transaction" + " (a representative of its account)",
            false));
    return r;
  }

  private Route decision(String suffix, String operationId, String summary, boolean approve) {
    return Route.post("/api/transactions/{transactionId}" + suffix)
        .op(operationId, TAG, summary)
        .access(Access.ACTOR_OR_REGULATOR)
        .path(TRANSACTION)
        .command()
        .returns(Reply.of(Views.CommandResult.class))
        .handle(
            call -> {
              Caller c = personOnly(call);
              long id = call.get(TRANSACTION);
              Command command =
                  approve
                      ? new ApproveTransaction(id, c.personId())
                      : new CancelTransaction(id, c.personId());
              CommandRoute.submit(s, call, command, false);
            });
  }

  /** The caller, who must be a person (403 for an account's own token, whatever its role). */
  private static Caller personOnly(Call call) {
    Caller c = call.caller();
    if (!c.isPerson()) {
      throw ApiException.forbidden(
          "only a person's token may do this: this token is account " + c.principal() + "'s own");
    }
    return c;
  }

  private void representatives(Call call) {
    long account = AccountApi.readable(call, model).directory().accountId();
    Representation reps = model.representatives;
    List<Representative> out = new ArrayList<>();
    for (RepresentativeState.Right right :
        reps.rightsByAccount().getOrDefault(account, List.of())) {
      RepresentativeState.Person p = reps.persons().get(right.personId());
      out.add(
          new Representative(
              right.personId(), p == null ? "" : p.name(), right.initiator(), right.approver()));
    }
    call.reply(out);
  }

  private void trusted(Call call) {
    long account = AccountApi.readable(call, model).directory().accountId();
    long now = model.head.lastTick();
    List<TrustedAccount> out = new ArrayList<>();
    for (RepresentativeState.TrustedEntry t :
        model.representatives.trusted().getOrDefault(account, List.of())) {
      out.add(
          new TrustedAccount(t.trustedAccountId(), t.effectiveTick(), t.effectiveTick() <= now));
    }
    call.reply(out);
  }

  private void transactions(Call call) {
    Caller c = call.caller();
    List<Transaction> out = new ArrayList<>();
    for (RepresentativeState.Waiting w : model.representatives.open().values()) {
      boolean regulatorSide = w.accountId() < 0;
      if (c.readsEverything() || !regulatorSide && w.accountId() == c.principal()) {
        out.add(
            new Transaction(
                w.transactionId(),
                regulatorSide ? null : w.accountId(),
                w.initiatorId(),
                w.command(),
                w.status(),
                w.initiatedTick(),
                w.expiresTick(),
                w.status() == RepresentativeState.Status.DELAYED ? w.executeAtTick() : null,
                w.approverId() == 0 ? null : w.approverId()));
      }
    }
    call.reply(out);
  }

  private void issueCode(Call call) {
    long person = call.get(PERSON);
    long account = call.get(ACCOUNT_ID);
    if (account < 1) {
      // Over HTTP a regulator's persons represent a regulator account, not the operator (0).
      throw ApiException.badRequest("accountId", "accountId must be >= 1, got " + account);
    }
    String code = Credentials.newEnrolmentCode();
    long expires =
        s.clock().millis() + call.get(CODE_VALID_DAYS, AccessApi.CODE_DAYS_DEFAULT) * DAY_MS;
    AccessApi.submitThen(
        s,
        call,
        new IssuePersonEnrolmentCode(
            person, account, Credentials.hash(code), call.caller().principal(), expires),
        e ->
            e instanceof PersonEnrolmentCodeIssued i
                ? new IssuedPersonEnrolment(i.codeId(), person, account, code, i.expiresTick())
                : null);
  }

  private void enrol(Call call) {
    String codeHash =
        AccessApi.knownCodeHash(
            call, enrolmentAttempts, model.representatives.codesByHash()::containsKey);
    String token = Credentials.newToken();
    long expires =
        s.clock().millis() + call.get(TOKEN_VALID_DAYS, AccessApi.TOKEN_DAYS_DEFAULT) * DAY_MS;
    AccessApi.submitThen(
        s,
        call,
        new CompletePersonEnrolment(codeHash, Credentials.hash(token), expires),
        e ->
            e instanceof PersonTokenIssued t
                ? new IssuedPersonToken(
                    t.tokenId(), t.personId(), t.accountId(), token, t.expiresTick())
                : null);
  }
}
