package org.computecap.engine.registry;

import java.util.Arrays;

/**
 * The permits the ledger moved while one command ran, in order: each movement is a vintage, a
 * quantity and the two accounts (issuance comes from {@link SystemAccount#ISSUANCE}; surrender,
 * cancellation and expiry go into their system accounts). It is what the serial numbers of issue 15
 * are projected from ({@code org.computecap.engine.serial.SerialBook}): which serials move is
 * decided there, off the matching path, from these quantities alone.
 *
 * <p>Kept flat (four longs a movement) and reused from command to command, so that recording a fill
 * costs four array stores and no allocation. It is not state: the engine empties it when a command
 * starts, and it describes the last command applied until the next one starts. Reservations (a
 * resting sell order's hold) are not movements: the permits stay in their account.
 */
public final class PermitMovements {
  private static final int WIDTH = 4;
  private long[] data = new long[WIDTH * 8];
  private int size;

  private static final PermitMovements NONE = new PermitMovements();

  PermitMovements() {}

  /** No movements (before the market opens). */
  public static PermitMovements none() {
    return NONE;
  }

  /**
   * The movements {@code flat} holds (as {@link #toArray()} gives them), for a reader on another
   * thread; the array is not copied, so the caller hands it over.
   */
  public static PermitMovements of(long[] flat) {
    if (flat.length % WIDTH != 0) {
      throw new IllegalArgumentException(
          "movements are " + WIDTH + " longs each, got " + flat.length + " longs");
    }
    PermitMovements m = new PermitMovements();
    m.data = flat;
    m.size = flat.length / WIDTH;
    return m;
  }

  void record(long fromAccountId, long toAccountId, int vintage, long quantity) {
    int at = size * WIDTH;
    if (at + WIDTH > data.length) {
      data = Arrays.copyOf(data, data.length * 2);
    }
    data[at] = fromAccountId;
    data[at + 1] = toAccountId;
    data[at + 2] = vintage;
    data[at + 3] = quantity;
    size++;
  }

  /** Forgets what was recorded: a new command starts. */
  void clear() {
    size = 0;
  }

  /** Movements recorded. */
  public int size() {
    return size;
  }

  public long from(int k) {
    return data[k * WIDTH];
  }

  public long to(int k) {
    return data[k * WIDTH + 1];
  }

  public int vintage(int k) {
    return (int) data[k * WIDTH + 2];
  }

  public long quantity(int k) {
    return data[k * WIDTH + 3];
  }

  /** The movements as flat longs (from, to, vintage, quantity each); null when there are none. */
  public long[] toArray() {
    return size == 0 ? null : Arrays.copyOf(data, size * WIDTH);
  }
}
