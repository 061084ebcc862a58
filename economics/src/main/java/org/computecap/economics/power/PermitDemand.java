package org.computecap.economics.power;

/**
 * A permit demand curve as the dominant-firm model needs it: permits wanted at a price, the curve's
 * slope, its inverse (the marginal value of the last permit held) and the benefit of a holding.
 * Prices are in the benefit's utility unit per permit, as everywhere in the economics library.
 *
 * <p>Invariants every implementation keeps: {@code permits} is non-increasing in the price, {@code
 * slope} is its derivative (never positive), {@code marginalValue} is its inverse ({@code
 * permits(marginalValue(x)) = x} where the price is positive, 0 for a holding that is only wanted
 * at a zero price) and {@code benefit} is the integral of {@code marginalValue} up to a constant,
 * with free disposal: permits beyond what is wanted at a zero price add nothing.
 */
public interface PermitDemand {

  /** Permits wanted at {@code price} >= 0 (infinite at 0 when demand never saturates). */
  double permits(double price);

  /** {@code d permits / d price} at {@code price} > 0, <= 0. */
  double slope(double price);

  /** The price at which exactly {@code permits} > 0 are wanted; 0 when that many saturate. */
  double marginalValue(double permits);

  /** Gross benefit of holding {@code permits} >= 0 and using them efficiently. */
  double benefit(double permits);
}
