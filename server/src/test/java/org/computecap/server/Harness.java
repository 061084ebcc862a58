package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server on a loopback port over a temporary data directory, with a fixed cast of accounts and
 * their tokens, for the API tests: 1 alice and 2 bob (participants), 3 audrey (auditor), 4 ines
 * (insurer, appointed by the regulator for alice), 5 rita (a regulator account), plus the market
 * regulator's token. Each account got its token by enrolment (the regulator issued a code, the
 * holder exchanged it). Alice has a resting sell order, a bid in auction 1 and a second token, so
 * every route has a resource to act on.
 */
final class Harness implements AutoCloseable {
  static final long ALICE = 1;
  static final long BOB = 2;
  static final long AUDREY = 3;
  static final long INES = 4;
  static final long RITA = 5;

  final Path dataDir;
  final Server server;
  final ApiClient anonymous;
  final ApiClient regulator;
  final Map<Long, ApiClient> as = new LinkedHashMap<>();
  final Map<Long, String> tokens = new LinkedHashMap<>();
  long aliceOrderId;
  long aliceSecondTokenId;

  private Harness(Path dataDir, Server server) {
    this.dataDir = dataDir;
    this.server = server;
    this.anonymous = new ApiClient(URI.create("http://127.0.0.1:" + server.port()), null);
    this.regulator = anonymous.withToken(server.newRegulatorToken());
  }

  static Path program() {
    Path p = Path.of("..", "examples", "programs", "p2-risk-weighted.yaml");
    return Files.exists(p) ? p : Path.of("examples", "programs", "p2-risk-weighted.yaml");
  }

  static Server startServer(Path dataDir) {
    return startServer(dataDir, Server.Limits.DEFAULT);
  }

  static Server startServer(Path dataDir, Server.Limits limits) {
    return startServer(dataDir, limits, null, new ByteArrayOutputStream());
  }

  /** A server with the operator's regulator token set (null: none), printing into {@code out}. */
  static Server startServer(
      Path dataDir, Server.Limits limits, String regulatorToken, ByteArrayOutputStream out) {
    return Server.start(
        new Server.Options(dataDir, null, program(), 7, "127.0.0.1", 0)
            .withLimits(limits)
            .withRegulatorToken(regulatorToken),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        e -> {});
  }

  /** A fresh server with the cast opened, funded and holding permits. */
  static Harness withCast() throws Exception {
    return withCast(Files.createTempDirectory("computecap-server"), Server.Limits.DEFAULT);
  }

  /** A fresh server in {@code dir} with these request limits, the cast opened. */
  static Harness withCast(Path dir, Server.Limits limits) {
    Harness h = new Harness(dir, startServer(dir, limits));
    h.openCast();
    return h;
  }

  private void openCast() {
    String[][] cast = {
      {"1", "alice", "PARTICIPANT"},
      {"2", "bob", "PARTICIPANT"},
      {"3", "audrey", "AUDITOR"},
      {"4", "ines", "INSURER"},
      {"5", "rita", "REGULATOR"}
    };
    for (String[] a : cast) {
      long id = Long.parseLong(a[0]);
      expect(regulator.openAccount(id, a[1], a[2]), 201);
      tokens.put(id, regulator.enrolAccount(id));
      as.put(id, anonymous.withToken(tokens.get(id)));
    }
    for (long id : new long[] {ALICE, BOB}) {
      expect(regulator.deposit(id, 10_000_000), 200);
      expect(
          regulator.post("/api/issuances", Map.of("accountId", id, "vintage", 1, "quantity", 1000)),
          200);
    }
    expect(regulator.post("/api/accounts/" + ALICE + "/insurer", Map.of("insurerId", INES)), 200);
    ApiClient.Response sell = as.get(ALICE).placeOrder(ALICE, "SELL", "LIMIT", 900, 5, 1);
    expect(sell, 201);
    aliceOrderId = sell.body().path("orderId").asLong();
    ApiClient.Response second = as.get(ALICE).post("/api/tokens", Map.of());
    expect(second, 201);
    aliceSecondTokenId = second.body().path("tokenId").asLong();
    expect(
        regulator.post("/api/auctions", Map.of("auctionId", 1, "period", 1, "quantity", 100)), 201);
    expect(
        as.get(ALICE)
            .post(
                "/api/auctions/1/bids",
                Map.of("bidId", 1, "accountId", ALICE, "quantity", 10, "limitPriceCents", 1000)),
        201);
  }

  /** The token of a cast member. */
  String tokenOf(long accountId) {
    return tokens.get(accountId);
  }

  static ApiClient.Response expect(ApiClient.Response r, int status) {
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    return r;
  }

  /**
   * The journal head and state hash, which every refused request must leave unchanged; waits until
   * the writer has hashed the state at the head (it does so when idle).
   */
  String head() {
    for (int i = 0; i < 300; i++) {
      ApiClient.Response r = anonymous.get("/api/journal/head");
      if (r.body().path("seq").asLong() == r.body().path("stateHashSeq").asLong()) {
        return r.body().path("seq").asText() + " " + r.body().path("stateHash").asText();
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("the state hash did not catch up with the journal head");
  }

  /** The concrete path of a route template with the cast's resources filled in. */
  String concrete(String template) {
    Matcher m = Pattern.compile("\\{([A-Za-z]+)}").matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String v =
          switch (m.group(1)) {
            case "accountId" -> String.valueOf(ALICE);
            case "orderId" -> String.valueOf(aliceOrderId);
            case "auctionId", "bidId", "saleId", "vintage", "period" -> "1";
            // Alice's highest serial: the routes the matrix walks never move all her permits.
            case "serial" -> "1000";
            case "tokenId" -> String.valueOf(aliceSecondTokenId);
            case "sessionId" -> "0123456789abcdef";
            case "personId", "transactionId" -> "1";
            case "trustedAccountId" -> String.valueOf(BOB);
            case "meterId" -> "1";
            default -> throw new AssertionError("no sample for path parameter " + m.group(1));
          };
      m.appendReplacement(sb, v);
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** A well-formed body for a route: every field with a value acting for alice (or ines). */
  static Map<String, Object> sampleBody(Iterable<String> fields) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (String f : fields) {
      body.put(f, sample(f));
    }
    return body;
  }

  static Object sample(String field) {
    return switch (field) {
      case "accountId", "fromAccountId" -> ALICE;
      case "toAccountId" -> BOB;
      case "insurerId" -> INES;
      case "name" -> "carol";
      case "role" -> "PARTICIPANT";
      case "side" -> "BUY";
      case "type" -> "LIMIT";
      case "workload" -> "TRAINING";
      case "signal" -> "L";
      case "vintage", "period" -> 1;
      case "factorPpm" -> 1_000_000;
      case "auctionId", "bidId" -> 99;
      case "code" -> "ce_not-a-code-anyone-was-given";
      case "validDays" -> 30;
      case "status" -> "OPEN";
      case "reason" -> "a reason";
      case "trustedAccountId" -> BOB;
      case "rights" -> "BOTH";
      case "grade" -> "ORDINARY";
      case "password" -> "not-anyones-password";
      case "totp" -> "123456";
      case "subject" -> "someone@example.org";
      case "publicKey" ->
          org.computecap.engine.command.MeterSignatures.encode(
              org.computecap.engine.script.ScriptMeterKeys.pair("alice").getPublic());
      case "description" -> "a device";
      case "meterClass" -> "NVML-H100";
      case "method" -> "a method";
      case "signature" -> org.computecap.engine.command.SubmitMeterReading.UNSIGNED;
      case "newMeterId", "intervalEndSeconds" -> 2;
      default -> 1;
    };
  }

  /** Whether the field holds a string (an enum name or a name) rather than a number. */
  static boolean isText(String field) {
    return switch (field) {
      case "name",
          "role",
          "side",
          "type",
          "workload",
          "signal",
          "code",
          "status",
          "reason",
          "rights",
          "grade",
          "password",
          "totp",
          "subject",
          "publicKey",
          "description",
          "meterClass",
          "method",
          "signature" ->
          true;
      default -> false;
    };
  }

  /** Whether the field is an int (periods and vintages) rather than a long. */
  static boolean isInt(String field) {
    return field.equals("vintage") || field.equals("period") || field.equals("validDays");
  }

  @Override
  public void close() {
    server.close();
  }
}
