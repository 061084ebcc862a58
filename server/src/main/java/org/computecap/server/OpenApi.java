package org.computecap.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.computecap.engine.Rejection;
import org.computecap.engine.program.RiskSignal;

/**
 * The OpenAPI 3.0 document served at {@code /openapi.json}, generated from the route table and the
 * answer records, complete enough for generated clients: an operation id per route, every status
 * the route can answer ({@link Route#statuses()}) with its schema, path and query parameters with
 * their types and ranges, request bodies with int64 formats and enums, and a schema per answer
 * record (a {@code long} is an int64, an enum is a named enum schema, a boxed number or a {@link
 * Views} component marked nullable may be null).
 */
final class OpenApi {
  private OpenApi() {}

  static Map<String, Object> document(List<Route> table) {
    Map<String, Object> schemas = new TreeMap<>();
    schemas.put("Error", schema(Views.Error.class, schemas));
    Map<String, Object> rejection = new LinkedHashMap<>();
    rejection.put("type", "string");
    rejection.put("description", "The code of a 409 answer: the business rule the command broke");
    List<String> codes = new ArrayList<>();
    for (Rejection r : Rejection.values()) {
      codes.add(r.code());
    }
    rejection.put("enum", codes);
    schemas.put("RejectionCode", rejection);

    Map<String, Object> paths = new TreeMap<>();
    TreeSet<String> tags = new TreeSet<>();
    for (Route r : table) {
      @SuppressWarnings("unchecked")
      Map<String, Object> item =
          (Map<String, Object>) paths.computeIfAbsent(r.path(), k -> new LinkedHashMap<>());
      item.put(r.method().toLowerCase(Locale.ROOT), operation(r, schemas));
      tags.add(r.tag());
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.0.3");
    doc.put(
        "info",
        Map.of(
            "title",
            "ComputeCap",
            "version",
            "1",
            "description",
            "Registry, exchange and compliance cycle of a compute cap-and-trade market. Money is "
                + "in cents, quantities in whole permits, ticks in epoch milliseconds. Errors are "
                + "{code, message, field}; a 409 carries the engine's rejection code "
                + "(RejectionCode). Lists are pages {items, next}: pass next as ?after=."));
    List<Object> tagList = new ArrayList<>();
    for (String t : tags) {
      tagList.add(Map.of("name", t));
    }
    doc.put("tags", tagList);
    doc.put("paths", paths);
    doc.put(
        "components",
        Map.of(
            "securitySchemes",
            Map.of("bearer", Map.of("type", "http", "scheme", "bearer")),
            "schemas",
            schemas));
    return doc;
  }

  private static Map<String, Object> operation(Route r, Map<String, Object> schemas) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("operationId", r.operationId());
    op.put("summary", r.summary());
    op.put("description", "Access: " + r.access().name() + ". " + r.summary());
    op.put("tags", List.of(r.tag()));
    op.put("x-access", r.access().name());
    op.put(
        "security",
        r.access() == Access.PUBLIC
            ? List.of(Map.of(), Map.of("bearer", List.of()))
            : List.of(Map.of("bearer", List.of())));
    List<Object> params = new ArrayList<>();
    for (Field<?> f : r.pathParams()) {
      params.add(param(f, "path", true));
    }
    for (Field<?> f : r.queryParams()) {
      params.add(param(f, "query", false));
    }
    if (!params.isEmpty()) {
      op.put("parameters", params);
    }
    if (!r.fields().isEmpty()) {
      op.put("requestBody", requestBody(r, schemas));
    }
    Map<String, Object> responses = new LinkedHashMap<>();
    for (int status : r.statuses()) {
      responses.put(Integer.toString(status), response(r, status, schemas));
    }
    op.put("responses", responses);
    return op;
  }

  private static Map<String, Object> param(Field<?> f, String in, boolean required) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", f.name());
    p.put("in", in);
    p.put("required", required);
    p.put("schema", f.schema());
    return p;
  }

  private static Map<String, Object> requestBody(Route r, Map<String, Object> schemas) {
    Map<String, Object> props = new LinkedHashMap<>();
    for (Field<?> f : r.fields()) {
      // An enum is the same named schema in requests and answers, so clients get one type.
      Object schema = f.schema();
      if (f.kind() == Field.Kind.ENUM) {
        schema = typeSchema(f.enumType(), schemas);
      } else if (f.valueType() != null) {
        schema = typeSchema(f.valueType(), schemas);
      }
      props.put(f.name(), schema);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "object");
    body.put("additionalProperties", false);
    if (!r.required().isEmpty()) {
      List<String> required = new ArrayList<>();
      for (Field<?> f : r.required()) {
        required.add(f.name());
      }
      body.put("required", required);
    }
    body.put("properties", props);
    String name = Character.toUpperCase(r.operationId().charAt(0)) + r.operationId().substring(1);
    schemas.put(name + "Request", body);
    return Map.of(
        "required",
        !r.required().isEmpty(),
        "content",
        Map.of("application/json", Map.of("schema", ref(name + "Request"))));
  }

  private static Map<String, Object> response(Route r, int status, Map<String, Object> schemas) {
    if (status == r.status()) {
      Reply reply = r.reply();
      if (reply.kind() == Reply.Kind.EVENT_STREAM) {
        return Map.of(
            "description",
            "a stream of server-sent events",
            "content",
            Map.of("text/event-stream", Map.of("schema", Map.of("type", "string"))));
      }
      if (reply.kind() == Reply.Kind.TEXT) {
        return Map.of(
            "description",
            "a " + reply.mediaType() + " document",
            "content",
            Map.of(reply.mediaType(), Map.of("schema", Map.of("type", "string"))));
      }
      Object schema =
          switch (reply.kind()) {
            case OBJECT -> typeSchema(reply.type(), schemas);
            case LIST -> Map.of("type", "array", "items", typeSchema(reply.type(), schemas));
            case PAGE -> ref(page(reply.type(), schemas));
            case EVENT_STREAM, TEXT -> throw new AssertionError();
          };
      return Map.of(
          "description",
          status == 201 ? "created" : "OK",
          "content",
          Map.of("application/json", Map.of("schema", schema)));
    }
    String description =
        switch (status) {
          case 400 -> "malformed input: field names the input at fault";
          case 401 ->
              "no token where one is needed, or a token that is invalid, expired or revoked";
          case 403 -> "the caller's role or account may not do this";
          case 404 ->
              "no such resource, another participant's, or a public report not yet published";
          case 408 -> "the request's body did not arrive within the read deadline";
          case 409 -> "rejected by a business rule: code is a RejectionCode";
          case 413 -> "the body is over the size limit";
          case 429 ->
              "too many failed attempts from this client address; the Retry-After header says"
                  + " after how many seconds to try again";
          case 503 -> "the server stopped (it restarts from its journal) or is overloaded";
          default -> "status " + status;
        };
    Map<String, Object> content = Map.of("application/json", Map.of("schema", ref("Error")));
    if (status == 429) {
      return Map.of(
          "description",
          description,
          "headers",
          Map.of(
              "Retry-After",
              Map.of(
                  "description",
                  "seconds until this address may try again",
                  "schema",
                  Map.of("type", "integer", "format", "int64"))),
          "content",
          content);
    }
    return Map.of("description", description, "content", content);
  }

  /** The schema of a page of {@code type}, named after it, e.g. TradePage. */
  private static String page(Class<?> type, Map<String, Object> schemas) {
    String name = type.getSimpleName() + "Page";
    if (!schemas.containsKey(name)) {
      Map<String, Object> next = new LinkedHashMap<>();
      next.put("type", "integer");
      next.put("format", "int64");
      next.put("nullable", true);
      next.put("description", "pass as ?after= for the next page; null on the last page");
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("type", "object");
      s.put("required", List.of("items", "next"));
      s.put(
          "properties",
          Map.of(
              "items", Map.of("type", "array", "items", typeSchema(type, schemas)), "next", next));
      schemas.put(name, s);
    }
    return name;
  }

  private static Map<String, Object> ref(String name) {
    return Map.of("$ref", "#/components/schemas/" + name);
  }

  /** The schema of a Java type used in an answer (a record or enum becomes a named schema). */
  private static Object typeSchema(Type type, Map<String, Object> schemas) {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      if (List.class.isAssignableFrom(raw)) {
        return Map.of("type", "array", "items", typeSchema(p.getActualTypeArguments()[0], schemas));
      }
      if (Map.class.isAssignableFrom(raw)) {
        return Map.of("type", "object", "additionalProperties", true);
      }
      throw new IllegalArgumentException("no schema for " + type);
    }
    Class<?> c = (Class<?>) type;
    if (c == long.class || c == Long.class) {
      return Map.of("type", "integer", "format", "int64");
    }
    if (c == int.class || c == Integer.class) {
      return Map.of("type", "integer", "format", "int32");
    }
    if (c == boolean.class || c == Boolean.class) {
      return Map.of("type", "boolean");
    }
    if (c == String.class) {
      return Map.of("type", "string");
    }
    if (Map.class.isAssignableFrom(c)) {
      return Map.of("type", "object", "additionalProperties", true);
    }
    if (c == RiskSignal.class) {
      // Issue 18: a signal names one of the program's risk classes, no longer one of two.
      schemas.putIfAbsent(
          "RiskSignal",
          Map.of(
              "type",
              "string",
              "pattern",
              ApiFields.SIGNAL_PATTERN,
              "description",
              "one of the program's risk classes (L or H in P2's two-class form)"));
      return ref("RiskSignal");
    }
    if (c.isEnum()) {
      if (!schemas.containsKey(c.getSimpleName())) {
        List<String> names = new ArrayList<>();
        for (Object e : c.getEnumConstants()) {
          names.add(((Enum<?>) e).name());
        }
        schemas.put(c.getSimpleName(), Map.of("type", "string", "enum", names));
      }
      return ref(c.getSimpleName());
    }
    if (c.isRecord()) {
      if (!schemas.containsKey(c.getSimpleName())) {
        schemas.put(c.getSimpleName(), Map.of());
        schemas.put(c.getSimpleName(), schema(c, schemas));
      }
      return ref(c.getSimpleName());
    }
    throw new IllegalArgumentException("no schema for " + c);
  }

  /** An object schema with one property per record component. */
  private static Map<String, Object> schema(Class<?> record, Map<String, Object> schemas) {
    Map<String, Object> props = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (RecordComponent rc : record.getRecordComponents()) {
      Object s = typeSchema(rc.getGenericType(), schemas);
      boolean nullable =
          !rc.getType().isPrimitive()
              && (rc.getType() == Long.class
                  || rc.getType() == Integer.class
                  || rc.getType() == Boolean.class
                  || rc.isAnnotationPresent(Views.Nullable.class));
      if (nullable) {
        Map<String, Object> n = new LinkedHashMap<>();
        if (s instanceof Map<?, ?> m && m.containsKey("$ref")) {
          n.put("allOf", List.of(s));
        } else {
          @SuppressWarnings("unchecked")
          Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) s);
          n.putAll(copy);
        }
        n.put("nullable", true);
        s = n;
      }
      props.put(rc.getName(), s);
      JsonInclude include = rc.getAccessor().getAnnotation(JsonInclude.class);
      if (include == null) {
        include = rc.getAnnotation(JsonInclude.class);
      }
      if (include == null || include.value() != JsonInclude.Include.NON_NULL) {
        required.add(rc.getName());
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", "object");
    out.put("required", required);
    out.put("properties", props);
    return out;
  }
}
