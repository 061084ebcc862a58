package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.computecap.server.store.JournalStore;
import org.junit.jupiter.api.Test;

/**
 * Starting again on the same data directory: the journal is replayed into the same state (and the
 * same read model), tokens issued before still work, no second regulator token is made; and a
 * journal whose chain was edited stops the start with a message naming the bad entry.
 */
class RestartTest {
  @Test
  void a_restart_replays_the_same_state_and_keeps_the_tokens() throws Exception {
    String stateHash;
    String aliceToken;
    Path dir;
    try (Harness h = Harness.withCast()) {
      dir = h.dataDir;
      ApiClient alice = h.as.get(Harness.ALICE);
      Harness.expect(h.as.get(Harness.BOB).placeOrder(Harness.BOB, "BUY", "LIMIT", 900, 2, 1), 201);
      assertThat(alice.get("/api/me").status()).isEqualTo(200);
      aliceToken = alice.issueToken();
      stateHash = h.server.stateHashHex();
    }
    try (Server again = Harness.startServer(dir)) {
      assertThat(again.newRegulatorToken()).isNull();
      assertThat(again.stateHashHex()).isEqualTo(stateHash);
      ApiClient alice = new ApiClient(URI.create("http://127.0.0.1:" + again.port()), aliceToken);
      ApiClient.Response orders = alice.get("/api/accounts/1/orders");
      assertThat(orders.status()).isEqualTo(200);
      assertThat(orders.body().path("items").get(0).path("remaining").asLong()).isEqualTo(3);
      assertThat(
              alice.get("/api/trades").body().path("items").get(0).path("sellAccountId").asLong())
          .isEqualTo(Harness.ALICE);
      // The order ids continue after the replayed ones.
      ApiClient.Response sell = alice.placeOrder(Harness.ALICE, "SELL", "LIMIT", 5000, 1, 1);
      assertThat(sell.body().path("orderId").asLong()).isEqualTo(3);
    }
  }

  @Test
  void an_edited_journal_stops_the_start_naming_the_first_bad_entry() throws Exception {
    Path dir;
    try (Harness h = Harness.withCast()) {
      dir = h.dataDir;
    }
    Path journal = dir.resolve(JournalStore.FILE_NAME);
    try (RandomAccessFile f = new RandomAccessFile(journal.toFile(), "rw")) {
      long middle = f.length() / 2;
      f.seek(middle);
      int b = f.read();
      f.seek(middle);
      f.write(b ^ 0x5A);
    }
    assertThatThrownBy(() -> Harness.startServer(dir))
        .isInstanceOf(JournalStore.JournalDamagedException.class)
        .hasMessageContaining("first bad entry seq=");
  }

  @Test
  void a_program_that_does_not_exist_is_named_in_the_error() throws Exception {
    Path dir = Files.createTempDirectory("computecap-server");
    assertThatThrownBy(
            () ->
                Server.start(
                    new Server.Options(dir, null, dir.resolve("missing.yaml"), 1, "127.0.0.1", 0),
                    System.out,
                    e -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("program")
        .hasMessageContaining("missing.yaml");
  }
}
