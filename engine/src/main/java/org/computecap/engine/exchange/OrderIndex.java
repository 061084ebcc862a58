package org.computecap.engine.exchange;

import org.computecap.engine.collections.LongObjectMap;

/**
 * Order id to book slot. The exchange numbers orders 1, 2, 3..., so the ids of resting orders are
 * dense and mostly recent: they are kept in pages of 1,024 consecutive ids, found through a small
 * map of page numbers, and a page is dropped when its last order leaves. Two pages are remembered:
 * the newest (where new orders go) and the last one looked up (where fills and cancels mostly
 * land), so the alternation of both in a matching run costs no map lookup. A lookup is two array
 * reads that usually hit the cache, where a hash table over every resting id would miss it once the
 * book holds more than a few thousand orders; memory stays bounded by the pages that still hold
 * orders.
 *
 * <p>Invariants: a page holds {@code slot + 1} for each present id (0 for absent) and, in its last
 * element, how many ids it holds, which is positive; {@link #size()} is the sum of those counts.
 */
final class OrderIndex {
  static final int MISSING = -1;
  private static final int PAGE_BITS = 10;
  private static final int PAGE = 1 << PAGE_BITS;
  private static final int COUNT = PAGE;

  private final LongObjectMap<int[]> pages = new LongObjectMap<>(64);
  private long newestNumber = -1;
  private int[] newest;
  private long lastNumber = -1;
  private int[] last;
  private int size;

  int size() {
    return size;
  }

  /** The slot of {@code id}, or {@link #MISSING}. */
  int get(long id) {
    int[] page = page(id >>> PAGE_BITS);
    return page == null || id <= 0 ? MISSING : page[(int) id & (PAGE - 1)] - 1;
  }

  /** Adds {@code id}, which must be positive and absent. */
  void putNew(long id, int slot) {
    if (id <= 0) {
      throw new IllegalArgumentException("order id must be positive, was " + id);
    }
    long number = id >>> PAGE_BITS;
    int[] page = number == newestNumber ? newest : page(number);
    if (page == null) {
      page = new int[PAGE + 1];
      pages.put(number, page);
    }
    newestNumber = number;
    newest = page;
    int i = (int) id & (PAGE - 1);
    if (page[i] != 0) {
      throw new IllegalArgumentException("order id already present: " + id);
    }
    page[i] = slot + 1;
    page[COUNT]++;
    size++;
  }

  /** Removes {@code id}; returns its slot, or {@link #MISSING} when it was absent. */
  int remove(long id) {
    long number = id >>> PAGE_BITS;
    int[] page = id <= 0 ? null : page(number);
    int i = (int) id & (PAGE - 1);
    if (page == null || page[i] == 0) {
      return MISSING;
    }
    int slot = page[i] - 1;
    page[i] = 0;
    size--;
    if (--page[COUNT] == 0) {
      pages.remove(number);
      if (newestNumber == number) {
        newestNumber = -1;
        newest = null;
      }
      if (lastNumber == number) {
        lastNumber = -1;
        last = null;
      }
    }
    return slot;
  }

  /** Pages now allocated, for tests of the memory bound. */
  int pageCount() {
    return pages.size();
  }

  private int[] page(long number) {
    if (number == lastNumber) {
      return last;
    }
    if (number == newestNumber) {
      return newest;
    }
    int[] page = pages.get(number);
    if (page != null) {
      lastNumber = number;
      last = page;
    }
    return page;
  }
}
