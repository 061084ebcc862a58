package org.computecap.engine.units;

/**
 * An amount of money in cents (§1: exact minor units, never a floating-point number). Never
 * negative: a balance below zero is a broken rule, and a debit is expressed as an operation, not as
 * a negative amount. Arithmetic is exact ({@link Math#addExact} and friends).
 */
public record Money(long cents) implements Comparable<Money> {
  public static final Money ZERO = new Money(0);

  public Money {
    if (cents < 0) {
      throw new IllegalArgumentException("money must be >= 0 cents, got " + cents);
    }
  }

  public static Money ofCents(long cents) {
    return new Money(cents);
  }

  public Money plus(Money other) {
    return new Money(Math.addExact(cents, other.cents));
  }

  /** The difference; throws IllegalArgumentException when {@code other} is larger. */
  public Money minus(Money other) {
    return new Money(Math.subtractExact(cents, other.cents));
  }

  public Money times(long factor) {
    return new Money(Math.multiplyExact(cents, factor));
  }

  @Override
  public int compareTo(Money other) {
    return Long.compare(cents, other.cents);
  }

  /** Formats as units and cents, e.g. {@code 12.05}, for people; the ledger keeps cents. */
  @Override
  public String toString() {
    return cents / 100 + "." + String.format("%02d", cents % 100);
  }
}
