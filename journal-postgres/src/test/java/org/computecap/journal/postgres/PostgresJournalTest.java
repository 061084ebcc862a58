package org.computecap.journal.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.computecap.engine.Engine;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.journal.InMemoryJournal;
import org.computecap.engine.journal.Journal;
import org.computecap.engine.journal.JournalEntry;
import org.computecap.engine.journal.JournaledEngine;
import org.computecap.engine.journal.Replay;
import org.computecap.engine.journal.Verification.Problem;
import org.junit.jupiter.api.Test;

class PostgresJournalTest {
  private static final ProgramParser PARSER = ProgramParser.standard();
  private final CommandCodec codec = CommandCodec.standard();
  private final String url = TestDatabase.freshUrl();

  /** Runs {@code commands} workload commands into {@code journal}, flushing every 37. */
  private Engine run(Journal journal, int commands) {
    JournaledEngine je = new JournaledEngine(new Engine(PARSER), journal, codec);
    Workload w = new Workload(11);
    for (int i = 1; i <= commands; i++) {
      je.submit(w.tick(), w.next());
      if (i % 37 == 0) {
        je.flush();
      }
    }
    je.flush();
    return je.engine();
  }

  private long rows() throws SQLException {
    try (Connection c = TestDatabase.superuser(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM computecap_journal")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void the_table_holds_the_same_chain_as_the_memory_journal() {
    InMemoryJournal memory = new InMemoryJournal();
    run(memory, 1_500);
    try (PostgresJournal table = PostgresJournal.open(url)) {
      run(table, 1_500);
      assertThat(table.size()).isEqualTo(1_500);
      assertThat(table.headHash()).isEqualTo(memory.headHash());
      assertThat(table.commits()).isEqualTo(1_500 / 37 + 1);
      List<JournalEntry> read = new ArrayList<>();
      table.forEach(read::add);
      assertThat(read).hasSize(1_500);
      for (JournalEntry e : read) {
        assertThat(e).isEqualTo(memory.entry(e.seq()));
      }
    }
  }

  @Test
  void replay_of_the_reopened_table_rebuilds_the_same_state_hash() {
    Engine original;
    try (PostgresJournal table = PostgresJournal.open(url)) {
      original = run(table, 1_000);
    }
    try (PostgresJournal reopened = PostgresJournal.open(url)) {
      assertThat(reopened.size()).isEqualTo(1_000);
      Engine replayed = Replay.rebuild(reopened, PARSER, codec);
      assertThat(replayed.stateHash()).isEqualTo(original.stateHash());
      assertThat(reopened.verify().summary()).startsWith("journal table intact: 1000 entries");
    }
  }

  @Test
  void a_reopened_table_continues_the_chain() {
    InMemoryJournal memory = new InMemoryJournal();
    memory.append(1, new byte[] {1});
    memory.append(2, new byte[] {2, 2});
    memory.append(3, new byte[] {3});
    try (PostgresJournal table = PostgresJournal.open(url)) {
      table.append(1, new byte[] {1});
      table.append(2, new byte[] {2, 2});
    }
    try (PostgresJournal table = PostgresJournal.open(url)) {
      assertThat(table.append(3, new byte[] {3})).isEqualTo(memory.entry(3));
      table.flush();
      assertThat(table.verify().intact()).isTrue();
      assertThat(table.headHash()).isEqualTo(memory.headHash());
    }
  }

  @Test
  void appended_entries_reach_the_table_only_when_flushed() throws SQLException {
    try (PostgresJournal table = PostgresJournal.open(url)) {
      for (int i = 0; i < 10; i++) {
        table.append(i, new byte[] {(byte) i});
      }
      table.flush();
      for (int i = 0; i < 5_000; i++) {
        table.append(20, new byte[64]);
      }
      assertThat(rows()).isEqualTo(10);
      table.flush();
      assertThat(rows()).isEqualTo(5_010);
      assertThat(table.commits()).isEqualTo(2);
    }
  }

  @Test
  void commits_wait_for_the_wal_even_where_the_database_default_is_off() throws SQLException {
    try (Connection c = TestDatabase.superuser(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW synchronous_commit")) {
      rs.next();
      assertThat(rs.getString(1)).as("the embedded server's default").isEqualTo("off");
    }
    try (PostgresJournal table = PostgresJournal.open(url)) {
      assertThat(table.synchronousCommit()).isEqualTo("on");
    }
  }

  @Test
  void the_table_refuses_update_delete_and_truncate() throws SQLException {
    try (PostgresJournal table = PostgresJournal.open(url)) {
      table.append(1, new byte[] {1, 2, 3});
      table.flush();
    }
    try (Connection c = TestDatabase.superuser(url);
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute("UPDATE computecap_journal SET tick = 9"))
          .hasMessageContaining("append-only: UPDATE is refused");
      assertThatThrownBy(() -> s.execute("DELETE FROM computecap_journal"))
          .hasMessageContaining("append-only: DELETE is refused");
      assertThatThrownBy(() -> s.execute("TRUNCATE computecap_journal"))
          .hasMessageContaining("append-only: TRUNCATE is refused");
    }
    assertThat(rows()).isEqualTo(1);
    assertThat(PostgresJournal.verify(url).intact()).isTrue();
  }

  /** Runs {@code sql} as superuser with triggers off, as an attacker with full access could. */
  private void tamper(String sql, Object... params) throws SQLException {
    try (Connection c = TestDatabase.superuser(url)) {
      try (Statement s = c.createStatement()) {
        s.execute("SET session_replication_role = replica");
      }
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < params.length; i++) {
          ps.setObject(i + 1, params[i]);
        }
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
    }
  }

  private void journalOfTen() {
    try (PostgresJournal table = PostgresJournal.open(url)) {
      run(table, 10);
    }
  }

  @Test
  void an_edited_command_is_named_by_its_hash_and_the_journal_will_not_open() throws SQLException {
    journalOfTen();
    tamper("UPDATE computecap_journal SET command = command || '\\x00'::bytea WHERE seq = 6");
    TableVerification v = PostgresJournal.verify(url);
    assertThat(v.intact()).isFalse();
    assertThat(v.badSeq()).isEqualTo(6);
    assertThat(v.problem()).isEqualTo(Problem.EDITED);
    assertThat(v.entries()).isEqualTo(5);
    assertThat(v.summary()).contains("first bad entry seq=6");
    assertThatThrownBy(() -> PostgresJournal.open(url))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot append to a damaged journal")
        .hasMessageContaining("seq=6");
  }

  @Test
  void an_edit_that_rehashes_the_entry_is_named_through_its_successor() throws SQLException {
    journalOfTen();
    JournalEntry original;
    try (PostgresJournal table = PostgresJournal.open(url)) {
      List<JournalEntry> all = new ArrayList<>();
      table.forEach(all::add);
      original = all.get(4);
    }
    byte[] forged = original.command().clone();
    forged[forged.length - 1] ^= 1;
    JournalEntry rehashed =
        JournalEntry.next(5, original.tick(), original.prevHash(), forged, JournalEntry.sha256());
    tamper(
        "UPDATE computecap_journal SET command = ?, hash = ? WHERE seq = 5",
        forged,
        rehashed.hash());
    TableVerification v = PostgresJournal.verify(url);
    assertThat(v.badSeq()).isEqualTo(5);
    assertThat(v.problem()).isEqualTo(Problem.EDITED);
    assertThat(v.entries()).isEqualTo(4);
    assertThat(v.detail()).contains("prev_hash recorded by entry 6");
  }

  @Test
  void a_deleted_entry_is_named_as_out_of_sequence() throws SQLException {
    journalOfTen();
    tamper("DELETE FROM computecap_journal WHERE seq = 3");
    TableVerification v = PostgresJournal.verify(url);
    assertThat(v.badSeq()).isEqualTo(3);
    assertThat(v.problem()).isEqualTo(Problem.OUT_OF_SEQUENCE);
    assertThat(v.detail()).isEqualTo("found seq 4");
    assertThat(v.entries()).isEqualTo(2);
  }

  @Test
  void a_second_writer_on_the_same_table_is_refused() {
    try (PostgresJournal first = PostgresJournal.open(url)) {
      assertThatThrownBy(() -> PostgresJournal.open(url, Duration.ofMillis(200)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("open for writing by another process");
      first.append(1, new byte[] {1});
      first.flush();
    }
    try (PostgresJournal again = PostgresJournal.open(url, Duration.ofMillis(200))) {
      assertThat(again.size()).isEqualTo(1);
    }
  }

  @Test
  void a_url_that_is_not_postgresql_is_refused_naming_the_field() {
    assertThatThrownBy(() -> PostgresJournal.open("jdbc:mysql://db/x?password=secret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("journalUrl must start with jdbc:postgresql:")
        .hasMessageNotContaining("secret");
  }

  @Test
  void an_unreachable_database_is_reported_without_its_password() {
    assertThatThrownBy(
            () ->
                PostgresJournal.open(
                    "jdbc:postgresql://127.0.0.1:1/none?user=cc&password=secret&connectTimeout=2"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot connect to the journal database")
        .hasMessageContaining("password=***")
        .hasMessageNotContaining("secret");
  }
}
