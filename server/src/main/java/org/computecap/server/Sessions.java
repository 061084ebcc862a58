package org.computecap.server;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions of persons (issue 16), held in memory: an opaque random id in an HttpOnly,
 * SameSite=Strict cookie names a session; each has an idle and an absolute expiry and its own CSRF
 * token, which every state-changing request authenticated by the cookie must echo in {@code
 * X-CSRF-Token}. Only the SHA-256 of a session id is kept, so the map holds nothing a cookie can be
 * made from. Sessions are not journaled: a restart signs everyone out. Also kept here: the last
 * TOTP step each person used, so a code is accepted once.
 */
final class Sessions {
  static final String COOKIE = "cc_session";
  static final String CSRF_HEADER = "X-CSRF-Token";
  static final String ACCOUNT_HEADER = "X-Account";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A signed-in person; {@code accountId} is the account chosen at sign-in (-1: the default). */
  static final class Session {
    final String idHash;
    final long personId;
    final String csrfToken;
    final long createdMs;
    final long accountId;
    final String via;
    volatile long lastSeenMs;

    Session(String idHash, long personId, String csrf, long now, long accountId, String via) {
      this.idHash = idHash;
      this.personId = personId;
      this.csrfToken = csrf;
      this.createdMs = now;
      this.lastSeenMs = now;
      this.accountId = accountId;
      this.via = via;
    }
  }

  private final Map<String, Session> byIdHash = new ConcurrentHashMap<>();
  private final Map<Long, Long> lastTotpStep = new ConcurrentHashMap<>();
  private final Clock clock;
  private final SignInOptions options;

  Sessions(Clock clock, SignInOptions options) {
    this.clock = clock;
    this.options = options;
  }

  SignInOptions options() {
    return options;
  }

  Clock clock() {
    return clock;
  }

  /** Starts a session and sets its cookie on the answer; returns it. */
  Session start(Context ctx, long personId, long accountId, String via) {
    String id = random();
    Session s = create(id, personId, accountId, via);
    ctx.header("Set-Cookie", cookie(ctx, id, -1));
    return s;
  }

  /** A new session under the secret {@code id} (the cookie's value). */
  Session create(String id, long personId, long accountId, String via) {
    Session s =
        new Session(Credentials.hash(id), personId, random(), clock.millis(), accountId, via);
    purge();
    byIdHash.put(s.idHash, s);
    return s;
  }

  /** The live session the request's cookie names (touching it), or null. */
  Session of(Context ctx) {
    return find(ctx.cookie(COOKIE));
  }

  /** The live session {@code id} names (touching it), or null; an expired one is dropped. */
  Session find(String id) {
    if (id == null || id.isEmpty() || id.length() > 100) {
      return null;
    }
    Session s = byIdHash.get(Credentials.hash(id));
    if (s == null) {
      return null;
    }
    long now = clock.millis();
    if (now - s.lastSeenMs >= options.idleMs() || now - s.createdMs >= options.absoluteMs()) {
      byIdHash.remove(s.idHash);
      return null;
    }
    s.lastSeenMs = now;
    return s;
  }

  /** Ends the request's session, if any, and clears its cookie. */
  void end(Context ctx) {
    String id = ctx.cookie(COOKIE);
    if (id != null && id.length() <= 100) {
      byIdHash.remove(Credentials.hash(id));
    }
    ctx.header("Set-Cookie", cookie(ctx, "", 0));
  }

  /** The person's live sessions, oldest first (expired ones are dropped on the way). */
  List<Session> of(long personId) {
    long now = clock.millis();
    List<Session> out = new ArrayList<>();
    for (Session s : byIdHash.values()) {
      if (s.personId != personId) {
        continue;
      }
      if (now - s.lastSeenMs >= options.idleMs() || now - s.createdMs >= options.absoluteMs()) {
        byIdHash.remove(s.idHash);
      } else {
        out.add(s);
      }
    }
    out.sort(java.util.Comparator.comparingLong((Session s) -> s.createdMs));
    return out;
  }

  /**
   * Ends the person's session whose handle ({@link #handle}) is {@code handle}; false when the
   * person has none by that handle.
   */
  boolean end(long personId, String handle) {
    for (Session s : of(personId)) {
      if (handle(s).equals(handle)) {
        return byIdHash.remove(s.idHash) != null;
      }
    }
    return false;
  }

  /**
   * What names a session in a list: the first 16 hex digits of the SHA-256 of its id, from which no
   * cookie can be made.
   */
  static String handle(Session s) {
    return s.idHash.substring(0, 16);
  }

  /** Ends every session of a person (a password reset signs them out everywhere). */
  void endAll(long personId) {
    byIdHash.values().removeIf(s -> s.personId == personId);
  }

  /** Whether the request carries the session's CSRF token (compared in constant time). */
  static boolean csrfMatches(Context ctx, Session s) {
    String sent = ctx.header(CSRF_HEADER);
    return sent != null
        && MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8), s.csrfToken.getBytes(StandardCharsets.UTF_8));
  }

  /** The last TOTP step the person signed in with (Long.MIN_VALUE: none). */
  long lastTotpStep(long personId) {
    return lastTotpStep.getOrDefault(personId, Long.MIN_VALUE);
  }

  /** Records a used TOTP step; false when another request used it (or a later one) first. */
  boolean useTotpStep(long personId, long step) {
    long[] won = {0};
    lastTotpStep.compute(
        personId,
        (p, last) -> {
          if (last != null && last >= step) {
            return last;
          }
          won[0] = 1;
          return step;
        });
    return won[0] == 1;
  }

  int size() {
    purge();
    return byIdHash.size();
  }

  private void purge() {
    long now = clock.millis();
    byIdHash
        .values()
        .removeIf(
            s ->
                now - s.lastSeenMs >= options.idleMs()
                    || now - s.createdMs >= options.absoluteMs());
  }

  private String cookie(Context ctx, String value, long maxAge) {
    boolean secure = options.secureCookies() || "https".equalsIgnoreCase(ctx.scheme());
    return COOKIE
        + "="
        + value
        + "; Path=/; HttpOnly; SameSite=Strict"
        + (secure ? "; Secure" : "")
        + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
  }

  static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
