package org.computecap.journal.postgres;

import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.journal.AnchorCheck;
import org.computecap.engine.journal.Verification;

/**
 * What reading the journal table found: intact with its entry count and head hash, or the first bad
 * entry ({@code badSeq}) and why, with the same kinds of damage and the same rules for which entry
 * is named as the file journal's {@link Verification}: a row whose contents no longer match its
 * hash is named itself; a row edited and rehashed is named through its successor's {@code
 * prev_hash}; a missing row is named by the seq that should have been there. A table has no byte
 * offsets, so there are none here; {@code entries} and {@code headHash} describe the intact prefix
 * before the bad entry. Checked against head hashes kept elsewhere (checkpoints, an expected head),
 * a table that lost its last rows or had them rewritten (by a superuser with the triggers off) is
 * named in the same words as a server start names it.
 */
public record TableVerification(
    boolean intact,
    long entries,
    byte[] headHash,
    long badSeq,
    Verification.Problem problem,
    String detail) {

  static TableVerification ok(long entries, byte[] head) {
    return new TableVerification(true, entries, head, 0, null, null);
  }

  static TableVerification bad(
      long entries, byte[] head, long badSeq, Verification.Problem problem, String detail) {
    return new TableVerification(false, entries, head, badSeq, problem, detail);
  }

  /** One line for people, worded like the file journal's summary. */
  public String summary() {
    if (intact) {
      return "journal table intact: " + entries + " entries, head " + CanonicalWriter.hex(headHash);
    }
    if (problem == Verification.Problem.TAIL_MISSING
        || problem == Verification.Problem.REWRITTEN
        || problem == Verification.Problem.HEAD_NOT_FOUND) {
      return new AnchorCheck.Failure(badSeq, problem, detail).summary(entries);
    }
    return "journal table damaged: first bad entry seq="
        + badSeq
        + " ("
        + problem
        + ": "
        + detail
        + "); "
        + entries
        + " entries before it are intact";
  }
}
