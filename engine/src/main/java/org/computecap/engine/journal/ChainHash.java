package org.computecap.engine.journal;

import java.security.DigestException;
import java.security.MessageDigest;

/**
 * The journal's chain hash, SHA-256 over {@code seq, tick, prevHash, command} exactly as {@link
 * JournalEntry#hashOf}, written straight into a caller's array: the append hot path computes one
 * per command, and allocating a digest array and an entry for each would make every command leave
 * garbage behind (and, in a journal kept in memory, four retained objects). One instance per
 * journal; not thread-safe.
 */
final class ChainHash {
  private final MessageDigest sha256 = JournalEntry.sha256();
  private final byte[] numbers = new byte[16];

  /** Writes the hash of entry {@code seq} into {@code out} at {@code outAt}. */
  void hash(long seq, long tick, byte[] prevHash, byte[] command, byte[] out, int outAt) {
    hash(seq, tick, prevHash, command, 0, command.length, out, outAt);
  }

  /** The same, for a command stored at {@code commandAt} in a larger array. */
  void hash(
      long seq,
      long tick,
      byte[] prevHash,
      byte[] command,
      int commandAt,
      int commandLength,
      byte[] out,
      int outAt) {
    Bytes.putLong(numbers, 0, seq);
    Bytes.putLong(numbers, 8, tick);
    sha256.reset();
    sha256.update(numbers);
    sha256.update(prevHash, 0, JournalEntry.HASH_BYTES);
    sha256.update(command, commandAt, commandLength);
    try {
      sha256.digest(out, outAt, JournalEntry.HASH_BYTES);
    } catch (DigestException e) {
      throw new AssertionError("SHA-256 into a 32-byte slot cannot fail", e);
    }
  }
}
