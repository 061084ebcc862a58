package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.computecap.server.Harness.expect;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Authorised representatives over HTTP (issue 15), on a server whose program turns every rule on:
 * four-eyes above 10 permits, a second regulator person for regulator actions, and trusted lists
 * with the EU's 26-hour delay for transfers to accounts off the list. Persons enrol with a code the
 * regulator issues and act with their own tokens; every command they send is theirs in the journal.
 */
class RepresentativesHttpTest {
  private static final long ALICE = 1;
  private static final long BOB = 2;
  private static final long MINISTRY = 5;
  private static final long ANN = 10;
  private static final long AL = 11;
  private static final long BO = 12;
  private static final long REX = 20;
  private static final long RAY = 21;
  private static final long HOURS_26_MS = 93_600_000L;

  /** The representatives' routes; each is called with success below (ApiTest skips them). */
  static final Set<String> ROUTES =
      Set.of(
          "POST /api/persons",
          "POST /api/accounts/{accountId}/representatives",
          "GET /api/accounts/{accountId}/representatives",
          "POST /api/persons/{personId}/enrolments",
          "POST /api/person-enrolments",
          "POST /api/accounts/{accountId}/trusted-accounts",
          "GET /api/transactions",
          "POST /api/transactions/{transactionId}/approval",
          "POST /api/transactions/{transactionId}/cancellation",
          "DELETE /api/person-tokens/{tokenId}",
          "GET /api/accounts/{accountId}/trusted-accounts",
          "DELETE /api/accounts/{accountId}/trusted-accounts/{trustedAccountId}");

  private static final Map<ApiClient, Long> TOKEN_IDS = new java.util.IdentityHashMap<>();
  static final Map<ApiClient, String> TOKENS = new java.util.IdentityHashMap<>();

  private static Path dir;
  static Server server;
  static ApiClient anonymous;
  static ApiClient regulator;
  static ApiClient ann;
  static ApiClient al;
  static ApiClient bo;
  static ApiClient aliceAccount;
  static ApiClient rex;

  /** A program with every representative rule on and this untrusted-transfer delay. */
  static Path program(Path dir, long untrustedDelayMs) throws IOException {
    Path program = dir.resolve("program.yaml");
    Files.writeString(
        program,
        Files.readString(Harness.program(), StandardCharsets.UTF_8)
            + "\nrepresentatives:\n"
            + "  minimumPerAccount: 1\n"
            + "  approvalExpiryTicks: 86400000\n"
            + "  regulatorFourEyes: true\n"
            + "  fourEyes:\n"
            + "    abovePermits: 10\n"
            + "  trustedList:\n"
            + "    entryDelayTicks: 0\n"
            + "    untrustedDelayTicks: "
            + untrustedDelayMs
            + "\n"
            + "    untrustedMaxPermits: 1000\n",
        StandardCharsets.UTF_8);
    return program;
  }

  /** A server on {@code dir}'s data directory under {@code program}. */
  static Server serve(Path dir, Path program) {
    return Server.start(
        new Server.Options(dir.resolve("data"), null, program, 7, "127.0.0.1", 0),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        e -> {});
  }

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("computecap-reps");
    server = serve(dir, program(dir, HOURS_26_MS));
    setUp(server);
  }

  /**
   * The cast on a fresh server: alice and bob (participants) with 1,000 permits each, issued by one
   * regulator person and approved by another; ann (initiates and approves) and al (approves) for
   * alice, bo for bob.
   */
  static void setUp(Server s) {
    server = s;
    anonymous = new ApiClient(URI.create("http://127.0.0.1:" + server.port()), null);
    regulator = anonymous.withToken(server.newRegulatorToken());
    expect(regulator.openAccount(ALICE, "alice", "PARTICIPANT"), 201);
    expect(regulator.openAccount(BOB, "bob", "PARTICIPANT"), 201);
    expect(regulator.openAccount(MINISTRY, "ministry", "REGULATOR"), 201);
    aliceAccount = anonymous.withToken(regulator.enrolAccount(ALICE));
    ann = person(ANN, "ann", ALICE, "BOTH");
    al = person(AL, "al", ALICE, "APPROVER");
    bo = person(BO, "bo", BOB, "BOTH");
    rex = person(REX, "rex", MINISTRY, "BOTH");
    ApiClient ray = person(RAY, "ray", MINISTRY, "APPROVER");
    // Issuance is a regulator action: one regulator person issues, a second approves.
    for (long account : new long[] {ALICE, BOB}) {
      JsonNode issued =
          expect(
                  rex.post(
                      "/api/issuances",
                      Map.of("accountId", account, "vintage", 1, "quantity", 1000)),
                  200)
              .body();
      assertThat(issued.toString()).contains("TransactionAwaitingApproval");
      long tx = transactionId(issued);
      expect(rex.post("/api/transactions/" + tx + "/approval", Map.of()), 409);
      assertThat(
              expect(ray.post("/api/transactions/" + tx + "/approval", Map.of()), 200).toString())
          .isNotNull();
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Registers a person with rights on an account, and enrols them: their own token. */
  private static ApiClient person(long id, String name, long account, String rights) {
    expect(
        regulator.post("/api/persons", Map.of("personId", id, "name", name, "grade", "ORDINARY")),
        201);
    expect(
        regulator.post(
            "/api/accounts/" + account + "/representatives",
            Map.of("personId", id, "rights", rights)),
        200);
    JsonNode code =
        expect(
                regulator.post("/api/persons/" + id + "/enrolments", Map.of("accountId", account)),
                201)
            .body();
    JsonNode token =
        expect(
                anonymous.post(
                    "/api/person-enrolments", Map.of("code", code.path("code").asText())),
                201)
            .body();
    assertThat(token.path("personId").asLong()).isEqualTo(id);
    assertThat(token.path("accountId").asLong()).isEqualTo(account);
    ApiClient c = anonymous.withToken(token.path("token").asText());
    TOKEN_IDS.put(c, token.path("tokenId").asLong());
    TOKENS.put(c, token.path("token").asText());
    return c;
  }

  static long transactionId(JsonNode commandResult) {
    for (JsonNode e : commandResult.path("events")) {
      if (e.path("data").has("transactionId")) {
        return e.path("data").path("transactionId").asLong();
      }
    }
    throw new AssertionError("no transaction in " + commandResult);
  }

  static long freePermits(long account) {
    return regulator
        .get("/api/accounts/" + account + "/holdings")
        .body()
        .path("freePermits")
        .asLong();
  }

  @Test
  void a_transfer_initiated_by_one_representative_executes_when_another_approves() {
    // Alice trusts bob (a second representative approves the entry; no entry delay here).
    JsonNode trust =
        expect(
                ann.post(
                    "/api/accounts/" + ALICE + "/trusted-accounts",
                    Map.of("trustedAccountId", BOB)),
                200)
            .body();
    expect(al.post("/api/transactions/" + transactionId(trust) + "/approval", Map.of()), 200);
    JsonNode list = expect(al.get("/api/accounts/" + ALICE + "/trusted-accounts"), 200).body();
    assertThat(list.get(0).path("trustedAccountId").asLong()).isEqualTo(BOB);
    assertThat(list.get(0).path("inEffect").asBoolean()).isTrue();
    long aliceBefore = freePermits(ALICE);
    long bobBefore = freePermits(BOB);

    JsonNode pending =
        expect(
                ann.post(
                    "/api/transfers",
                    Map.of(
                        "fromAccountId", ALICE, "toAccountId", BOB, "vintage", 1, "quantity", 100)),
                200)
            .body();
    assertThat(pending.toString()).contains("TransactionAwaitingApproval");
    long tx = transactionId(pending);
    assertThat(freePermits(BOB)).isEqualTo(bobBefore);
    JsonNode listed = expect(al.get("/api/transactions"), 200).body();
    assertThat(listed.get(0).path("transactionId").asLong()).isEqualTo(tx);
    assertThat(listed.get(0).path("status").asText()).isEqualTo("AWAITING_APPROVAL");
    assertThat(expect(bo.get("/api/transactions"), 200).body()).isEmpty();

    // Not the initiator, not another account's person, not an account's own token.
    assertThat(expect(ann.post("/api/transactions/" + tx + "/approval", Map.of()), 409).code())
        .isEqualTo("APPROVER_IS_INITIATOR");
    assertThat(expect(bo.post("/api/transactions/" + tx + "/approval", Map.of()), 409).code())
        .isEqualTo("NOT_AN_APPROVER");
    expect(aliceAccount.post("/api/transactions/" + tx + "/approval", Map.of()), 403);

    JsonNode approved =
        expect(al.post("/api/transactions/" + tx + "/approval", Map.of()), 200).body();
    assertThat(approved.toString()).contains("TransactionApproved", "PermitsTransferred");
    assertThat(freePermits(ALICE)).isEqualTo(aliceBefore - 100);
    assertThat(freePermits(BOB)).isEqualTo(bobBefore + 100);

    // Taking bob off the list needs no second person: alice's next transfer to him waits again.
    JsonNode removed =
        expect(ann.delete("/api/accounts/" + ALICE + "/trusted-accounts/" + BOB), 200).body();
    assertThat(removed.toString()).contains("TrustedAccountRemoved");
    assertThat(expect(al.get("/api/accounts/" + ALICE + "/trusted-accounts"), 200).body())
        .isEmpty();
  }

  @Test
  void a_delayed_transfer_to_an_untrusted_account_is_cancelled_before_it_executes() {
    long aliceBefore = freePermits(ALICE);
    long bobBefore = freePermits(BOB);
    long before = System.currentTimeMillis();
    JsonNode delayed =
        expect(
                bo.post(
                    "/api/transfers",
                    Map.of(
                        "fromAccountId", BOB, "toAccountId", ALICE, "vintage", 1, "quantity", 5)),
                200)
            .body();
    assertThat(delayed.toString()).contains("TransactionDelayed");
    long tx = transactionId(delayed);
    JsonNode listed = expect(bo.get("/api/transactions"), 200).body();
    assertThat(listed.get(0).path("status").asText()).isEqualTo("DELAYED");
    assertThat(listed.get(0).path("executeAtTick").asLong())
        .isGreaterThanOrEqualTo(before + HOURS_26_MS);
    // Above the untrusted limit it is refused outright.
    assertThat(
            expect(
                    bo.post(
                        "/api/transfers",
                        Map.of(
                            "fromAccountId",
                            BOB,
                            "toAccountId",
                            ALICE,
                            "vintage",
                            1,
                            "quantity",
                            1001)),
                    409)
                .code())
        .isEqualTo("ABOVE_UNTRUSTED_TRANSFER_LIMIT");
    // Alice's person cannot cancel bob's transfer; bob's can.
    assertThat(expect(ann.post("/api/transactions/" + tx + "/cancellation", Map.of()), 409).code())
        .isEqualTo("NOT_A_REPRESENTATIVE");
    JsonNode cancelled =
        expect(bo.post("/api/transactions/" + tx + "/cancellation", Map.of()), 200).body();
    assertThat(cancelled.toString()).contains("TransactionCancelled");
    assertThat(expect(bo.get("/api/transactions"), 200).body()).isEmpty();
    assertThat(freePermits(BOB)).isEqualTo(bobBefore);
    assertThat(freePermits(ALICE)).isEqualTo(aliceBefore);
  }

  @Test
  void a_person_sees_themself_and_revokes_their_own_token() {
    ApiClient laptop = person(30, "ann-laptop", BOB, "APPROVER");
    JsonNode me = expect(laptop.get("/api/me"), 200).body();
    assertThat(me.path("accountId").asLong()).isEqualTo(BOB);
    assertThat(me.path("personId").asLong()).isEqualTo(30);
    assertThat(expect(aliceAccount.get("/api/me"), 200).body().path("personId").isNull()).isTrue();
    long tokenId = tokenIdOf(laptop);
    expect(aliceAccount.delete("/api/person-tokens/" + tokenId), 403);
    assertThat(expect(bo.delete("/api/person-tokens/" + tokenId), 409).code())
        .isEqualTo("REVOKER_NOT_HOLDER_OR_REGULATOR");
    expect(laptop.delete("/api/person-tokens/" + tokenId), 200);
    expect(laptop.get("/api/me"), 401);
  }

  /** The id of a person token, from the events of its enrolment (kept by {@link #person}). */
  private static long tokenIdOf(ApiClient c) {
    return TOKEN_IDS.get(c);
  }

  @Test
  void a_person_bids_in_an_auction_and_withdraws_the_bid_as_theirs() {
    // Opening an auction is an operation: the regulator's own token still does it.
    expect(
        regulator.post("/api/auctions", Map.of("auctionId", 7, "period", 1, "quantity", 100)), 201);
    expect(ann.post("/api/accounts/" + ALICE + "/deposits", Map.of("amountCents", 100_000)), 200);
    expect(
        ann.post(
            "/api/auctions/7/bids",
            Map.of("bidId", 1, "accountId", ALICE, "quantity", 10, "limitPriceCents", 1000)),
        201);
    // The bid is alice's: withdrawing it is hers to do, through a person.
    assertThat(expect(aliceAccount.delete("/api/auctions/7/bids/1"), 409).code())
        .isEqualTo("INITIATOR_REQUIRED");
    JsonNode withdrawn = expect(ann.delete("/api/auctions/7/bids/1"), 200).body();
    assertThat(withdrawn.toString()).contains("CommandInitiated", "BidWithdrawn");
  }

  @Test
  void the_routes_listed_here_are_the_route_tables_representatives_routes() {
    Set<String> tagged = new TreeSet<>();
    for (Route r : server.routes()) {
      if (r.tag().equals("representatives")) {
        tagged.add(r.method() + " " + r.path());
      }
    }
    assertThat(tagged).isEqualTo(new TreeSet<>(ROUTES));
  }

  @Test
  void an_account_token_cannot_act_without_a_person_when_representatives_are_on() {
    assertThat(
            expect(
                    aliceAccount.post(
                        "/api/transfers",
                        Map.of(
                            "fromAccountId",
                            ALICE,
                            "toAccountId",
                            BOB,
                            "vintage",
                            1,
                            "quantity",
                            1)),
                    409)
                .code())
        .isEqualTo("INITIATOR_REQUIRED");
    // Deposits need no person: the account's token and its person may both send one.
    expect(
        aliceAccount.post("/api/accounts/" + ALICE + "/deposits", Map.of("amountCents", 100)), 200);
    expect(ann.post("/api/accounts/" + ALICE + "/deposits", Map.of("amountCents", 100)), 200);
    // An unknown person code is 404 and not journaled, as for accounts.
    expect(
        anonymous.post("/api/person-enrolments", Map.of("code", "ce_nobody-was-given-this")), 404);
    // A person's token does not mint account tokens, which would act as nobody.
    expect(ann.post("/api/tokens", Map.of()), 403);
    JsonNode reps =
        expect(regulator.get("/api/accounts/" + ALICE + "/representatives"), 200).body();
    assertThat(reps).hasSize(2);
    assertThat(reps.get(0).path("name").asText()).isEqualTo("ann");
  }
}
