package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;
import org.computecap.engine.command.MeterSignatures;
import org.computecap.engine.command.SubmitMeterReading;
import org.computecap.engine.script.ScriptMeterKeys;
import org.junit.jupiter.api.Test;

/**
 * Attested metering over HTTP (issue 17), under the P2 example program with a COMPUTE metering
 * section: only a regulator registers a meter; the participant posts its signed readings; a forged,
 * replayed, overlapping, gapped or backwards reading is refused 409 with its code and changes
 * nothing; another participant may not post for the account; the account's readings and attested
 * totals are listed.
 */
class MeteringApiTest {
  private static final KeyPair ALICE = ScriptMeterKeys.pair("alice");

  @Test
  void signed_readings_are_taken_once_in_order_and_every_broken_one_is_refused_by_name()
      throws Exception {
    Path dir = Files.createTempDirectory("computecap-metering");
    Path program = dir.resolve("program.yaml");
    Files.writeString(
        program,
        Files.readString(Harness.program())
            + "metering:\n  attested: SETTLES\n  measures: COMPUTE\n  unitGflop: 1000000\n");
    try (Server server =
        Server.start(
            new Server.Options(dir.resolve("data"), null, program, 7, "127.0.0.1", 0),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            e -> {})) {
      ApiClient anonymous = new ApiClient(URI.create("http://127.0.0.1:" + server.port()), null);
      ApiClient reg = anonymous.withToken(server.newRegulatorToken());
      status(reg.openAccount(1, "alice", "PARTICIPANT"), 201);
      status(reg.openAccount(2, "bob", "PARTICIPANT"), 201);
      ApiClient alice = anonymous.withToken(reg.enrolAccount(1));
      ApiClient bob = anonymous.withToken(reg.enrolAccount(2));

      Map<String, Object> meter = new LinkedHashMap<>();
      meter.put("meterId", 5);
      meter.put("accountId", 1);
      meter.put("publicKey", MeterSignatures.encode(ALICE.getPublic()));
      meter.put("description", "rack 7, node 3: 8 x H100");
      meter.put("meterClass", "NVML-H100");
      meter.put("uncertaintyPpm", 20_000);
      status(alice.post("/api/meters", meter), 403);
      status(reg.post("/api/meters", meter), 201);

      status(
          alice.post("/api/meters/5/readings", reading(ALICE, 1, 0, 60, 0, 1_000, 500_000)), 201);
      refused(alice, reading(ALICE, 1, 0, 60, 0, 1_000, 500_000), "METER_READING_REPLAYED");
      refused(
          alice,
          reading(ScriptMeterKeys.pair("mallory"), 2, 60, 120, 1_000, 2_000, 500_000),
          "METER_SIGNATURE_INVALID");
      refused(alice, reading(ALICE, 2, 59, 120, 1_000, 2_000, 500_000), "METER_READING_OVERLAP");
      refused(alice, reading(ALICE, 2, 61, 120, 1_000, 2_000, 500_000), "METER_READING_GAP");
      refused(alice, reading(ALICE, 2, 60, 120, 1_000, 999, 500_000), "METER_COUNTER_BACKWARDS");
      status(bob.post("/api/meters/5/readings", reading(ALICE, 2, 60, 120, 1_000, 2_000, 1)), 403);
      Map<String, Object> badSignature = reading(ALICE, 2, 60, 120, 1_000, 2_000, 500_000);
      badSignature.put("signature", "AAAA");
      ApiClient.Response malformed = alice.post("/api/meters/5/readings", badSignature);
      status(malformed, 400);
      assertThat(malformed.body().path("field").asText()).isEqualTo("signature");
      status(
          alice.post("/api/meters/5/readings", reading(ALICE, 2, 60, 120, 1_000, 2_000, 700_000)),
          201);

      JsonNode rows = alice.get("/api/accounts/1/meter-readings").body().path("items");
      assertThat(rows).hasSize(2);
      assertThat(rows.get(1).path("event").asText()).isEqualTo("MeterReadingAccepted");
      assertThat(rows.get(1).path("data").path("sequence").asLong()).isEqualTo(2);
      JsonNode totals = alice.get("/api/accounts/1/attested").body().path("periods");
      assertThat(totals).hasSize(1);
      assertThat(totals.get(0).path("readings").asLong()).isEqualTo(2);
      assertThat(totals.get(0).path("energyJoules").asLong()).isEqualTo(2_000);
      assertThat(totals.get(0).path("computeGflop").asLong()).isEqualTo(1_200_000);
      status(bob.get("/api/accounts/1/attested"), 403);

      status(alice.post("/api/meters/5/retirement", Map.of("reason", "moved")), 403);
      status(reg.post("/api/meters/5/retirement", Map.of("reason", "moved")), 200);
      refused(alice, reading(ALICE, 3, 120, 180, 2_000, 3_000, 1), "METER_RETIRED");

      // Alice reports nothing; at the close her readings settle her obligation (1.2 units less
      // the class's 2% uncertainty, rounded down: 1), and her compliance record says so.
      status(
          alice.post(
              "/api/reports",
              Map.of("accountId", 1, "period", 1, "workload", "TRAINING", "quantity", 0)),
          200);
      status(reg.post("/api/periods/1/close", Map.of()), 200);
      JsonNode record = alice.get("/api/accounts/1/compliance").body().path("items");
      JsonNode settled = null;
      for (JsonNode row : record) {
        if (row.path("event").asText().equals("AttestedQuantitySettled")) {
          settled = row.path("data");
        }
      }
      assertThat(settled).as(record.toString()).isNotNull();
      assertThat(settled.path("reportedQuantity").asLong()).isZero();
      assertThat(settled.path("settledQuantity").asLong()).isEqualTo(1);
      assertThat(alice.get("/api/accounts/1/compliance?period=1").body().path("items").size())
          .isEqualTo(record.size());
    }
  }

  private static Map<String, Object> reading(
      KeyPair key, long seq, long start, long end, long c0, long c1, long gflop) {
    SubmitMeterReading unsigned =
        new SubmitMeterReading(
            5, 1, seq, start, end, c0, c1, gflop, "test", SubmitMeterReading.UNSIGNED);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("accountId", 1);
    body.put("sequence", seq);
    body.put("intervalStartSeconds", start);
    body.put("intervalEndSeconds", end);
    body.put("counterStartJoules", c0);
    body.put("counterEndJoules", c1);
    body.put("computeGflop", gflop);
    body.put("method", "test");
    body.put("signature", MeterSignatures.sign(key.getPrivate(), unsigned.signedBytes()));
    return body;
  }

  private static void refused(ApiClient client, Map<String, Object> body, String code) {
    ApiClient.Response r = client.post("/api/meters/5/readings", body);
    status(r, 409);
    assertThat(r.body().path("code").asText()).isEqualTo(code);
  }

  private static void status(ApiClient.Response r, int expected) {
    assertThat(r.status()).as(r.text()).isEqualTo(expected);
  }
}
