package org.computecap.engine;

/**
 * Why a command was refused: each value names the business rule that was broken and its {@link
 * #code()} is stable (it is what scripts, the HTTP API and clients match on), so a value is never
 * renamed. Sections per feature keep parallel additions from colliding; a feature adds its codes to
 * its own section only.
 */
public enum Rejection {
  // --- market (core) ---
  /** Every command but {@code OpenMarket} needs an open market. */
  MARKET_NOT_OPEN,
  /** {@code OpenMarket} is the genesis command and happens once. */
  MARKET_ALREADY_OPEN,

  // --- registry (core) ---
  /** The account id is already taken. */
  ACCOUNT_ALREADY_EXISTS,
  /** No account has this id. */
  UNKNOWN_ACCOUNT,
  /** The account's role may not take part in this operation (e.g. an auditor holding permits). */
  ROLE_NOT_PERMITTED,
  /** The account's free cash does not cover the amount. */
  INSUFFICIENT_CASH,
  /** The account's free permits of the eligible vintages do not cover the quantity. */
  INSUFFICIENT_PERMITS,
  /** Issuing would take the vintage's issued total above the period's cap. */
  CAP_EXCEEDED,
  /** Permits are issued only in the vintage of the current period. */
  VINTAGE_NOT_CURRENT,
  /** A transfer names the same account as sender and receiver. */
  TRANSFER_TO_SELF,
  /** The period has not started yet. */
  PERIOD_NOT_STARTED,
  /** The period lies before the program's first period. */
  PERIOD_BEFORE_PROGRAM,

  // --- exchange ---
  /** A limit or IOC price must be a whole multiple of the program's tick size. */
  PRICE_NOT_ON_TICK,
  /** An order's quantity must be a whole multiple of the program's lot size. */
  QUANTITY_NOT_MULTIPLE_OF_LOT,
  /** Only vintages from the program's first period up to the current one trade. */
  VINTAGE_NOT_TRADABLE,
  /** No resting order has this id (never placed, filled, or already cancelled). */
  UNKNOWN_ORDER,
  /** Only the account that placed an order may cancel it. */
  ORDER_NOT_OWNED_BY_ACCOUNT,
  /** During a call phase only limit orders are taken; market and IOC orders need a price now. */
  ORDER_TYPE_NOT_ALLOWED_IN_CALL_PHASE,
  /** The book is already collecting orders for a call auction. */
  CALL_AUCTION_ALREADY_OPEN,
  /** A call auction runs only after {@code StartCallAuction} opened its call phase. */
  NO_CALL_AUCTION_OPEN,

  // --- allocation ---
  /** The period is not one of the program's periods (before the first or after the last). */
  PERIOD_OUTSIDE_PROGRAM,
  /** The period has already been closed; only the current period takes this command. */
  PERIOD_CLOSED,
  /** Verified activity is recorded only for periods that have ended (or baseline periods). */
  ACTIVITY_PERIOD_NOT_ENDED,
  /** The account's verified activity for that period is already on record. */
  ACTIVITY_ALREADY_RECORDED,
  /** Free allocation runs once per period. */
  FREE_ALLOCATION_ALREADY_DONE,
  /** New entrants are served only after the period's free allocation set the benchmark. */
  FREE_ALLOCATION_NOT_DONE,
  /** The account has verified history in the allocation window: it is an incumbent. */
  NOT_A_NEW_ENTRANT,
  /** The account already received free permits this period. */
  ALREADY_ALLOCATED,
  /** The new-entrant reserve holds no permits that may be used this period. */
  NEW_ENTRANT_RESERVE_EXHAUSTED,

  // --- auction ---
  /** The auction id is already taken. */
  AUCTION_ALREADY_EXISTS,
  /** The period's auction volume (cap less free budget) would be exceeded. */
  AUCTION_VOLUME_EXCEEDED,
  /** No auction has this id. */
  UNKNOWN_AUCTION,
  /** The auction has already been cleared. */
  AUCTION_NOT_OPEN,
  /** The bid id is already used in this auction. */
  DUPLICATE_BID_ID,
  /** No open bid has this id in this auction. */
  UNKNOWN_BID,
  /** Bids below the reserve price can never win, so they are refused. */
  BID_BELOW_RESERVE_PRICE,
  /** The bidder's bids would exceed its purchase limit (a share of the auctioned volume). */
  PURCHASE_LIMIT_EXCEEDED,
  /** The program has no price containment reserve. */
  PRICE_CONTAINMENT_NOT_IN_PROGRAM,
  /** The program has no price ceiling. */
  PRICE_CEILING_NOT_IN_PROGRAM,
  /** The reserve sale id is already taken. */
  RESERVE_SALE_ALREADY_EXISTS,
  /** Another reserve sale is still open; one at a time. */
  RESERVE_SALE_ALREADY_OPEN,
  /** The previous auction did not clear at or above the trigger share of the lowest tier price. */
  RESERVE_SALE_NOT_TRIGGERED,
  /** Every tier of the price containment reserve is sold. */
  PRICE_CONTAINMENT_RESERVE_EXHAUSTED,
  /** No reserve sale has this id. */
  UNKNOWN_RESERVE_SALE,
  /** The reserve sale has already been cleared. */
  RESERVE_SALE_NOT_OPEN,
  /** The participant has no unmet obligation for the period (docs/rules.md defines it). */
  NO_UNMET_OBLIGATION,
  /** The quantity exceeds the participant's unmet obligation for the period. */
  ABOVE_UNMET_OBLIGATION,
  /** Permits at the price ceiling are sold only once the price containment reserve is empty. */
  PRICE_CONTAINMENT_NOT_EXHAUSTED,

  // --- compliance ---
  /** The program does not cover this workload class (its scope). */
  WORKLOAD_OUT_OF_SCOPE,
  /** The participant's report for this period and workload is already on record. */
  REPORT_ALREADY_SUBMITTED,
  /** The meter reading for this participant and period is already on record. */
  METER_READING_ALREADY_RECORDED,
  /** The regulator's evaluation for this participant and period is already on record. */
  EVALUATION_ALREADY_RECORDED,
  /** The insurer's evaluation for this participant and period is already on record. */
  INSURER_EVALUATION_ALREADY_RECORDED,
  /** A premium needs the insurer's own evaluation of the participant for the period. */
  INSURER_EVALUATION_MISSING,
  /** A premium is charged on reported quantity, and the participant reported nothing. */
  REPORT_MISSING,
  /** The premium for this participant and period has already been charged. */
  PREMIUM_ALREADY_CHARGED,
  /**
   * An insurer evaluates and is paid a premium only for a participant that appointed it (or had it
   * appointed by a regulator): the insurer is not the participant's appointed insurer.
   */
  INSURER_NOT_APPOINTED,
  /** A period closes only when none of its primary auctions is still open. */
  AUCTION_STILL_OPEN,
  /** Audit findings are accepted only for participants the period's lottery drew. */
  AUDIT_NOT_DRAWN,
  /** The audit finding for this participant and period is already on record. */
  AUDIT_FINDING_ALREADY_RECORDED,
  /** The participant owes no unpaid penalty. */
  NO_PENALTY_OUTSTANDING,

  // --- access ---
  /** Enrolment codes are issued by regulators only (the market regulator or a REGULATOR). */
  ISSUER_NOT_REGULATOR,
  /** A secret's hash (an enrolment code's or a token's) is used once, ever. */
  CREDENTIAL_HASH_ALREADY_USED,
  /** A code or token must expire after the tick of the command that issues it. */
  EXPIRY_NOT_IN_FUTURE,
  /** No enrolment code has this hash. */
  UNKNOWN_ENROLMENT_CODE,
  /** An enrolment code is exchanged for a token once. */
  ENROLMENT_CODE_ALREADY_USED,
  /** The enrolment code expired before it was used. */
  ENROLMENT_CODE_EXPIRED,
  /** Further tokens of an account are issued by its holder only, never for someone else. */
  TOKEN_ISSUER_NOT_HOLDER,
  /** No token has this id. */
  UNKNOWN_TOKEN,
  /** A token is revoked by its holder or a regulator. */
  REVOKER_NOT_HOLDER_OR_REGULATOR,
  /** The token was revoked already. */
  TOKEN_ALREADY_REVOKED,
  /** Insurers are appointed by the participant or a regulator, never by an insurer. */
  APPOINTER_NOT_PARTICIPANT_OR_REGULATOR,
  /** Only an account whose role is INSURER can be appointed as an insurer. */
  NOT_AN_INSURER,
  /** Only the account that placed a reserve bid may withdraw it. */
  BID_NOT_OWNED_BY_ACCOUNT,

  // --- registry controls: calendar, lifecycle, holding limits, reversals (issue 15) ---
  /** A period's surrender deadline is its close; the program refuses later surrenders for it. */
  SURRENDER_DEADLINE_PASSED,
  /** A late surrender is credited only against make-good still owed, and this is more. */
  LATE_SURRENDER_EXCEEDS_MAKE_GOOD,
  /** The program has no {@code registryControls} section (or not this rule of it). */
  REGISTRY_CONTROL_NOT_IN_PROGRAM,
  /** The account is SUSPENDED: nothing leaves it. */
  ACCOUNT_SUSPENDED,
  /** The account is RESTRICTED: it may only surrender. */
  ACCOUNT_RESTRICTED,
  /** The account is CLOSED: nothing enters or leaves it, and it never reopens. */
  ACCOUNT_CLOSED,
  /** The account already has this status. */
  ACCOUNT_STATUS_UNCHANGED,
  /** An account closes only with no permits and no cash, free or reserved, and no debt. */
  ACCOUNT_NOT_EMPTY,
  /** What the account holds, with what its open buy orders and bids may bring, passes its limit. */
  HOLDING_LIMIT_EXCEEDED,
  /** A reversal takes back at most what the account surrendered for the period. */
  REVERSAL_EXCEEDS_SURRENDERED,
  /** A reversal takes back at most what was allocated to the account for the period. */
  REVERSAL_EXCEEDS_ALLOCATION,

  // --- representatives (issue 15) ---
  /** The program has no {@code representatives} section, so persons do not act in this market. */
  REPRESENTATIVES_NOT_ENABLED,
  /** With representatives on, account commands and regulator actions come from a person. */
  INITIATOR_REQUIRED,
  /** Persons are registered and their rights set by a regulator only. */
  REGISTRAR_NOT_REGULATOR,
  /** The person id is already taken. */
  PERSON_ALREADY_EXISTS,
  /** No person has this id. */
  UNKNOWN_PERSON,
  /** The person does not represent the account (a code, a cancellation). */
  NOT_A_REPRESENTATIVE,
  /** The person may not initiate commands for this account (or for the regulator). */
  NOT_AN_INITIATOR,
  /** The account has fewer representatives than the program's {@code minimumPerAccount}. */
  TOO_FEW_REPRESENTATIVES,
  /** Reversals are initiated by a senior regulator. */
  INITIATOR_NOT_SENIOR,
  /** No transaction has this id. */
  UNKNOWN_TRANSACTION,
  /** The transaction no longer waits (executed, refused, cancelled or expired, or approved). */
  TRANSACTION_NOT_PENDING,
  /** The transaction's approval window has passed. */
  TRANSACTION_EXPIRED,
  /** Four-eyes: the approver must be a different person from the initiator. */
  APPROVER_IS_INITIATOR,
  /** The person may not approve commands for this account (or for the regulator). */
  NOT_AN_APPROVER,
  /** Reversals are approved by a senior regulator. */
  APPROVER_NOT_SENIOR,
  /** A transfer to an account off the sender's trusted list is above the program's limit. */
  ABOVE_UNTRUSTED_TRANSFER_LIMIT,
  /** The account is on the trusted list already. */
  ALREADY_TRUSTED,
  /** The account is not on the trusted list. */
  NOT_TRUSTED,

  // --- sign-in (issue 16) ---
  /** A password or TOTP is set by the person themself or a regulator's person (or operator). */
  SIGN_IN_SETTER_NOT_PERSON_OR_REGULATOR,
  /** A person's OpenID Connect subject is linked by a regulator only. */
  OIDC_SETTER_NOT_REGULATOR,
  /** The OpenID Connect subject is linked to another person already. */
  OIDC_SUBJECT_ALREADY_USED,

  // --- metering (issue 17) ---
  /** The program has no {@code metering} section, so the registry keeps no meters. */
  METERING_NOT_IN_PROGRAM,
  /** The meter id is already taken (by a meter in service or retired). */
  METER_ALREADY_REGISTERED,
  /** The public key already belongs to a meter: a key names one meter ever. */
  METER_KEY_ALREADY_REGISTERED,
  /** No meter has this id. */
  UNKNOWN_METER,
  /** The meter was retired (or replaced) and takes no more readings. */
  METER_RETIRED,
  /** The reading names an account other than the one its meter is bound to. */
  METER_BOUND_TO_OTHER_ACCOUNT,
  /** The signature is not the meter key's signature of the reading's bytes. */
  METER_SIGNATURE_INVALID,
  /** The meter already delivered a reading with this sequence number. */
  METER_READING_REPLAYED,
  /** The energy counter ran backwards: within the reading, or since the meter's last reading. */
  METER_COUNTER_BACKWARDS,
  /** A reading is missing before this one: a skipped sequence number, interval or energy. */
  METER_READING_GAP,
  /** The interval begins before the meter's (or the meter it replaced) last reading ended. */
  METER_READING_OVERLAP,

  // --- enforcement levers (issue 17) ---
  /** The program requires no collateral (issue 17). */
  COLLATERAL_NOT_REQUIRED,
  /** The account has posted its collateral already. */
  COLLATERAL_ALREADY_POSTED,
  /** The account has no collateral posted. */
  NO_COLLATERAL_POSTED,
  /** Collateral is returned only when the account owes no penalty and no make-good. */
  OBLIGATIONS_OUTSTANDING,

  // --- linked jurisdictions (issue 18) ---
  /** The program recognises no other program's permits: it has no {@code linking} section. */
  NOT_LINKED,
  /** At the link's exchange rate the origin's permits make less than one unit. */
  LINKED_UNITS_BELOW_ONE,
  /** The linked units would exceed the link's quota for the vintage, a share of its cap. */
  LINK_QUOTA_EXCEEDED,
  ;

  /** The stable code of this rejection, e.g. {@code INSUFFICIENT_CASH}. */
  public String code() {
    return name();
  }
}
