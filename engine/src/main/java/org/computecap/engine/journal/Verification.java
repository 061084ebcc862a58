package org.computecap.engine.journal;

/**
 * What reading a journal file found: intact with its entry count and head hash, or the first bad
 * entry ({@code badSeq}, the byte offset where its record starts, and why). The good prefix ends at
 * {@code goodBytes}.
 *
 * <p>{@link Problem#TRUNCATED} is the one kind that is not damage: a torn tail, the incomplete last
 * record a crash leaves behind, which held nothing acknowledged ({@link FileJournal#open} moves it
 * aside). Every other kind stops a server from starting, with {@link #summary} as its message.
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
    /**
     * A torn tail: the last record is incomplete (the file ends inside it, or it ends in the zeros
     * a power loss leaves) and nothing valid follows it. A crash in the middle of a write, not
     * damage.
     */
    TRUNCATED,
    /** A record's length or checksum is wrong: the bytes were damaged. */
    CORRUPT,
    /** A record is well-formed but its contents no longer match its hash or its successor's. */
    EDITED,
    /** A record's seq is not the one after its predecessor's (removed or inserted entries). */
    OUT_OF_SEQUENCE,
    /** The journal ends before an entry that a checkpoint or an expected head recorded. */
    TAIL_MISSING,
    /** An entry's hash differs from the one a checkpoint or an expected head recorded for it. */
    REWRITTEN,
    /** An expected head hash without a seq is no entry's hash. */
    HEAD_NOT_FOUND
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

  /** Whether the only thing wrong is a torn tail, which opening the journal recovers from. */
  public boolean tornTail() {
    return problem == Problem.TRUNCATED;
  }

  /** One line for people, e.g. for {@code computecap journal verify}. */
  public String summary() {
    if (intact) {
      return "journal intact: "
          + entries
          + " entries, head "
          + org.computecap.engine.CanonicalWriter.hex(headHash);
    }
    if (tornTail()) {
      return "journal has a torn tail: the last record, seq="
          + badSeq
          + " at byte offset "
          + badOffset
          + ", is incomplete ("
          + detail
          + "); "
          + entries
          + " entries before it are intact, head "
          + org.computecap.engine.CanonicalWriter.hex(headHash)
          + " (a crash during a write: serve moves the torn bytes aside and continues)";
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
        + (anchored() ? " entries before it verify on their own" : " entries before it are intact");
  }

  /** Whether the problem was found against a head hash kept elsewhere, not in the file alone. */
  public boolean anchored() {
    return problem == Problem.TAIL_MISSING
        || problem == Problem.REWRITTEN
        || problem == Problem.HEAD_NOT_FOUND;
  }
}
