package org.computecap.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.computecap.engine.command.InvalidFieldException;
import org.computecap.engine.command.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the route table on Javalin: for every request, in this order, the token (401), the role
 * (403), the inputs read strictly by their fields (400), then the route's handler; and every
 * failure, wherever it happens, becomes the one error body {@code {code, message, field}} with a
 * status the route declares. Exception texts of the framework never reach a client.
 */
final class HttpApi {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

  private final List<Route> table;
  private final Authenticator auth;
  private final Sessions sessions;

  HttpApi(List<Route> table, Authenticator auth) {
    this(table, auth, null);
  }

  /** With browser sessions (issue 16): a session cookie authenticates a request without a token. */
  HttpApi(List<Route> table, Authenticator auth, Sessions sessions) {
    this.table = table;
    this.auth = auth;
    this.sessions = sessions;
  }

  void register(JavalinConfig config) {
    for (Route r : table) {
      Handler h =
          ctx -> {
            ctx.attribute("route", r);
            Caller caller = auth.authenticate(ctx.header("Authorization"));
            if (caller == null && sessions != null) {
              caller = SessionAuth.caller(ctx, r, sessions, auth.model());
            }
            authorize(ctx, r, caller);
            Values values = read(ctx, r);
            r.handler().handle(new Call(ctx, r, caller, values));
          };
      switch (r.method()) {
        case "GET" -> config.routes.get(r.path(), h);
        case "POST" -> config.routes.post(r.path(), h);
        case "DELETE" -> config.routes.delete(r.path(), h);
        default -> throw new AssertionError("method " + r.method());
      }
    }
    config.routes.exception(Exception.class, (e, ctx) -> writeError(ctx, e));
    config.routes.error(
        404,
        ctx -> {
          if (ctx.attribute("route") == null) {
            ctx.json(ApiException.notFound("no route " + ctx.method() + " " + ctx.path()).body());
          }
        });
  }

  /** 401 without a token unless public, then 403 when the role may not call the route at all. */
  private static void authorize(Context ctx, Route r, Caller caller) {
    if (r.access() == Access.PUBLIC) {
      return;
    }
    if (caller == null) {
      throw ApiException.unauthenticated();
    }
    boolean allowed =
        switch (r.access()) {
          case PUBLIC, SIGNED_IN, READER -> true;
          case SUPERVISOR -> caller.readsEverything();
          case REGULATOR -> caller.isRegulator();
          case ACTOR -> caller.role() != Role.AUDITOR && !caller.isRegulator();
          case ACTOR_OR_REGULATOR -> caller.role() != Role.AUDITOR;
          case INSURER_OR_REGULATOR -> caller.role() == Role.INSURER || caller.isRegulator();
          case AUDITOR_OR_REGULATOR -> caller.role() == Role.AUDITOR || caller.isRegulator();
        };
    if (!allowed) {
      throw ApiException.forbidden(
          caller.role() + " may not call " + ctx.method() + " " + r.path());
    }
  }

  /** Reads path parameters, query parameters and the body by the route's fields. */
  private static Values read(Context ctx, Route r) {
    Values v = new Values();
    for (Field<?> f : r.pathParams()) {
      put(v, f, ctx.pathParam(f.name()));
    }
    for (Field<?> f : r.queryParams()) {
      String s = ctx.queryParam(f.name());
      if (s != null) {
        put(v, f, s);
      }
    }
    if (r.hasBody()) {
      JsonBody.read(ctx.body(), r.required(), r.optional(), v);
    }
    return v;
  }

  private static <T> void put(Values v, Field<T> f, String text) {
    v.put(f, f.fromText(text));
  }

  /** Writes the error body for any failure of a handler or of the writer. */
  static void writeError(Context ctx, Throwable ex) {
    ApiException api = toApi(ex);
    if (api.retryAfterSeconds() > 0) {
      ctx.header("Retry-After", Long.toString(api.retryAfterSeconds()));
    }
    ctx.status(api.status()).json(api.body());
  }

  static ApiException toApi(Throwable ex) {
    Throwable t = ex instanceof CompletionException && ex.getCause() != null ? ex.getCause() : ex;
    if (t instanceof ApiException a) {
      return a;
    }
    if (t instanceof InvalidFieldException f) {
      return ApiException.badRequest(f.field(), f.getMessage());
    }
    if (t instanceof IllegalArgumentException) {
      return ApiException.badRequest(
          null, t.getMessage() == null ? "malformed input" : t.getMessage());
    }
    if (t instanceof HttpResponseException h) {
      // Raised by Javalin itself, e.g. 413 for a body over the size limit.
      return new ApiException(
          h.getStatus(),
          h.getStatus() == 413 ? "BODY_TOO_LARGE" : "HTTP_" + h.getStatus(),
          h.getStatus() == 413 ? "the body is over the size limit" : "the request failed",
          null);
    }
    LOG.error("internal error", t);
    return new ApiException(
        500, "INTERNAL", "internal error; the server log has the details", null);
  }
}
