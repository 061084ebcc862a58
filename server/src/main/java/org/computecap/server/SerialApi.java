package org.computecap.server;

import static org.computecap.server.ApiFields.ACCOUNT;

import java.util.ArrayList;
import java.util.List;
import org.computecap.engine.registry.SystemAccount;

/**
 * Serial numbers over HTTP (issue 15), with the role rules of holdings: the ranges an account holds
 * and its audit trail are read by its holder, regulators and auditors; who holds one serial is
 * answered when the holder is a system account (retirement, expiry...) or an account the caller may
 * read, and otherwise as 404, as if the serial were not issued, so a participant learns nothing of
 * another's holdings; the whole market's audit trail is for regulators and auditors. Reads come
 * from {@link SerialProjection}.
 */
final class SerialApi {
  private static final String TAG = "serials";
  static final Field<Integer> VINTAGE =
      Field.int32("vintage", 0, Integer.MAX_VALUE, "the serial's vintage");
  static final Field<Long> SERIAL =
      Field.int64("serial", 1, Long.MAX_VALUE, "the serial number, from 1 within its vintage");

  private final ReadModel model;

  SerialApi(Services s) {
    this.model = s.model();
  }

  List<Route> routes() {
    List<Route> r = new ArrayList<>();
    r.add(
        Route.get("/api/accounts/{accountId}/serials")
            .op(
                "getSerials",
                TAG,
                "The serial ranges an account holds per vintage, lowest first (free and reserved)")
            .access(Access.READER)
            .path(ACCOUNT)
            .mayNotFind()
            .returns(Reply.of(SerialProjection.AccountSerials.class))
            .handle(
                call -> {
                  long id = AccountApi.readable(call, model).account().accountId();
                  call.reply(model.serials.account(id));
                }));
    r.add(
        Route.get("/api/accounts/{accountId}/serial-trail")
            .op(
                "getSerialTrail",
                TAG,
                "Every serial range the account sent or received, oldest first: the audit trail")
            .access(Access.READER)
            .path(ACCOUNT)
            .query(Call.LIMIT, Call.AFTER)
            .mayNotFind()
            .returns(Reply.page(SerialProjection.Move.class))
            .handle(
                call -> {
                  long id = AccountApi.readable(call, model).account().accountId();
                  call.reply(model.serials.trail(id, call.after(), call.limit(), call.caller()));
                }));
    r.add(
        Route.get("/api/serial-trail")
            .op("getMarketSerialTrail", TAG, "The whole market's serial audit trail, oldest first")
            .access(Access.SUPERVISOR)
            .query(Call.LIMIT, Call.AFTER)
            .returns(Reply.page(SerialProjection.Move.class))
            .handle(
                call ->
                    call.reply(
                        model.serials.trail(null, call.after(), call.limit(), call.caller()))));
    r.add(
        Route.get("/api/serials/{vintage}/{serial}")
            .op("getSerialHolder", TAG, "The account that holds one serial number")
            .access(Access.SIGNED_IN)
            .path(VINTAGE, SERIAL)
            .mayNotFind()
            .returns(Reply.of(SerialProjection.SerialHolder.class))
            .handle(
                call -> {
                  int vintage = call.get(VINTAGE);
                  long serial = call.get(SERIAL);
                  long holder = model.serials.holder(vintage, serial);
                  SystemAccount system = SystemAccount.byId(holder);
                  if (holder == 0 || system == null && !call.caller().mayRead(holder)) {
                    throw ApiException.notFound(
                        "serial "
                            + serial
                            + " of vintage "
                            + vintage
                            + " is not held by an account the caller may read");
                  }
                  call.reply(
                      new SerialProjection.SerialHolder(
                          vintage, serial, holder, system == null ? null : system.accountName()));
                }));
    return r;
  }
}
