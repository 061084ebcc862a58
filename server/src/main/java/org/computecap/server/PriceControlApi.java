package org.computecap.server;

import static org.computecap.server.ApiFields.ACCOUNT_ID;
import static org.computecap.server.ApiFields.BID;
import static org.computecap.server.ApiFields.BID_ID;
import static org.computecap.server.ApiFields.PERIOD;
import static org.computecap.server.ApiFields.QUANTITY;

import java.util.List;
import org.computecap.engine.command.BuyAtCeiling;
import org.computecap.engine.command.ClearReserveSale;
import org.computecap.engine.command.OpenReserveSale;
import org.computecap.engine.command.SubmitReserveBid;
import org.computecap.engine.command.WithdrawReserveBid;

/**
 * Issue 14's price containment reserve sales and the price ceiling over HTTP: a regulator opens and
 * clears reserve sales; a participant bids in them, withdraws its bid while the sale is open, and
 * buys at the ceiling for itself. The balances they move show on the accounts; docs/rules.md states
 * the rules.
 */
final class PriceControlApi {
  private static final String TAG = "price-controls";
  static final Field<Long> SALE = Field.int64("saleId", "the price containment reserve sale");
  static final Field<Long> SALE_ID = Field.int64("saleId", "the new reserve sale's id");

  static final CommandRoute<OpenReserveSale> OPEN_RESERVE_SALE =
      CommandRoute.of(
              OpenReserveSale.class,
              "POST",
              "/api/reserve-sales",
              Access.REGULATOR,
              "openReserveSale",
              TAG)
          .summary("Open a price containment reserve sale in the current period")
          .body(SALE_ID, OpenReserveSale::saleId)
          .body(PERIOD, OpenReserveSale::period)
          .creates()
          .build(v -> new OpenReserveSale(v.get(SALE_ID), v.get(PERIOD)));

  static final CommandRoute<SubmitReserveBid> SUBMIT_RESERVE_BID =
      CommandRoute.of(
              SubmitReserveBid.class,
              "POST",
              "/api/reserve-sales/{saleId}/bids",
              Access.ACTOR,
              "submitReserveBid",
              TAG)
          .summary("Bid for reserve permits up to one's unmet obligation")
          .path(SALE, SubmitReserveBid::saleId)
          .body(BID_ID, SubmitReserveBid::bidId)
          .body(ACCOUNT_ID, SubmitReserveBid::accountId)
          .body(QUANTITY, SubmitReserveBid::quantity)
          .actor(ACCOUNT_ID, SubmitReserveBid::accountId)
          .creates()
          .build(
              v ->
                  new SubmitReserveBid(
                      v.get(SALE), v.get(BID_ID), v.get(ACCOUNT_ID), v.get(QUANTITY)));

  static final CommandRoute<ClearReserveSale> CLEAR_RESERVE_SALE =
      CommandRoute.of(
              ClearReserveSale.class,
              "POST",
              "/api/reserve-sales/{saleId}/clear",
              Access.REGULATOR,
              "clearReserveSale",
              TAG)
          .summary(
              "Clear a reserve sale: tiers in ascending price, an oversubscribed tier pro rata")
          .path(SALE, ClearReserveSale::saleId)
          .build(v -> new ClearReserveSale(v.get(SALE)));

  static final CommandRoute<BuyAtCeiling> BUY_AT_CEILING =
      CommandRoute.of(
              BuyAtCeiling.class,
              "POST",
              "/api/price-ceiling/purchases",
              Access.ACTOR,
              "buyAtCeiling",
              TAG)
          .summary("Buy permits at the price ceiling, up to one's unmet obligation")
          .body(ACCOUNT_ID, BuyAtCeiling::accountId)
          .body(QUANTITY, BuyAtCeiling::quantity)
          .actor(ACCOUNT_ID, BuyAtCeiling::accountId)
          .build(v -> new BuyAtCeiling(v.get(ACCOUNT_ID), v.get(QUANTITY)));

  /**
   * The bidder names itself: the engine refuses another account's bid (BID_NOT_OWNED_BY_ACCOUNT).
   */
  static final CommandRoute<WithdrawReserveBid> WITHDRAW_RESERVE_BID =
      CommandRoute.of(
              WithdrawReserveBid.class,
              "POST",
              "/api/reserve-sales/{saleId}/bids/{bidId}/withdraw",
              Access.ACTOR,
              "withdrawReserveBid",
              TAG)
          .summary("Withdraw one's own bid while the reserve sale is open")
          .path(SALE, WithdrawReserveBid::saleId)
          .path(BID, WithdrawReserveBid::bidId)
          .body(ACCOUNT_ID, WithdrawReserveBid::accountId)
          .actor(ACCOUNT_ID, WithdrawReserveBid::accountId)
          .build(v -> new WithdrawReserveBid(v.get(SALE), v.get(BID), v.get(ACCOUNT_ID)));

  static final List<CommandRoute<?>> COMMANDS =
      List.of(
          OPEN_RESERVE_SALE,
          SUBMIT_RESERVE_BID,
          CLEAR_RESERVE_SALE,
          BUY_AT_CEILING,
          WITHDRAW_RESERVE_BID);

  private final Services s;

  PriceControlApi(Services s) {
    this.s = s;
  }

  List<Route> routes() {
    return COMMANDS.stream().<Route>map(r -> r.route(s)).toList();
  }
}
