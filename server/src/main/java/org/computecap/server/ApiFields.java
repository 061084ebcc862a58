package org.computecap.server;

import org.computecap.engine.command.OrderType;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.Side;
import org.computecap.engine.program.RiskSignal;
import org.computecap.engine.program.Workload;

/**
 * The request fields of the API, shared by the routes that take them, so a name always has one type
 * and one description. Money is in cents, quantities in whole permits.
 */
final class ApiFields {
  private ApiFields() {}

  // Path parameters.
  static final Field<Long> ACCOUNT = Field.int64("accountId", "the account");
  static final Field<Integer> VINTAGE_PATH =
      Field.int32("vintage", 0, Integer.MAX_VALUE, "the book's vintage");
  static final Field<Integer> PERIOD_PATH =
      Field.int32("period", 0, Integer.MAX_VALUE, "the compliance period");
  static final Field<Long> ORDER = Field.int64("orderId", "the order");
  static final Field<Long> AUCTION = Field.int64("auctionId", "the primary auction");
  static final Field<Long> BID = Field.int64("bidId", "the bid within its auction");
  static final Field<Long> TOKEN = Field.int64("tokenId", "the token");

  // Query parameters.
  static final Field<Integer> LEVELS =
      Field.int32("levels", 0, Projector.DEPTH_LEVELS, "price levels per side (default 10)");
  static final Field<Integer> VINTAGE_FILTER =
      Field.int32("vintage", 0, Integer.MAX_VALUE, "only this vintage's trades");
  static final Field<Integer> PERIOD_FILTER =
      Field.int32("period", 0, Integer.MAX_VALUE, "only this period's assessments");

  // Body fields.
  static final Field<Long> ACCOUNT_ID = Field.int64("accountId", "the account acted on");
  static final Field<String> NAME = Field.string("name", "1 to 64 letters, digits, '_', '.', '-'");
  static final Field<Role> ROLE = Field.enumOf("role", Role.class, "the account's role");
  static final Field<Long> AMOUNT_CENTS = Field.int64("amountCents", "an amount in cents");
  static final Field<Integer> VINTAGE = Field.int32("vintage", "the permits' vintage");
  static final Field<Integer> PERIOD = Field.int32("period", "the compliance period");
  static final Field<Long> QUANTITY = Field.int64("quantity", "whole permits or units");
  static final Field<Long> FROM_ACCOUNT_ID = Field.int64("fromAccountId", "the sender");
  static final Field<Long> TO_ACCOUNT_ID = Field.int64("toAccountId", "the receiver");
  static final Field<Side> SIDE = Field.enumOf("side", Side.class, "buy or sell");
  static final Field<OrderType> TYPE =
      Field.enumOf("type", OrderType.class, "LIMIT, MARKET (priceCents 0) or IOC");
  static final Field<Long> PRICE_CENTS =
      Field.int64("priceCents", "limit price per permit in cents; 0 for MARKET");
  static final Field<Long> OUTPUT_UNITS = Field.int64("outputUnits", "verified output");
  static final Field<Long> COVERED_QUANTITY =
      Field.int64("coveredQuantity", "verified covered quantity");
  static final Field<Long> FACTOR_PPM =
      Field.int64("factorPpm", "assistance factor in parts per million");
  static final Field<Long> PROJECTED_OUTPUT_UNITS =
      Field.int64("projectedOutputUnits", "a new entrant's projected output");
  static final Field<Long> AUCTION_ID = Field.int64("auctionId", "the new auction's id");
  static final Field<Long> BID_ID = Field.int64("bidId", "the bid's id within its auction");
  static final Field<Long> LIMIT_PRICE_CENTS =
      Field.int64("limitPriceCents", "the most the bidder pays per permit, in cents");
  static final Field<Workload> WORKLOAD =
      Field.enumOf("workload", Workload.class, "the workload class reported");

  /** What a risk signal's name must match (RiskSignal's rule). */
  static final String SIGNAL_PATTERN = "^[A-Za-z][A-Za-z0-9_]{0,15}$";

  static final Field<RiskSignal> SIGNAL =
      Field.parsed(
          "signal",
          RiskSignal.class,
          RiskSignal::valueOf,
          SIGNAL_PATTERN,
          "the risk signal: one of the program's risk classes (L or H in P2's two-class form); a"
              + " signal that is no class is rejected with UNKNOWN_RISK_SIGNAL");
  static final Field<Long> INSURER_ID = Field.int64("insurerId", "the insurer");
  static final Field<Long> MEASURED_QUANTITY =
      Field.int64("measuredQuantity", "the quantity the audit measured");
  static final Field<Integer> TOKEN_VALID_DAYS =
      Field.int32("validDays", 1, 366, "days until the token expires (default 90)");
  static final Field<Integer> CODE_VALID_DAYS =
      Field.int32("validDays", 1, 30, "days until the code expires (default 7)");
  static final Field<String> CODE = Field.string("code", "the one-time enrolment code");

  /** Who acts (taken from the caller's token, never from the request). */
  static final Field<Long> BY = Field.int64("by", "the acting principal");

  /** The owner of a resource, resolved from the read model. */
  static final Field<Long> OWNER = Field.int64("owner", "the resource's owner");
}
