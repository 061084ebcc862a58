package org.computecap.engine;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Reads back what {@link CanonicalWriter} wrote (the body of a {@link Snapshot}), digesting every
 * byte it reads, so that the reader of a snapshot can check the body against its recorded state
 * hash. Each feature's {@code readCanonical} mirrors its {@code writeCanonical} field for field.
 * Malformed input (a wrong section, a negative count, a string too long, the end of the stream)
 * throws {@link IllegalArgumentException} naming what was expected and where.
 */
public final class CanonicalReader {
  /** No count or length in a snapshot can exceed this (it guards allocations on bad input). */
  private static final int MAX_LENGTH = 1 << 30;

  private final InputStream in;
  private final MessageDigest digest = CanonicalWriter.sha256();
  private final byte[] buffer = new byte[8];
  private long position;

  CanonicalReader(InputStream in) {
    this.in = in;
  }

  /** Reads a section header and checks that it is {@code name}. */
  public CanonicalReader section(String name) {
    String actual = readString();
    if (!actual.equals("§" + name)) {
      throw new IllegalArgumentException(
          "snapshot: expected section " + name + " at byte " + position + ", found " + actual);
    }
    return this;
  }

  public long readLong() {
    fill(8);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = v << 8 | (buffer[i] & 0xFF);
    }
    return v;
  }

  public int readInt() {
    fill(4);
    return (buffer[0] & 0xFF) << 24
        | (buffer[1] & 0xFF) << 16
        | (buffer[2] & 0xFF) << 8
        | buffer[3] & 0xFF;
  }

  public boolean readBoolean() {
    fill(1);
    if (buffer[0] != 0 && buffer[0] != 1) {
      throw new IllegalArgumentException(
          "snapshot: a boolean at byte " + (position - 1) + " is " + buffer[0]);
    }
    return buffer[0] == 1;
  }

  /** A count (of entries, orders...) that must lie in {@code [0, 2^30]}. */
  public int readCount() {
    int n = readInt();
    if (n < 0 || n > MAX_LENGTH) {
      throw new IllegalArgumentException("snapshot: count " + n + " at byte " + (position - 4));
    }
    return n;
  }

  public String readString() {
    return new String(readBytes(), StandardCharsets.UTF_8);
  }

  public byte[] readBytes() {
    int n = readCount();
    byte[] bytes = new byte[n];
    read(bytes, n);
    return bytes;
  }

  /** Reads what {@link CanonicalWriter#writeLongs} wrote into {@code into}. */
  public void readLongs(Map<Long, Long> into) {
    int n = readCount();
    for (int i = 0; i < n; i++) {
      into.put(readLong(), readLong());
    }
  }

  /** The SHA-256 of every byte read so far; the reader must not be used afterwards. */
  byte[] finish() {
    return digest.digest();
  }

  private void fill(int n) {
    read(buffer, n);
  }

  private void read(byte[] into, int n) {
    try {
      int done = 0;
      while (done < n) {
        int got = in.read(into, done, n - done);
        if (got < 0) {
          throw new EOFException();
        }
        done += got;
      }
    } catch (EOFException e) {
      throw new IllegalArgumentException(
          "snapshot: ends at byte " + position + ", in the middle of the state", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the snapshot", e);
    }
    digest.update(into, 0, n);
    position += n;
  }
}
