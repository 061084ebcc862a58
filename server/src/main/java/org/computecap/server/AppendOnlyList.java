package org.computecap.server;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * A list one thread appends to while any number of threads read it, without locks: the writer
 * stores the element, then publishes the new size (a volatile write); a reader reads the size
 * first, then the array, and sees every element below that size. When the array grows, the new one
 * holds all elements before it is published, so a reader holding either array is right. Elements
 * must be immutable.
 */
final class AppendOnlyList<T> {
  private volatile Object[] items = new Object[8];
  private volatile int size;

  /** Appends; only the writer thread calls this. */
  void add(T item) {
    Object[] a = items;
    int n = size;
    if (n == a.length) {
      a = Arrays.copyOf(a, n * 2);
      items = a;
    }
    a[n] = item;
    size = n + 1;
  }

  int size() {
    return size;
  }

  @SuppressWarnings("unchecked")
  T get(int i) {
    return (T) items[i];
  }

  /** The last element, or null when empty. */
  T last() {
    int n = size;
    return n == 0 ? null : get(n - 1);
  }

  /**
   * Up to {@code limit} elements after {@code after} in the list's order (by {@code key}, which
   * increases along the list), that {@code keep} accepts; plus whether more follow. Binary search
   * finds the start, so a page costs its own length, not the list's.
   */
  Slice<T> page(
      long after, int limit, java.util.function.ToLongFunction<T> key, Predicate<T> keep) {
    int n = size;
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (key.applyAsLong(get(mid)) <= after) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    List<T> out = new ArrayList<>();
    for (int i = lo; i < n; i++) {
      T t = get(i);
      if (keep.test(t)) {
        if (out.size() == limit) {
          return new Slice<>(out, true);
        }
        out.add(t);
      }
    }
    return new Slice<>(out, false);
  }

  /** A page's items and whether any item follows them. */
  record Slice<T>(List<T> items, boolean more) {}
}
