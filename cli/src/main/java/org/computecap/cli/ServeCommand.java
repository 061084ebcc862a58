package org.computecap.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.computecap.server.DemoPersons;
import org.computecap.server.Server;
import org.computecap.server.store.JournalStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code computecap serve}: runs the registry and exchange as an HTTP service until stopped
 * (Ctrl-C). Exit 1 when the journal is damaged (the message names the first bad entry), 2 for bad
 * options or a bad program, 3 when the server stopped on a fatal journal or invariant error
 * (restart it: it recovers from the journal).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve the market over HTTP with a durable journal and a live dashboard.")
final class ServeCommand implements Callable<Integer> {
  @Option(
      names = "--program",
      paramLabel = "FILE|NAME",
      description =
          "program for a new journal: a file or a shipped one, p1-energy or"
              + " p2-risk-weighted (default: ${DEFAULT-VALUE})")
  String programName = "p2-risk-weighted";

  Path program;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "data directory: journal and token hashes (default: ${DEFAULT-VALUE})")
  Path data = Path.of("data");

  @Option(names = "--port", paramLabel = "P", description = "HTTP port (default: ${DEFAULT-VALUE})")
  int port = 7070;

  @Option(
      names = "--host",
      paramLabel = "H",
      description = "address to listen on (default: ${DEFAULT-VALUE})")
  String host = "127.0.0.1";

  @Option(
      names = "--journal-url",
      paramLabel = "URL",
      description = "keep the journal elsewhere, e.g. jdbc:postgresql://host/db")
  String journalUrl;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "seed of a new market's audit draws (default: ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(
      names = "--demo",
      description =
          "a new market in a temporary directory, traded live by the simulator's "
              + "agents of --scenario through the HTTP API")
  boolean demo;

  @Option(
      names = "--scenario",
      paramLabel = "NAME|FILE",
      description = "the demo's scenario: shipped or a file (default: ${DEFAULT-VALUE})")
  String scenario = "default";

  @Option(
      names = "--demo-rate",
      paramLabel = "N",
      description = "commands per second the demo sends (default: ${DEFAULT-VALUE})")
  int demoRate = 200;

  @Option(
      names = "--public-report-delay-periods",
      paramLabel = "N",
      description =
          "publish a period's public report once N later periods have closed (0: at its own"
              + " close; default: ${DEFAULT-VALUE})")
  int publicReportDelayPeriods = 0;

  @Option(
      names = "--secure-cookies",
      description =
          "mark the sign-in cookie Secure even on http (behind a TLS-terminating proxy); it is on"
              + " https anyway")
  boolean secureCookies;

  @Option(
      names = "--oidc-issuer",
      paramLabel = "URL",
      description = "sign persons in through this OpenID Connect provider (its issuer URL)")
  java.net.URI oidcIssuer;

  @Option(
      names = "--oidc-client-id",
      paramLabel = "ID",
      description = "this server's client id at the OpenID Connect provider")
  String oidcClientId;

  @Option(
      names = "--oidc-client-secret",
      paramLabel = "S",
      description =
          "the client secret (or set COMPUTECAP_OIDC_CLIENT_SECRET, which keeps it out of the"
              + " process list)")
  String oidcClientSecret;

  private static final String SHIPPED_PREFIX = "computecap-program-";

  /** How persons sign in (issue 16): cookies, and the OpenID Connect provider if any. */
  private org.computecap.server.SignInOptions signIn() {
    org.computecap.server.SignInOptions o =
        org.computecap.server.SignInOptions.DEFAULT.withSecureCookies(secureCookies);
    if (oidcIssuer == null) {
      if (oidcClientId != null || oidcClientSecret != null) {
        throw new IllegalArgumentException(
            "--oidc-client-id and --oidc-client-secret need --oidc-issuer URL");
      }
      return o;
    }
    if (oidcClientId == null || oidcClientId.isBlank()) {
      throw new IllegalArgumentException("--oidc-issuer needs --oidc-client-id ID");
    }
    String scheme = oidcIssuer.getScheme();
    if (!"https".equals(scheme) && !"http".equals(scheme)) {
      throw new IllegalArgumentException("--oidc-issuer must be an http(s) URL, got " + oidcIssuer);
    }
    String secret =
        oidcClientSecret != null
            ? oidcClientSecret
            : System.getenv("COMPUTECAP_OIDC_CLIENT_SECRET");
    return o.withOidc(oidcIssuer, oidcClientId, secret);
  }

  /**
   * The {@code --program} file; a shipped program is copied to a temporary file, which the server
   * reads only when it opens a new market.
   */
  private Path programFile() throws java.io.IOException {
    Path file = ProgramOption.file(programName);
    if (file != null) {
      return file;
    }
    ProgramOption.Source shipped = ProgramOption.shipped(programName);
    if (shipped == null) {
      throw ProgramOption.unknown("--program", programName);
    }
    Path copy = java.nio.file.Files.createTempFile(SHIPPED_PREFIX, ".yaml");
    java.nio.file.Files.writeString(copy, shipped.text());
    return copy;
  }

  /** The demo's temporary directory, removed when the server stops; null without --demo. */
  private Path work;

  /** The running server, closed by the shutdown hook. */
  private final java.util.concurrent.atomic.AtomicReference<Server> running =
      new java.util.concurrent.atomic.AtomicReference<>();

  private final CountDownLatch stopped = new CountDownLatch(1);
  private boolean hooked;

  /**
   * Registers the shutdown hook (once) as soon as there is something to clean up, so a Ctrl-C at
   * any moment after that (while the demo simulates, while the server starts) still closes the
   * server and removes the demo's directory.
   */
  private void hookShutdown() {
    if (!hooked) {
      hooked = true;
      Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "computecap-shutdown"));
    }
  }

  private void shutdown() {
    Server s = running.getAndSet(null);
    if (s != null) {
      s.close();
    }
    if (work != null && java.nio.file.Files.exists(work)) {
      ServeDemo.deleteTree(work);
      System.out.println("demo: removed " + work);
    }
    stopped.countDown();
  }

  @Override
  public Integer call() throws InterruptedException, java.io.IOException {
    OptionChecks.within("--port", port, 0, 65_535);
    org.computecap.server.SignInOptions signIn = signIn();
    OptionChecks.directory("--data", data);
    OptionChecks.within(
        "--public-report-delay-periods", publicReportDelayPeriods, 0, Integer.MAX_VALUE);
    ServeDemo.Run run = null;
    if (demo) {
      OptionChecks.within("--demo-rate", demoRate, 1, 100_000);
      org.computecap.sim.scenario.Scenario s = ScenarioOption.load("--scenario", scenario);
      work = java.nio.file.Files.createTempDirectory("computecap-demo");
      hookShutdown();
      System.out.println(
          "demo: simulating " + scenario + " (data in " + work + ", removed when it stops)");
      try {
        run = ServeDemo.simulate(s, work);
      } catch (RuntimeException | java.io.IOException e) {
        ServeDemo.deleteTree(work);
        throw e;
      }
      data = work.resolve("data");
      program = work.resolve("program.yaml");
      seed = run.seed();
      journalUrl = null;
    }
    if (program == null) {
      program = programFile();
    }
    Server server;
    try {
      server =
          Server.start(
              new Server.Options(data, journalUrl, program, seed, host, port)
                  .withRegulatorToken(System.getenv("COMPUTECAP_REGULATOR_TOKEN"))
                  .withPublicReportDelayPeriods(publicReportDelayPeriods)
                  .withSignIn(signIn),
              System.out,
              e -> {
                System.err.println(
                    "computecap serve: stopped after a fatal error: "
                        + e
                        + "; restart to recover from the journal");
                Runtime.getRuntime().halt(3);
              });
    } catch (JournalStore.JournalDamagedException e) {
      ServeDemo.deleteTree(work);
      System.err.println("computecap serve: refusing to start: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      ServeDemo.deleteTree(work);
      throw e;
    } finally {
      if (program.getFileName().toString().startsWith(SHIPPED_PREFIX)) {
        // The server read the shipped program into its journal's first entry; the copy is spent.
        java.nio.file.Files.deleteIfExists(program);
      }
    }
    running.set(server);
    hookShutdown();
    if (run != null) {
      String token =
          server.newRegulatorToken() != null
              ? server.newRegulatorToken()
              : System.getenv("COMPUTECAP_REGULATOR_TOKEN");
      System.out.println(
          "demo: open http://"
              + host
              + ":"
              + server.port()
              + "/ and watch "
              + run.commands().size()
              + " commands arrive at "
              + demoRate
              + " a second");
      DemoPersons persons = ServeDemo.people(host, server.port(), token, System.out);
      ServeDemo.play(run, server.port(), token, persons, demoRate, System.out);
    }
    stopped.await();
    return 0;
  }
}
