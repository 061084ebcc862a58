package org.computecap.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A small client of the server's HTTP API, for agents that trade over HTTP (the demo's simulated
 * participants) and for tests: one token per client, JSON in and out, no retries (a command is not
 * idempotent; the caller decides). Thread-safe: the underlying {@link HttpClient} is.
 */
public final class ApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI base;
  private final String token;

  /** A client of the server at {@code base} (e.g. http://127.0.0.1:7070), null token: none. */
  public ApiClient(URI base, String token) {
    this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), base, token);
  }

  private ApiClient(HttpClient http, URI base, String token) {
    this.http = http;
    this.base = base;
    this.token = token;
  }

  /** The same server, another token, sharing the connection pool. */
  public ApiClient withToken(String otherToken) {
    return new ApiClient(http, base, otherToken);
  }

  /** A status and the parsed JSON body (a missing node when the body is not JSON). */
  public record Response(int status, JsonNode body, String text) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }

    /** The error code of a non-2xx answer, e.g. INSUFFICIENT_CASH. */
    public String code() {
      return body.path("code").asText(null);
    }
  }

  public Response get(String path) {
    return send("GET", path, null);
  }

  public Response post(String path, Map<String, ?> body) {
    return send("POST", path, toJson(body));
  }

  public Response delete(String path) {
    return send("DELETE", path, null);
  }

  /** Sends a raw body (or none), waiting for the answer. */
  public Response send(String method, String path, String body) {
    try {
      return sendAsync(method, path, body).join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw e;
    }
  }

  /** Sends without waiting; the future fails when the connection does. */
  public CompletableFuture<Response> sendAsync(String method, String path, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(r -> new Response(r.statusCode(), parse(r.body()), r.body()));
  }

  // Typed helpers for the commands an agent sends most.

  public Response openAccount(long accountId, String name, String role) {
    return post("/api/accounts", Map.of("accountId", accountId, "name", name, "role", role));
  }

  /** Issues a one-time enrolment code for an account (regulator only) and returns it. */
  public String issueEnrolmentCode(long accountId) {
    Response r = post("/api/accounts/" + accountId + "/enrolments", Map.of());
    if (r.status() != 201) {
      throw new IllegalStateException("enrolment code for account " + accountId + ": " + r.text());
    }
    return r.body().path("code").asText();
  }

  /** Exchanges an enrolment code for its account's token (no token needed) and returns it. */
  public String enrol(String code) {
    Response r = withToken(null).post("/api/enrolments", Map.of("code", code));
    if (r.status() != 201) {
      throw new IllegalStateException("enrolment: " + r.text());
    }
    return r.body().path("token").asText();
  }

  /**
   * Both halves of an enrolment, for agents that play the regulator and the holder at once (the
   * demo, tests): this client, a regulator, issues the code, and the holder exchanges it.
   */
  public String enrolAccount(long accountId) {
    return enrol(issueEnrolmentCode(accountId));
  }

  /** Issues another token for this client's own account and returns it. */
  public String issueToken() {
    Response r = post("/api/tokens", Map.of());
    if (r.status() != 201) {
      throw new IllegalStateException("token: " + r.text());
    }
    return r.body().path("token").asText();
  }

  public Response deposit(long accountId, long cents) {
    return post("/api/accounts/" + accountId + "/deposits", Map.of("amountCents", cents));
  }

  public Response placeOrder(
      long accountId, String side, String type, long priceCents, long quantity, int vintage) {
    return post(
        "/api/orders",
        Map.of(
            "accountId",
            accountId,
            "side",
            side,
            "type",
            type,
            "priceCents",
            priceCents,
            "quantity",
            quantity,
            "vintage",
            vintage));
  }

  public Response market(int vintage) {
    return get("/api/market/" + vintage);
  }

  static String toJson(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("body is not serializable: " + e.getMessage(), e);
    }
  }

  private static JsonNode parse(String text) {
    try {
      return text == null || text.isEmpty() ? MissingNode.getInstance() : JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return MissingNode.getInstance();
    }
  }
}
