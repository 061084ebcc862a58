package org.computecap.engine.serial;

/**
 * Serial numbers {@code first..last} (inclusive) of one vintage (issue 15). Serials of a vintage
 * are numbered from 1 in the order they were issued.
 */
public record SerialRange(long first, long last) {
  public SerialRange {
    if (first < 1 || last < first) {
      throw new IllegalArgumentException(
          "a serial range needs 1 <= first <= last, got " + first + ".." + last);
    }
  }

  /** The number of serials in the range. */
  public long quantity() {
    return last - first + 1;
  }
}
