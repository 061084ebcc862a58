package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The served {@code /openapi.json} is complete enough for generated clients (issue 10 item 4): it
 * parses without messages; every operation has a unique operationId; every status each route can
 * answer is documented with a schema; query parameters are declared; integers in bodies are int64
 * or int32 with their format; side, type, role, signal and workload are enums.
 */
class OpenApiTest {
  private static Harness h;
  private static JsonNode doc;

  @BeforeAll
  static void start() throws Exception {
    h = Harness.withCast();
    doc = new ObjectMapper().readTree(h.anonymous.get("/openapi.json").text());
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void the_document_parses_without_a_message() {
    SwaggerParseResult parsed = new OpenAPIParser().readContents(doc.toString(), null, null);
    assertThat(parsed.getMessages()).isEmpty();
    assertThat(parsed.getOpenAPI().getPaths()).hasSizeGreaterThan(40);
  }

  @Test
  void every_operation_has_a_unique_id_and_every_status_it_answers_has_a_schema() {
    Set<String> ids = new HashSet<>();
    List<String> wrong = new ArrayList<>();
    for (Route r : h.server.routes()) {
      JsonNode op = doc.path("paths").path(r.path()).path(r.method().toLowerCase());
      String id = op.path("operationId").asText("");
      if (id.isEmpty() || !ids.add(id)) {
        wrong.add(r.method() + " " + r.path() + ": operationId '" + id + "'");
      }
      for (int status : r.statuses()) {
        JsonNode content = op.path("responses").path(Integer.toString(status)).path("content");
        if (!content.path("application/json").has("schema")
            && !content.path("text/event-stream").has("schema")
            && !content.path(r.reply().mediaType()).has("schema")) {
          wrong.add(r.method() + " " + r.path() + ": no schema for " + status);
        }
      }
      Set<String> declared = new HashSet<>();
      op.path("parameters")
          .forEach(p -> declared.add(p.path("in").asText() + " " + p.path("name").asText()));
      for (Field<?> f : r.queryParams()) {
        if (!declared.contains("query " + f.name())) {
          wrong.add(r.method() + " " + r.path() + ": query parameter " + f.name());
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(ids).contains("placeOrder", "issueToken", "completeEnrolment", "listTrades");
  }

  @Test
  void statuses_that_clients_must_handle_are_documented_where_they_happen() {
    JsonNode order = doc.path("paths").path("/api/orders").path("post").path("responses");
    assertThat(order.has("201") && order.has("400") && order.has("401") && order.has("403"))
        .isTrue();
    assertThat(order.has("409") && order.has("413") && order.has("503") && order.has("408"))
        .isTrue();
    assertThat(order.has("200")).isFalse();
    JsonNode token = doc.path("paths").path("/api/tokens").path("post").path("responses");
    assertThat(token.has("201")).isTrue();
    assertThat(
            token
                .path("201")
                .path("content")
                .path("application/json")
                .path("schema")
                .path("$ref")
                .asText())
        .endsWith("/IssuedToken");
    assertThat(
            doc.path("paths")
                .path("/api/orders/{orderId}")
                .path("get")
                .path("responses")
                .has("404"))
        .isTrue();
  }

  @Test
  void integers_have_formats_and_enumerated_fields_are_enums() {
    JsonNode schemas = doc.path("components").path("schemas");
    assertThat(
            schemas
                .path("DepositCashRequest")
                .path("properties")
                .path("amountCents")
                .path("format")
                .asText())
        .isEqualTo("int64");
    assertThat(
            schemas
                .path("PlaceOrderRequest")
                .path("properties")
                .path("vintage")
                .path("format")
                .asText())
        .isEqualTo("int32");
    assertThat(
            schemas.path("OrderPlaced").path("properties").path("orderId").path("format").asText())
        .isEqualTo("int64");
    for (String e : List.of("Side", "OrderType", "Role", "Workload")) {
      assertThat(schemas.path(e).path("enum").isArray()).as(e).isTrue();
    }
    // A risk signal names one of the program's classes (issue 18): a string with its pattern.
    assertThat(schemas.path("RiskSignal").path("type").asText()).isEqualTo("string");
    assertThat(schemas.path("RiskSignal").path("pattern").asText())
        .isEqualTo("^[A-Za-z][A-Za-z0-9_]{0,15}$");
    assertThat(
            schemas.path("PlaceOrderRequest").path("properties").path("side").path("$ref").asText())
        .endsWith("/Side");
    JsonNode trades = doc.path("paths").path("/api/trades").path("get").path("parameters");
    List<String> names = new ArrayList<>();
    trades.forEach(p -> names.add(p.path("name").asText()));
    assertThat(names).containsExactly("vintage", "limit", "after");
    // No integer anywhere without its format.
    List<String> bare = new ArrayList<>();
    collectBareIntegers(doc, "", bare);
    assertThat(bare).isEmpty();
  }

  private static void collectBareIntegers(JsonNode n, String at, List<String> out) {
    if (n.isObject()) {
      if ("integer".equals(n.path("type").asText()) && !n.has("format")) {
        out.add(at);
      }
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        collectBareIntegers(e.getValue(), at + "/" + e.getKey(), out);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        collectBareIntegers(n.get(i), at + "/" + i, out);
      }
    }
  }
}
