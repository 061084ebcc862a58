package org.computecap.engine.collections;

import java.util.Arrays;

/**
 * A map from {@code long} to {@code long} with open addressing and linear probing, so the engine's
 * hot paths neither box keys nor allocate per entry. Absent keys read as a caller given default.
 * Iteration order is the table's and therefore arbitrary: anything that reaches an output must go
 * through {@link #sortedKeys()}.
 *
 * <p>Invariants: the table length is a power of two; {@code size < capacity * 3 / 4}; every used
 * slot is reachable from its home slot without crossing a free slot (kept by backward-shift
 * deletion, so there are no tombstones).
 */
public final class LongLongMap {
  private long[] keys;
  private long[] values;
  private boolean[] used;
  private int size;
  private int mask;

  public LongLongMap() {
    this(16);
  }

  public LongLongMap(int expectedSize) {
    if (expectedSize < 0) {
      throw new IllegalArgumentException("expectedSize must be >= 0, got " + expectedSize);
    }
    int capacity = LongObjectMap.tableSizeFor(expectedSize);
    keys = new long[capacity];
    values = new long[capacity];
    used = new boolean[capacity];
    mask = capacity - 1;
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public boolean containsKey(long key) {
    return indexOf(key) >= 0;
  }

  /** Returns the value for {@code key}, or {@code absent} when the key is not in the map. */
  public long get(long key, long absent) {
    int i = indexOf(key);
    return i >= 0 ? values[i] : absent;
  }

  /** Sets the value for {@code key}. */
  public void put(long key, long value) {
    int i = LongObjectMap.home(key, mask);
    while (used[i]) {
      if (keys[i] == key) {
        values[i] = value;
        return;
      }
      i = (i + 1) & mask;
    }
    used[i] = true;
    keys[i] = key;
    values[i] = value;
    size++;
    if (size * 4L >= keys.length * 3L) {
      resize(keys.length * 2);
    }
  }

  /** Adds {@code delta} to the value for {@code key} (absent counts as 0) and returns it. */
  public long add(long key, long delta) {
    long updated = Math.addExact(get(key, 0L), delta);
    put(key, updated);
    return updated;
  }

  /** Removes {@code key}; returns whether it was present. */
  public boolean remove(long key) {
    int i = indexOf(key);
    if (i < 0) {
      return false;
    }
    deleteSlot(i);
    return true;
  }

  public void clear() {
    Arrays.fill(used, false);
    size = 0;
  }

  /** The keys in ascending order: the only order in which this map may reach an output. */
  public long[] sortedKeys() {
    long[] out = new long[size];
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      if (used[i]) {
        out[n++] = keys[i];
      }
    }
    Arrays.sort(out);
    return out;
  }

  /** Visits every entry in table order (arbitrary): for sums and checks, never for output. */
  public void forEach(LongLongConsumer consumer) {
    for (int i = 0; i < keys.length; i++) {
      if (used[i]) {
        consumer.accept(keys[i], values[i]);
      }
    }
  }

  /** Receives one entry of a {@link LongLongMap}. */
  @FunctionalInterface
  public interface LongLongConsumer {
    void accept(long key, long value);
  }

  private int indexOf(long key) {
    int i = LongObjectMap.home(key, mask);
    while (used[i]) {
      if (keys[i] == key) {
        return i;
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  private void deleteSlot(int slot) {
    int hole = slot;
    int i = (slot + 1) & mask;
    while (used[i]) {
      int home = LongObjectMap.home(keys[i], mask);
      if (((i - home) & mask) >= ((i - hole) & mask)) {
        keys[hole] = keys[i];
        values[hole] = values[i];
        hole = i;
      }
      i = (i + 1) & mask;
    }
    used[hole] = false;
    size--;
  }

  private void resize(int capacity) {
    long[] oldKeys = keys;
    long[] oldValues = values;
    boolean[] oldUsed = used;
    keys = new long[capacity];
    values = new long[capacity];
    used = new boolean[capacity];
    mask = capacity - 1;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldUsed[i]) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }
}
