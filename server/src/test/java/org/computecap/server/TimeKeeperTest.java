package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.computecap.server.Harness.expect;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server moves logical time on from its clock (issue 15): a transfer to an account off the
 * sender's trusted list executes once its delay has passed, by an {@code AdvanceTime} the server
 * journals itself, and a restart reaches the same state hash, persons' tokens still working.
 */
class TimeKeeperTest {
  @Test
  void a_delayed_transfer_executes_when_its_delay_passes_and_a_restart_replays_it_exactly()
      throws Exception {
    Path dir = Files.createTempDirectory("computecap-time");
    Path program = RepresentativesHttpTest.program(dir, 300);
    RepresentativesHttpTest.setUp(RepresentativesHttpTest.serve(dir, program));
    String hash;
    String boToken;
    try {
      boToken = RepresentativesHttpTest.TOKENS.get(RepresentativesHttpTest.bo);
      long alice = RepresentativesHttpTest.freePermits(1);
      JsonNode delayed =
          expect(
                  RepresentativesHttpTest.bo.post(
                      "/api/transfers",
                      Map.of("fromAccountId", 2, "toAccountId", 1, "vintage", 1, "quantity", 5)),
                  200)
              .body();
      assertThat(delayed.toString()).contains("TransactionDelayed");
      assertThat(RepresentativesHttpTest.freePermits(1)).isEqualTo(alice);
      long deadline = System.currentTimeMillis() + 20_000;
      while (RepresentativesHttpTest.freePermits(1) == alice
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertThat(RepresentativesHttpTest.freePermits(1)).isEqualTo(alice + 5);
      assertThat(expect(RepresentativesHttpTest.bo.get("/api/transactions"), 200).body()).isEmpty();
      hash = stateHash(RepresentativesHttpTest.anonymous);
    } finally {
      RepresentativesHttpTest.server.close();
    }
    Server again = RepresentativesHttpTest.serve(dir, program);
    try {
      ApiClient anonymous =
          new ApiClient(java.net.URI.create("http://127.0.0.1:" + again.port()), null);
      assertThat(stateHash(anonymous)).isEqualTo(hash);
      // The persons' tokens come back with the engine state, without the read model's image.
      JsonNode me = expect(anonymous.withToken(boToken).get("/api/me"), 200).body();
      assertThat(me.path("personId").asLong()).isEqualTo(12);
    } finally {
      again.close();
    }
  }

  /** The state hash at the journal head, once the writer has hashed the head. */
  private static String stateHash(ApiClient c) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      JsonNode head = c.get("/api/journal/head").body();
      if (head.path("seq").asLong() == head.path("stateHashSeq").asLong()) {
        return head.path("seq").asText() + " " + head.path("stateHash").asText();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the state hash did not catch up with the journal head");
  }
}
