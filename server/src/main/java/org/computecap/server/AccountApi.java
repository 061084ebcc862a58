package org.computecap.server;

import static org.computecap.server.ApiFields.ACCOUNT;
import static org.computecap.server.ApiFields.ACCOUNT_ID;
import static org.computecap.server.ApiFields.NAME;
import static org.computecap.server.ApiFields.ROLE;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.Role;

/**
 * Accounts: who the caller is, the directory, opening accounts, each account's holdings, cash and
 * compliance, the supervisors' table of participants; and the helper every feature uses for an
 * account's paged histories. Reads come from the read model's account snapshots.
 */
final class AccountApi {
  private static final String TAG = "accounts";

  static final CommandRoute<OpenAccount> OPEN_ACCOUNT =
      CommandRoute.of(
              OpenAccount.class, "POST", "/api/accounts", Access.REGULATOR, "openAccount", TAG)
          .summary("Open an account; its holder then enrols with a code a regulator issues")
          .body(ACCOUNT_ID, OpenAccount::accountId)
          .body(NAME, OpenAccount::name)
          .body(ROLE, OpenAccount::role)
          .creates()
          .build(v -> new OpenAccount(v.get(ACCOUNT_ID), v.get(NAME), v.get(ROLE)));

  static final List<CommandRoute<?>> COMMANDS = List.of(OPEN_ACCOUNT);

  private final Services s;
  private final ReadModel model;

  AccountApi(Services s) {
    this.s = s;
    this.model = s.model();
  }

  List<Route> routes() {
    List<Route> r = new ArrayList<>();
    r.add(
        Route.get("/api/me")
            .op(
                "getMe",
                TAG,
                "The caller's account, role and token id; for a person also their accounts and"
                    + " rights, and for a browser session its CSRF token")
            .access(Access.SIGNED_IN)
            .returns(Reply.of(Views.Me.class))
            .handle(
                call ->
                    call.reply(
                        SignInApi.me(
                            model,
                            call.caller(),
                            call.context().attribute(SessionAuth.SESSION_ATTRIBUTE),
                            s.sessions().options()))));
    r.add(
        Route.get("/api/accounts")
            .op("listAccounts", TAG, "Account directory: id, name, role")
            .access(Access.SIGNED_IN)
            .query(Call.LIMIT, Call.AFTER)
            .returns(Reply.page(Views.DirectoryEntry.class))
            .handle(call -> call.reply(directory(call.after(), call.limit()))));
    r.add(OPEN_ACCOUNT.route(s));
    r.add(
        Route.get("/api/participants")
            .op("listParticipants", TAG, "Every participant's holdings, cash and compliance status")
            .access(Access.SUPERVISOR)
            .query(Call.LIMIT, Call.AFTER)
            .returns(Reply.page(Views.Participant.class))
            .handle(call -> call.reply(participants(call.after(), call.limit()))));
    r.add(
        accountRead(
            "",
            "getAccount",
            "An account: cash, holdings, compliance summary, appointed insurer",
            Views.Account.class,
            a -> a));
    r.add(
        accountRead(
            "/holdings",
            "getHoldings",
            "Permits held per vintage, free and reserved",
            Views.Holdings.class,
            Views.Account::holdings));
    r.add(
        accountRead(
            "/cash", "getCash", "Free and reserved cash", Views.Cash.class, Views.Account::cash));
    return r;
  }

  private <T> Route accountRead(
      String suffix, String op, String summary, Class<T> type, Function<Views.Account, T> part) {
    return Route.get("/api/accounts/{accountId}" + suffix)
        .op(op, TAG, summary)
        .access(Access.READER)
        .path(ACCOUNT)
        .mayNotFind()
        .returns(Reply.of(type))
        .handle(call -> call.reply(part.apply(readable(call, model).account())));
  }

  /** The account named in the path, if the caller may read it (403) and it exists (404). */
  static ReadModel.AccountEntry readable(Call call, ReadModel model) {
    long id = call.get(ACCOUNT);
    if (!call.caller().mayRead(id)) {
      throw ApiException.forbidden(
          "account " + call.caller().principal() + " may not read account " + id);
    }
    ReadModel.AccountEntry a = model.accounts.get(id);
    if (a == null) {
      throw ApiException.notFound("no account " + id);
    }
    return a;
  }

  private Views.Page<Views.DirectoryEntry> directory(long after, int limit) {
    return Pages.after(model.accounts, after, limit, e -> true, ReadModel.AccountEntry::directory);
  }

  private Views.Page<Views.Participant> participants(long after, int limit) {
    return Pages.after(
        model.accounts,
        after,
        limit,
        e -> e.account().role() == Role.PARTICIPANT,
        e -> participant(e.account()));
  }

  private static Views.Participant participant(Views.Account a) {
    return new Views.Participant(
        a.accountId(),
        a.name(),
        a.cash().freeCents(),
        a.cash().reservedCents(),
        a.holdings().freePermits(),
        a.holdings().reservedPermits(),
        a.compliance().unpaidPenaltyCents(),
        a.compliance().makeGoodOwedPermits(),
        a.compliance().lastPeriod(),
        a.compliance().lastStatus());
  }

  /** A paged history of one account, read by its holder, regulators and auditors. */
  static Route history(
      Services s,
      String suffix,
      String op,
      String tag,
      String summary,
      Function<ReadModel.Histories, AppendOnlyList<ReadModel.Row>> list) {
    return Route.get("/api/accounts/{accountId}" + suffix)
        .op(op, tag, summary)
        .access(Access.READER)
        .path(ACCOUNT)
        .query(Call.LIMIT, Call.AFTER)
        .mayNotFind()
        .returns(Reply.page(Views.HistoryRow.class))
        .handle(
            call -> {
              readable(call, s.model());
              AppendOnlyList<ReadModel.Row> rows =
                  list.apply(s.model().histories(call.get(ACCOUNT)));
              call.reply(
                  rows(
                      s.json(),
                      rows.page(call.after(), call.limit(), ReadModel.Row::id, x -> true)));
            });
  }

  /** A page of history rows as the API shows them. */
  @SuppressWarnings("unchecked")
  static Views.Page<Views.HistoryRow> rows(
      ObjectMapper json, AppendOnlyList.Slice<ReadModel.Row> slice) {
    List<Views.HistoryRow> out = new ArrayList<>(slice.items().size());
    for (ReadModel.Row row : slice.items()) {
      Map<String, Object> data = json.convertValue(row.event(), LinkedHashMap.class);
      out.add(
          new Views.HistoryRow(row.id(), row.tick(), row.event().getClass().getSimpleName(), data));
    }
    Long next = slice.more() && !out.isEmpty() ? out.get(out.size() - 1).id() : null;
    return new Views.Page<>(out, next);
  }
}
