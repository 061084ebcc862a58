package org.computecap.engine.collections;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A map from {@code long} to objects with open addressing and linear probing: account and order
 * lookups without boxing. Iteration order is the table's and therefore arbitrary; anything that
 * reaches an output (the canonical state hash, a report) must go through {@link #sortedKeys()}.
 *
 * <p>Invariants: the table length is a power of two; {@code size < capacity * 3 / 4}; a slot is
 * used exactly when its value is non-null; deletion shifts entries back, so there are no tombstones
 * and probe chains never grow with churn.
 */
public final class LongObjectMap<V> {
  private long[] keys;
  private Object[] values;
  private int size;
  private int mask;

  public LongObjectMap() {
    this(16);
  }

  public LongObjectMap(int expectedSize) {
    if (expectedSize < 0) {
      throw new IllegalArgumentException("expectedSize must be >= 0, got " + expectedSize);
    }
    int capacity = tableSizeFor(expectedSize);
    keys = new long[capacity];
    values = new Object[capacity];
    mask = capacity - 1;
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public boolean containsKey(long key) {
    return get(key) != null;
  }

  /** Returns the value for {@code key}, or null when absent. */
  @SuppressWarnings("unchecked")
  public V get(long key) {
    int i = home(key, mask);
    Object v;
    while ((v = values[i]) != null) {
      if (keys[i] == key) {
        return (V) v;
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  /** Sets the value for {@code key} (non-null) and returns the previous value or null. */
  @SuppressWarnings("unchecked")
  public V put(long key, V value) {
    if (value == null) {
      throw new IllegalArgumentException("value must not be null (use remove)");
    }
    int i = home(key, mask);
    Object v;
    while ((v = values[i]) != null) {
      if (keys[i] == key) {
        values[i] = value;
        return (V) v;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    size++;
    if (size * 4L >= keys.length * 3L) {
      resize(keys.length * 2);
    }
    return null;
  }

  /** Removes {@code key} and returns its value, or null when it was absent. */
  @SuppressWarnings("unchecked")
  public V remove(long key) {
    int i = home(key, mask);
    Object v;
    while ((v = values[i]) != null) {
      if (keys[i] == key) {
        deleteSlot(i);
        return (V) v;
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  public void clear() {
    Arrays.fill(values, null);
    size = 0;
  }

  /** The keys in ascending order: the only order in which this map may reach an output. */
  public long[] sortedKeys() {
    long[] out = new long[size];
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      if (values[i] != null) {
        out[n++] = keys[i];
      }
    }
    Arrays.sort(out);
    return out;
  }

  /** Visits every value in table order (arbitrary): for sums and checks, never for output. */
  @SuppressWarnings("unchecked")
  public void forEachValue(Consumer<? super V> consumer) {
    for (Object v : values) {
      if (v != null) {
        consumer.accept((V) v);
      }
    }
  }

  static int tableSizeFor(int expectedSize) {
    long wanted = Math.max(4L, (expectedSize * 4L) / 3 + 1);
    long capacity = Long.highestOneBit(wanted - 1) << 1;
    if (capacity > (1 << 30)) {
      throw new IllegalArgumentException("expectedSize must be <= 2^29, got " + expectedSize);
    }
    return (int) capacity;
  }

  /** The home slot of {@code key}: a full 64-bit mix so sequential ids spread evenly. */
  static int home(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    h ^= h >>> 32;
    h *= 0xD6E8FEB86659FD93L;
    h ^= h >>> 32;
    return (int) h & mask;
  }

  private void deleteSlot(int slot) {
    int hole = slot;
    int i = (slot + 1) & mask;
    while (values[i] != null) {
      int home = home(keys[i], mask);
      if (((i - home) & mask) >= ((i - hole) & mask)) {
        keys[hole] = keys[i];
        values[hole] = values[i];
        hole = i;
      }
      i = (i + 1) & mask;
    }
    values[hole] = null;
    size--;
  }

  private void resize(int capacity) {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[capacity];
    values = new Object[capacity];
    mask = capacity - 1;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != null) {
        @SuppressWarnings("unchecked")
        V v = (V) oldValues[i];
        put(oldKeys[i], v);
      }
    }
  }
}
