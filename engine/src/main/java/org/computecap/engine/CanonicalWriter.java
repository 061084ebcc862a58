package org.computecap.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;

/**
 * Feeds an explicit, ordered binary encoding of the state into SHA-256: the canonical state hash
 * that replay compares. Big-endian fixed-width numbers, length-prefixed strings and named sections
 * (so two features can never produce the same bytes by accident). Callers write map contents in
 * sorted key order; object identity, {@code hashCode()} and map order never enter.
 *
 * <p>The encoding holds the whole state, so it is also the body of a {@link Snapshot}: given an
 * output stream, the writer copies every byte it digests there, and {@link CanonicalReader} reads
 * it back. Each {@code writeCanonical} therefore has a reader beside it that mirrors it field for
 * field; change both together.
 */
public final class CanonicalWriter {
  private final MessageDigest digest;
  private final OutputStream copy;
  private final byte[] buffer = new byte[8];

  /** A writer that only hashes. */
  public CanonicalWriter() {
    this(null);
  }

  /** A writer that hashes and also writes every byte to {@code copy} (a snapshot), unless null. */
  CanonicalWriter(OutputStream copy) {
    this.digest = sha256();
    this.copy = copy;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }

  private void update(byte[] bytes, int offset, int length) {
    digest.update(bytes, offset, length);
    if (copy != null) {
      try {
        copy.write(bytes, offset, length);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the snapshot", e);
      }
    }
  }

  /** Starts a named part of the state. */
  public CanonicalWriter section(String name) {
    writeString("§" + name);
    return this;
  }

  public CanonicalWriter writeLong(long v) {
    for (int i = 7; i >= 0; i--) {
      buffer[i] = (byte) v;
      v >>>= 8;
    }
    update(buffer, 0, 8);
    return this;
  }

  public CanonicalWriter writeInt(int v) {
    buffer[0] = (byte) (v >>> 24);
    buffer[1] = (byte) (v >>> 16);
    buffer[2] = (byte) (v >>> 8);
    buffer[3] = (byte) v;
    update(buffer, 0, 4);
    return this;
  }

  public CanonicalWriter writeBoolean(boolean v) {
    buffer[0] = (byte) (v ? 1 : 0);
    update(buffer, 0, 1);
    return this;
  }

  public CanonicalWriter writeString(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    writeInt(bytes.length);
    update(bytes, 0, bytes.length);
    return this;
  }

  public CanonicalWriter writeBytes(byte[] bytes) {
    writeInt(bytes.length);
    update(bytes, 0, bytes.length);
    return this;
  }

  /** A map of longs: its size, then each key and value in ascending key order. */
  public CanonicalWriter writeLongs(SortedMap<Long, Long> map) {
    writeInt(map.size());
    for (Map.Entry<Long, Long> e : map.entrySet()) {
      writeLong(e.getKey()).writeLong(e.getValue());
    }
    return this;
  }

  /** Finishes the hash; the writer must not be used afterwards. */
  public byte[] finish() {
    return digest.digest();
  }

  /** Lower-case hex of a hash, as printed by {@code journal replay}. */
  public static String hex(byte[] hash) {
    return HexFormat.of().formatHex(hash);
  }
}
