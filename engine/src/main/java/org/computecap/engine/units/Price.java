package org.computecap.engine.units;

/**
 * A price in cents per permit. Never negative (a zero price is a legal limit for a seller who gives
 * permits away). {@link #times(Permits)} is the one place a price meets a quantity, and it is
 * exact: an overflow throws instead of settling a wrong amount.
 */
public record Price(long centsPerPermit) implements Comparable<Price> {
  public static final Price ZERO = new Price(0);

  public Price {
    if (centsPerPermit < 0) {
      throw new IllegalArgumentException(
          "price must be >= 0 cents per permit, got " + centsPerPermit);
    }
  }

  public static Price ofCents(long centsPerPermit) {
    return new Price(centsPerPermit);
  }

  /** The cost of {@code quantity} permits at this price. */
  public Money times(Permits quantity) {
    return new Money(Math.multiplyExact(centsPerPermit, quantity.count()));
  }

  @Override
  public int compareTo(Price other) {
    return Long.compare(centsPerPermit, other.centsPerPermit);
  }

  @Override
  public String toString() {
    return new Money(centsPerPermit) + "/permit";
  }
}
