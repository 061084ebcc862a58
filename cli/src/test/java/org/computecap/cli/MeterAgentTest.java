package org.computecap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.computecap.engine.command.MeterSignatures;
import org.computecap.engine.command.SubmitMeterReading;
import org.computecap.server.ApiClient;
import org.computecap.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metering agent (issue 17): with a file source it posts signed readings through a real server;
 * stopped while the server is unreachable and after a post whose delivery it never noted, and
 * restarted on the same outbox, it delivers each reading exactly once; NVML is compiled in, and its
 * absence is one clear line; the key file is its owner's only.
 */
class MeterAgentTest {
  @TempDir Path dir;

  @Test
  void the_agent_delivers_each_reading_exactly_once_across_outages_and_restarts() throws Exception {
    try (Server server = serve("AUDIT_SIGNAL")) {
      URI url = URI.create("http://127.0.0.1:" + server.port());
      ApiClient reg = new ApiClient(url, server.newRegulatorToken());
      assertThat(reg.openAccount(1, "lab", "PARTICIPANT").status()).isEqualTo(201);
      String token = reg.enrolAccount(1);
      KeyPair key = MeterKeys.generate();
      Map<String, Object> meter = new LinkedHashMap<>();
      meter.put("meterId", 7);
      meter.put("accountId", 1);
      meter.put("publicKey", MeterSignatures.encode(key.getPublic()));
      meter.put("description", "two GPUs, read from a file");
      meter.put("meterClass", "FILE");
      meter.put("uncertaintyPpm", 10_000);
      assertThat(reg.post("/api/meters", meter).status()).isEqualTo(201);

      Path counters = dir.resolve("counters.txt");
      Path outbox = dir.resolve("outbox");
      FlopEstimate flop = new FlopEstimate(989_000_000_000_000L, 400_000);
      ApiClient participant = new ApiClient(url, token);
      StringWriter log = new StringWriter();

      // The first agent: a baseline, then reading 1, delivered.
      MeterAgent first = agent(participant, key, counters, outbox, flop, log);
      Files.writeString(counters, "1000000 2000000\n");
      assertThat(first.sample(1_000)).isNull();
      Files.writeString(counters, "61000000 2500000\n");
      SubmitMeterReading one = first.sample(1_060);
      assertThat(one.counterStartJoules()).isEqualTo(3_000);
      assertThat(one.counterEndJoules()).isEqualTo(63_500);
      // 60 s x 2 GPUs x 989 TFLOP/s x 40% = 4.7472e16 FLOP = 47,472,000 GFLOP.
      assertThat(one.computeGflop()).isEqualTo(47_472_000);
      assertThat(first.deliver()).isEqualTo(1);

      // The server is unreachable: readings 2 and 3 wait in the outbox.
      ApiClient down = new ApiClient(URI.create("http://127.0.0.1:1"), token);
      MeterAgent offline = agent(down, key, counters, outbox, flop, log);
      Files.writeString(counters, "70000000 3000000\n");
      offline.sample(1_120);
      // GPU 0's driver reloaded: its counter starts again from 0 (+ 5,000,000 mJ since).
      Files.writeString(counters, "5000000 3500000\n");
      offline.sample(1_180);
      assertThat(offline.deliver()).isZero();
      List<MeterOutbox.Entry> waiting = new MeterOutbox(outbox).pending();
      assertThat(waiting).extracting(e -> e.reading().sequence()).containsExactly(2L, 3L);

      // Reading 2 reaches the server but the agent is killed before it notes the delivery.
      SubmitMeterReading two = waiting.get(0).reading();
      assertThat(participant.post("/api/meters/7/readings", MeterAgent.body(two)).status())
          .isEqualTo(201);

      // A new agent on the same outbox: 2 counts as delivered (the server refuses the replay),
      // 3 goes, and the next reading continues from 3.
      MeterAgent restarted = agent(participant, key, counters, outbox, flop, log);
      assertThat(restarted.deliver()).isEqualTo(2);
      Files.writeString(counters, "6000000 3600000\n");
      SubmitMeterReading four = restarted.sample(1_240);
      assertThat(four.sequence()).isEqualTo(4);
      assertThat(restarted.deliver()).isEqualTo(1);
      assertThat(new MeterOutbox(outbox).pending()).isEmpty();
      assertThat(log.toString()).contains("reading 2 was already delivered");

      JsonNode rows = participant.get("/api/accounts/1/meter-readings").body().path("items");
      List<Long> sequences = new ArrayList<>();
      for (JsonNode row : rows) {
        sequences.add(row.path("data").path("sequence").asLong());
      }
      assertThat(sequences).containsExactly(1L, 2L, 3L, 4L);
      // Energy: 1,000,000 + 2,000,000 mJ at the baseline; then +60,500,000, +9,500,000 (+ 9,000,000
      // and + 500,000), +5,500,000 (the reset GPU's 5,000,000 and + 500,000), +1,100,000.
      JsonNode totals = participant.get("/api/accounts/1/attested").body().path("periods");
      assertThat(totals.get(0).path("readings").asLong()).isEqualTo(4);
      assertThat(totals.get(0).path("energyJoules").asLong()).isEqualTo(76_600);
    }
  }

  @Test
  void meter_run_reads_a_file_signs_and_sends_readings_to_a_served_market() throws Exception {
    try (Server server = serve("OFF")) {
      URI url = URI.create("http://127.0.0.1:" + server.port());
      ApiClient reg = new ApiClient(url, server.newRegulatorToken());
      assertThat(reg.openAccount(1, "lab", "PARTICIPANT").status()).isEqualTo(201);
      String token = reg.enrolAccount(1);
      Path key = dir.resolve("meter.key");
      assertThat(CliRun.of("meter", "keygen", "--out", key.toString()).exitCode()).isZero();
      Map<String, Object> meter = new LinkedHashMap<>();
      meter.put("meterId", 3);
      meter.put("accountId", 1);
      meter.put("publicKey", Files.readString(dir.resolve("meter.key.pub")).strip());
      meter.put("description", "one L4");
      meter.put("meterClass", "FILE");
      meter.put("uncertaintyPpm", 0);
      assertThat(reg.post("/api/meters", meter).status()).isEqualTo(201);
      Path counters = dir.resolve("counters.txt");
      Files.writeString(counters, "5000\n");
      CliRun run =
          CliRun.of(
              "meter",
              "run",
              "--source",
              "file",
              "--file",
              counters.toString(),
              "--server",
              url.toString(),
              "--account",
              "1",
              "--meter",
              "3",
              "--key",
              key.toString(),
              "--token",
              token,
              "--interval",
              "1",
              "--readings",
              "2",
              "--gpu-model",
              "L4",
              "--utilization",
              "0.5",
              "--outbox",
              dir.resolve("outbox").toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("reading 1 delivered").contains("reading 2 delivered");
      JsonNode rows =
          new ApiClient(url, token).get("/api/accounts/1/meter-readings").body().path("items");
      assertThat(rows).hasSize(2);
      assertThat(rows.get(0).path("data").path("method").asText())
          .startsWith("epoch-hardware-v1")
          .contains("peakFlops=121000000000000")
          .contains("utilizationPpm=500000");
    }
  }

  /** A quiet server on the P2 example program with a COMPUTE metering section. */
  private Server serve(String attested) throws Exception {
    Path program = dir.resolve("program.yaml");
    Files.writeString(
        program,
        Files.readString(Path.of("..", "examples", "programs", "p2-risk-weighted.yaml"))
            + "metering:\n  attested: "
            + attested
            + "\n  measures: COMPUTE\n  unitGflop: 1000000\n");
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return Server.start(
        new Server.Options(dir.resolve("data"), null, program, 7, "127.0.0.1", 0), quiet, e -> {});
  }

  private static MeterAgent agent(
      ApiClient client,
      KeyPair key,
      Path counters,
      Path outbox,
      FlopEstimate flop,
      StringWriter log) {
    return new MeterAgent(
        client,
        1,
        7,
        key.getPrivate(),
        new FileEnergySource(counters),
        flop,
        new MeterOutbox(outbox),
        new PrintWriter(log, true));
  }

  private static boolean nvmlPresent() {
    try (NvmlEnergySource nvml = NvmlEnergySource.open()) {
      return true;
    } catch (MeterSourceException e) {
      return false;
    }
  }

  @Test
  void without_nvml_the_nvml_source_says_so_in_one_line_and_exits_non_zero() throws Exception {
    assumeFalse(nvmlPresent(), "this machine has NVML");
    CliRun run =
        CliRun.of(
            "meter",
            "run",
            "--source",
            "nvml",
            "--server",
            "http://127.0.0.1:1",
            "--account",
            "1",
            "--meter",
            "1",
            "--key",
            dir.resolve("none.key").toString(),
            "--token",
            "t",
            "--utilization",
            "0.4",
            "--outbox",
            dir.resolve("o").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("computecap meter: NVML is not available on this machine");
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(run.err().strip().lines()).hasSize(1);
  }

  @Test
  void with_nvml_every_gpu_has_an_energy_counter_and_a_known_or_named_model() {
    assumeTrue(nvmlPresent(), "no NVML on this machine");
    try (NvmlEnergySource nvml = NvmlEnergySource.open()) {
      long[] mj = nvml.readMillijoules();
      assertThat(mj).isNotEmpty();
      assertThat(java.util.Arrays.stream(mj).allMatch(v -> v >= 0)).isTrue();
      assertThat(nvml.deviceNames()).hasSize(mj.length).allMatch(n -> !n.isBlank());
    }
  }

  @Test
  void keygen_writes_an_owner_only_key_and_its_public_half_and_never_overwrites() throws Exception {
    Path key = dir.resolve("meter.key");
    CliRun run = CliRun.of("meter", "keygen", "--out", key.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    String pub = Files.readString(dir.resolve("meter.key.pub")).strip();
    assertThat(MeterSignatures.encode(MeterSignatures.publicKey("publicKey", pub))).isEqualTo(pub);
    // The key signs what its public half verifies.
    byte[] message = "m".getBytes(StandardCharsets.US_ASCII);
    String sig = MeterSignatures.sign(MeterKeys.read(key), message);
    assertThat(MeterSignatures.verify(pub, message, sig)).isTrue();
    CliRun again = CliRun.of("meter", "keygen", "--out", key.toString());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("exists");
  }

  @Test
  void the_peak_comes_from_the_flag_the_model_or_the_device_names_and_is_never_guessed() {
    assertThat(FlopEstimate.peak(5L, null, List.of())).isEqualTo(5);
    assertThat(FlopEstimate.peak(null, "A100", List.of())).isEqualTo(312_000_000_000_000L);
    assertThat(FlopEstimate.peak(null, null, List.of("NVIDIA H100 PCIe", "NVIDIA H100 PCIe")))
        .isEqualTo(756_000_000_000_000L);
    assertThat(FlopEstimate.peak(null, null, List.of("NVIDIA H100 80GB HBM3")))
        .isEqualTo(989_000_000_000_000L);
    assertThatThrownBy(() -> FlopEstimate.peak(null, null, List.of()))
        .hasMessageContaining("--peak-flops");
    assertThatThrownBy(() -> FlopEstimate.peak(null, null, List.of("NVIDIA A100", "NVIDIA L4")))
        .hasMessageContaining("--gpu-model");
    assertThatThrownBy(() -> new FlopEstimate(1, 0)).hasMessageContaining("--utilization");
  }
}
