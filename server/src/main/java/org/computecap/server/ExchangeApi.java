package org.computecap.server;

import static org.computecap.server.ApiFields.ACCOUNT;
import static org.computecap.server.ApiFields.ACCOUNT_ID;
import static org.computecap.server.ApiFields.ORDER;
import static org.computecap.server.ApiFields.OWNER;
import static org.computecap.server.ApiFields.PRICE_CENTS;
import static org.computecap.server.ApiFields.QUANTITY;
import static org.computecap.server.ApiFields.SIDE;
import static org.computecap.server.ApiFields.TYPE;
import static org.computecap.server.ApiFields.VINTAGE;
import static org.computecap.server.ApiFields.VINTAGE_PATH;

import java.util.ArrayList;
import java.util.List;
import org.computecap.engine.command.CancelOrder;
import org.computecap.engine.command.PlaceOrder;
import org.computecap.engine.command.RunCallAuction;
import org.computecap.engine.command.StartCallAuction;

/**
 * The exchange over HTTP: placing and cancelling orders, reading them, call auctions. Another
 * participant's order is answered 404, exactly like an order that does not exist, so order ids
 * cannot be used to learn who trades.
 */
final class ExchangeApi {
  private static final String TAG = "exchange";

  static final CommandRoute<PlaceOrder> PLACE_ORDER =
      CommandRoute.of(PlaceOrder.class, "POST", "/api/orders", Access.ACTOR, "placeOrder", TAG)
          .summary(
              "Place an order; the market gives it the next order id (201 with orderId). "
                  + "priceCents is 0 for MARKET")
          .body(ACCOUNT_ID, PlaceOrder::accountId)
          .body(SIDE, PlaceOrder::side)
          .body(TYPE, PlaceOrder::type)
          .body(PRICE_CENTS, PlaceOrder::priceCents)
          .body(QUANTITY, PlaceOrder::quantity)
          .body(VINTAGE, PlaceOrder::vintage)
          .actor(ACCOUNT_ID, PlaceOrder::accountId)
          .placesOrder()
          .build(
              v ->
                  new PlaceOrder(
                      v.get(ACCOUNT_ID),
                      v.get(SIDE),
                      v.get(TYPE),
                      v.get(PRICE_CENTS),
                      v.get(QUANTITY),
                      v.get(VINTAGE)));

  static final CommandRoute<CancelOrder> CANCEL_ORDER =
      CommandRoute.of(
              CancelOrder.class,
              "DELETE",
              "/api/orders/{orderId}",
              Access.ACTOR,
              "cancelOrder",
              TAG)
          .summary("Cancel one's own resting order")
          .path(ORDER, CancelOrder::orderId)
          .sentBy(CancelOrder::accountId)
          .build(v -> new CancelOrder(v.get(ORDER), v.get(OWNER)));

  static final CommandRoute<StartCallAuction> START_CALL =
      CommandRoute.of(
              StartCallAuction.class,
              "POST",
              "/api/books/{vintage}/call-auction/start",
              Access.REGULATOR,
              "startCallAuction",
              TAG)
          .summary("Open a call phase on a book")
          .path(VINTAGE_PATH, StartCallAuction::vintage)
          .build(v -> new StartCallAuction(v.get(VINTAGE_PATH)));

  static final CommandRoute<RunCallAuction> RUN_CALL =
      CommandRoute.of(
              RunCallAuction.class,
              "POST",
              "/api/books/{vintage}/call-auction/run",
              Access.REGULATOR,
              "runCallAuction",
              TAG)
          .summary("Run the call auction at one uniform price")
          .path(VINTAGE_PATH, RunCallAuction::vintage)
          .build(v -> new RunCallAuction(v.get(VINTAGE_PATH)));

  static final List<CommandRoute<?>> COMMANDS =
      List.of(PLACE_ORDER, CANCEL_ORDER, START_CALL, RUN_CALL);

  private final Services s;

  ExchangeApi(Services s) {
    this.s = s;
  }

  List<Route> routes() {
    List<Route> r = new ArrayList<>();
    r.add(PLACE_ORDER.route(s));
    r.add(
        Route.get("/api/orders/{orderId}")
            .op(
                "getOrder",
                TAG,
                "One order with what is left of it: one's own, or any for regulators and "
                    + "auditors; others' are 404 like missing ones")
            .access(Access.SIGNED_IN)
            .path(ORDER)
            .mayNotFind()
            .returns(Reply.of(Views.Order.class))
            .handle(call -> call.reply(visibleOrder(call, s.model(), call.get(ORDER)))));
    r.add(CANCEL_ORDER.routeResolving(s, this::owner, true));
    r.add(
        Route.get("/api/accounts/{accountId}/orders")
            .op("listAccountOrders", TAG, "The account's orders, oldest first")
            .access(Access.READER)
            .path(ACCOUNT)
            .query(Call.LIMIT, Call.AFTER)
            .mayNotFind()
            .returns(Reply.page(Views.Order.class))
            .handle(
                call -> {
                  AccountApi.readable(call, s.model());
                  call.reply(s.model().orders.page(call.get(ACCOUNT), call.after(), call.limit()));
                }));
    r.add(START_CALL.route(s));
    r.add(RUN_CALL.route(s));
    return r;
  }

  /** The order if the caller may see it; 404 alike for a missing and for another's order. */
  static Views.Order visibleOrder(Call call, ReadModel model, long id) {
    Views.Order o = model.orders.get(id);
    if (o == null || !call.caller().mayRead(o.accountId())) {
      throw ApiException.notFound("no order " + id);
    }
    return o;
  }

  /** Cancelling: the order must be the caller's own (404 otherwise, as if it did not exist). */
  private void owner(Call call, Values v) {
    long id = v.get(ORDER);
    Views.Order o = s.model().orders.get(id);
    if (o == null || o.accountId() != call.caller().principal()) {
      throw ApiException.notFound("no order " + id);
    }
    v.put(OWNER, o.accountId());
  }
}
