package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A scripted market for the public report tests, small enough to check by hand: the P2 example
 * program with banking on (so permits stay where they are at a close), three participants and a
 * regulator-side script of period 1 and period 2. The expected figures are in the tests that use
 * it, each with its arithmetic.
 */
final class PublicReportMarket implements AutoCloseable {
  static final long ALICE = 1;
  static final long BOB = 2;
  static final long CAROL = 3;

  /**
   * Carol's name starts with '-', which a spreadsheet reads as a formula (account names are
   * letters, digits, '_', '.' and '-', so this is the one formula start a name can have).
   */
  static final String CAROL_NAME = "-carol";

  final Server server;
  final ApiClient anonymous;
  final ApiClient reg;
  final ApiClient alice;
  final ApiClient bob;
  final ApiClient carol;

  PublicReportMarket(Path dir, int delayPeriods) throws IOException {
    this(dir, delayPeriods, true);
  }

  /** The server again over the data {@link #PublicReportMarket(Path, int)} left in {@code dir}. */
  static PublicReportMarket reopen(Path dir, int delayPeriods) throws IOException {
    return new PublicReportMarket(dir, delayPeriods, false);
  }

  private PublicReportMarket(Path dir, int delayPeriods, boolean fresh) throws IOException {
    Path program = dir.resolve("program.yaml");
    if (fresh) {
      Files.writeString(
          program, Files.readString(Harness.program()).replace("banking: false", "banking: true"));
    }
    server =
        Server.start(
            new Server.Options(dir.resolve("data"), null, program, 7, "127.0.0.1", 0)
                .withPublicReportDelayPeriods(delayPeriods),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            e -> {});
    anonymous = new ApiClient(URI.create("http://127.0.0.1:" + server.port()), null);
    if (!fresh) {
      reg = null;
      alice = null;
      bob = null;
      carol = null;
      return;
    }
    reg = anonymous.withToken(server.newRegulatorToken());
    ok(reg.openAccount(ALICE, "alice", "PARTICIPANT"), 201);
    ok(reg.openAccount(BOB, "bob", "PARTICIPANT"), 201);
    ok(reg.openAccount(CAROL, CAROL_NAME, "PARTICIPANT"), 201);
    alice = anonymous.withToken(reg.enrolAccount(ALICE));
    bob = anonymous.withToken(reg.enrolAccount(BOB));
    carol = anonymous.withToken(reg.enrolAccount(CAROL));
    for (long id : new long[] {ALICE, BOB, CAROL}) {
      ok(reg.deposit(id, 10_000_000), 200);
    }
  }

  /**
   * Period 1: free allocation (48,000 incumbent permits, 16,000 each; 2,000 to the new entrant
   * reserve), an auction of 1,000 (alice 150 at $15, bob 100 at $12, carol's 50 at $11 withdrawn:
   * clears at $12, 250 sold), three trades (60 and 40 at $20, 10 at $18), reports (alice 100 PFLOP
   * evaluated L, bob 50 unevaluated so H with alpha 3, carol 10 evaluated L), surrenders (alice
   * 100, bob 150, carol none) and the close.
   */
  void periodOne() {
    ok(reg.post("/api/periods/1/free-allocation", Map.of()), 200);
    ok(reg.post("/api/auctions", Map.of("auctionId", 1, "period", 1, "quantity", 1000)), 201);
    bid(alice, 1, ALICE, 150, 1500);
    bid(bob, 2, BOB, 100, 1200);
    bid(carol, 3, CAROL, 50, 1100);
    ok(carol.delete("/api/auctions/1/bids/3"), 200);
    ok(reg.post("/api/auctions/1/clear", Map.of()), 200);
    ok(alice.placeOrder(ALICE, "SELL", "LIMIT", 2000, 100, 1), 201);
    ok(bob.placeOrder(BOB, "BUY", "LIMIT", 2100, 60, 1), 201);
    ok(carol.placeOrder(CAROL, "BUY", "LIMIT", 2000, 40, 1), 201);
    ok(bob.placeOrder(BOB, "SELL", "LIMIT", 1800, 10, 1), 201);
    ok(alice.placeOrder(ALICE, "BUY", "LIMIT", 1900, 10, 1), 201);
    report(alice, ALICE, 1, 100);
    report(bob, BOB, 1, 50);
    report(carol, CAROL, 1, 10);
    ok(reg.post("/api/evaluations", Map.of("accountId", ALICE, "period", 1, "signal", "L")), 200);
    ok(reg.post("/api/evaluations", Map.of("accountId", CAROL, "period", 1, "signal", "L")), 200);
    surrender(alice, ALICE, 1, 100);
    surrender(bob, BOB, 1, 150);
    ok(reg.post("/api/periods/1/close", Map.of()), 200);
  }

  /** Period 2: one trade of 5 at $25, carol makes good her 10 of period 1, then the close. */
  void periodTwo() {
    ok(alice.placeOrder(ALICE, "SELL", "LIMIT", 2500, 5, 1), 201);
    ok(bob.placeOrder(BOB, "BUY", "LIMIT", 2500, 5, 1), 201);
    surrender(carol, CAROL, 2, 10);
    close(2);
  }

  void close(int period) {
    ok(reg.post("/api/periods/" + period + "/close", Map.of()), 200);
  }

  private static void bid(ApiClient who, long bidId, long account, long qty, long price) {
    ok(
        who.post(
            "/api/auctions/1/bids",
            Map.of(
                "bidId", bidId, "accountId", account, "quantity", qty, "limitPriceCents", price)),
        201);
  }

  private static void report(ApiClient who, long account, int period, long qty) {
    ok(
        who.post(
            "/api/reports",
            Map.of(
                "accountId", account, "period", period, "workload", "TRAINING", "quantity", qty)),
        200);
  }

  private static void surrender(ApiClient who, long account, int period, long qty) {
    ok(
        who.post(
            "/api/accounts/" + account + "/surrenders", Map.of("period", period, "quantity", qty)),
        200);
  }

  static ApiClient.Response ok(ApiClient.Response r, int status) {
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    return r;
  }

  @Override
  public void close() {
    server.close();
  }
}
