package org.computecap.engine.serial;

import java.util.Arrays;

/**
 * The serial numbers one account holds of one vintage (issue 15): disjoint ranges {@code [start,
 * end)}, sorted ascending, never empty and never touching (adjacent ranges are merged), so the
 * count stays as small as the holding's history allows.
 *
 * <p>Why an array and not a tree: every movement takes the lowest serials first ({@link
 * #moveLowest}), so the sender loses a prefix, which here is a bump of {@code head}; the receiver
 * gets ranges that are usually near one end of its list. Pairs live interleaved in one {@code
 * long[]} with free room at both ends, and an insertion shifts the shorter side, so the common
 * cases cost no copying at all and the rest a short {@link System#arraycopy}. The 1M-order
 * benchmark moves a prefix on each of its 903,681 fills.
 *
 * <p>Only {@link SerialBook} changes it.
 */
final class SerialRanges {
  private static final long[] NONE = new long[0];

  /** Pair k (0-based from {@code head}) is {@code r[2(head+k)]} (start) and the next (end). */
  private long[] r = NONE;

  private int head;
  private int count;
  private long total;

  /** Serials held. */
  long total() {
    return total;
  }

  /** Ranges held. */
  int size() {
    return count;
  }

  /** Ranges held; in this layout the same as {@link #size()}. */
  int partCount() {
    return count;
  }

  /**
   * Copies the starts and ends of the ranges into {@code starts} and {@code ends} from {@code at};
   * returns the index after the last one written.
   */
  int copyParts(long[] starts, long[] ends, int at) {
    for (int k = 0; k < count; k++, at++) {
      starts[at] = start(k);
      ends[at] = end(k);
    }
    return at;
  }

  /** The first serial of range {@code k}, ascending. */
  long start(int k) {
    return r[2 * (head + k)];
  }

  /** One past the last serial of range {@code k}. */
  long end(int k) {
    return r[2 * (head + k) + 1];
  }

  /** Whether {@code serial} is held: a binary search over the ranges. */
  boolean contains(long serial) {
    int p = countStartsAtOrBelow(serial);
    return p > 0 && serial < end(p - 1);
  }

  /**
   * Adds {@code [start, end)}, which must not overlap what is held; merges it with a neighbour it
   * touches. Overlap is a broken ledger, so it throws {@link AssertionError}.
   */
  void add(long start, long end) {
    add(start, end, 0);
  }

  /**
   * {@link #add(long, long)} searching from range {@code hint} on, where every range before {@code
   * hint} starts below {@code start}; returns the hint for a next, higher range (the pieces of one
   * move arrive in ascending order).
   */
  private int add(long start, long end, int hint) {
    if (start >= end) {
      throw new AssertionError("empty serial range [" + start + ", " + end + ")");
    }
    int p = position(start, hint);
    boolean prev = p > 0 && end(p - 1) >= start;
    boolean next = p < count && start(p) <= end;
    if (prev && end(p - 1) > start || next && start(p) < end) {
      throw new AssertionError("serial range [" + start + ", " + end + ") is already held");
    }
    total += end - start;
    if (prev && next) {
      r[2 * (head + p - 1) + 1] = end(p);
      removeAt(p);
      return p;
    } else if (prev) {
      r[2 * (head + p - 1) + 1] = end;
      return p;
    } else if (next) {
      r[2 * (head + p)] = start;
      return p + 1;
    }
    insertAt(p, start, end);
    return p + 1;
  }

  /** Receives each range a move takes, {@code [start, end)}, lowest first. */
  @FunctionalInterface
  interface Pieces {
    void piece(long start, long end);
  }

  /**
   * Moves the lowest {@code quantity} serials to {@code to}, lowest first, telling {@code pieces}
   * each range moved. The caller has checked that they are held.
   */
  void moveLowest(long quantity, SerialRanges to, Pieces pieces) {
    if (quantity > total) {
      throw new AssertionError("moving " + quantity + " serials of " + total + " held");
    }
    long left = quantity;
    int hint = 0;
    while (left > 0) {
      long s = r[2 * head];
      long e = r[2 * head + 1];
      long cut = e - s <= left ? e : s + left;
      if (cut == e) {
        head++;
        count--;
      } else {
        r[2 * head] = cut;
      }
      hint = to.add(s, cut, hint);
      pieces.piece(s, cut);
      left -= cut - s;
    }
    total -= quantity;
    if (count == 0) {
      head = 0;
    }
  }

  /**
   * Removes {@code [start, end)}, which must be held in one range (it splits that range when it
   * lies inside it).
   */
  void remove(long start, long end) {
    int p = position(start, 0) - 1;
    if (p < 0 || end > end(p) || start >= end) {
      throw new AssertionError("serial range [" + start + ", " + end + ") is not held");
    }
    long s = start(p);
    long e = end(p);
    total -= end - start;
    if (s == start && e == end) {
      removeAt(p);
    } else if (s == start) {
      r[2 * (head + p)] = end;
    } else if (e == end) {
      r[2 * (head + p) + 1] = start;
    } else {
      r[2 * (head + p) + 1] = start;
      insertAt(p + 1, end, e);
    }
    if (count == 0) {
      head = 0;
    }
  }

  /** Removes whatever part of {@code [start, end)} is held. */
  void removeOverlap(long start, long end) {
    long[] pairs = toArray();
    for (int i = 0; i < pairs.length; i += 2) {
      long s = Math.max(start, pairs[i]);
      long e = Math.min(end, pairs[i + 1]);
      if (s < e) {
        remove(s, e);
      }
    }
  }

  /** Whether every serial of {@code [start, end)} is held. */
  boolean containsAll(long start, long end) {
    int p = position(start, 0) - 1;
    return p >= 0 && end <= end(p);
  }

  /** The ranges as {@code start, end} pairs, ascending: a copy. */
  long[] toArray() {
    return Arrays.copyOfRange(r, 2 * head, 2 * (head + count));
  }

  /** The number of ranges whose start is at most {@code serial}. */
  private int countStartsAtOrBelow(long serial) {
    return position(serial, 0);
  }

  /**
   * The number of ranges whose start is at most {@code serial}, given that it is at least {@code
   * from}: one probe in the middle tells which half, then a linear scan from that half's end. An
   * insertion shifts the pairs between the position and that end anyway, so the scan costs no more
   * than the shift and touches the same memory in order; a binary search's jumps (mispredicted
   * branches, scattered cache lines) cost more on the benchmark's flow, where most pieces land
   * among an account's first 30 ranges.
   */
  private int position(long serial, int from) {
    if (from >= count) {
      return count;
    }
    int mid = (from + count) >>> 1;
    if (start(mid) > serial) {
      int p = from;
      while (p < mid && start(p) <= serial) {
        p++;
      }
      return p;
    }
    int p = count;
    while (p > mid + 1 && start(p - 1) > serial) {
      p--;
    }
    return p;
  }

  /**
   * Inserts a pair at {@code p}, shifting the shorter side into the free room at its end. When that
   * side has no room, the pairs are first re-centred in the array (grown to twice the pairs when
   * less than a quarter is free), so that room at both ends is restored at a cost paid back by the
   * many insertions it makes cheap: without it, insertions near the front of a list whose head had
   * reached the array's start shifted the whole list each time.
   */
  private void insertAt(int p, long start, long end) {
    boolean front = p < count - p;
    if (front ? head == 0 : head + count == r.length >>> 1) {
      recentre();
    }
    if (front) {
      System.arraycopy(r, 2 * head, r, 2 * (head - 1), 2 * p);
      head--;
    } else {
      System.arraycopy(r, 2 * (head + p), r, 2 * (head + p + 1), 2 * (count - p));
    }
    r[2 * (head + p)] = start;
    r[2 * (head + p) + 1] = end;
    count++;
  }

  /** Moves the pairs to the middle of the array, growing it when it is more than 3/4 full. */
  private void recentre() {
    int capacity = r.length >>> 1;
    int grown = 4 * (count + 1) > 3 * capacity ? Math.max(8, 2 * (count + 1)) : capacity;
    int newHead = (grown - count) / 2;
    long[] target = grown == capacity ? r : new long[2 * grown];
    System.arraycopy(r, 2 * head, target, 2 * newHead, 2 * count);
    r = target;
    head = newHead;
  }

  private void removeAt(int p) {
    if (p < count - 1 - p) {
      System.arraycopy(r, 2 * head, r, 2 * (head + 1), 2 * p);
      head++;
    } else {
      System.arraycopy(r, 2 * (head + p + 1), r, 2 * (head + p), 2 * (count - 1 - p));
    }
    count--;
  }

  /**
   * Checks the shape (sorted, non-empty, not touching) and that the ranges add up to {@code
   * holding}; throws {@link AssertionError} naming the account and vintage.
   */
  void check(long holding, long accountId, int vintage) {
    long sum = 0;
    for (int k = 0; k < count; k++) {
      long s = start(k);
      long e = end(k);
      if (s < 1 || s >= e || k > 0 && s <= end(k - 1)) {
        throw new AssertionError(
            "account "
                + accountId
                + " vintage "
                + vintage
                + ": serial ranges out of order at "
                + k);
      }
      sum += e - s;
    }
    if (sum != total || total != holding) {
      throw new AssertionError(
          "account "
              + accountId
              + " vintage "
              + vintage
              + ": serial ranges hold "
              + sum
              + " (counted "
              + total
              + ") but the holding is "
              + holding);
    }
  }
}
