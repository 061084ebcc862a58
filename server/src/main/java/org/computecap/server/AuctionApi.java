package org.computecap.server;

import static org.computecap.server.ApiFields.ACCOUNT_ID;
import static org.computecap.server.ApiFields.AUCTION;
import static org.computecap.server.ApiFields.AUCTION_ID;
import static org.computecap.server.ApiFields.BID;
import static org.computecap.server.ApiFields.BID_ID;
import static org.computecap.server.ApiFields.LIMIT_PRICE_CENTS;
import static org.computecap.server.ApiFields.PERIOD;
import static org.computecap.server.ApiFields.QUANTITY;

import java.util.ArrayList;
import java.util.List;
import org.computecap.engine.command.ClearAuction;
import org.computecap.engine.command.OpenAuction;
import org.computecap.engine.command.SubmitBid;
import org.computecap.engine.command.WithdrawBid;

/**
 * Primary auctions over HTTP: opening and clearing (regulators), sealed bids (their bidders), and
 * reading them; bids are visible to their bidder, regulators and auditors only.
 */
final class AuctionApi {
  private static final String TAG = "auctions";

  static final CommandRoute<OpenAuction> OPEN_AUCTION =
      CommandRoute.of(
              OpenAuction.class, "POST", "/api/auctions", Access.REGULATOR, "openAuction", TAG)
          .summary("Open a primary auction")
          .body(AUCTION_ID, OpenAuction::auctionId)
          .body(PERIOD, OpenAuction::period)
          .body(QUANTITY, OpenAuction::quantity)
          .creates()
          .build(v -> new OpenAuction(v.get(AUCTION_ID), v.get(PERIOD), v.get(QUANTITY)));

  static final CommandRoute<SubmitBid> SUBMIT_BID =
      CommandRoute.of(
              SubmitBid.class,
              "POST",
              "/api/auctions/{auctionId}/bids",
              Access.ACTOR,
              "submitBid",
              TAG)
          .summary("Submit a sealed bid (its cash is reserved until clearing)")
          .path(AUCTION, SubmitBid::auctionId)
          .body(BID_ID, SubmitBid::bidId)
          .body(ACCOUNT_ID, SubmitBid::accountId)
          .body(QUANTITY, SubmitBid::quantity)
          .body(LIMIT_PRICE_CENTS, SubmitBid::limitPriceCents)
          .actor(ACCOUNT_ID, SubmitBid::accountId)
          .creates()
          .build(
              v ->
                  new SubmitBid(
                      v.get(AUCTION),
                      v.get(BID_ID),
                      v.get(ACCOUNT_ID),
                      v.get(QUANTITY),
                      v.get(LIMIT_PRICE_CENTS)));

  static final CommandRoute<WithdrawBid> WITHDRAW_BID =
      CommandRoute.of(
              WithdrawBid.class,
              "DELETE",
              "/api/auctions/{auctionId}/bids/{bidId}",
              Access.ACTOR,
              "withdrawBid",
              TAG)
          .summary("Withdraw one's own bid")
          .path(AUCTION, WithdrawBid::auctionId)
          .path(BID, WithdrawBid::bidId)
          .build(v -> new WithdrawBid(v.get(AUCTION), v.get(BID)));

  static final CommandRoute<ClearAuction> CLEAR_AUCTION =
      CommandRoute.of(
              ClearAuction.class,
              "POST",
              "/api/auctions/{auctionId}/clear",
              Access.REGULATOR,
              "clearAuction",
              TAG)
          .summary("Clear an auction at one uniform price")
          .path(AUCTION, ClearAuction::auctionId)
          .build(v -> new ClearAuction(v.get(AUCTION)));

  static final List<CommandRoute<?>> COMMANDS =
      List.of(OPEN_AUCTION, SUBMIT_BID, WITHDRAW_BID, CLEAR_AUCTION);

  private final Services s;
  private final ReadModel model;

  AuctionApi(Services s) {
    this.s = s;
    this.model = s.model();
  }

  List<Route> routes() {
    List<Route> r = new ArrayList<>();
    r.add(OPEN_AUCTION.route(s));
    r.add(
        Route.get("/api/auctions")
            .op("listAuctions", TAG, "Primary auctions")
            .query(Call.LIMIT, Call.AFTER)
            .returns(Reply.page(Views.Auction.class))
            .handle(call -> call.reply(auctions(call.after(), call.limit()))));
    r.add(
        Route.get("/api/auctions/{auctionId}")
            .op("getAuction", TAG, "One primary auction")
            .path(AUCTION)
            .mayNotFind()
            .returns(Reply.of(Views.Auction.class))
            .handle(call -> call.reply(auction(call.get(AUCTION)).auction())));
    r.add(SUBMIT_BID.route(s));
    r.add(
        Route.get("/api/auctions/{auctionId}/bids")
            .op(
                "listBids",
                TAG,
                "Bids of an auction: all for regulators and auditors, one's own otherwise")
            .access(Access.SIGNED_IN)
            .path(AUCTION)
            .query(Call.LIMIT, Call.AFTER)
            .mayNotFind()
            .returns(Reply.page(Views.Bid.class))
            .handle(call -> call.reply(bids(call))));
    r.add(WITHDRAW_BID.routeResolving(s, this::bidOwner, true));
    r.add(CLEAR_AUCTION.route(s));
    return r;
  }

  private ReadModel.AuctionEntry auction(long id) {
    ReadModel.AuctionEntry a = model.auctions.get(id);
    if (a == null) {
      throw ApiException.notFound("no auction " + id);
    }
    return a;
  }

  private Views.Page<Views.Auction> auctions(long after, int limit) {
    return Pages.after(model.auctions, after, limit, a -> true, ReadModel.AuctionEntry::auction);
  }

  private Views.Page<Views.Bid> bids(Call call) {
    return Pages.after(
        auction(call.get(AUCTION)).bids(),
        call.after(),
        call.limit(),
        b -> call.caller().mayRead(b.accountId()),
        b -> b);
  }

  /** Withdrawing: the bid must be the caller's own (404 otherwise, as if it did not exist). */
  private void bidOwner(Call call, Values v) {
    ReadModel.AuctionEntry a = model.auctions.get(v.get(AUCTION));
    Views.Bid b = a == null ? null : a.bids().get(v.get(BID));
    if (b == null || b.accountId() != call.caller().principal()) {
      throw ApiException.notFound("no bid " + v.get(BID) + " in auction " + v.get(AUCTION));
    }
  }
}
