package org.computecap.server;

import static org.computecap.server.ApiFields.ACCOUNT;
import static org.computecap.server.ApiFields.ACCOUNT_ID;
import static org.computecap.server.ApiFields.AMOUNT_CENTS;
import static org.computecap.server.ApiFields.FROM_ACCOUNT_ID;
import static org.computecap.server.ApiFields.PERIOD;
import static org.computecap.server.ApiFields.QUANTITY;
import static org.computecap.server.ApiFields.TO_ACCOUNT_ID;
import static org.computecap.server.ApiFields.VINTAGE;

import java.util.List;
import org.computecap.engine.command.CancelPermits;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.IssuePermits;
import org.computecap.engine.command.SurrenderPermits;
import org.computecap.engine.command.TransferPermits;
import org.computecap.engine.command.WithdrawCash;

/** The registry's commands over HTTP: cash in and out, issuance, transfer, surrender, cancel. */
final class RegistryApi {
  private static final String TAG = "registry";

  static final CommandRoute<DepositCash> DEPOSIT =
      CommandRoute.of(
              DepositCash.class,
              "POST",
              "/api/accounts/{accountId}/deposits",
              Access.ACTOR_OR_REGULATOR,
              "depositCash",
              TAG)
          .summary("Deposit cash")
          .path(ACCOUNT, DepositCash::accountId)
          .body(AMOUNT_CENTS, DepositCash::amountCents)
          .actor(ACCOUNT, c -> CommandRequests.REGULATOR)
          .build(v -> new DepositCash(v.get(ACCOUNT), v.get(AMOUNT_CENTS)));

  static final CommandRoute<WithdrawCash> WITHDRAW =
      CommandRoute.of(
              WithdrawCash.class,
              "POST",
              "/api/accounts/{accountId}/withdrawals",
              Access.ACTOR,
              "withdrawCash",
              TAG)
          .summary("Withdraw cash (the holder only, never a regulator)")
          .path(ACCOUNT, WithdrawCash::accountId)
          .body(AMOUNT_CENTS, WithdrawCash::amountCents)
          .actor(ACCOUNT, WithdrawCash::accountId)
          .build(v -> new WithdrawCash(v.get(ACCOUNT), v.get(AMOUNT_CENTS)));

  static final CommandRoute<IssuePermits> ISSUE =
      CommandRoute.of(
              IssuePermits.class, "POST", "/api/issuances", Access.REGULATOR, "issuePermits", TAG)
          .summary("Issue permits of the current vintage into an account")
          .body(ACCOUNT_ID, IssuePermits::accountId)
          .body(VINTAGE, IssuePermits::vintage)
          .body(QUANTITY, IssuePermits::quantity)
          .build(v -> new IssuePermits(v.get(ACCOUNT_ID), v.get(VINTAGE), v.get(QUANTITY)));

  static final CommandRoute<TransferPermits> TRANSFER =
      CommandRoute.of(
              TransferPermits.class, "POST", "/api/transfers", Access.ACTOR, "transferPermits", TAG)
          .summary("Transfer permits to another account")
          .body(FROM_ACCOUNT_ID, TransferPermits::fromAccountId)
          .body(TO_ACCOUNT_ID, TransferPermits::toAccountId)
          .body(VINTAGE, TransferPermits::vintage)
          .body(QUANTITY, TransferPermits::quantity)
          .actor(FROM_ACCOUNT_ID, TransferPermits::fromAccountId)
          .build(
              v ->
                  new TransferPermits(
                      v.get(FROM_ACCOUNT_ID),
                      v.get(TO_ACCOUNT_ID),
                      v.get(VINTAGE),
                      v.get(QUANTITY)));

  static final CommandRoute<SurrenderPermits> SURRENDER =
      CommandRoute.of(
              SurrenderPermits.class,
              "POST",
              "/api/accounts/{accountId}/surrenders",
              Access.ACTOR,
              "surrenderPermits",
              TAG)
          .summary("Surrender permits against a period's obligation (oldest vintage first)")
          .path(ACCOUNT, SurrenderPermits::accountId)
          .body(PERIOD, SurrenderPermits::period)
          .body(QUANTITY, SurrenderPermits::quantity)
          .actor(ACCOUNT, SurrenderPermits::accountId)
          .build(v -> new SurrenderPermits(v.get(ACCOUNT), v.get(PERIOD), v.get(QUANTITY)));

  static final CommandRoute<CancelPermits> CANCEL =
      CommandRoute.of(
              CancelPermits.class,
              "POST",
              "/api/accounts/{accountId}/cancellations",
              Access.ACTOR,
              "cancelPermits",
              TAG)
          .summary("Cancel (voluntarily retire) permits")
          .path(ACCOUNT, CancelPermits::accountId)
          .body(VINTAGE, CancelPermits::vintage)
          .body(QUANTITY, CancelPermits::quantity)
          .actor(ACCOUNT, CancelPermits::accountId)
          .build(v -> new CancelPermits(v.get(ACCOUNT), v.get(VINTAGE), v.get(QUANTITY)));

  static final List<CommandRoute<?>> COMMANDS =
      List.of(DEPOSIT, WITHDRAW, ISSUE, TRANSFER, SURRENDER, CANCEL);

  private final Services s;

  RegistryApi(Services s) {
    this.s = s;
  }

  List<Route> routes() {
    List<Route> r = CommandRoute.routes(COMMANDS, s);
    r.add(
        AccountApi.history(
            s, "/surrenders", "listSurrenders", TAG, "Surrendered permits", h -> h.surrenders));
    return r;
  }
}
