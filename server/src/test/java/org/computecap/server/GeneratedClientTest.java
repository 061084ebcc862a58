package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

/**
 * A client generated from the served {@code /openapi.json} works (issue 10 item 4): the test runs
 * openapi-generator's Java generator (library {@code native}: java.net.http, Jackson and the
 * Jakarta annotations) on the document a live server serves, compiles the generated sources with
 * the JDK's compiler, and through the generated classes places an order and reads its id, reads the
 * book, and deposits 10^11 cents (an int64). Everything comes from Maven Central through the build,
 * so it runs offline in CI.
 */
class GeneratedClientTest {
  @Test
  @Timeout(300)
  void a_java_client_generated_from_the_served_document_places_an_order_and_reads_the_book()
      throws Exception {
    Path out = Path.of("target", "generated-client");
    deleteRecursively(out);
    Files.createDirectories(out);
    try (Harness h = Harness.withCast()) {
      Path spec = out.resolve("openapi.json");
      Files.writeString(spec, h.anonymous.get("/openapi.json").text(), StandardCharsets.UTF_8);
      generate(spec, out);
      ClassLoader loader = compile(out);

      Object alice = client(loader, h.server.port(), h.tokenOf(Harness.ALICE));
      Object bob = client(loader, h.server.port(), h.tokenOf(Harness.BOB));
      Object regulator = client(loader, h.server.port(), h.server.newRegulatorToken());

      // Bob buys 2 of alice's 5 resting at 900: the answer carries the new order's id.
      Object request = newModel(loader, "PlaceOrderRequest");
      set(request, "accountId", Harness.BOB);
      set(request, "side", enumValue(loader, "Side", "BUY"));
      set(request, "type", enumValue(loader, "OrderType", "LIMIT"));
      set(request, "priceCents", 900L);
      set(request, "quantity", 2L);
      set(request, "vintage", 1);
      Object placed = invoke(api(loader, "ExchangeApi", bob), "placeOrder", request);
      long orderId = (Long) invoke(placed, "getOrderId");
      assertThat(orderId).isEqualTo(h.aliceOrderId + 1);
      List<?> events = (List<?>) invoke(placed, "getEvents");
      assertThat(events).isNotEmpty();

      Object order = invoke(api(loader, "ExchangeApi", bob), "getOrder", orderId);
      assertThat(invoke(order, "getStatus").toString()).isEqualTo("FILLED");

      Object depth = invoke(api(loader, "MarketApi", alice), "getDepth", 1, 10);
      List<?> asks = (List<?>) invoke(depth, "getAsks");
      assertThat(asks).hasSize(1);
      assertThat(invoke(asks.get(0), "getQuantity")).isEqualTo(3L);
      assertThat(invoke(asks.get(0), "getPriceCents")).isEqualTo(900L);

      Object deposit = newModel(loader, "DepositCashRequest");
      set(deposit, "amountCents", 100_000_000_000L);
      invoke(api(loader, "RegistryApi", regulator), "depositCash", Harness.ALICE, deposit);
      Object cash = invoke(api(loader, "AccountsApi", alice), "getCash", Harness.ALICE);
      assertThat((Long) invoke(cash, "getFreeCents")).isGreaterThan(100_000_000_000L);
    }
  }

  private static void generate(Path spec, Path out) {
    CodegenConfigurator c =
        new CodegenConfigurator()
            .setGeneratorName("java")
            .setLibrary("native")
            .setInputSpec(spec.toAbsolutePath().toString())
            .setOutputDir(out.resolve("client").toAbsolutePath().toString())
            .setApiPackage("gen.api")
            .setModelPackage("gen.model")
            .setInvokerPackage("gen")
            .addAdditionalProperty("openApiNullable", false)
            .addAdditionalProperty("useJakartaEe", true)
            .addAdditionalProperty("annotationLibrary", "none")
            .addAdditionalProperty("hideGenerationTimestamp", true)
            .addGlobalProperty("apiTests", "false")
            .addGlobalProperty("modelTests", "false")
            .addGlobalProperty("apiDocs", "false")
            .addGlobalProperty("modelDocs", "false");
    new DefaultGenerator().opts(c.toClientOptInput()).generate();
  }

  private static ClassLoader compile(Path out) throws Exception {
    Path sources = out.resolve("client").resolve("src").resolve("main").resolve("java");
    Path classes = out.resolve("classes");
    Files.createDirectories(classes);
    List<String> args = new ArrayList<>();
    args.add("-proc:none");
    args.add("-nowarn");
    args.add("-d");
    args.add(classes.toString());
    args.add("-cp");
    args.add(System.getProperty("java.class.path"));
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int rc = javac.run(null, null, err, args.toArray(String[]::new));
    assertThat(rc).as("javac: %s", err.toString(StandardCharsets.UTF_8)).isZero();
    return new URLClassLoader(
        new URL[] {classes.toUri().toURL()}, GeneratedClientTest.class.getClassLoader());
  }

  /** A generated ApiClient on the server with a bearer token on every request. */
  private static Object client(ClassLoader loader, int port, String token) throws Exception {
    Object c = loader.loadClass("gen.ApiClient").getConstructor().newInstance();
    invoke(c, "updateBaseUri", "http://127.0.0.1:" + port);
    Consumer<HttpRequest.Builder> auth = b -> b.header("Authorization", "Bearer " + token);
    invoke(c, "setRequestInterceptor", auth);
    return c;
  }

  private static Object api(ClassLoader loader, String name, Object client) throws Exception {
    return loader
        .loadClass("gen.api." + name)
        .getConstructor(loader.loadClass("gen.ApiClient"))
        .newInstance(client);
  }

  private static Object newModel(ClassLoader loader, String name) throws Exception {
    return loader.loadClass("gen.model." + name).getConstructor().newInstance();
  }

  private static Object enumValue(ClassLoader loader, String name, String value) throws Exception {
    return invoke(null, loader.loadClass("gen.model." + name), "fromValue", value);
  }

  private static void set(Object model, String property, Object value) throws Exception {
    invoke(model, "set" + Character.toUpperCase(property.charAt(0)) + property.substring(1), value);
  }

  private static Object invoke(Object target, String name, Object... args) throws Exception {
    return invoke(target, target.getClass(), name, args);
  }

  private static Object invoke(Object target, Class<?> type, String name, Object... args)
      throws Exception {
    for (Method m : type.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == args.length) {
        return m.invoke(target, args);
      }
    }
    throw new AssertionError(
        "no method " + name + " with " + args.length + " arguments on " + type);
  }

  private static void deleteRecursively(Path p) throws Exception {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> files = Files.walk(p)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }
}
