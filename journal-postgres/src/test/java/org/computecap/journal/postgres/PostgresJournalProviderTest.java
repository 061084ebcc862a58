package org.computecap.journal.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.computecap.engine.journal.Journal;
import org.computecap.server.store.JournalStore;
import org.junit.jupiter.api.Test;

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
