package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * State snapshots over real files: a restart from a snapshot and the journal entries after it
 * reaches the state hash and the read model (every GET route's answer) of a full replay; a snapshot
 * that does not belong to the journal, a damaged one, one over rebuilt read model files and the
 * temporary file a crash in the middle of writing leaves are all ignored, with a line saying why,
 * and the start falls back to an older snapshot or a full replay without losing anything.
 */
class StateSnapshotTest {
  /** A server run: its data directory, regulator token, and state hash when it was copied. */
  private record Run(Path dir, String regulatorToken, String stateHash, long snapshotSeq) {}

  @Test
  void a_restart_from_a_snapshot_replays_only_the_tail_and_matches_a_full_replay()
      throws Exception {
    Run run = crashedAfterSnapshot();
    Path full = copy(run.dir());
    deleteTree(full.resolve(StateSnapshots.DIR));

    ByteArrayOutputStream fastLog = new ByteArrayOutputStream();
    ByteArrayOutputStream fullLog = new ByteArrayOutputStream();
    try (Server fast = start(run.dir(), fastLog);
        Server slow = start(full, fullLog)) {
      assertThat(fastLog.toString(StandardCharsets.UTF_8))
          .contains("restored from")
          .contains(String.format("state-%020d.ccs and ", run.snapshotSeq()))
          .containsPattern("and [1-9][0-9]* entries after it");
      assertThat(fullLog.toString(StandardCharsets.UTF_8)).contains("replayed in full");
      assertThat(fast.stateHashHex()).isEqualTo(run.stateHash()).isEqualTo(slow.stateHashHex());
      assertSameAnswers(fast, slow, run.regulatorToken());
    }
  }

  @Test
  void a_snapshot_whose_chain_hash_differs_from_the_journal_is_ignored() throws Exception {
    Run a = crashedAfterSnapshot();
    Run b = crashedAfterSnapshot(List.of(1200L, 1300L, 1400L));
    // b's journal has a's length but another history: a's snapshot (with a's read model
    // generation, so that only the chain hash can tell) must not be restored over it.
    deleteTree(b.dir().resolve(StateSnapshots.DIR));
    copyTree(a.dir().resolve(StateSnapshots.DIR), b.dir().resolve(StateSnapshots.DIR));
    Files.copy(
        a.dir().resolve("read-model").resolve(ReadModel.GENERATION_FILE),
        b.dir().resolve("read-model").resolve(ReadModel.GENERATION_FILE),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (Server again = start(b.dir(), log)) {
      assertThat(log.toString(StandardCharsets.UTF_8))
          .contains("snapshot: ignoring")
          .contains("the snapshot was taken at")
          .contains("replayed in full");
      assertThat(again.stateHashHex()).isEqualTo(b.stateHash()).isNotEqualTo(a.stateHash());
    }
  }

  @Test
  void a_damaged_snapshot_is_ignored_and_the_full_replay_loses_nothing() throws Exception {
    Run run = crashedAfterSnapshot();
    Path file = onlySnapshot(run.dir());
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      long middle = f.length() / 2;
      f.seek(middle);
      int b = f.read();
      f.seek(middle);
      f.write(b ^ 0x01);
    }
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (Server again = start(run.dir(), log)) {
      assertThat(log.toString(StandardCharsets.UTF_8))
          .contains("snapshot: ignoring " + file)
          .contains("damaged")
          .contains("replayed in full");
      assertThat(again.stateHashHex()).isEqualTo(run.stateHash());
    }
  }

  @Test
  void a_snapshot_over_read_model_files_rebuilt_since_is_ignored() throws Exception {
    Run run = crashedAfterSnapshot();
    Files.writeString(
        run.dir().resolve("read-model").resolve(ReadModel.GENERATION_FILE), "another");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (Server again = start(run.dir(), log)) {
      assertThat(log.toString(StandardCharsets.UTF_8))
          .contains("are not the ones it was written with")
          .contains("replayed in full");
      assertThat(again.stateHashHex()).isEqualTo(run.stateHash());
    }
  }

  @Test
  void a_snapshot_whose_read_model_files_were_cut_short_is_ignored() throws Exception {
    Run run = crashedAfterSnapshot();
    try (RandomAccessFile f =
        new RandomAccessFile(
            run.dir().resolve("read-model").resolve("trades.dat").toFile(), "rw")) {
      f.setLength(0);
    }
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (Server again = start(run.dir(), log)) {
      assertThat(log.toString(StandardCharsets.UTF_8))
          .contains("trades file holds 0 records")
          .contains("replayed in full");
      assertThat(again.stateHashHex()).isEqualTo(run.stateHash());
      assertThat(client(again, run.regulatorToken()).get("/api/trades").body().path("items"))
          .isNotEmpty();
    }
  }

  @Test
  void a_crash_while_a_snapshot_is_written_leaves_the_last_complete_one_in_use() throws Exception {
    Run run = crashedAfterSnapshot();
    Path complete = onlySnapshot(run.dir());
    // What kill -9 in the middle of writing leaves: a temporary file, cut short, beside the last
    // complete snapshot (the rename that would publish it never happened).
    byte[] bytes = Files.readAllBytes(complete);
    Path torn = complete.resolveSibling("state-99999999999999999999.ccs.tmp");
    Files.write(torn, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (Server again = start(run.dir(), log)) {
      String out = log.toString(StandardCharsets.UTF_8);
      assertThat(out).contains("snapshot: deleting " + torn).contains("restored from " + complete);
      assertThat(again.stateHashHex()).isEqualTo(run.stateHash());
      assertThat(torn).doesNotExist();
    }
  }

  @Test
  void snapshots_are_owner_only_and_a_clean_stop_writes_one_at_the_head() throws Exception {
    Path dir;
    String hash;
    try (Harness h = Harness.withCast()) {
      dir = h.dataDir;
      hash = h.server.stateHashHex();
    }
    Path file = onlySnapshot(dir);
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (Server again = start(dir, log)) {
      assertThat(log.toString(StandardCharsets.UTF_8))
          .contains("restored from " + file + " and 0 entries after it");
      assertThat(again.stateHashHex()).isEqualTo(hash);
    }
  }

  // ------------------------------------------------------------------------------ helpers

  private static Run crashedAfterSnapshot() throws Exception {
    return crashedAfterSnapshot(List.of(950L, 960L, 970L));
  }

  /**
   * A server with the cast and some history, a snapshot, then more history of every kind (orders,
   * trades, reports, evaluations, tokens); the copy of its directory taken while it runs is what
   * kill -9 would leave (the journal durable, no snapshot of the tail).
   */
  private static Run crashedAfterSnapshot(List<Long> prices) throws Exception {
    try (Harness h = Harness.withCast()) {
      ApiClient alice = h.as.get(Harness.ALICE);
      ApiClient bob = h.as.get(Harness.BOB);
      ok(bob.placeOrder(Harness.BOB, "BUY", "LIMIT", prices.get(0), 2, 1));
      ok(reports(alice, Harness.ALICE, 1, 7));
      ok(insurerEvaluates(h, 1, "L"));
      ok(h.regulator.post("/api/auctions/1/clear", Map.of()));
      // A period close puts assessments, penalties, audit draws and a close summary in the image.
      ok(h.regulator.post("/api/periods/1/close", Map.of()));
      long seq = h.server.snapshotNow();
      assertThat(seq).isPositive();
      ok(
          h.regulator.post(
              "/api/issuances", Map.of("accountId", Harness.ALICE, "vintage", 2, "quantity", 50)));
      ok(bob.placeOrder(Harness.BOB, "BUY", "LIMIT", prices.get(1), 2, 2));
      ok(alice.placeOrder(Harness.ALICE, "SELL", "LIMIT", prices.get(1) - 5, 4, 2)); // trades
      ok(bob.placeOrder(Harness.BOB, "BUY", "LIMIT", 10, 1, 2));
      ok(insurerEvaluates(h, 2, "H"));
      ok(reports(bob, Harness.BOB, 2, 3));
      ok(bob.post("/api/tokens", Map.of()));
      String hash = h.server.stateHashHex();
      Path copy = copy(h.dataDir);
      return new Run(copy, h.server.newRegulatorToken(), hash, seq);
    }
  }

  /** Ines, alice's appointed insurer, evaluates her for {@code period}. */
  private static ApiClient.Response insurerEvaluates(Harness h, int period, String signal) {
    return h.as
        .get(Harness.INES)
        .post(
            "/api/insurer-evaluations",
            Map.of(
                "insurerId",
                Harness.INES,
                "accountId",
                Harness.ALICE,
                "period",
                period,
                "signal",
                signal));
  }

  private static ApiClient.Response reports(ApiClient c, long account, int period, long qty) {
    return c.post(
        "/api/reports",
        Map.of("accountId", account, "period", period, "workload", "TRAINING", "quantity", qty));
  }

  private static void ok(ApiClient.Response r) {
    assertThat(r.ok()).as(r.status() + " " + r.text()).isTrue();
  }

  private static Server start(Path dir, ByteArrayOutputStream log) {
    return Harness.startServer(dir, Server.Limits.DEFAULT, null, log);
  }

  private static ApiClient client(Server s, String token) {
    return new ApiClient(URI.create("http://127.0.0.1:" + s.port()), token);
  }

  /** Every GET route (path parameters filled in for the cast) answers the same on both. */
  private static void assertSameAnswers(Server a, Server b, String token) {
    ApiClient ca = client(a, token);
    ApiClient cb = client(b, token);
    List<String> paths = new ArrayList<>();
    for (String route : a.routeNames()) {
      if (!route.startsWith("GET /api/")
          || route.contains("/events")
          || route.contains("/checkpoint")) {
        continue;
      }
      String path = route.substring(4);
      for (long account : new long[] {Harness.ALICE, Harness.BOB, Harness.INES}) {
        paths.add(
            path.replace("{accountId}", Long.toString(account))
                .replace("{auctionId}", "1")
                .replace("{bidId}", "1")
                .replace("{orderId}", Long.toString(account))
                .replace("{tokenId}", Long.toString(account))
                .replace("{vintage}", "1")
                .replace("{period}", "1")
                .replace("{serial}", Long.toString(account)));
      }
    }
    Map<String, String> differences = new LinkedHashMap<>();
    for (String p : paths.stream().distinct().toList()) {
      ApiClient.Response ra = ca.get(p);
      ApiClient.Response rb = cb.get(p);
      String left = ra.status() + " " + ra.text();
      String right = rb.status() + " " + rb.text();
      if (!left.equals(right)) {
        differences.put(p, left + "\n   vs " + right);
      }
    }
    assertThat(differences).isEmpty();
    assertThat(paths).hasSizeGreaterThan(20);
  }

  private static Path onlySnapshot(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir.resolve(StateSnapshots.DIR))) {
      List<Path> files = s.filter(p -> p.toString().endsWith(".ccs")).sorted().toList();
      assertThat(files).isNotEmpty();
      return files.get(files.size() - 1);
    }
  }

  private static Path copy(Path dir) throws IOException {
    Path to = Files.createTempDirectory("computecap-snapshot-copy");
    copyTree(dir, to);
    return to;
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
