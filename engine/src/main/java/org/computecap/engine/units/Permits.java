package org.computecap.engine.units;

/**
 * A whole number of permits (§1: one permit covers one unit of the program's covered quantity).
 * Never negative; arithmetic is exact and throws {@link ArithmeticException} on overflow rather
 * than wrap, because a wrapped quantity would create permits out of nothing. Hot paths use raw
 * {@code long}s; this record is for the API edge, where a bare number could be mistaken for cents.
 */
public record Permits(long count) implements Comparable<Permits> {
  public static final Permits ZERO = new Permits(0);

  public Permits {
    if (count < 0) {
      throw new IllegalArgumentException("permits must be >= 0, got " + count);
    }
  }

  public static Permits of(long count) {
    return new Permits(count);
  }

  public Permits plus(Permits other) {
    return new Permits(Math.addExact(count, other.count));
  }

  /** The difference; throws IllegalArgumentException when {@code other} is larger. */
  public Permits minus(Permits other) {
    return new Permits(Math.subtractExact(count, other.count));
  }

  public boolean isZero() {
    return count == 0;
  }

  @Override
  public int compareTo(Permits other) {
    return Long.compare(count, other.count);
  }

  @Override
  public String toString() {
    return count + " permits";
  }
}
