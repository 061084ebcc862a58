package org.computecap.server;

import io.javalin.http.Context;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One request as a handler sees it: the route, the authenticated caller (null on a public route
 * called without a token), and the inputs already read and checked by their {@link Field}s.
 */
final class Call {
  /** {@code ?limit=}: how many items a page holds. */
  static final Field<Integer> LIMIT =
      Field.int32("limit", 1, 1000, "how many items a page holds (default 100)");

  /** {@code ?after=}: the cursor {@code next} of the previous page. */
  static final Field<Long> AFTER =
      Field.int64("after", "the cursor 'next' of the previous page (default: from the start)");

  static final int DEFAULT_LIMIT = 100;

  private final Context ctx;
  private final Route route;
  private final Caller caller;
  private final Values values;

  Call(Context ctx, Route route, Caller caller, Values values) {
    this.ctx = ctx;
    this.route = route;
    this.caller = caller;
    this.values = values;
  }

  Route route() {
    return route;
  }

  /** The caller; null only on a public route called without a token. */
  Caller caller() {
    return caller;
  }

  Values values() {
    return values;
  }

  /** The client's address as the connection shows it (no forwarding header is trusted). */
  String clientAddress() {
    return ctx.req().getRemoteAddr();
  }

  /** A path parameter or body field (present: the route declared it required). */
  <T> T get(Field<T> field) {
    return values.get(field);
  }

  /** An optional query parameter or body field, or {@code absent}. */
  <T> T get(Field<T> field, T absent) {
    return values.has(field) ? values.get(field) : absent;
  }

  int limit() {
    return get(LIMIT, DEFAULT_LIMIT);
  }

  long after() {
    return get(AFTER, Long.MIN_VALUE);
  }

  /** Answers with the route's success status and {@code body} as JSON. */
  void reply(Object body) {
    ctx.status(route.status()).json(body);
  }

  /** Answers with the route's success status and {@code text} as its media type (UTF-8). */
  void replyText(String text) {
    ctx.status(route.status())
        .contentType(route.reply().mediaType() + "; charset=utf-8")
        .result(text);
  }

  /** Answers once {@code future} completes: its value mapped by {@code view}, or its error. */
  <T> void replyLater(CompletableFuture<T> future, Function<T, Answer> view) {
    ctx.future(
        () ->
            future.handle(
                (value, ex) -> {
                  if (ex != null) {
                    HttpApi.writeError(ctx, ex);
                  } else {
                    Answer r = view.apply(value);
                    ctx.status(r.status()).json(r.body());
                  }
                  return null;
                }));
  }

  /** The request itself, for what the route table does not model: cookies (issue 16). */
  Context context() {
    return ctx;
  }

  /** A status and a body, for answers decided after the fact (a 409 instead of a 200). */
  record Answer(int status, Object body) {}
}
