package org.computecap.journal.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.computecap.engine.journal.Journal;
import org.computecap.server.ApiClient;
import org.computecap.server.Server;
import org.computecap.server.store.JournalStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresJournalProviderTest {
  @Test
  void the_server_finds_the_postgresql_journal_for_a_jdbc_postgresql_url() {
    String url = TestDatabase.freshUrl();
    try (Journal journal = JournalStore.openUrl(url)) {
      assertThat(journal).isInstanceOf(PostgresJournal.class);
      journal.append(1, new byte[] {1});
      journal.flush();
    }
    assertThat(PostgresJournal.verify(url).entries()).isEqualTo(1);
  }

  @Test
  void a_server_refuses_a_table_that_lost_its_last_rows_against_its_signed_checkpoint(
      @TempDir Path dir) throws SQLException {
    String url = TestDatabase.freshUrl();
    Server.Options options =
        new Server.Options(
            dir, url, Path.of("../examples/programs/p2-risk-weighted.yaml"), 1, "127.0.0.1", 0);
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    try (Server server = Server.start(options, quiet, e -> {})) {
      ApiClient reg =
          new ApiClient(
              URI.create("http://127.0.0.1:" + server.port()), server.newRegulatorToken());
      for (long id = 1; id <= 3; id++) {
        assertThat(reg.openAccount(id, "p" + id, "PARTICIPANT").status()).isEqualTo(201);
      }
    }
    // The genesis, the regulator's token and three accounts: the clean stop checkpointed seq 5; a
    // superuser removes the last three rows, triggers off.
    assertThat(dir.resolve(JournalStore.URL_CHECKPOINTS_FILE_NAME)).exists();
    try (Connection c = TestDatabase.superuser(url);
        Statement s = c.createStatement()) {
      s.execute("SET session_replication_role = replica");
      s.execute("DELETE FROM computecap_journal WHERE seq >= 3");
    }
    assertThat(PostgresJournal.verify(url).intact()).as("the table alone looks fine").isTrue();
    assertThatThrownBy(() -> Server.start(options, quiet, e -> {}))
        .isInstanceOf(JournalStore.JournalDamagedException.class)
        .hasMessageContaining("first bad entry seq=3 (TAIL_MISSING")
        .hasMessageContaining(JournalStore.URL_CHECKPOINTS_FILE_NAME);
  }

  @Test
  void the_provider_accepts_only_postgresql_urls() {
    PostgresJournalProvider p = new PostgresJournalProvider();
    assertThat(p.accepts("jdbc:postgresql://db:5432/cc")).isTrue();
    assertThat(p.accepts("jdbc:mysql://db/cc")).isFalse();
    assertThat(p.accepts("/var/lib/computecap")).isFalse();
  }

  @Test
  void the_server_refuses_a_damaged_table_naming_the_first_bad_entry() throws SQLException {
    String url = TestDatabase.freshUrl();
    try (Journal journal = JournalStore.openUrl(url)) {
      for (int i = 1; i <= 4; i++) {
        journal.append(i, new byte[] {(byte) i});
      }
    }
    try (Connection c = TestDatabase.superuser(url);
        Statement s = c.createStatement()) {
      s.execute("SET session_replication_role = replica");
      s.execute("UPDATE computecap_journal SET tick = 99 WHERE seq = 2");
    }
    assertThatThrownBy(() -> JournalStore.openUrl(url))
        .isInstanceOf(JournalStore.JournalDamagedException.class)
        .hasMessageContaining("first bad entry seq=2");
  }
}
