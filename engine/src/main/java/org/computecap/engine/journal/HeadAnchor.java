package org.computecap.engine.journal;

import java.util.Arrays;
import org.computecap.engine.CanonicalWriter;

/**
 * A head hash recorded outside the journal: "entry {@code seq} had hash {@code hash}", from a
 * signed checkpoint or an operator's note ({@code journal verify --expect-head HASH@SEQ}). A
 * journal whose last entries were cut off, or whose last entry was edited and rehashed, still
 * verifies on its own; only a hash kept elsewhere tells. {@code seq} 0 means the seq was not
 * recorded: the hash must then be some entry's hash. {@code source} says where the anchor came
 * from, for messages.
 */
public record HeadAnchor(long seq, byte[] hash, String source) {
  public HeadAnchor {
    if (seq < 0) {
      throw new IllegalArgumentException("seq must be >= 0 (0: not recorded), got " + seq);
    }
    if (hash == null || hash.length != JournalEntry.HASH_BYTES) {
      throw new IllegalArgumentException("hash must be " + JournalEntry.HASH_BYTES + " bytes");
    }
    hash = hash.clone();
  }

  /**
   * Parses {@code HASH} or {@code HASH@SEQ} (64 hex digits, optionally a seq >= 1), as {@code
   * --expect-head} takes it; a malformed value is refused naming the option and the rule.
   */
  public static HeadAnchor parse(String text, String source) {
    String hex = text;
    long seq = 0;
    int at = text.indexOf('@');
    if (at >= 0) {
      hex = text.substring(0, at);
      try {
        seq = Long.parseLong(text.substring(at + 1));
      } catch (NumberFormatException e) {
        seq = -1;
      }
      if (seq < 1) {
        throw new IllegalArgumentException(
            source + ": the seq after '@' must be a whole number >= 1, got '" + text + "'");
      }
    }
    return new HeadAnchor(seq, unhex(hex, source), source);
  }

  /** 64 hex digits into 32 bytes; anything else is refused naming {@code what}. */
  public static byte[] unhex(String hex, String what) {
    if (hex.length() != JournalEntry.HASH_BYTES * 2) {
      throw new IllegalArgumentException(
          what + ": a head hash is 64 hex digits, got " + hex.length() + " characters");
    }
    byte[] out = new byte[JournalEntry.HASH_BYTES];
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(hex.charAt(2 * i), 16);
      int lo = Character.digit(hex.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        throw new IllegalArgumentException(
            what
                + ": a head hash is 64 hex digits, found '"
                + hex.substring(2 * i, 2 * i + 2)
                + "'");
      }
      out[i] = (byte) (hi << 4 | lo);
    }
    return out;
  }

  @Override
  public byte[] hash() {
    return hash.clone();
  }

  /** {@code HASH@SEQ}, or {@code HASH} when the seq was not recorded. */
  public String text() {
    return CanonicalWriter.hex(hash) + (seq == 0 ? "" : "@" + seq);
  }

  boolean matches(byte[] other) {
    return Arrays.equals(hash, other);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HeadAnchor a
        && seq == a.seq
        && Arrays.equals(hash, a.hash)
        && source.equals(a.source);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(seq) * 31 + Arrays.hashCode(hash);
  }

  @Override
  public String toString() {
    return "HeadAnchor[" + text() + " from " + source + "]";
  }
}
