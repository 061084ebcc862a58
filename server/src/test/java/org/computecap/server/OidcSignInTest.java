package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.computecap.server.Harness.expect;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OpenID Connect sign-in (issue 16) against a real OIDC server started here (mock-oauth2-server):
 * the browser's redirects followed by hand, as a browser follows them, with its cookies.
 */
class OidcSignInTest {
  private static final String CLIENT = "computecap";
  private static MockOAuth2Server provider;
  private static Server server;
  private static URI base;
  private static ApiClient regulator;

  @BeforeAll
  static void start() throws Exception {
    provider = new MockOAuth2Server();
    provider.start();
    URI issuer = provider.issuerUrl("default").uri();
    Path dir = Files.createTempDirectory("computecap-oidc");
    server =
        Server.start(
            new Server.Options(
                    dir.resolve("data"), null, SignInFixture.program(dir), 7, "127.0.0.1", 0)
                .withSignIn(SignInOptions.DEFAULT.withOidc(issuer, CLIENT, "client-secret")),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            e -> {});
    base = URI.create("http://127.0.0.1:" + server.port());
    regulator = new ApiClient(base, server.newRegulatorToken());
    expect(regulator.openAccount(1, "alice", "PARTICIPANT"), 201);
    expect(
        regulator.post("/api/persons", Map.of("personId", 10, "name", "ann", "grade", "ORDINARY")),
        201);
    expect(
        regulator.post("/api/accounts/1/representatives", Map.of("personId", 10, "rights", "BOTH")),
        200);
    expect(
        regulator.post("/api/persons/10/oidc-subject", Map.of("subject", "ann@example.org")), 200);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    provider.shutdown();
  }

  /** A browser that does not follow redirects by itself: each hop is checked here. */
  private static final class Browser {
    final java.net.CookieManager cookies = new java.net.CookieManager();
    final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    HttpResponse<String> get(URI uri) throws Exception {
      return http.send(
          HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET, then the Location it redirects to; returns that answer. */
    HttpResponse<String> follow(HttpResponse<String> r) throws Exception {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
      return get(r.uri().resolve(r.headers().firstValue("Location").orElseThrow()));
    }
  }

  /** Signs in through the provider, which says the user is {@code subject}; the last answer. */
  private static HttpResponse<String> signInAs(Browser b, String subject) throws Exception {
    provider.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            "default", subject, "JWT", List.of(CLIENT), Map.of("email", subject), 3600));
    HttpResponse<String> login = b.get(base.resolve("/api/oidc/login"));
    assertThat(login.statusCode()).isEqualTo(302);
    String to = login.headers().firstValue("Location").orElseThrow();
    assertThat(to)
        .startsWith(provider.authorizationEndpointUrl("default").toString())
        .contains("response_type=code", "client_id=computecap", "code_challenge_method=S256")
        .contains(
            "redirect_uri="
                + java.net.URLEncoder.encode(base + "/api/oidc/callback", StandardCharsets.UTF_8));
    assertThat(login.headers().firstValue("Set-Cookie").orElseThrow())
        .contains("HttpOnly", "SameSite=Lax");
    HttpResponse<String> atProvider = b.follow(login);
    // The provider sends the browser back with a code; the callback signs the person in.
    return b.follow(atProvider);
  }

  @Test
  void a_person_linked_to_their_subject_signs_in_through_the_provider() throws Exception {
    Browser b = new Browser();
    HttpResponse<String> done = signInAs(b, "ann@example.org");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
    assertThat(done.headers().firstValue("Location").orElseThrow()).isEqualTo("/office/");
    assertThat(done.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith(Sessions.COOKIE + "=")
                    .contains("HttpOnly", "SameSite=Strict"));
    HttpResponse<String> me = b.get(base.resolve("/api/me"));
    assertThat(me.statusCode()).isEqualTo(200);
    JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(me.body());
    assertThat(body.path("personId").asLong()).isEqualTo(10);
    assertThat(body.path("name").asText()).isEqualTo("ann");
    assertThat(body.path("csrfToken").asText()).isNotEmpty();
    assertThat(expect(regulator.get("/api/oidc"), 200).body().path("enabled").asBoolean()).isTrue();
  }

  @Test
  void a_subject_no_person_is_linked_to_goes_back_to_the_sign_in_page_saying_so() throws Exception {
    Browser b = new Browser();
    HttpResponse<String> done = signInAs(b, "mallory@example.org");
    String location = done.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("/office/signin.html?error=");
    assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8))
        .contains("no person here is linked", "mallory@example.org");
    assertThat(b.get(base.resolve("/api/me")).statusCode()).isEqualTo(401);
  }

  @Test
  void a_callback_with_a_state_this_browser_did_not_start_is_refused() throws Exception {
    Browser victim = new Browser();
    // The attacker starts a sign-in and hands the callback URL to another browser.
    Browser attacker = new Browser();
    HttpResponse<String> atProvider =
        attacker.follow(attacker.get(base.resolve("/api/oidc/login")));
    String callback = atProvider.headers().firstValue("Location").orElseThrow();
    HttpResponse<String> r = victim.get(URI.create(callback));
    assertThat(r.headers().firstValue("Location").orElseThrow())
        .startsWith("/office/signin.html?error=");
    assertThat(victim.get(base.resolve("/api/me")).statusCode()).isEqualTo(401);
    // (No token was asked for: the callback stopped at the state.) A made-up state is refused the
    // same way.
    HttpResponse<String> madeUp =
        attacker.get(base.resolve("/api/oidc/callback?code=x&state=not-one-we-sent"));
    assertThat(madeUp.headers().firstValue("Location").orElseThrow())
        .startsWith("/office/signin.html?error=");
  }

  @Test
  void an_id_token_verifies_only_with_the_providers_signature_our_audience_and_the_nonce()
      throws Exception {
    OidcSignIn oidc =
        new OidcSignIn(
            new Sessions(
                java.time.Clock.systemUTC(),
                SignInOptions.DEFAULT.withOidc(
                    provider.issuerUrl("default").uri(), CLIENT, "client-secret")),
            null,
            new com.fasterxml.jackson.databind.ObjectMapper());
    String good =
        provider
            .issueToken("default", "ann@example.org", CLIENT, Map.of("nonce", "n-1"))
            .serialize();
    assertThat(oidc.verify(good, "n-1").getSubject()).isEqualTo("ann@example.org");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> oidc.verify(good, "n-2"))
        .as("another sign-in's nonce")
        .hasMessageContaining("nonce");
    String otherClient =
        provider
            .issueToken("default", "ann@example.org", "another-client", Map.of("nonce", "n-1"))
            .serialize();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> oidc.verify(otherClient, "n-1"))
        .as("a token for another client")
        .hasMessageContaining("aud claim rejected");
    String otherIssuer =
        provider
            .issueToken("elsewhere", "ann@example.org", CLIENT, Map.of("nonce", "n-1"))
            .serialize();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> oidc.verify(otherIssuer, "n-1"))
        .as("a token of another issuer");
    // The payload changed after signing: the signature no longer matches.
    String[] parts = good.split("\\.");
    String forged =
        parts[0]
            + "."
            + java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    new String(
                            java.util.Base64.getUrlDecoder().decode(parts[1]),
                            StandardCharsets.UTF_8)
                        .replace("ann@example.org", "rex@example.org")
                        .getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> oidc.verify(forged, "n-1"))
        .as("a forged token")
        .hasMessageContaining("ignature");
  }
}
