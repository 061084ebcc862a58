package org.computecap.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OpenID Connect sign-in for operators with an identity provider (issue 16): the authorization code
 * flow with PKCE (S256), a {@code state} bound to the browser by a short-lived cookie and a {@code
 * nonce} bound to the ID token. The provider's discovery document names its endpoints and keys; the
 * ID token's signature is checked against its JWKS (Nimbus JOSE+JWT), and its issuer, audience (our
 * client id), expiry and nonce. The token's {@code sub} must be a subject a regulator linked to a
 * registered person ({@code SetPersonOidcSubject}); the person then gets a session exactly as after
 * a password and TOTP sign-in (the provider does the second factor).
 */
final class OidcSignIn {
  static final String STATE_COOKIE = "cc_oidc";
  private static final long PENDING_MS = 10 * 60_000L;
  private static final int MAX_PENDING = 10_000;

  static final Field<String> CODE = Field.string("code", "the provider's authorization code");
  static final Field<String> STATE = Field.string("state", "the state this server sent");
  static final Field<String> ERROR = Field.string("error", "the provider's error, if any");

  /** A login under way: what the callback must match. */
  private record Pending(String nonce, String verifier, String redirectUri, long createdMs) {}

  /** The provider's endpoints and key checker, from its discovery document. */
  private record Provider(
      String issuer, URI authorize, URI token, DefaultJWTProcessor<SecurityContext> ids) {}

  private final SignInOptions options;
  private final Sessions sessions;
  private final ReadModel model;
  private final ObjectMapper json;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private volatile Provider provider;

  OidcSignIn(Sessions sessions, ReadModel model, ObjectMapper json) {
    this.options = sessions.options();
    this.sessions = sessions;
    this.model = model;
    this.json = json;
  }

  List<Route> routes() {
    List<Route> r = new ArrayList<>();
    r.add(
        Route.get("/api/oidc/login")
            .op(
                "oidcLogin",
                SignInApi.TAG,
                "Start signing in at the operator's OpenID Connect provider (a redirect there)")
            .mayNotFind()
            .returns(302, Reply.text("text/plain"))
            .handle(this::login));
    r.add(
        Route.get("/api/oidc/callback")
            .op(
                "oidcCallback",
                SignInApi.TAG,
                "Where the provider sends the browser back: signs the linked person in and goes to"
                    + " /office/ (or back to the sign-in page saying why not)")
            .query(CODE, STATE, ERROR)
            .mayNotFind()
            .returns(302, Reply.text("text/plain"))
            .handle(this::callback));
    return r;
  }

  private void login(Call call) throws IOException, InterruptedException {
    Provider p = provider();
    Context ctx = call.context();
    String state = Sessions.random();
    String nonce = Sessions.random();
    String verifier = Sessions.random();
    String redirect = origin(ctx) + "/api/oidc/callback";
    expire();
    if (pending.size() >= MAX_PENDING) {
      throw ApiException.tooManyAttempts("too many sign-ins under way; retry in a minute", 60);
    }
    pending.put(state, new Pending(nonce, verifier, redirect, sessions.clock().millis()));
    // Lax, not Strict: the provider's redirect back is a cross-site navigation.
    ctx.header(
        "Set-Cookie",
        STATE_COOKIE
            + "="
            + state
            + "; Path=/api/oidc/; HttpOnly; SameSite=Lax; Max-Age=600"
            + (secure(ctx) ? "; Secure" : ""));
    String url =
        p.authorize()
            + (p.authorize().getQuery() == null ? "?" : "&")
            + "response_type=code&scope=openid%20email"
            + "&client_id="
            + enc(options.oidcClientId())
            + "&redirect_uri="
            + enc(redirect)
            + "&state="
            + state
            + "&nonce="
            + nonce
            + "&code_challenge="
            + challenge(verifier)
            + "&code_challenge_method=S256";
    ctx.status(302).header("Location", url).result("");
  }

  private void callback(Call call) throws IOException, InterruptedException {
    Provider p = provider();
    Context ctx = call.context();
    String state = call.get(STATE, "");
    Pending pend = state.isEmpty() ? null : pending.remove(state);
    String bound = ctx.cookie(STATE_COOKIE);
    ctx.header(
        "Set-Cookie", STATE_COOKIE + "=; Path=/api/oidc/; HttpOnly; SameSite=Lax; Max-Age=0");
    if (call.values().has(ERROR)) {
      back(ctx, "the provider refused the sign-in: " + call.get(ERROR));
      return;
    }
    if (pend == null
        || !state.equals(bound)
        || sessions.clock().millis() - pend.createdMs() > PENDING_MS) {
      back(ctx, "this sign-in is unknown, expired or was started in another browser: try again");
      return;
    }
    String idToken = exchange(p, call.get(CODE, ""), pend);
    if (idToken == null) {
      back(ctx, "the provider did not give an ID token for this sign-in: try again");
      return;
    }
    JWTClaimsSet claims;
    try {
      claims = verify(idToken, pend.nonce());
    } catch (Exception e) {
      back(ctx, "the provider's ID token did not verify: " + e.getMessage());
      return;
    }
    String subject = claims.getSubject();
    long person = model.representatives.personOfSubject(subject);
    if (person == 0) {
      back(
          ctx,
          "no person here is linked to your account at the provider (subject "
              + subject
              + "); ask a regulator to link it");
      return;
    }
    if (model.representatives.rightsOf(person).isEmpty()) {
      back(ctx, "person " + person + " represents no account yet");
      return;
    }
    sessions.start(ctx, person, -1, "oidc");
    ctx.status(302).header("Location", "/office/").result("");
  }

  /** The ID token the provider gives for {@code code}, or null when it refuses. */
  private String exchange(Provider p, String code, Pending pend)
      throws IOException, InterruptedException {
    String form =
        "grant_type=authorization_code&code="
            + enc(code)
            + "&redirect_uri="
            + enc(pend.redirectUri())
            + "&client_id="
            + enc(options.oidcClientId())
            + "&code_verifier="
            + enc(pend.verifier());
    HttpRequest.Builder b =
        HttpRequest.newBuilder(p.token())
            .timeout(Duration.ofSeconds(15))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (options.oidcClientSecret() != null) {
      String basic = enc(options.oidcClientId()) + ":" + enc(options.oidcClientSecret());
      b.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      return null;
    }
    JsonNode body = json.readTree(r.body());
    return body.hasNonNull("id_token") ? body.get("id_token").asText() : null;
  }

  /**
   * The ID token's claims once its signature (the provider's JWKS), issuer, audience (our client
   * id), expiry and nonce check out; an exception saying what failed otherwise.
   */
  JWTClaimsSet verify(String idToken, String nonce) throws Exception {
    return verifier(provider(), nonce).process(idToken, null);
  }

  private DefaultJWTProcessor<SecurityContext> verifier(Provider p, String nonce) {
    DefaultJWTProcessor<SecurityContext> ids = new DefaultJWTProcessor<>();
    ids.setJWSKeySelector(p.ids().getJWSKeySelector());
    ids.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            options.oidcClientId(),
            new JWTClaimsSet.Builder().issuer(p.issuer()).claim("nonce", nonce).build(),
            Set.of("sub", "exp", "iat")));
    return ids;
  }

  /** The provider, from its discovery document on first use (404 when none is configured). */
  private Provider provider() throws IOException, InterruptedException {
    if (options.oidcIssuer() == null) {
      throw new ApiException(
          404,
          "OIDC_NOT_CONFIGURED",
          "this server has no OpenID Connect provider (serve --oidc-issuer URL)",
          null);
    }
    Provider p = provider;
    if (p != null) {
      return p;
    }
    String issuer = options.oidcIssuer().toString().replaceAll("/+$", "");
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(15))
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new ApiException(
          503,
          "OIDC_PROVIDER_UNAVAILABLE",
          "the OpenID Connect provider's discovery document answered " + r.statusCode(),
          null);
    }
    JsonNode d = json.readTree(r.body());
    JWKSource<SecurityContext> keys =
        JWKSourceBuilder.create(URI.create(d.path("jwks_uri").asText()).toURL()).build();
    DefaultJWTProcessor<SecurityContext> ids = new DefaultJWTProcessor<>();
    ids.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256), keys));
    p =
        new Provider(
            d.path("issuer").asText(),
            URI.create(d.path("authorization_endpoint").asText()),
            URI.create(d.path("token_endpoint").asText()),
            ids);
    provider = p;
    return p;
  }

  private void back(Context ctx, String why) {
    ctx.status(302).header("Location", "/office/signin.html?error=" + enc(why)).result("");
  }

  private void expire() {
    long now = sessions.clock().millis();
    pending.values().removeIf(p -> now - p.createdMs() > PENDING_MS);
  }

  private boolean secure(Context ctx) {
    return options.secureCookies() || "https".equalsIgnoreCase(ctx.scheme());
  }

  /** This server as the browser reached it: the redirect URI the provider must have registered. */
  private static String origin(Context ctx) {
    return ctx.scheme() + "://" + ctx.host();
  }

  private static String challenge(String verifier) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(h);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
