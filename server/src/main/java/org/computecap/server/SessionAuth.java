package org.computecap.server;

import io.javalin.http.Context;

/**
 * Authenticates a request by its session cookie (issue 16), for requests without a bearer token: a
 * token always wins, and machines never need a CSRF token. A cookie-authenticated request that
 * changes state (any method but GET) must carry the session's CSRF token in {@code X-CSRF-Token};
 * signing in ({@code POST /api/session}) is the one exception, as it replaces the session. A cookie
 * that names no live session is ignored on public routes and is a 401 saying so elsewhere.
 */
final class SessionAuth {
  static final String SESSION_ATTRIBUTE = "session";

  private SessionAuth() {}

  static Caller caller(Context ctx, Route r, Sessions sessions, ReadModel model) {
    if (ctx.cookie(Sessions.COOKIE) == null
        || r.path().equals("/api/session") && r.method().equals("POST")) {
      return null;
    }
    Sessions.Session session = sessions.of(ctx);
    if (session == null) {
      if (r.access() == Access.PUBLIC) {
        return null;
      }
      throw new ApiException(
          401, "UNAUTHENTICATED", "the session has expired or ended: sign in again", null);
    }
    if (!r.method().equals("GET")) {
      String sent = ctx.header(Sessions.CSRF_HEADER);
      if (sent == null || sent.isEmpty()) {
        throw new ApiException(
            403,
            "CSRF_TOKEN_MISSING",
            "a request signed in by cookie that changes anything must send the session's CSRF"
                + " token (from POST /api/session or GET /api/me) in X-CSRF-Token",
            Sessions.CSRF_HEADER);
      }
      if (!Sessions.csrfMatches(ctx, session)) {
        throw new ApiException(
            403,
            "CSRF_TOKEN_INVALID",
            "X-CSRF-Token is not this session's CSRF token",
            Sessions.CSRF_HEADER);
      }
    }
    Caller c = SignInApi.callerOf(model, session, ctx.header(Sessions.ACCOUNT_HEADER));
    if (c == null) {
      throw new ApiException(
          401,
          "UNAUTHENTICATED",
          "person " + session.personId + " no longer represents any account: sign in again",
          null);
    }
    ctx.attribute(SESSION_ATTRIBUTE, session);
    return c;
  }
}
