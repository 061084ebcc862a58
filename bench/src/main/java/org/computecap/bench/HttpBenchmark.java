package org.computecap.bench;

import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.computecap.server.ApiClient;
import org.computecap.server.Server;

/**
 * Order placement over loopback HTTP through the real server (durable acknowledgements: the server
 * answers only after the file journal's group commit has forced the command to disk) against a bare
 * Javalin handler that answers a POST with a small JSON body, in the same run, with the same load
 * generator. JMH does not fit an open-loop load with many requests in flight, so this is a main:
 * each round sends up to {@code requests} POSTs with {@code inFlight} of them outstanding at any
 * time, bounded also by {@code seconds}, over one {@link HttpClient} (HTTP/1.1) to 127.0.0.1, and
 * records every request's latency; rounds alternate between the two targets so that both see the
 * same machine load.
 *
 * <p>The orders alternate between a seller (limit sell 1 permit at $9) and a buyer (limit buy 1
 * permit at $9), each with its own token, so most orders trade and the book stays small.
 *
 * <p>Run with {@code java -cp bench/target/benchmarks.jar org.computecap.bench.HttpBenchmark
 * [requests] [inFlight] [rounds] [seconds]}.
 */
public final class HttpBenchmark {
  static final long SELLER = 1;
  static final long BUYER = 2;

  private HttpBenchmark() {}

  /** One round: what was sent, what came back, and every latency in nanoseconds, sorted. */
  record Round(
      String target, int sent, int ok, int failed, double seconds, long[] latencies, long fsyncs) {
    double perSecond() {
      return ok / seconds;
    }

    double percentileMs(double q) {
      return percentile(latencies, q) / 1e6;
    }
  }

  /** The q-quantile (nearest rank) of sorted values. */
  static long percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** The real server over a fresh data directory, with a funded seller and buyer. */
  static final class RealServer implements AutoCloseable {
    final Server server;
    final Path dir;
    final String sellerToken;
    final String buyerToken;

    RealServer() throws Exception {
      dir = Files.createTempDirectory("computecap-http-bench");
      server =
          Server.start(
              new Server.Options(dir, null, program(), 7, "127.0.0.1", 0),
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
              e -> {});
      ApiClient reg = new ApiClient(base(), server.newRegulatorToken());
      expectOk(reg.openAccount(SELLER, "seller", "PARTICIPANT"));
      expectOk(reg.openAccount(BUYER, "buyer", "PARTICIPANT"));
      sellerToken = reg.enrolAccount(SELLER);
      buyerToken = reg.enrolAccount(BUYER);
      expectOk(reg.deposit(BUYER, 1_000_000_000_000L));
      expectOk(
          reg.post(
              "/api/issuances", Map.of("accountId", SELLER, "vintage", 1, "quantity", 100_000)));
    }

    URI base() {
      return URI.create("http://127.0.0.1:" + server.port());
    }

    HttpRequest order(long i) {
      boolean sell = i % 2 == 0;
      String body =
          json(
              Map.of(
                  "accountId",
                  sell ? SELLER : BUYER,
                  "side",
                  sell ? "SELL" : "BUY",
                  "type",
                  "LIMIT",
                  "priceCents",
                  900,
                  "quantity",
                  1,
                  "vintage",
                  1));
      return HttpRequest.newBuilder(base().resolve("/api/orders"))
          .timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json")
          .header("Authorization", "Bearer " + (sell ? sellerToken : buyerToken))
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .build();
    }

    @Override
    public void close() {
      server.close();
    }
  }

  /** A minimal Javalin app: POST /api/orders answers 200 with a small JSON body. */
  static Javalin bareHandler() {
    return Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.jetty.host = "127.0.0.1";
              config.jetty.port = 0;
              config.routes.post(
                  "/api/orders",
                  ctx ->
                      ctx.contentType("application/json")
                          .result("{\"orderId\":1,\"status\":\"RESTING\"}"));
            })
        .start();
  }

  static HttpRequest bareRequest(URI base, long i) {
    String body =
        json(
            Map.of(
                "accountId",
                i % 2 == 0 ? SELLER : BUYER,
                "side",
                i % 2 == 0 ? "SELL" : "BUY",
                "type",
                "LIMIT",
                "priceCents",
                900,
                "quantity",
                1,
                "vintage",
                1));
    return HttpRequest.newBuilder(base.resolve("/api/orders"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer x")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  interface Requests {
    HttpRequest get(long i);
  }

  /**
   * Sends up to {@code requests} requests, {@code inFlight} outstanding at a time, stopping early
   * after {@code seconds}; waits for every answer.
   */
  static Round load(
      String target, HttpClient http, Requests requests, int count, int inFlight, double seconds)
      throws InterruptedException {
    if (count < 1 || inFlight < 1) {
      throw new IllegalArgumentException(
          "requests and inFlight must be >= 1, got " + count + " and " + inFlight);
    }
    long[] latencies = new long[count];
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    Semaphore slots = new Semaphore(inFlight);
    long t0 = System.nanoTime();
    long deadline = t0 + (long) (seconds * 1e9);
    int sent = 0;
    while (sent < count && System.nanoTime() < deadline) {
      slots.acquire();
      final int i = sent;
      HttpRequest req = requests.get(i);
      long start = System.nanoTime();
      http.sendAsync(req, HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (r, e) -> {
                latencies[i] = System.nanoTime() - start;
                if (e == null && r.statusCode() >= 200 && r.statusCode() < 300) {
                  ok.incrementAndGet();
                } else {
                  failed.incrementAndGet();
                }
                slots.release();
              });
      sent++;
    }
    if (!slots.tryAcquire(inFlight, 60, TimeUnit.SECONDS)) {
      throw new IllegalStateException(target + ": answers still missing after 60 s");
    }
    double s = (System.nanoTime() - t0) / 1e9;
    long[] done = Arrays.copyOf(latencies, sent);
    Arrays.sort(done);
    return new Round(target, sent, (int) ok.get(), (int) failed.get(), s, done, 0);
  }

  static HttpClient client() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** Warm-up rounds then measured rounds, alternating targets; returns the measured rounds. */
  static List<Round> run(
      int requests, int inFlight, int warmups, int rounds, double seconds, PrintStream out)
      throws Exception {
    List<Round> measured = new ArrayList<>();
    Javalin bare = bareHandler();
    try (RealServer real = new RealServer()) {
      URI bareBase = URI.create("http://127.0.0.1:" + bare.port());
      HttpClient bareHttp = client();
      HttpClient realHttp = client();
      long offset = 0;
      for (int r = 0; r < warmups + rounds; r++) {
        String phase = r < warmups ? "warm-up" : "round";
        Round b =
            load(
                "bare-javalin",
                bareHttp,
                i -> bareRequest(bareBase, i),
                requests,
                inFlight,
                seconds);
        long fsyncs0 = real.server.journalFlushes();
        final long from = offset;
        Round s =
            load("server-orders", realHttp, i -> real.order(from + i), requests, inFlight, seconds);
        offset += s.sent();
        s =
            new Round(
                s.target(),
                s.sent(),
                s.ok(),
                s.failed(),
                s.seconds(),
                s.latencies(),
                real.server.journalFlushes() - fsyncs0);
        for (Round x : List.of(b, s)) {
          out.println(
              String.format(
                  Locale.ROOT,
                  "%-8s %-14s %6d sent %6d 2xx %4d failed in %6.2f s: %,8.0f req/s, "
                      + "p50 %7.2f ms, p99 %7.2f ms%s",
                  phase,
                  x.target(),
                  x.sent(),
                  x.ok(),
                  x.failed(),
                  x.seconds(),
                  x.perSecond(),
                  x.percentileMs(0.50),
                  x.percentileMs(0.99),
                  x.fsyncs() > 0
                      ? String.format(
                          Locale.ROOT,
                          ", %d fsyncs, %.1f commands per fsync",
                          x.fsyncs(),
                          (double) x.ok() / x.fsyncs())
                      : ""));
        }
        if (r >= warmups) {
          measured.add(b);
          measured.add(s);
        }
      }
      out.println("server state hash after the run: " + real.server.stateHashHex());
    } finally {
      bare.stop();
    }
    summary(measured, out);
    return measured;
  }

  static void summary(List<Round> rounds, PrintStream out) {
    double bareMedian = 0;
    for (String target : List.of("bare-javalin", "server-orders")) {
      List<Round> mine = rounds.stream().filter(r -> r.target().equals(target)).toList();
      if (mine.isEmpty()) {
        continue;
      }
      double[] rates = mine.stream().mapToDouble(Round::perSecond).sorted().toArray();
      double[] p50 = mine.stream().mapToDouble(r -> r.percentileMs(0.5)).sorted().toArray();
      double[] p99 = mine.stream().mapToDouble(r -> r.percentileMs(0.99)).sorted().toArray();
      double median = median(rates);
      if (target.equals("bare-javalin")) {
        bareMedian = median;
      }
      long ok = mine.stream().mapToLong(Round::ok).sum();
      long fsyncs = mine.stream().mapToLong(Round::fsyncs).sum();
      out.println(
          String.format(
              Locale.ROOT,
              "%-14s median %,8.0f req/s (%,.0f..%,.0f over %d rounds), p50 median %.2f ms "
                  + "(%.2f..%.2f), p99 median %.2f ms (%.2f..%.2f)%s%s",
              target,
              median,
              rates[0],
              rates[rates.length - 1],
              rates.length,
              median(p50),
              p50[0],
              p50[p50.length - 1],
              median(p99),
              p99[0],
              p99[p99.length - 1],
              fsyncs > 0
                  ? String.format(Locale.ROOT, ", %.1f commands per fsync", (double) ok / fsyncs)
                  : "",
              target.equals("server-orders") && bareMedian > 0
                  ? String.format(Locale.ROOT, ", %.2fx the bare handler", median / bareMedian)
                  : ""));
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  static String json(Map<String, ?> body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("body is not serializable: " + e.getMessage(), e);
    }
  }

  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The server's program, from the repository root or from a module. */
  static Path program() {
    Path p = Path.of("examples", "programs", "p2-risk-weighted.yaml");
    return Files.exists(p) ? p : Path.of("..", "examples", "programs", "p2-risk-weighted.yaml");
  }

  private static void expectOk(ApiClient.Response r) {
    if (!r.ok()) {
      throw new IllegalStateException("set-up request refused: " + r.status() + " " + r.text());
    }
  }

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    double seconds = args.length > 3 ? Double.parseDouble(args[3]) : 15;
    System.out.println(
        String.format(
            Locale.ROOT,
            "HTTP: up to %d POSTs a round, %d in flight, at most %.0f s a round, 2 warm-up and %d "
                + "measured rounds per target",
            requests,
            inFlight,
            seconds,
            rounds));
    run(requests, inFlight, 2, rounds, seconds, System.out);
  }
}
