package org.computecap.engine.registry;

import org.computecap.engine.program.Program;

/**
 * The regulator's accounts, opened with the market. Their ids are negative so that they can never
 * collide with the positive ids callers choose. Sinks (retirement, cancellation, expiry) receive
 * permits and never give them up: their holdings are the surrendered, cancelled and expired totals,
 * which is how the conservation invariant stays one sum over all accounts.
 */
public enum SystemAccount {
  /** Source of every permit: issuance is counted here, and it holds nothing. */
  ISSUANCE(-1, "issuance", false, false, false),
  /** Permits surrendered against obligations (§7.3). */
  RETIREMENT(-2, "retirement", true, true, false),
  /** Permits cancelled voluntarily. */
  CANCELLATION(-3, "cancellation", true, true, false),
  /** Permits that expired unsurrendered when banking is off (§7.6). */
  EXPIRY(-4, "expiry", true, true, false),
  /** Cash collected by the regulator: penalties and auction revenue. */
  TREASURY(-5, "treasury", false, false, true),
  /** Permits set aside for new entrants (§4). */
  NEW_ENTRANT_RESERVE(-6, "new-entrant-reserve", true, false, false),
  /** Permits left unsold by primary auctions (§5). */
  AUCTION_RESERVE(-7, "auction-reserve", true, false, false),
  /**
   * Permits withdrawn from auction supply for the market stability mechanisms (issue 14): unsold
   * auction permits under the {@code TO_STABILITY_RESERVE} policy. Opened only for a program that
   * uses it ({@link #isOpenFor}).
   */
  STABILITY_RESERVE(-8, "stability-reserve", true, false, false),
  /**
   * The price containment reserve's permits (California APCR type, issue 14): issued within the
   * first period's cap when the market opens and sold only in reserve sales. Opened only for a
   * program with a price containment reserve.
   */
  PRICE_CONTAINMENT_RESERVE(-9, "price-containment-reserve", true, false, false),
  /**
   * The participants' collateral (issue 17), cash or permits, held until it is returned or
   * forfeited. Opened only for a program with collateral.
   */
  COLLATERAL_HOLD(-10, "collateral-hold", true, false, true);

  private final long id;
  private final String accountName;
  private final boolean holdsPermits;
  private final boolean sink;
  private final boolean holdsCash;

  SystemAccount(
      long id, String accountName, boolean holdsPermits, boolean sink, boolean holdsCash) {
    this.id = id;
    this.accountName = accountName;
    this.holdsPermits = holdsPermits;
    this.sink = sink;
    this.holdsCash = holdsCash;
  }

  public long id() {
    return id;
  }

  public String accountName() {
    return accountName;
  }

  /** Whether permits may be put into this account. */
  public boolean holdsPermits() {
    return holdsPermits;
  }

  /** Whether permits that enter this account stay there for good. */
  public boolean isSink() {
    return sink;
  }

  /** Whether cash may be put into this account. */
  public boolean holdsCash() {
    return holdsCash;
  }

  /**
   * Whether the registry opens this account for {@code program}. The accounts of the first wave are
   * always open; a later one is open only where the program uses it, so that the ledger of every
   * other program, and with it every existing state hash, stays as it was.
   */
  public boolean isOpenFor(Program program) {
    if (this == STABILITY_RESERVE) {
      return program.usesStabilityReserve();
    }
    if (this == COLLATERAL_HOLD) {
      return program.enforcement().collateral().isOn();
    }
    return this != PRICE_CONTAINMENT_RESERVE || program.usesPriceContainmentReserve();
  }

  /** The system account with this id, or null. */
  public static SystemAccount byId(long id) {
    for (SystemAccount s : values()) {
      if (s.id == id) {
        return s;
      }
    }
    return null;
  }
}
