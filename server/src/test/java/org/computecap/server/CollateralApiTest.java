package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Collateral over HTTP (issue 17): a participant posts the program's cash collateral once, another
 * participant may not post it for them, a regulator gives it back, and the account's compliance
 * record shows both; a program without collateral refuses it by name.
 */
class CollateralApiTest {
  static final List<String> ROUTES =
      List.of(
          "POST /api/accounts/{accountId}/collateral",
          "POST /api/accounts/{accountId}/collateral-return");

  @Test
  void a_participant_posts_collateral_once_and_a_regulator_returns_it() throws Exception {
    Path dir = Files.createTempDirectory("computecap-collateral");
    Path program = dir.resolve("program.yaml");
    Files.writeString(
        program,
        Files.readString(Harness.program())
            + "enforcement:\n  collateral:\n    form: CASH\n    amount: 5000\n");
    try (Server server = start(dir, program)) {
      ApiClient anonymous = new ApiClient(URI.create("http://127.0.0.1:" + server.port()), null);
      ApiClient reg = anonymous.withToken(server.newRegulatorToken());
      status(reg.openAccount(1, "alice", "PARTICIPANT"), 201);
      status(reg.openAccount(2, "bob", "PARTICIPANT"), 201);
      ApiClient alice = anonymous.withToken(reg.enrolAccount(1));
      ApiClient bob = anonymous.withToken(reg.enrolAccount(2));
      status(reg.post("/api/accounts/1/deposits", Map.of("amountCents", 12_000)), 200);

      status(bob.post("/api/accounts/1/collateral", Map.of()), 403);
      ApiClient.Response posted = alice.post("/api/accounts/1/collateral", Map.of());
      status(posted, 200);
      assertThat(posted.body().toString()).contains("CollateralPosted");
      assertThat(alice.get("/api/accounts/1/cash").body().path("freeCents").asLong())
          .isEqualTo(7_000);
      refused(alice.post("/api/accounts/1/collateral", Map.of()), "COLLATERAL_ALREADY_POSTED");

      status(alice.post("/api/accounts/1/collateral-return", Map.of()), 403);
      status(reg.post("/api/accounts/1/collateral-return", Map.of()), 200);
      assertThat(alice.get("/api/accounts/1/cash").body().path("freeCents").asLong())
          .isEqualTo(12_000);
      refused(reg.post("/api/accounts/1/collateral-return", Map.of()), "NO_COLLATERAL_POSTED");

      List<String> record = new ArrayList<>();
      for (JsonNode row : alice.get("/api/accounts/1/compliance").body().path("items")) {
        record.add(row.path("event").asText());
      }
      assertThat(record).containsExactly("CollateralPosted", "CollateralReturned");
      // Bob has no cash: refused by name, nothing moves.
      refused(bob.post("/api/accounts/2/collateral", Map.of()), "INSUFFICIENT_CASH");
    }
  }

  @Test
  void a_program_without_collateral_refuses_it_by_name() throws Exception {
    Path dir = Files.createTempDirectory("computecap-collateral");
    try (Server server = start(dir, Harness.program())) {
      ApiClient anonymous = new ApiClient(URI.create("http://127.0.0.1:" + server.port()), null);
      ApiClient reg = anonymous.withToken(server.newRegulatorToken());
      status(reg.openAccount(1, "alice", "PARTICIPANT"), 201);
      ApiClient alice = anonymous.withToken(reg.enrolAccount(1));
      refused(alice.post("/api/accounts/1/collateral", Map.of()), "COLLATERAL_NOT_REQUIRED");
    }
  }

  private static Server start(Path dir, Path program) throws Exception {
    return Server.start(
        new Server.Options(dir.resolve("data"), null, program, 7, "127.0.0.1", 0),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        e -> {});
  }

  private static void refused(ApiClient.Response r, String code) {
    assertThat(r.status()).as(r.text()).isEqualTo(409);
    assertThat(r.body().path("code").asText()).isEqualTo(code);
  }

  private static void status(ApiClient.Response r, int expected) {
    assertThat(r.status()).as(r.text()).isEqualTo(expected);
  }
}
