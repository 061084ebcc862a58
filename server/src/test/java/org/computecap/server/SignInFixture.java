package org.computecap.server;

import static org.computecap.server.Harness.expect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signed-in persons for tests (issue 16), HTTP and browser alike: registers a person with rights on
 * an account, gives them a password and a TOTP second factor (set by the market regulator, as
 * {@code serve --demo} does), and signs them in as a browser would, keeping the session cookie and
 * its CSRF token. For Selenium: open any page of the server, then {@code
 * driver.manage().addCookie(new Cookie(Sessions.COOKIE, session.cookie()))}, or fill in {@code
 * /office/signin.html} with {@link Person#name}, {@link Person#password} and {@link
 * Person#nextCode()}.
 */
final class SignInFixture {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SignInFixture() {}

  /**
   * A program with every representative rule on (RepresentativesHttpTest's: four-eyes above 10).
   */
  static Path program(Path dir) throws IOException {
    return RepresentativesHttpTest.program(dir, 93_600_000L);
  }

  /** A person's sign-in: name, password, TOTP secret, and the last TOTP step this test used. */
  static final class Person {
    final long personId;
    final String name;
    String password;
    String totpSecret;
    private long lastStep = Long.MIN_VALUE;

    Person(long personId, String name, String password, String totpSecret) {
      this.personId = personId;
      this.name = name;
      this.password = password;
      this.totpSecret = totpSecret;
    }

    /**
     * A code the server has not seen from this person: the current step's, or the next step's
     * (accepted too), else it waits for the next step (each code is accepted once, so a person
     * signs in at most twice in 30 s without waiting).
     */
    synchronized String nextCode() {
      while (true) {
        long now = System.currentTimeMillis();
        long step = Totp.step(now);
        // Never the previous step's: the server may already be a step further when it checks.
        for (long s = step; s <= step + 1; s++) {
          if (s > lastStep) {
            lastStep = s;
            return Totp.code(Totp.unbase32(totpSecret), s, Totp.DIGITS, "HmacSHA1");
          }
        }
        sleep(Totp.STEP_SECONDS * 1000 - Math.floorMod(now, Totp.STEP_SECONDS * 1000) + 10);
      }
    }
  }

  /** Registers a person with {@code rights} on {@code account}, with a password and TOTP. */
  static Person person(ApiClient regulator, long id, String name, long account, String rights) {
    expect(
        regulator.post("/api/persons", Map.of("personId", id, "name", name, "grade", "ORDINARY")),
        201);
    expect(
        regulator.post(
            "/api/accounts/" + account + "/representatives",
            Map.of("personId", id, "rights", rights)),
        200);
    return credentials(regulator, id, name);
  }

  /** Gives an existing person a password and a TOTP secret, set by {@code setter}. */
  static Person credentials(ApiClient setter, long id, String name) {
    String password = name + "-correct-horse-" + id;
    expect(setter.post("/api/persons/" + id + "/password", Map.of("password", password)), 200);
    JsonNode totp = expect(setter.post("/api/persons/" + id + "/totp", Map.of()), 200).body();
    return new Person(id, name, password, totp.path("secret").asText());
  }

  /** Signs {@code p} in at {@code base} as a browser would (201 expected). */
  static BrowserSession signIn(URI base, Person p) {
    BrowserSession b = new BrowserSession(base);
    ApiClient.Response r =
        b.post(
            "/api/session", Map.of("name", p.name, "password", p.password, "totp", p.nextCode()));
    expect(r, 201);
    b.csrf = r.body().path("csrfToken").asText();
    return b;
  }

  /** A browser: keeps cookies, sends the CSRF token and an account choice when told to. */
  static final class BrowserSession {
    final URI base;
    final java.net.CookieManager cookies = new java.net.CookieManager();
    final HttpClient http;
    String csrf;

    BrowserSession(URI base) {
      this.base = base;
      this.http =
          HttpClient.newBuilder()
              .cookieHandler(cookies)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
    }

    /** The session cookie's value, for a WebDriver's cookie jar. */
    String cookie() {
      for (java.net.HttpCookie c : cookies.getCookieStore().getCookies()) {
        if (c.getName().equals(Sessions.COOKIE)) {
          return c.getValue();
        }
      }
      return null;
    }

    ApiClient.Response get(String path) {
      return send("GET", path, null, Map.of());
    }

    /** POST with the session's CSRF token. */
    ApiClient.Response post(String path, Map<String, ?> body) {
      return send("POST", path, body, csrf == null ? Map.of() : Map.of(Sessions.CSRF_HEADER, csrf));
    }

    /** DELETE with the session's CSRF token. */
    ApiClient.Response delete(String path) {
      return send(
          "DELETE", path, null, csrf == null ? Map.of() : Map.of(Sessions.CSRF_HEADER, csrf));
    }

    ApiClient.Response send(
        String method, String path, Map<String, ?> body, Map<String, String> headers) {
      try {
        HttpRequest.Builder b =
            HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(
                    method,
                    body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        headers.forEach(b::header);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
          json = r.body().isEmpty() ? JSON.missingNode() : JSON.readTree(r.body());
        } catch (IOException e) {
          json = JSON.missingNode();
        }
        return new ApiClient.Response(r.statusCode(), json, r.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /**
     * The last Set-Cookie-relevant headers are in the cookie store; this is a request's headers.
     */
    Map<String, String> headers(String... kv) {
      Map<String, String> m = new LinkedHashMap<>();
      for (int i = 0; i + 1 < kv.length; i += 2) {
        m.put(kv[i], kv[i + 1]);
      }
      return m;
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
