package org.computecap.engine.exchange;

import java.util.Arrays;

/**
 * Open-addressing map from a positive long key to an int, with linear probing and backward-shift
 * deletion (no tombstones, so lookups stay short under churn). It exists so that the order book
 * finds an order's slot by id without boxing or per-entry allocation.
 *
 * <p>Key 0 marks an empty cell, so keys must be positive. The table doubles at half load. Iteration
 * order is never exposed, so it cannot leak into any output.
 */
final class LongIntMap {
  static final int MISSING = -1;

  private long[] keys;
  private int[] values;
  private int mask;
  private int size;

  LongIntMap(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    values = new int[capacity];
    mask = capacity - 1;
  }

  int size() {
    return size;
  }

  int get(long key) {
    int i = slot(key);
    while (true) {
      long k = keys[i];
      if (k == key) {
        return values[i];
      }
      if (k == 0) {
        return MISSING;
      }
      i = (i + 1) & mask;
    }
  }

  /** Maps the key to the value; the key must be absent. */
  void putNew(long key, int value) {
    if (key <= 0) {
      throw new IllegalArgumentException("key must be positive, was " + key);
    }
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int i = slot(key);
    while (keys[i] != 0) {
      if (keys[i] == key) {
        throw new IllegalArgumentException("key already present: " + key);
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    size++;
  }

  /** Removes the key; returns its value or {@link #MISSING}. */
  int remove(long key) {
    int i = slot(key);
    while (true) {
      long k = keys[i];
      if (k == 0) {
        return MISSING;
      }
      if (k == key) {
        break;
      }
      i = (i + 1) & mask;
    }
    int removed = values[i];
    size--;
    // Backward-shift: pull later entries of the probe run into the hole when their home
    // slot does not lie strictly between the hole and their current position.
    int hole = i;
    int j = (i + 1) & mask;
    while (keys[j] != 0) {
      int home = slot(keys[j]);
      if (((j - home) & mask) >= ((j - hole) & mask)) {
        keys[hole] = keys[j];
        values[hole] = values[j];
        hole = j;
      }
      j = (j + 1) & mask;
    }
    keys[hole] = 0;
    return removed;
  }

  void clear() {
    Arrays.fill(keys, 0);
    size = 0;
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      long k = oldKeys[i];
      if (k != 0) {
        int j = slot(k);
        while (keys[j] != 0) {
          j = (j + 1) & mask;
        }
        keys[j] = k;
        values[j] = oldValues[i];
      }
    }
  }
}
