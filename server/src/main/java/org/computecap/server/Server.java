package org.computecap.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.Engine;
import org.computecap.engine.EngineState;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.Result;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.journal.AnchorCheck;
import org.computecap.engine.journal.Checkpoint;
import org.computecap.engine.journal.CheckpointLog;
import org.computecap.engine.journal.FileJournal;
import org.computecap.engine.journal.HeadAnchor;
import org.computecap.engine.journal.Journal;
import org.computecap.engine.journal.JournaledEngine;
import org.computecap.server.store.JournalStore;
import org.computecap.server.store.ServerKey;

/**
 * {@code computecap serve}: opens the journal (file or provider), replays it into a fresh engine
 * and read model, writes the genesis {@code OpenMarket} when the journal is new, makes sure a
 * regulator token exists, and serves the API and the dashboard. Startup refuses to continue on a
 * damaged journal, one that disagrees with its last signed checkpoint (cut short or rewritten), or
 * a replay that breaks an invariant: serving a history nobody can verify would be worse than not
 * serving. A torn tail, the only damage a crash causes, is moved aside and the start goes on.
 */
public final class Server implements AutoCloseable {
  /** What {@code computecap serve} was asked for. */
  public record Options(
      Path dataDir, String journalUrl, Path program, long seed, String host, int port) {
    public Options {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be within [0, 65535], got " + port);
      }
    }
  }

  private final Javalin app;
  private final Sequencer sequencer;
  private final Checkpoints checkpoints;
  private final EventHub hub;
  private final JournaledEngine engine;
  private final String newRegulatorToken;
  private final List<Routes.Route> routes;

  private Server(
      Javalin app,
      Sequencer sequencer,
      Checkpoints checkpoints,
      EventHub hub,
      JournaledEngine engine,
      String newRegulatorToken,
      List<Routes.Route> routes) {
    this.app = app;
    this.sequencer = sequencer;
    this.checkpoints = checkpoints;
    this.hub = hub;
    this.engine = engine;
    this.newRegulatorToken = newRegulatorToken;
    this.routes = routes;
  }

  /**
   * Starts a server; {@code onFatal} is told when the writer stops on a fatal error (the
   * command-line server exits then, so that a supervisor restarts it from the journal).
   */
  public static Server start(Options o, PrintStream out, Consumer<Throwable> onFatal) {
    JournalStore.createPrivateDirectory(o.dataDir());
    Path checkpointsFile = JournalStore.checkpointsFile(o.dataDir(), o.journalUrl());
    ReadModel model = new ReadModel();
    JournaledEngine engine = recover(o, checkpointsFile, model, out);

    Tokens tokens = Tokens.load(o.dataDir());
    String fresh = null;
    String env = System.getenv("COMPUTECAP_REGULATOR_TOKEN");
    if (env != null && !env.isBlank()) {
      tokens.trustRegulatorToken(env.trim());
    } else if (!tokens.hasMarketRegulator()) {
      fresh = tokens.issue(Tokens.MARKET_REGULATOR);
      out.println("regulator token (shown once, keep it): " + fresh);
    }

    ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    EventHub hub = new EventHub();
    Sequencer sequencer =
        new Sequencer(
            engine,
            model,
            Clock.systemUTC(),
            (state, m, tradesBefore, seq, head) -> publish(hub, json, state, m, tradesBefore),
            onFatal);
    Checkpoints checkpoints;
    try {
      checkpoints = checkpoints(checkpointsFile, o.dataDir(), sequencer, out);
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
    Routes routes = new Routes(sequencer, model, tokens, json, checkpoints::latest);
    Javalin app;
    try {
      app = create(o, json, hub, routes);
      sequencer.start();
      checkpoints.start(Checkpoints.INTERVAL);
      app.start();
    } catch (RuntimeException e) {
      sequencer.close();
      checkpoints.close();
      engine.close();
      throw e;
    }
    out.println("computecap serving on http://" + o.host() + ":" + app.port() + "/");
    out.flush();
    return new Server(app, sequencer, checkpoints, hub, engine, fresh, routes.table());
  }

  /**
   * Opens the journal (a torn tail moved aside), checks it against the last checkpoint, replays it
   * into a fresh engine and the read model, and writes the genesis when the journal is new.
   */
  private static JournaledEngine recover(
      Options o, Path checkpointsFile, ReadModel model, PrintStream out) {
    List<HeadAnchor> anchors = lastCheckpoint(checkpointsFile);
    Journal journal =
        o.journalUrl() == null
            ? JournalStore.openFile(o.dataDir(), anchors)
            : JournalStore.openUrl(o.journalUrl());
    JournaledEngine engine;
    try {
      engine = replay(journal, model, anchors);
      if (journal.size() == 0) {
        genesis(engine, model, o.program(), o.seed());
      }
    } catch (RuntimeException | AssertionError e) {
      journal.close();
      throw e;
    }
    model.headSeq = journal.size();
    model.headHash = journal.headHash();
    if (journal instanceof FileJournal f && f.tornTail().isPresent()) {
      FileJournal.TornTail t = f.tornTail().get();
      out.println(
          "journal: a torn tail of "
              + t.bytes()
              + " bytes at byte offset "
              + t.offset()
              + " ("
              + t.detail()
              + ") was moved to "
              + t.savedTo());
    }
    out.println(
        "journal: "
            + journal.size()
            + " entries, head "
            + CanonicalWriter.hex(journal.headHash())
            + ", state "
            + CanonicalWriter.hex(engine.engine().stateHash()));
    return engine;
  }

  /** The checkpoints of this journal, with the head as the server starts on it checkpointed. */
  private static Checkpoints checkpoints(
      Path file, Path dataDir, Sequencer sequencer, PrintStream out) {
    Checkpoints checkpoints =
        new Checkpoints(
            CheckpointLog.open(file),
            ServerKey.loadOrCreate(dataDir),
            Clock.systemUTC(),
            sequencer::durableHead,
            System.err);
    checkpoints
        .checkpointNow()
        .ifPresent(
            c ->
                out.println(
                    "checkpoint: seq "
                        + c.seq()
                        + ", head "
                        + CanonicalWriter.hex(c.head())
                        + ", signed by key "
                        + c.keyFingerprint()
                        + " in "
                        + file));
    return checkpoints;
  }

  /**
   * The last checkpoint in {@code file} as the anchor the journal must agree with (none before the
   * first start); a checkpoints file that does not read is refused like a damaged journal.
   */
  private static List<HeadAnchor> lastCheckpoint(Path file) {
    try {
      return CheckpointLog.latest(file)
          .map(c -> List.of(c.anchor(file.toString())))
          .orElse(List.of());
    } catch (IllegalArgumentException e) {
      throw new JournalStore.JournalDamagedException(e.getMessage());
    }
  }

  private static Javalin create(Options o, ObjectMapper json, EventHub hub, Routes routes) {
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.jetty.host = o.host();
          config.jetty.port = o.port();
          config.http.maxRequestSize = 64 * 1024;
          // Compression would buffer server-sent events; JSON answers here are small anyway.
          config.http.compressionStrategy = io.javalin.compression.CompressionStrategy.NONE;
          config.jsonMapper(new JavalinJackson(json, false));
          if (Server.class.getResource("/dashboard") != null) {
            config.staticFiles.add(
                sf -> {
                  sf.hostedPath = "/";
                  sf.directory = "/dashboard";
                  sf.location = Location.CLASSPATH;
                });
          }
          if (Server.class.getResource("/META-INF/resources/webjars") != null) {
            config.staticFiles.enableWebjars();
          }
          routes.register(config);
          config.routes.sse(
              "/api/events",
              client -> {
                client.keepAlive();
                hub.add(client);
                client.sendComment("connected");
              });
          config.routes.exception(Exception.class, (e, ctx) -> routes.writeError(ctx, e));
          config.routes.exception(
              io.javalin.http.HttpResponseException.class, (e, ctx) -> routes.writeError(ctx, e));
          config.routes.error(
              404,
              ctx -> {
                if (ctx.attribute("route") == null) {
                  ctx.json(
                      ApiException.notFound("no route " + ctx.method() + " " + ctx.path()).body());
                }
              });
        });
  }

  /**
   * Replays every journal entry into a fresh engine and the read model, checking the chain against
   * {@code anchors} as it goes (a journal kept elsewhere is checked here; the file journal was
   * checked when opened, before any torn tail was cut), then checks the engine's invariants.
   */
  private static JournaledEngine replay(
      Journal journal, ReadModel model, List<HeadAnchor> anchors) {
    CommandCodec codec = CommandCodec.standard();
    Engine engine = new Engine(ProgramParser.standard());
    AnchorCheck check = new AnchorCheck(anchors);
    journal.forEach(
        e -> {
          AnchorCheck.Failure f = check.visit(e.seq(), e.hash());
          if (f != null) {
            throw anchorFailure(f, e.seq() - 1);
          }
          Result r;
          try {
            r = engine.apply(e.tick(), codec.decode(e.command()));
          } catch (IllegalArgumentException ex) {
            throw new JournalStore.JournalDamagedException(
                "journal entry seq=" + e.seq() + " does not replay: " + ex.getMessage());
          }
          model.apply(e.tick(), r);
        });
    AnchorCheck.Failure f = check.finish(journal.size(), journal.headHash());
    if (f != null) {
      throw anchorFailure(f, journal.size());
    }
    engine.checkInvariants();
    return new JournaledEngine(engine, journal, codec);
  }

  private static JournalStore.JournalDamagedException anchorFailure(
      AnchorCheck.Failure f, long entriesBefore) {
    return new JournalStore.JournalDamagedException(f.summary(entriesBefore));
  }

  private static void genesis(JournaledEngine engine, ReadModel model, Path program, long seed) {
    String yaml;
    try {
      yaml = Files.readString(program, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "program: cannot read " + program + " (" + e.getMessage() + ")");
    }
    ProgramParser.standard().parse(yaml);
    Result r = engine.submit(Clock.systemUTC().millis(), new OpenMarket(yaml, seed));
    if (!r.isAccepted()) {
      throw new IllegalStateException("the genesis OpenMarket was rejected: " + r);
    }
    engine.flush();
    model.apply(engine.engine().state().lastTick(), r);
  }

  /**
   * Builds the batch's {@code market} event on the writer thread, from the state the batch left,
   * and returns the step that sends it once the batch is durable (null when nobody listens).
   */
  private static Runnable publish(
      EventHub hub, ObjectMapper json, EngineState state, ReadModel model, int tradesBefore) {
    if (hub.clientCount() == 0) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", model.headSeq);
    m.put("headHash", CanonicalWriter.hex(model.headHash));
    m.put("currentPeriod", state.currentPeriod());
    List<Object> books = new ArrayList<>();
    for (int v : Views.bookVintages(state)) {
      books.add(Views.market(state, model, v, false));
    }
    m.put("books", books);
    List<Object> trades = new ArrayList<>();
    for (int i = tradesBefore; i < model.trades.size(); i++) {
      trades.add(model.trades.get(i).redactedFor(Long.MIN_VALUE));
    }
    m.put("trades", trades);
    String text;
    try {
      text = json.writeValueAsString(m);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    return () -> hub.publish("market", text);
  }

  public int port() {
    return app.port();
  }

  /** The regulator token created by this start, or null when one existed or came from env. */
  public String newRegulatorToken() {
    return newRegulatorToken;
  }

  /** The state hash of the running engine, read on the writer thread. */
  public String stateHashHex() {
    return sequencer.query((s, m) -> CanonicalWriter.hex(s.stateHash())).join();
  }

  /** Method and path of every route, as the route table registers them (for tests). */
  public List<String> routeNames() {
    List<String> out = new ArrayList<>();
    for (Routes.Route r : routes) {
      out.add(r.method() + " " + r.path());
    }
    return out;
  }

  /** Journal flushes so far: commands divided by this is the mean group-commit batch. */
  public long journalFlushes() {
    return sequencer.flushes();
  }

  /** The route table, for the tests that walk every route. */
  List<Routes.Route> routes() {
    return routes;
  }

  /** Stops accepting requests, finishes queued commands, and closes the journal. */
  @Override
  public void close() {
    // Event streams first: they are open-ended requests that a graceful stop would wait for.
    hub.close();
    app.stop();
    sequencer.close();
    checkpoints.close();
    if (sequencer.stoppedBy() == null) {
      engine.close();
    }
  }

  /** Checkpoints the durable head now (the server does every minute and when it stops). */
  public Optional<Checkpoint> checkpointNow() {
    return checkpoints.checkpointNow();
  }
}
