package org.computecap.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 document served at {@code /openapi.json}, generated from the route table so that
 * it lists every route exactly as registered: its summary, who may call it (as {@code x-access} and
 * a bearer security requirement), its path parameters, its body fields and the error responses
 * every route shares.
 */
final class OpenApi {
  private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z]+)}");

  private OpenApi() {}

  static Map<String, Object> document(List<Routes.Route> table) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.1.0");
    doc.put(
        "info",
        Map.of(
            "title",
            "ComputeCap",
            "version",
            "1",
            "description",
            "Registry, exchange and compliance cycle of a compute cap-and-trade "
                + "market. Errors are {code, message, field}; 409 carries the engine's rejection "
                + "code. Lists are paginated with ?limit= (1..1000, default 100) and ?after= "
                + "(the cursor 'next' of the previous page)."));
    Map<String, Object> paths = new TreeMap<>();
    for (Routes.Route r : table) {
      @SuppressWarnings("unchecked")
      Map<String, Object> item =
          (Map<String, Object>)
              paths.computeIfAbsent(r.path(), k -> new LinkedHashMap<String, Object>());
      item.put(r.method().toLowerCase(Locale.ROOT), operation(r));
    }
    Map<String, Object> sse = new LinkedHashMap<>();
    sse.put("summary", "Server-sent events: one 'market' event after every batch of commands");
    sse.put("x-access", Access.PUBLIC.name());
    sse.put("responses", Map.of("200", Map.of("description", "text/event-stream")));
    paths.put("/api/events", Map.of("get", sse));
    doc.put("paths", paths);
    doc.put(
        "components",
        Map.of(
            "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer")),
            "schemas",
                Map.of(
                    "Error",
                    Map.of(
                        "type",
                        "object",
                        "required",
                        List.of("code", "message"),
                        "properties",
                        Map.of(
                            "code",
                            Map.of("type", "string"),
                            "message",
                            Map.of("type", "string"),
                            "field",
                            Map.of("type", List.of("string", "null")))))));
    return doc;
  }

  private static Map<String, Object> operation(Routes.Route r) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("summary", r.summary());
    op.put("x-access", r.access().name());
    if (r.access() != Access.PUBLIC) {
      op.put("security", List.of(Map.of("bearer", List.of())));
    }
    List<Object> params = new ArrayList<>();
    Matcher m = PARAM.matcher(r.path());
    while (m.find()) {
      params.add(
          Map.of(
              "name",
              m.group(1),
              "in",
              "path",
              "required",
              true,
              "schema",
              Map.of("type", "integer", "format", "int64")));
    }
    if (!params.isEmpty()) {
      op.put("parameters", params);
    }
    if (!r.fields().isEmpty()) {
      Map<String, Object> props = new LinkedHashMap<>();
      for (String f : r.fields()) {
        props.put(f, Map.of("type", isText(f) ? "string" : "integer"));
      }
      op.put(
          "requestBody",
          Map.of(
              "required",
              true,
              "content",
              Map.of(
                  "application/json",
                  Map.of(
                      "schema",
                      Map.of(
                          "type",
                          "object",
                          "additionalProperties",
                          false,
                          "required",
                          r.fields(),
                          "properties",
                          props)))));
    }
    Map<String, Object> responses = new LinkedHashMap<>();
    responses.put("200", Map.of("description", "OK"));
    Map<String, Object> error =
        Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Error")));
    responses.put("400", Map.of("description", "malformed input", "content", error));
    if (r.access() != Access.PUBLIC) {
      responses.put("401", Map.of("description", "no valid token", "content", error));
      responses.put("403", Map.of("description", "not allowed", "content", error));
    }
    responses.put("404", Map.of("description", "unknown resource", "content", error));
    if (!r.method().equals("GET")) {
      responses.put("409", Map.of("description", "rejected by a business rule", "content", error));
    }
    op.put("responses", responses);
    return op;
  }

  private static boolean isText(String field) {
    return switch (field) {
      case "name", "role", "side", "type", "workload", "signal" -> true;
      default -> false;
    };
  }
}
