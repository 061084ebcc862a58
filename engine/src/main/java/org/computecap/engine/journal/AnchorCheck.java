package org.computecap.engine.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.computecap.engine.CanonicalWriter;

/**
 * Checks a journal, entry by entry as a reader streams it, against head hashes recorded elsewhere
 * ({@link HeadAnchor}s): the file reader and the PostgreSQL table reader both use it, so both name
 * a cut-off tail or a rewritten entry in the same words. Anchors with a seq are checked when that
 * entry passes; anchors without one must match some entry's hash by the end.
 *
 * <p>A checkpoint only says what the head was when it was taken: an entry rewritten after the last
 * checkpoint's seq is found by the next checkpoint or by nothing, which is why the server takes
 * them regularly and why operators copy them elsewhere.
 */
public final class AnchorCheck {
  /** What an anchor found wrong: the entry to name, the kind of damage and why. */
  public record Failure(long badSeq, Verification.Problem problem, String detail) {
    /**
     * One line for people, worded like {@link Verification#summary}, for journals without byte
     * offsets (a table, a journal checked while it is replayed); {@code entriesBefore} entries came
     * before the bad one.
     */
    public String summary(long entriesBefore) {
      return "journal damaged: first bad entry seq="
          + badSeq
          + " ("
          + problem
          + ": "
          + detail
          + "); "
          + entriesBefore
          + " entries before it verify on their own";
    }
  }

  private final TreeMap<Long, List<HeadAnchor>> bySeq = new TreeMap<>();
  private final List<HeadAnchor> unsequenced = new ArrayList<>();
  private final boolean[] found;

  public AnchorCheck(List<HeadAnchor> anchors) {
    for (HeadAnchor a : anchors) {
      if (a.seq() == 0) {
        unsequenced.add(a);
      } else {
        bySeq.computeIfAbsent(a.seq(), s -> new ArrayList<>()).add(a);
      }
    }
    found = new boolean[unsequenced.size()];
  }

  /** No anchors: every check passes. */
  public static AnchorCheck none() {
    return new AnchorCheck(List.of());
  }

  /** Checks entry {@code seq} with hash {@code hash}; null when it agrees with every anchor. */
  public Failure visit(long seq, byte[] hash) {
    for (int i = 0; i < unsequenced.size(); i++) {
      found[i] |= unsequenced.get(i).matches(hash);
    }
    List<HeadAnchor> at = bySeq.get(seq);
    if (at == null) {
      return null;
    }
    for (HeadAnchor a : at) {
      if (!a.matches(hash)) {
        return new Failure(
            seq,
            Verification.Problem.REWRITTEN,
            "its hash "
                + CanonicalWriter.hex(hash)
                + " differs from "
                + CanonicalWriter.hex(a.hash())
                + " recorded by "
                + a.source()
                + ": the journal was rewritten at or before this entry");
      }
    }
    return null;
  }

  /**
   * After the last entry ({@code entries} in all, head {@code head}): a failure when an anchor
   * names a seq the journal does not reach, or an unsequenced anchor matched no entry.
   */
  public Failure finish(long entries, byte[] head) {
    if (!bySeq.isEmpty() && bySeq.lastKey() > entries) {
      HeadAnchor a = bySeq.lastEntry().getValue().get(0);
      return new Failure(
          entries + 1,
          Verification.Problem.TAIL_MISSING,
          "the journal ends at seq "
              + entries
              + " but "
              + a.source()
              + " recorded entry "
              + a.seq()
              + " (head "
              + CanonicalWriter.hex(a.hash())
              + "): entries "
              + (entries + 1)
              + ".."
              + a.seq()
              + " are missing");
    }
    for (int i = 0; i < unsequenced.size(); i++) {
      if (!found[i]) {
        HeadAnchor a = unsequenced.get(i);
        return new Failure(
            entries + 1,
            Verification.Problem.HEAD_NOT_FOUND,
            "no entry has the head hash "
                + CanonicalWriter.hex(a.hash())
                + " recorded by "
                + a.source()
                + " (this journal's head is "
                + CanonicalWriter.hex(head)
                + " at seq "
                + entries
                + "): entries were cut off or rewritten");
      }
    }
    return null;
  }

  /** Whether there is anything to check. */
  public boolean isEmpty() {
    return bySeq.isEmpty() && unsequenced.isEmpty();
  }
}
