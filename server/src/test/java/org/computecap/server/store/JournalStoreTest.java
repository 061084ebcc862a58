package org.computecap.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.computecap.engine.journal.InMemoryJournal;
import org.computecap.server.ApiClient;
import org.computecap.server.Server;
import org.junit.jupiter.api.Test;

/** The journal seam: providers are found by URL through ServiceLoader, files by default. */
class JournalStoreTest {
  @Test
  void a_journal_url_is_opened_by_the_provider_that_accepts_it() {
    assertThat(JournalStore.openUrl("memory:test")).isInstanceOf(InMemoryJournal.class);
  }

  @Test
  void a_journal_url_no_provider_accepts_names_the_providers_found() {
    assertThatThrownBy(() -> JournalStore.openUrl("jdbc:nothing://x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("journal-url")
        .hasMessageContaining("MemoryJournalProvider");
  }

  @Test
  void a_server_on_a_provided_journal_writes_the_genesis_and_the_regulator_token_there()
      throws Exception {
    Path data = Files.createTempDirectory("computecap-store").resolve("not-yet-created");
    Path program = Path.of("..", "examples", "programs", "p2-risk-weighted.yaml");
    try (Server s =
        Server.start(
            new Server.Options(data, "memory:x", program, 3, "127.0.0.1", 0),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            e -> {})) {
      ApiClient reg =
          new ApiClient(URI.create("http://127.0.0.1:" + s.port()), s.newRegulatorToken());
      // The genesis, then the market regulator's token (journaled, as every token is).
      assertThat(reg.get("/api/journal/head").body().path("seq").asLong()).isEqualTo(2);
      assertThat(reg.openAccount(1, "alice", "PARTICIPANT").status()).isEqualTo(201);
      assertThat(Files.exists(data.resolve("tokens"))).isFalse();
      assertThat(Files.exists(data.resolve(JournalStore.FILE_NAME))).isFalse();
    }
  }
}
