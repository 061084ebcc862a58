package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.computecap.server.Harness.expect;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign-in over HTTP (issue 16): password and TOTP, the session cookie, CSRF on every state-changing
 * request it authenticates, the account a person acts for, sign-out, bearer tokens unaffected, and
 * the refusals, each naming its field.
 */
class SignInHttpTest {
  static final Set<String> ROUTES =
      Set.of(
          "POST /api/session",
          "DELETE /api/session",
          "POST /api/persons/{personId}/password",
          "POST /api/persons/{personId}/totp",
          "POST /api/persons/{personId}/oidc-subject",
          "GET /api/oidc",
          "GET /api/session",
          "GET /api/sessions",
          "DELETE /api/sessions/{sessionId}",
          // OidcSignInTest calls these against a real OpenID Connect server.
          "GET /api/oidc/login",
          "GET /api/oidc/callback");

  private static final long ALICE = 1;
  private static final long BOB = 2;
  private static final long MINISTRY = 5;

  private static Path dir;
  private static Server server;
  private static URI base;
  private static ApiClient regulator;
  private static SignInFixture.Person ann;
  private static SignInFixture.Person al;
  private static SignInFixture.Person rex;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("computecap-signin");
    server = SignInFixture.serve(dir);
    base = URI.create("http://127.0.0.1:" + server.port());
    regulator = new ApiClient(base, server.newRegulatorToken());
    expect(regulator.openAccount(ALICE, "alice", "PARTICIPANT"), 201);
    expect(regulator.openAccount(BOB, "bob", "PARTICIPANT"), 201);
    expect(regulator.openAccount(MINISTRY, "ministry", "REGULATOR"), 201);
    ann = SignInFixture.person(regulator, 10, "ann", ALICE, "BOTH");
    expect(
        regulator.post(
            "/api/accounts/" + BOB + "/representatives",
            Map.of("personId", 10, "rights", "INITIATOR")),
        200);
    al = SignInFixture.person(regulator, 11, "al", ALICE, "APPROVER");
    rex = SignInFixture.person(regulator, 20, "rex", MINISTRY, "BOTH");
  }

  private static final java.util.concurrent.atomic.AtomicLong NEXT_ID =
      new java.util.concurrent.atomic.AtomicLong(100);

  /**
   * A fresh person like ann (both rights on alice, initiator on bob): each test signs in its own
   * persons, as a person has three codes to sign in with per 30 s (each accepted once).
   */
  private static SignInFixture.Person annLike() {
    long id = NEXT_ID.incrementAndGet();
    SignInFixture.Person p = SignInFixture.person(regulator, id, "ann" + id, ALICE, "BOTH");
    expect(
        regulator.post(
            "/api/accounts/" + BOB + "/representatives",
            Map.of("personId", id, "rights", "INITIATOR")),
        200);
    return p;
  }

  /** A fresh approver of alice. */
  private static SignInFixture.Person alLike() {
    long id = NEXT_ID.incrementAndGet();
    return SignInFixture.person(regulator, id, "al" + id, ALICE, "APPROVER");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void a_person_signs_in_with_password_and_code_and_the_cookie_is_httponly_strict_and_pathed()
      throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(base.resolve("/api/session"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            ApiClient.toJson(
                                Map.of(
                                    "name", "al", "password", al.password, "totp", al.nextCode()))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie)
        .startsWith(Sessions.COOKIE + "=")
        .contains("; Path=/", "; HttpOnly", "; SameSite=Strict")
        .doesNotContain("Secure");
    assertThat(cookie.substring(Sessions.COOKIE.length() + 1, cookie.indexOf(';')))
        .hasSizeGreaterThanOrEqualTo(43);
    JsonNode me = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    assertThat(me.path("personId").asLong()).isEqualTo(11);
    assertThat(me.path("name").asText()).isEqualTo("al");
    assertThat(me.path("csrfToken").asText()).hasSizeGreaterThanOrEqualTo(43);
  }

  @Test
  void a_person_lists_their_sessions_and_ends_another_browsers() {
    SignInFixture.Person p = annLike();
    SignInFixture.BrowserSession first = SignInFixture.signIn(base, p);
    SignInFixture.BrowserSession second = SignInFixture.signIn(base, p);
    JsonNode list = expect(second.get("/api/sessions"), 200).body();
    assertThat(list).hasSize(2);
    assertThat(list.get(0).path("current").asBoolean()).isFalse();
    assertThat(list.get(1).path("current").asBoolean()).isTrue();
    assertThat(list.get(0).path("via").asText()).isEqualTo("password");
    String firstId = list.get(0).path("sessionId").asText();
    // Another person sees only their own, and cannot end this one.
    SignInFixture.BrowserSession other = SignInFixture.signIn(base, alLike());
    assertThat(expect(other.get("/api/sessions"), 200).body()).hasSize(1);
    expect(other.delete("/api/sessions/" + firstId), 404);
    // Without the CSRF token the cookie may not end anything.
    expect(second.send("DELETE", "/api/sessions/" + firstId, null, Map.of()), 403);
    JsonNode after = expect(second.delete("/api/sessions/" + firstId), 200).body();
    assertThat(after).hasSize(1);
    assertThat(after.get(0).path("current").asBoolean()).isTrue();
    // The first browser is signed out; the second goes on.
    assertThat(expect(first.get("/api/session"), 200).body().path("signedIn").asBoolean())
        .isFalse();
    expect(second.get("/api/me"), 200);
    // An account's bearer token has no sessions.
    expect(regulator.get("/api/sessions"), 403);
  }

  @Test
  void me_tells_the_page_who_is_signed_in_and_what_they_represent() {
    SignInFixture.BrowserSession b = SignInFixture.signIn(base, ann);
    JsonNode me = expect(b.get("/api/me"), 200).body();
    assertThat(me.path("personId").asLong()).isEqualTo(10);
    assertThat(me.path("name").asText()).isEqualTo("ann");
    assertThat(me.path("sessionExpiresTick").asLong()).isGreaterThan(System.currentTimeMillis());
    assertThat(me.path("accountId").asLong()).isEqualTo(ALICE);
    assertThat(me.path("role").asText()).isEqualTo("PARTICIPANT");
    assertThat(me.path("regulator").asBoolean()).isFalse();
    assertThat(me.path("csrfToken").asText()).isEqualTo(b.csrf);
    assertThat(me.path("accounts").toString())
        .isEqualTo(
            "[{\"accountId\":1,\"name\":\"alice\",\"role\":\"PARTICIPANT\",\"initiator\":true,"
                + "\"approver\":true},{\"accountId\":2,\"name\":\"bob\",\"role\":\"PARTICIPANT\","
                + "\"initiator\":true,\"approver\":false}]");
    JsonNode regulatorMe = expect(SignInFixture.signIn(base, rex).get("/api/me"), 200).body();
    assertThat(regulatorMe.path("regulator").asBoolean()).isTrue();
    assertThat(regulatorMe.path("role").asText()).isEqualTo("REGULATOR");
  }

  @Test
  void a_state_changing_request_by_cookie_needs_the_sessions_csrf_token() {
    SignInFixture.Person annie = annLike();
    SignInFixture.BrowserSession b = SignInFixture.signIn(base, annie);
    Map<String, Long> body = Map.of("trustedAccountId", BOB);
    String path = "/api/accounts/" + ALICE + "/trusted-accounts";
    ApiClient.Response missing = b.send("POST", path, body, Map.of());
    assertThat(missing.status()).isEqualTo(403);
    assertThat(missing.code()).isEqualTo("CSRF_TOKEN_MISSING");
    assertThat(missing.body().path("field").asText()).isEqualTo("X-CSRF-Token");
    ApiClient.Response wrong =
        b.send("POST", path, body, Map.of(Sessions.CSRF_HEADER, b.csrf + "x"));
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(wrong.code()).isEqualTo("CSRF_TOKEN_INVALID");
    SignInFixture.BrowserSession other = SignInFixture.signIn(base, alLike());
    assertThat(b.send("POST", path, body, Map.of(Sessions.CSRF_HEADER, other.csrf)).code())
        .as("another session's token")
        .isEqualTo("CSRF_TOKEN_INVALID");
    // Nothing reached the journal; with the token the command goes as ann's (Initiate), so the
    // trusted-list entry waits for a second person.
    JsonNode ok = expect(b.post(path, body), 200).body();
    assertThat(ok.toString())
        .contains("TransactionAwaitingApproval")
        .contains("\"initiatorId\":" + annie.personId + ",");
    long tx = RepresentativesHttpTest.transactionId(ok);
    assertThat(expect(b.post("/api/transactions/" + tx + "/approval", Map.of()), 409).code())
        .isEqualTo("APPROVER_IS_INITIATOR");
    assertThat(expect(other.post("/api/transactions/" + tx + "/approval", Map.of()), 200).text())
        .contains("TrustedAccountAdded");
  }

  @Test
  void x_account_chooses_which_represented_account_a_cookie_request_acts_for() {
    SignInFixture.BrowserSession b = SignInFixture.signIn(base, annLike());
    JsonNode asBob = expect(b.send("GET", "/api/me", null, Map.of("X-Account", "2")), 200).body();
    assertThat(asBob.path("accountId").asLong()).isEqualTo(BOB);
    ApiClient.Response notHers = b.send("GET", "/api/me", null, Map.of("X-Account", "5"));
    assertThat(notHers.status()).isEqualTo(403);
    assertThat(notHers.body().path("field").asText()).isEqualTo("X-Account");
    ApiClient.Response malformed = b.send("GET", "/api/me", null, Map.of("X-Account", "bob"));
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body().path("field").asText()).isEqualTo("X-Account");
    // Bob's holdings are readable as bob's representative; the ministry's cash is not alice's.
    expect(b.send("GET", "/api/accounts/2/cash", null, Map.of("X-Account", "2")), 200);
  }

  @Test
  void sign_out_ends_the_session_and_its_cookie_no_longer_authenticates() {
    SignInFixture.BrowserSession b = SignInFixture.signIn(base, annLike());
    String cookie = b.cookie();
    expect(b.get("/api/me"), 200);
    JsonNode state = expect(b.get("/api/session"), 200).body();
    assertThat(state.path("signedIn").asBoolean()).isTrue();
    assertThat(state.path("me").path("csrfToken").asText()).isEqualTo(b.csrf);
    expect(b.delete("/api/session"), 200);
    SignInFixture.BrowserSession replay = new SignInFixture.BrowserSession(base);
    ApiClient.Response r =
        replay.send("GET", "/api/me", null, Map.of("Cookie", Sessions.COOKIE + "=" + cookie));
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.body().path("message").asText()).contains("sign in again");
    assertThat(b.cookie()).as("the cookie was cleared").isNull();
    assertThat(expect(b.get("/api/session"), 200).body().toString())
        .isEqualTo("{\"signedIn\":false,\"me\":null}");
    assertThat(
            expect(
                    replay.send(
                        "GET",
                        "/api/session",
                        null,
                        Map.of("Cookie", Sessions.COOKIE + "=" + cookie)),
                    200)
                .body()
                .path("signedIn")
                .asBoolean())
        .isFalse();
  }

  @Test
  void bearer_tokens_work_as_before_and_need_no_csrf_token_even_beside_a_cookie() {
    SignInFixture.BrowserSession b = SignInFixture.signIn(base, annLike());
    ApiClient.Response r =
        b.send(
            "POST",
            "/api/accounts/" + ALICE + "/deposits",
            Map.of("amountCents", 100),
            Map.of("Authorization", "Bearer " + regulatorToken()));
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(expect(regulator.get("/api/me"), 200).body().path("accountId").asLong()).isZero();
  }

  @Test
  void wrong_passwords_and_codes_are_refused_naming_their_field() {
    SignInFixture.BrowserSession b = new SignInFixture.BrowserSession(base);
    ApiClient.Response badPassword =
        b.post("/api/session", Map.of("name", "al", "password", "not-al-at-all", "totp", "123456"));
    assertThat(badPassword.status()).isEqualTo(401);
    assertThat(badPassword.code()).isEqualTo("SIGN_IN_FAILED");
    assertThat(badPassword.body().path("field").asText()).isEqualTo("password");
    ApiClient.Response nobody =
        b.post("/api/session", Map.of("name", "nobody", "password", "whatever-it-is", "totp", "1"));
    assertThat(nobody.status()).isEqualTo(401);
    assertThat(nobody.body().path("field").asText()).isEqualTo("password");
    ApiClient.Response badCode =
        b.post("/api/session", Map.of("name", "al", "password", al.password, "totp", "000000x"));
    assertThat(badCode.status()).isEqualTo(401);
    assertThat(badCode.body().path("field").asText()).isEqualTo("totp");
    ApiClient.Response noName = b.post("/api/session", Map.of("password", "x", "totp", "1"));
    assertThat(noName.status()).isEqualTo(400);
    assertThat(noName.body().path("field").asText()).isEqualTo("name");
    assertThat(b.cookie()).isNull();
  }

  @Test
  void after_ten_failed_sign_ins_a_person_waits_even_with_the_right_password() {
    SignInFixture.Person p = alLike();
    SignInFixture.BrowserSession b = new SignInFixture.BrowserSession(base);
    for (int i = 0; i < SignInApi.PERSON_ATTEMPTS; i++) {
      assertThat(
              b.post(
                      "/api/session",
                      Map.of("name", p.name, "password", "guess-number-" + i, "totp", "000000"))
                  .status())
          .isEqualTo(401);
    }
    ApiClient.Response r =
        b.post(
            "/api/session", Map.of("name", p.name, "password", p.password, "totp", p.nextCode()));
    assertThat(r.status()).isEqualTo(429);
    assertThat(r.code()).isEqualTo("TOO_MANY_ATTEMPTS");
    assertThat(r.body().path("message").asText()).contains("this person");
    assertThat(b.cookie()).isNull();
    // Another person signs in from the same address meanwhile.
    expect(SignInFixture.signIn(base, alLike()).get("/api/me"), 200);
  }

  @Test
  void a_totp_code_is_accepted_once() {
    SignInFixture.BrowserSession b = new SignInFixture.BrowserSession(base);
    SignInFixture.Person p = alLike();
    String code = p.nextCode();
    Map<String, String> body = Map.of("name", p.name, "password", p.password, "totp", code);
    expect(b.post("/api/session", body), 201);
    ApiClient.Response again = new SignInFixture.BrowserSession(base).post("/api/session", body);
    assertThat(again.status()).isEqualTo(401);
    assertThat(again.body().path("field").asText()).isEqualTo("totp");
  }

  @Test
  void only_the_person_a_regulators_person_or_the_market_regulator_sets_a_password() {
    SignInFixture.Person annie = annLike();
    SignInFixture.Person albert = alLike();
    SignInFixture.BrowserSession annSession = SignInFixture.signIn(base, annie);
    ApiClient.Response notHers =
        annSession.post(
            "/api/persons/" + albert.personId + "/password",
            Map.of("password", "al-new-password-1"));
    assertThat(notHers.status()).isEqualTo(409);
    assertThat(notHers.code()).isEqualTo("SIGN_IN_SETTER_NOT_PERSON_OR_REGULATOR");
    ApiClient.Response tooShort =
        annSession.post(
            "/api/persons/" + annie.personId + "/password", Map.of("password", "short"));
    assertThat(tooShort.status()).isEqualTo(400);
    assertThat(tooShort.body().path("field").asText()).isEqualTo("password");
    expect(
        annSession.post(
            "/api/persons/" + annie.personId + "/password", Map.of("password", "ann-own-new-one")),
        200);
    ApiClient.Response accountToken =
        new ApiClient(base, regulator.enrolAccount(ALICE))
            .post(
                "/api/persons/" + annie.personId + "/password", Map.of("password", "ann-new-pw-2"));
    assertThat(accountToken.status()).isEqualTo(403);
    // A regulator's person resets albert's password: his sessions end, the new password works.
    SignInFixture.BrowserSession alSession = SignInFixture.signIn(base, albert);
    SignInFixture.BrowserSession rexSession = SignInFixture.signIn(base, rex);
    expect(
        rexSession.post(
            "/api/persons/" + albert.personId + "/password",
            Map.of("password", "al-reset-password")),
        200);
    assertThat(alSession.get("/api/me").status()).isEqualTo(401);
    String old = albert.password;
    albert.password = "al-reset-password";
    expect(SignInFixture.signIn(base, albert).get("/api/me"), 200);
    albert.password = old;
    assertThat(
            new SignInFixture.BrowserSession(base)
                .post(
                    "/api/session",
                    Map.of("name", albert.name, "password", old, "totp", albert.nextCode()))
                .status())
        .as("the old password")
        .isEqualTo(401);
  }

  @Test
  void totp_enrolment_answers_the_secret_its_otpauth_uri_and_a_qr_code_once() {
    SignInFixture.Person bo = SignInFixture.person(regulator, 30, "bo", BOB, "BOTH");
    SignInFixture.BrowserSession b = SignInFixture.signIn(base, bo);
    JsonNode e = expect(b.post("/api/persons/30/totp", Map.of()), 200).body();
    String secret = e.path("secret").asText();
    assertThat(secret).matches("[A-Z2-7]{32}").isNotEqualTo(bo.totpSecret);
    assertThat(e.path("otpauthUri").asText())
        .isEqualTo(
            "otpauth://totp/ComputeCap:bo?secret="
                + secret
                + "&issuer=ComputeCap&algorithm=SHA1&digits=6&period=30");
    assertThat(e.path("qrPng").asText()).startsWith("data:image/png;base64,iVBOR");
    // The old secret's codes no longer sign bo in; the new one's do.
    bo.totpSecret = secret;
    expect(SignInFixture.signIn(base, bo).get("/api/me"), 200);
  }

  @Test
  void without_a_provider_openid_connect_is_off() {
    assertThat(expect(regulator.get("/api/oidc"), 200).body().toString())
        .isEqualTo("{\"enabled\":false,\"issuer\":null,\"login\":null}");
  }

  private static String regulatorToken() {
    return server.newRegulatorToken();
  }
}
