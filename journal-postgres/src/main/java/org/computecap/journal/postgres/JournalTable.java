package org.computecap.journal.postgres;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.computecap.engine.journal.AnchorCheck;
import org.computecap.engine.journal.JournalEntry;
import org.computecap.engine.journal.Verification.Problem;

/**
 * The SQL for the journal table (created by the Flyway migration {@code V1__journal_table.sql}) and
 * its reader. Reading streams the rows in seq order through a server-side cursor, so a journal of
 * millions of entries is never held in memory, and checks each row the way the file journal's
 * reader checks a record: its seq, the lengths of its hashes, its hash against the engine's own
 * {@link JournalEntry#hashMatches}, and its link to the row before. Only rows that passed are given
 * to the visitor.
 */
final class JournalTable {
  static final String INSERT =
      "INSERT INTO computecap_journal"
          + " (seq, tick, prev_hash, hash, command) VALUES (?, ?, ?, ?, ?)";
  static final String SELECT_ALL =
      "SELECT seq, tick, prev_hash, hash, command" + " FROM computecap_journal ORDER BY seq";

  /** Rows fetched per round trip while reading. */
  private static final int FETCH_ROWS = 2_000;

  private JournalTable() {}

  /** Inserts the entries with one JDBC batch (rewritten by the driver into multi-row inserts). */
  static void insert(Connection c, List<JournalEntry> entries) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      for (JournalEntry e : entries) {
        ps.setLong(1, e.seq());
        ps.setLong(2, e.tick());
        ps.setBytes(3, e.prevHash());
        ps.setBytes(4, e.hash());
        ps.setBytes(5, e.command());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * Passes every entry of the intact prefix to {@code visitor}, in order, and returns what it
   * found. Runs in its own read-only transaction (a cursor needs one), so it sees one snapshot.
   */
  static TableVerification read(Connection c, Consumer<JournalEntry> visitor) throws SQLException {
    return read(c, visitor, AnchorCheck.none());
  }

  /** {@link #read(Connection, Consumer)}, checking every row against head hashes kept elsewhere. */
  static TableVerification read(Connection c, Consumer<JournalEntry> visitor, AnchorCheck anchors)
      throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement(SELECT_ALL)) {
      ps.setFetchSize(FETCH_ROWS);
      try (ResultSet rs = ps.executeQuery()) {
        return check(rs, visitor, anchors);
      }
    } finally {
      c.rollback();
      c.setAutoCommit(autoCommit);
    }
  }

  private static TableVerification check(
      ResultSet rs, Consumer<JournalEntry> visitor, AnchorCheck anchors) throws SQLException {
    MessageDigest sha256 = JournalEntry.sha256();
    byte[] head = JournalEntry.genesisHash();
    byte[] headBefore = head;
    long seq = 0;
    while (rs.next()) {
      long expected = seq + 1;
      long found = rs.getLong(1);
      if (found != expected) {
        return TableVerification.bad(
            seq, head, expected, Problem.OUT_OF_SEQUENCE, "found seq " + found);
      }
      byte[] prev = rs.getBytes(3);
      byte[] hash = rs.getBytes(4);
      byte[] command = rs.getBytes(5);
      if (!sized(prev) || !sized(hash) || command == null) {
        return TableVerification.bad(
            seq,
            head,
            expected,
            Problem.CORRUPT,
            "prev_hash and hash must be " + JournalEntry.HASH_BYTES + " bytes and command present");
      }
      JournalEntry e = new JournalEntry(found, rs.getLong(2), prev, hash, command);
      if (!e.hashMatches(sha256)) {
        return TableVerification.bad(
            seq, head, expected, Problem.EDITED, "the entry's contents do not match its hash");
      }
      if (!Arrays.equals(prev, head)) {
        if (expected == 1) {
          return TableVerification.bad(
              0,
              head,
              1,
              Problem.EDITED,
              "the first entry's prev_hash is not the genesis hash (32 zero bytes)");
        }
        return TableVerification.bad(
            seq - 1,
            headBefore,
            seq,
            Problem.EDITED,
            "its hash differs from the prev_hash recorded by entry "
                + expected
                + " (this entry was edited and rehashed, or entry "
                + expected
                + "'s link was)");
      }
      AnchorCheck.Failure anchored = anchors.visit(expected, hash);
      if (anchored != null) {
        return TableVerification.bad(
            seq, head, anchored.badSeq(), anchored.problem(), anchored.detail());
      }
      visitor.accept(e);
      headBefore = head;
      head = hash;
      seq = expected;
    }
    AnchorCheck.Failure missing = anchors.finish(seq, head);
    if (missing != null) {
      return TableVerification.bad(
          seq, head, missing.badSeq(), missing.problem(), missing.detail());
    }
    return TableVerification.ok(seq, head);
  }

  private static boolean sized(byte[] hash) {
    return hash != null && hash.length == JournalEntry.HASH_BYTES;
  }
}
