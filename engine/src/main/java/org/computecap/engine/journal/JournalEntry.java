package org.computecap.engine.journal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * One journal entry: the command's position ({@code seq}, from 1), its logical tick, its encoded
 * bytes, the hash of the entry before it ({@code prevHash}, 32 zero bytes for the first) and its
 * own hash, SHA-256 over {@code seq, tick, prevHash, command}. Each hash covering the previous one
 * makes the journal a chain: changing any entry changes every hash after it.
 *
 * <p>The arrays are not copied (entries are built by journals and read by replay); callers must not
 * change them.
 */
public record JournalEntry(long seq, long tick, byte[] prevHash, byte[] hash, byte[] command) {
  /** The length of a SHA-256 hash. */
  public static final int HASH_BYTES = 32;

  /** The previous hash of the first entry. */
  public static byte[] genesisHash() {
    return new byte[HASH_BYTES];
  }

  public JournalEntry {
    if (seq < 1) {
      throw new IllegalArgumentException("seq must be >= 1, got " + seq);
    }
    if (prevHash.length != HASH_BYTES || hash.length != HASH_BYTES) {
      throw new IllegalArgumentException("hashes must be " + HASH_BYTES + " bytes");
    }
  }

  /**
   * Builds the entry that follows {@code prevHash}, computing its hash. Public so that journals
   * kept outside this package (the PostgreSQL journal) build exactly the same chain.
   */
  public static JournalEntry next(
      long seq, long tick, byte[] prevHash, byte[] command, MessageDigest sha256) {
    return new JournalEntry(
        seq, tick, prevHash, hashOf(seq, tick, prevHash, command, sha256), command);
  }

  /** Whether the stored hash matches the entry's contents. */
  public boolean hashMatches(MessageDigest sha256) {
    return Arrays.equals(hash, hashOf(seq, tick, prevHash, command, sha256));
  }

  static byte[] hashOf(long seq, long tick, byte[] prevHash, byte[] command, MessageDigest sha256) {
    byte[] numbers = new byte[16];
    Bytes.putLong(numbers, 0, seq);
    Bytes.putLong(numbers, 8, tick);
    sha256.reset();
    sha256.update(numbers);
    sha256.update(prevHash);
    sha256.update(command);
    return sha256.digest();
  }

  /** A SHA-256 digest for {@link #next} and {@link #hashMatches}; one per thread. */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JournalEntry e
        && seq == e.seq
        && tick == e.tick
        && Arrays.equals(prevHash, e.prevHash)
        && Arrays.equals(hash, e.hash)
        && Arrays.equals(command, e.command);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(seq) * 31 + Arrays.hashCode(hash);
  }

  @Override
  public String toString() {
    return "JournalEntry[seq=" + seq + ", tick=" + tick + ", " + command.length + " bytes]";
  }
}
