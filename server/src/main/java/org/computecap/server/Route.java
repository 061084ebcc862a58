package org.computecap.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One route of the API: method, path, who may call it, its operation id and summary, its inputs
 * (path parameters, query parameters, body fields, each a {@link Field}), what it answers ({@link
 * Reply}) and its handler. From this one declaration {@link HttpApi} registers and guards the
 * route, {@link OpenApi} documents it, and the tests walk it; {@link #statuses()} lists every
 * status it can answer.
 */
record Route(
    String method,
    String path,
    Access access,
    String operationId,
    String tag,
    String summary,
    List<Field<?>> pathParams,
    List<Field<?>> queryParams,
    List<Field<?>> required,
    List<Field<?>> optional,
    int status,
    Reply reply,
    boolean command,
    boolean mayNotFind,
    boolean rateLimited,
    boolean forbids,
    Handler handler) {

  /** A route's handler, given the parsed request. */
  interface Handler {
    void handle(Call call) throws Exception;
  }

  /** The body fields, required first. */
  List<Field<?>> fields() {
    List<Field<?>> all = new ArrayList<>(required);
    all.addAll(optional);
    return all;
  }

  boolean hasBody() {
    return !method.equals("GET");
  }

  /** Every status this route can answer, success first; the OpenAPI document lists them all. */
  Set<Integer> statuses() {
    Set<Integer> s = new TreeSet<>();
    s.add(status);
    s.add(401);
    if (hasBody() || !pathParams.isEmpty() || !queryParams.isEmpty()) {
      s.add(400);
    }
    if (access != Access.PUBLIC && access != Access.SIGNED_IN) {
      s.add(403);
    }
    if (mayNotFind) {
      s.add(404);
    }
    if (hasBody()) {
      s.add(408);
      s.add(413);
    }
    if (command) {
      s.add(409);
      s.add(503);
    }
    if (rateLimited) {
      s.add(429);
    }
    if (forbids) {
      s.add(403);
    }
    return s;
  }

  static Builder get(String path) {
    return new Builder("GET", path);
  }

  static Builder post(String path) {
    return new Builder("POST", path);
  }

  static Builder delete(String path) {
    return new Builder("DELETE", path);
  }

  /** Declares a route step by step; {@link #handle} ends it. */
  static final class Builder {
    private final String method;
    private final String path;
    private Access access = Access.PUBLIC;
    private String operationId;
    private String tag;
    private String summary;
    private List<Field<?>> pathParams = List.of();
    private List<Field<?>> queryParams = List.of();
    private List<Field<?>> required = List.of();
    private List<Field<?>> optional = List.of();
    private int status = 200;
    private Reply reply;
    private boolean command;
    private boolean mayNotFind;
    private boolean rateLimited;
    private boolean forbids;

    private Builder(String method, String path) {
      this.method = method;
      this.path = path;
    }

    Builder op(String operationId, String tag, String summary) {
      this.operationId = operationId;
      this.tag = tag;
      this.summary = summary;
      return this;
    }

    Builder access(Access access) {
      this.access = access;
      return this;
    }

    Builder path(Field<?>... params) {
      this.pathParams = List.of(params);
      return this;
    }

    Builder query(Field<?>... params) {
      this.queryParams = List.of(params);
      return this;
    }

    Builder body(Field<?>... fields) {
      this.required = List.of(fields);
      return this;
    }

    Builder optional(Field<?>... fields) {
      this.optional = List.of(fields);
      return this;
    }

    Builder returns(int status, Reply reply) {
      this.status = status;
      this.reply = reply;
      return this;
    }

    Builder returns(Reply reply) {
      return returns(200, reply);
    }

    /** The route submits a command: 409 (rejected) and 503 (writer stopped) become possible. */
    Builder command() {
      this.command = true;
      return this;
    }

    /** The route can answer 404 (an unknown or hidden resource). */
    Builder mayNotFind() {
      this.mayNotFind = true;
      return this;
    }

    /** The route refuses a client after too many failed attempts: 429 with Retry-After. */
    Builder rateLimited() {
      this.rateLimited = true;
      return this;
    }

    /** The handler may answer 403 whatever the route's access (issue 16's sign-in routes). */
    Builder forbids() {
      this.forbids = true;
      return this;
    }

    Route handle(Handler handler) {
      if (operationId == null || reply == null) {
        throw new IllegalStateException(method + " " + path + " needs an operation and a reply");
      }
      return new Route(
          method,
          path,
          access,
          operationId,
          tag,
          summary,
          pathParams,
          queryParams,
          required,
          optional,
          status,
          reply,
          command,
          mayNotFind,
          rateLimited,
          forbids,
          handler);
    }
  }
}
