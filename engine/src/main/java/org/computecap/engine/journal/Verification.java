package org.computecap.engine.journal;

/**
 * What reading a journal file found: intact with its entry count and head hash, or the first bad
 * entry ({@code badSeq}, the byte offset where its record starts, and why). The good prefix ends at
 * {@code goodBytes}.
 */
public record Verification(
    boolean intact,
    long entries,
    byte[] headHash,
    long goodBytes,
    long badSeq,
    long badOffset,
    Problem problem,
    String detail) {

  /** The kinds of damage {@code verify} tells apart. */
  public enum Problem {
    /** The file does not start with the journal header. */
    NOT_A_JOURNAL,
    /** The file ends inside a record (a torn write at the tail). */
    TRUNCATED,
    /** A record's length or checksum is wrong: the bytes were damaged. */
    CORRUPT,
    /** A record is well-formed but its contents no longer match its hash or its successor's. */
    EDITED,
    /** A record's seq is not the one after its predecessor's (removed or inserted entries). */
    OUT_OF_SEQUENCE
  }

  static Verification ok(long entries, byte[] head, long bytes) {
    return new Verification(true, entries, head, bytes, 0, 0, null, null);
  }

  static Verification bad(
      long entries,
      byte[] head,
      long goodBytes,
      long badSeq,
      long badOffset,
      Problem problem,
      String detail) {
    return new Verification(false, entries, head, goodBytes, badSeq, badOffset, problem, detail);
  }

  /** One line for people, e.g. for {@code computecap journal verify}. */
  public String summary() {
    if (intact) {
      return "journal intact: "
          + entries
          + " entries, head "
          + org.computecap.engine.CanonicalWriter.hex(headHash);
    }
    return "journal damaged: first bad entry seq="
        + badSeq
        + " at byte offset "
        + badOffset
        + " ("
        + problem
        + ": "
        + detail
        + "); "
        + entries
        + " entries before it are intact";
  }
}
