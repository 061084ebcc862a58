package org.computecap.engine.serial;

/**
 * One range of serials that one movement of permits took from an account to another (issue 15): the
 * audit trail's line. {@code index} numbers the lines from 1 in the order they happened; {@code
 * seq} is the command's position in the journal (its 1-based count of applied commands).
 */
public record SerialMove(
    long index,
    long seq,
    long fromAccountId,
    long toAccountId,
    int vintage,
    long first,
    long last) {

  /** The number of serials moved. */
  public long quantity() {
    return last - first + 1;
  }
}
