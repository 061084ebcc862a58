package org.computecap.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.Engine;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.Result;
import org.computecap.engine.command.AccessCommand;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.command.IssueToken;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.command.RevokeToken;
import org.computecap.engine.journal.AnchorCheck;
import org.computecap.engine.journal.Checkpoint;
import org.computecap.engine.journal.CheckpointLog;
import org.computecap.engine.journal.FileJournal;
import org.computecap.engine.journal.HeadAnchor;
import org.computecap.engine.journal.Journal;
import org.computecap.engine.journal.JournalEntry;
import org.computecap.engine.journal.JournaledEngine;
import org.computecap.server.store.JournalStore;
import org.computecap.server.store.ServerKey;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

/**
 * {@code computecap serve}: opens the journal (file or provider), replays it into a fresh engine
 * and read model, writes the genesis {@code OpenMarket} when the journal is new, makes sure the
 * market regulator has a token (journaled like every other), checkpoints its head, and serves the
 * API, the event stream, the dashboard and the API's documentation. Startup refuses to continue on
 * a damaged journal, one that disagrees with its last signed checkpoint (cut short or rewritten),
 * or a replay that breaks an invariant: serving a history nobody can verify would be worse than not
 * serving. A torn tail, the only damage a crash causes, is moved aside and the start goes on.
 */
public final class Server implements AutoCloseable {
  /**
   * What {@code computecap serve} was asked for. {@code regulatorToken}: the operator's own token
   * for the market regulator ({@code COMPUTECAP_REGULATOR_TOKEN}), or null to have one made.
   */
  public record Options(
      Path dataDir,
      String journalUrl,
      Path program,
      long seed,
      String host,
      int port,
      Limits limits,
      String regulatorToken,
      int publicReportDelayPeriods,
      SignInOptions signIn) {
    public Options {
      if (signIn == null) {
        signIn = SignInOptions.DEFAULT;
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be within [0, 65535], got " + port);
      }
      if (publicReportDelayPeriods < 0) {
        throw new IllegalArgumentException(
            "publicReportDelayPeriods must be >= 0, got " + publicReportDelayPeriods);
      }
    }

    public Options(
        Path dataDir, String journalUrl, Path program, long seed, String host, int port) {
      this(dataDir, journalUrl, program, seed, host, port, Limits.DEFAULT, null);
    }

    public Options(
        Path dataDir,
        String journalUrl,
        Path program,
        long seed,
        String host,
        int port,
        Limits limits,
        String regulatorToken) {
      this(dataDir, journalUrl, program, seed, host, port, limits, regulatorToken, 0);
    }

    public Options(
        Path dataDir,
        String journalUrl,
        Path program,
        long seed,
        String host,
        int port,
        Limits limits,
        String regulatorToken,
        int publicReportDelayPeriods) {
      this(
          dataDir,
          journalUrl,
          program,
          seed,
          host,
          port,
          limits,
          regulatorToken,
          publicReportDelayPeriods,
          SignInOptions.DEFAULT);
    }

    /** These options with how persons sign in through a browser (issue 16). */
    public Options withSignIn(SignInOptions other) {
      return new Options(
          dataDir,
          journalUrl,
          program,
          seed,
          host,
          port,
          limits,
          regulatorToken,
          publicReportDelayPeriods,
          other);
    }

    /** These options with the operator's regulator token (e.g. from the environment). */
    public Options withRegulatorToken(String token) {
      return new Options(
          dataDir,
          journalUrl,
          program,
          seed,
          host,
          port,
          limits,
          token,
          publicReportDelayPeriods,
          signIn);
    }

    /** These options with other request limits. */
    public Options withLimits(Limits other) {
      return new Options(
          dataDir,
          journalUrl,
          program,
          seed,
          host,
          port,
          other,
          regulatorToken,
          publicReportDelayPeriods,
          signIn);
    }

    /**
     * These options with a public report delay: a period's report is published once {@code periods}
     * later periods have closed (0: at its own close).
     */
    public Options withPublicReportDelayPeriods(int periods) {
      return new Options(
          dataDir, journalUrl, program, seed, host, port, limits, regulatorToken, periods, signIn);
    }
  }

  /**
   * How long and how much a client may take to send a request: its headers within {@code
   * headerReadMs} of their first byte, its body within {@code bodyReadMs} of the headers, at most
   * {@code maxBodyBytes} and {@code maxHeaderBytes}.
   */
  public record Limits(long headerReadMs, long bodyReadMs, int maxBodyBytes, int maxHeaderBytes) {
    public static final Limits DEFAULT = new Limits(10_000, 10_000, 64 * 1024, 8 * 1024);

    public Limits {
      if (headerReadMs < 1 || bodyReadMs < 1 || maxBodyBytes < 1 || maxHeaderBytes < 1024) {
        throw new IllegalArgumentException("request limits must be positive");
      }
    }
  }

  /** A snapshot is written once this many entries were added since the last one... */
  static final long SNAPSHOT_EVERY_ENTRIES = 1_000_000;

  /** ...and at least this long after it (and always when the server stops cleanly). */
  static final long SNAPSHOT_MIN_INTERVAL_MS = 60_000;

  /** How long a connection may stay idle (no byte either way) before Jetty closes it. */
  static final long IDLE_TIMEOUT_MS = 30_000;

  /** The lifetime of the market regulator's own token (a restart issues a new one after). */
  static final long REGULATOR_TOKEN_DAYS = 366;

  private final Javalin app;
  private final Sequencer sequencer;
  private final Checkpoints checkpoints;
  private final EventHub hub;
  private final HeaderDeadline headers;
  private final JournaledEngine engine;
  private final ReadModel model;
  private final String newRegulatorToken;
  private final List<Route> routes;
  private final TimeKeeper time;

  private Server(
      Javalin app,
      Sequencer sequencer,
      Checkpoints checkpoints,
      EventHub hub,
      HeaderDeadline headers,
      JournaledEngine engine,
      ReadModel model,
      String newRegulatorToken,
      List<Route> routes,
      TimeKeeper time) {
    this.app = app;
    this.sequencer = sequencer;
    this.checkpoints = checkpoints;
    this.hub = hub;
    this.headers = headers;
    this.engine = engine;
    this.model = model;
    this.newRegulatorToken = newRegulatorToken;
    this.routes = routes;
    this.time = time;
  }

  /**
   * Starts a server; {@code onFatal} is told when the writer stops on a fatal error (the
   * command-line server exits then, so that a supervisor restarts it from the journal).
   */
  public static Server start(Options o, PrintStream out, Consumer<Throwable> onFatal) {
    Clock clock = Clock.systemUTC();
    prepareDataDir(o.dataDir(), out);
    Path checkpointsFile = JournalStore.checkpointsFile(o.dataDir(), o.journalUrl());
    Recovered recovered = recover(o, checkpointsFile, clock, out);
    JournaledEngine engine = recovered.engine();
    ReadModel model = recovered.model();
    Projector projector = recovered.projector();
    String fresh;
    try {
      fresh = regulatorToken(o.regulatorToken(), engine, projector, model, clock, out);
      projector.stateHash(engine.engine().stateHash(), engine.engine().state().seq());
    } catch (RuntimeException | AssertionError e) {
      engine.close();
      model.close();
      throw e;
    }

    ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    Authenticator auth = new Authenticator(model, clock);
    EventHub hub = new EventHub(json, auth);
    Sequencer sequencer = new Sequencer(engine, projector, clock, hub::publish, onFatal);
    sequencer.snapshots(
        () -> snapshot(o.dataDir(), engine, projector),
        SNAPSHOT_EVERY_ENTRIES,
        SNAPSHOT_MIN_INTERVAL_MS,
        recovered.snapshotSeq());
    Checkpoints checkpoints;
    try {
      checkpoints = checkpoints(checkpointsFile, o.dataDir(), sequencer, out);
    } catch (RuntimeException e) {
      hub.close();
      engine.close();
      model.close();
      throw e;
    }
    Sessions sessions = new Sessions(clock, o.signIn());
    Services services =
        new Services(
            sequencer,
            model,
            json,
            clock,
            checkpoints::latest,
            o.publicReportDelayPeriods(),
            sessions);
    List<Route> table = Routes.table(services);
    ServerConnector[] connector = new ServerConnector[1];
    Javalin app;
    HeaderDeadline headers;
    try {
      app =
          create(
              o,
              json,
              new HttpApi(table, auth, sessions),
              new Gate(hub, json, o.limits()),
              connector);
      sequencer.start();
      checkpoints.start(Checkpoints.INTERVAL);
      app.start();
      headers = new HeaderDeadline(connector[0], o.limits().headerReadMs());
    } catch (RuntimeException e) {
      hub.close();
      sequencer.close();
      checkpoints.close();
      engine.close();
      model.close();
      throw e;
    }
    TimeKeeper time = TimeKeeper.start(sequencer, model, clock);
    out.println("computecap serving on http://" + o.host() + ":" + app.port() + "/");
    out.flush();
    return new Server(app, sequencer, checkpoints, hub, headers, engine, model, fresh, table, time);
  }

  /** What a start recovered: the engine on its journal, the read model, and its projector. */
  private record Recovered(
      JournaledEngine engine, ReadModel model, Projector projector, long snapshotSeq) {}

  /** A snapshot that does not belong to this journal's chain; the start replays it all instead. */
  private static final class SnapshotMismatch extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SnapshotMismatch(String message) {
      super(message);
    }
  }

  /**
   * Opens the journal (a torn tail moved aside), checks it against the last checkpoint, and
   * rebuilds the engine and the read model: from the newest usable state snapshot and the entries
   * after it, or from the whole journal; writes the genesis when the journal is new. A snapshot
   * that does not match the journal's chain at its seq, or does not read, is ignored with a line
   * saying why.
   */
  private static Recovered recover(Options o, Path checkpointsFile, Clock clock, PrintStream out) {
    List<HeadAnchor> anchors = lastCheckpoint(checkpointsFile);
    Path readModelDir = o.dataDir().resolve("read-model");
    StateSnapshots.Loaded snap = StateSnapshots.newest(o.dataDir(), out);
    if (snap != null && !snap.generation().equals(ReadModel.generationOf(readModelDir))) {
      out.println(
          "snapshot: ignoring "
              + snap.file()
              + " (the read model files in "
              + readModelDir
              + " are not the ones it was written with)");
      snap = null;
    }
    long started = System.nanoTime();
    try {
      return recover(o, anchors, snap, readModelDir, clock, out, started);
    } catch (SnapshotMismatch e) {
      out.println("snapshot: ignoring " + snap.file() + " (" + e.getMessage() + "); full replay");
      return recover(o, anchors, null, readModelDir, clock, out, System.nanoTime());
    }
  }

  private static Recovered recover(
      Options o,
      List<HeadAnchor> anchors,
      StateSnapshots.Loaded snap,
      Path readModelDir,
      Clock clock,
      PrintStream out,
      long started) {
    ReadModel model = new ReadModel(readModelDir, snap == null ? null : snap.generation());
    Projector projector = new Projector(model);
    Journal journal = null;
    try {
      Replay replay;
      if (snap == null) {
        replay = new Replay(new Engine(ProgramParser.standard()), projector, 0, null);
      } else {
        Engine engine = snap.engine().engine();
        try {
          ReadModelImage.restore(
              snap.image(), projector, engine.state(), snap.seq(), snap.chainHash());
        } catch (IOException | RuntimeException e) {
          throw new SnapshotMismatch("its read model does not read back: " + e.getMessage());
        }
        replay = new Replay(engine, projector, snap.seq(), snap.chainHash());
      }
      if (o.journalUrl() == null) {
        journal = JournalStore.openFile(o.dataDir(), anchors, replay::visit);
      } else {
        journal = JournalStore.openUrl(o.journalUrl());
        replay.checkAnchors(anchors);
        journal.forEach(replay::visit);
      }
      JournaledEngine engine = replay.finish(journal);
      if (journal.size() == 0) {
        genesis(engine, projector, o.program(), o.seed(), clock);
      }
      report(journal, engine, snap, replay, started, out);
      return new Recovered(engine, model, projector, snap == null ? 0 : snap.seq());
    } catch (RuntimeException | AssertionError e) {
      closeAll(journal, model);
      throw e;
    }
  }

  private static void closeAll(Journal journal, ReadModel model) {
    if (journal != null) {
      journal.close();
    }
    model.close();
  }

  private static void report(
      Journal journal,
      JournaledEngine engine,
      StateSnapshots.Loaded snap,
      Replay replay,
      long started,
      PrintStream out) {
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
            + CanonicalWriter.hex(engine.engine().stateHash())
            + (snap == null
                ? ", replayed in full"
                : ", restored from " + snap.file() + " and " + replay.applied + " entries after it")
            + " in "
            + (System.nanoTime() - started) / 1_000_000
            + " ms");
  }

  /**
   * Rebuilds the engine and the read model from journal entries as they are read: entries up to a
   * restored snapshot's seq are only checked (the entry at that seq must carry the snapshot's chain
   * hash), later ones are applied and published in chunks.
   */
  private static final class Replay {
    private final CommandCodec codec = CommandCodec.standard();
    private final Engine engine;
    private final Projector projector;
    private final long from;
    private final byte[] fromHash;
    private final List<Projector.Applied> chunk = new ArrayList<>();
    private AnchorCheck anchors;
    long applied;

    Replay(Engine engine, Projector projector, long from, byte[] fromHash) {
      this.engine = engine;
      this.projector = projector;
      this.from = from;
      this.fromHash = fromHash;
    }

    /** Checks the chain against {@code list} as it goes (a journal kept elsewhere). */
    void checkAnchors(List<HeadAnchor> list) {
      anchors = new AnchorCheck(list);
    }

    void visit(JournalEntry e) {
      if (anchors != null) {
        AnchorCheck.Failure f = anchors.visit(e.seq(), e.hash());
        if (f != null) {
          throw anchorFailure(f, e.seq() - 1);
        }
      }
      if (e.seq() <= from) {
        if (e.seq() == from && !Arrays.equals(e.hash(), fromHash)) {
          throw new SnapshotMismatch(
              "the journal's entry "
                  + from
                  + " has hash "
                  + CanonicalWriter.hex(e.hash())
                  + ", the snapshot was taken at "
                  + CanonicalWriter.hex(fromHash));
        }
        return;
      }
      Result r;
      try {
        r = engine.apply(e.tick(), codec.decode(e.command()));
      } catch (IllegalArgumentException ex) {
        throw new JournalStore.JournalDamagedException(
            "journal entry seq=" + e.seq() + " does not replay: " + ex.getMessage());
      }
      applied++;
      chunk.add(Projector.Applied.of(e.seq(), e.tick(), r, engine.state()));
      if (chunk.size() == 4096) {
        projector.prepare(engine.state(), chunk, e.seq(), e.hash(), false).install();
        chunk.clear();
      }
    }

    /** After the last entry: the checks at the end, and the engine on its journal. */
    JournaledEngine finish(Journal journal) {
      if (journal.size() < from) {
        throw new SnapshotMismatch(
            "it was taken at seq " + from + ", the journal holds " + journal.size() + " entries");
      }
      if (anchors != null) {
        AnchorCheck.Failure f = anchors.finish(journal.size(), journal.headHash());
        if (f != null) {
          throw anchorFailure(f, journal.size());
        }
      }
      engine.checkInvariants();
      projector.prepare(engine.state(), chunk, journal.size(), journal.headHash(), true).install();
      chunk.clear();
      return new JournaledEngine(engine, journal, codec);
    }
  }

  /**
   * Writes a state snapshot (the writer thread calls it with everything durable and installed); a
   * failure is printed and the server goes on: the journal alone still rebuilds everything.
   */
  private static void snapshot(Path dataDir, JournaledEngine engine, Projector projector) {
    long started = System.nanoTime();
    try {
      Path file =
          StateSnapshots.write(dataDir, engine.engine(), engine.journal().headHash(), projector);
      System.out.println(
          StateSnapshots.describe(
              file, engine.engine(), (System.nanoTime() - started) / 1_000_000));
    } catch (IOException | RuntimeException e) {
      System.err.println("snapshot: not written (" + e + "); the journal still holds everything");
    }
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

  private static Javalin create(
      Options o, ObjectMapper json, HttpApi api, Gate gate, ServerConnector[] connector) {
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.http.maxRequestSize = o.limits().maxBodyBytes();
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
          config.jetty.modifyHttpConfiguration(
              http -> {
                // Jetty keeps a per-connection cache of header fields; a case-insensitive match
                // there would hand a case-changed token the cached, correct one.
                http.setHeaderCacheCaseSensitive(true);
                http.setRequestHeaderSize(o.limits().maxHeaderBytes());
                http.setSendServerVersion(false);
              });
          config.jetty.addConnector(
              (server, http) -> {
                ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(http));
                c.setHost(o.host());
                c.setPort(o.port());
                c.setIdleTimeout(IDLE_TIMEOUT_MS);
                connector[0] = c;
                return c;
              });
          config.jetty.modifyServer(server -> server.setHandler(gate));
          api.register(config);
        });
  }

  /** Creates the data directory readable by its owner only; warns about an old token file. */
  private static void prepareDataDir(Path dir, PrintStream out) {
    JournalStore.createPrivateDirectory(dir);
    Path legacy = dir.resolve("tokens");
    if (Files.exists(legacy)) {
      try {
        Files.setPosixFilePermissions(legacy, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException | IOException e) {
        // Not a POSIX file system, or not ours to change: the warning still says what to do.
      }
      out.println(
          "warning: "
              + legacy
              + " is from an earlier version and is no longer read: tokens are now issued "
              + "through the journal (enrol each account again; see docs/server.md)");
    }
  }

  private static JournalStore.JournalDamagedException anchorFailure(
      AnchorCheck.Failure f, long entriesBefore) {
    return new JournalStore.JournalDamagedException(f.summary(entriesBefore));
  }

  private static void genesis(
      JournaledEngine engine, Projector projector, Path program, long seed, Clock clock) {
    String yaml;
    try {
      yaml = Files.readString(program, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "program: cannot read " + program + " (" + e.getMessage() + ")");
    }
    ProgramParser.standard().parse(yaml);
    submitAtStart(engine, projector, clock, List.of(new OpenMarket(yaml, seed)), true);
  }

  /**
   * Makes sure the market regulator (the operator) holds an active token, journaled like any other.
   * With {@code COMPUTECAP_REGULATOR_TOKEN} set, that token (if strong enough) becomes the market
   * regulator's and every earlier one of its tokens is revoked, so a token printed before stops
   * working; without it, a new token is made and printed once when none is active. Returns the
   * printed token, or null.
   */
  private static String regulatorToken(
      String env,
      JournaledEngine engine,
      Projector projector,
      ReadModel model,
      Clock clock,
      PrintStream out) {
    long now = Math.max(engine.engine().state().lastTick(), clock.millis());
    long expires = now + REGULATOR_TOKEN_DAYS * 86_400_000L;
    List<ReadModel.TokenEntry> active = new ArrayList<>();
    for (ReadModel.TokenEntry t : model.tokens.values()) {
      if (t.accountId() == AccessCommand.MARKET_REGULATOR
          && !t.revoked()
          && now < t.expiresTick()) {
        active.add(t);
      }
    }
    active.sort((a, b) -> Long.compare(a.tokenId(), b.tokenId()));
    if (env != null && !env.isBlank()) {
      String token = env.trim();
      Credentials.requireStrong("COMPUTECAP_REGULATOR_TOKEN", token);
      String hash = Credentials.hash(token);
      ReadModel.TokenEntry known = model.tokenByHash(hash);
      if (known != null && active.contains(known)) {
        out.println(
            "regulator token: COMPUTECAP_REGULATOR_TOKEN (active since tick "
                + known.issuedTick()
                + ")");
        return null;
      }
      if (known != null) {
        throw new IllegalArgumentException(
            "COMPUTECAP_REGULATOR_TOKEN was the market regulator's token before and is now "
                + "revoked or expired; choose a new one (openssl rand -base64 32)");
      }
      List<org.computecap.engine.command.Command> commands = new ArrayList<>();
      for (ReadModel.TokenEntry t : active) {
        commands.add(new RevokeToken(t.tokenId(), AccessCommand.MARKET_REGULATOR));
      }
      commands.add(
          new IssueToken(
              AccessCommand.MARKET_REGULATOR, hash, AccessCommand.MARKET_REGULATOR, expires));
      submitAtStart(engine, projector, clock, commands, false);
      out.println(
          "regulator token: COMPUTECAP_REGULATOR_TOKEN"
              + (active.isEmpty()
                  ? ""
                  : " (replaces " + active.size() + " earlier token(s), now revoked)"));
      return null;
    }
    if (!active.isEmpty()) {
      return null;
    }
    String token = Credentials.newToken();
    submitAtStart(
        engine,
        projector,
        clock,
        List.of(
            new IssueToken(
                AccessCommand.MARKET_REGULATOR,
                Credentials.hash(token),
                AccessCommand.MARKET_REGULATOR,
                expires)),
        false);
    out.println("regulator token (shown once, keep it): " + token);
    return token;
  }

  /** Applies start-up commands, flushes them, and publishes them to the read model. */
  private static void submitAtStart(
      JournaledEngine engine,
      Projector projector,
      Clock clock,
      List<org.computecap.engine.command.Command> commands,
      boolean full) {
    List<Projector.Applied> applied = new ArrayList<>();
    for (org.computecap.engine.command.Command c : commands) {
      long tick = Math.max(engine.engine().state().lastTick(), clock.millis());
      Result r = engine.submit(tick, c);
      if (!r.isAccepted()) {
        throw new IllegalStateException(
            "the start-up command " + c.getClass().getSimpleName() + " was rejected: " + r);
      }
      applied.add(
          Projector.Applied.of(engine.engine().state().seq(), tick, r, engine.engine().state()));
    }
    engine.flush();
    projector
        .prepare(
            engine.engine().state(),
            applied,
            engine.journal().size(),
            engine.journal().headHash(),
            full)
        .install();
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
    return sequencer.query(s -> CanonicalWriter.hex(s.stateHash())).join();
  }

  /** Method and path of every route, as the route table registers them (for tests). */
  public List<String> routeNames() {
    List<String> out = new ArrayList<>();
    for (Route r : routes) {
      out.add(r.method() + " " + r.path());
    }
    return out;
  }

  /** Journal flushes so far: commands divided by this is the mean group-commit batch. */
  public long journalFlushes() {
    return sequencer.flushes();
  }

  /** How many clients are subscribed to the server-sent events now. */
  int eventSubscribers() {
    return hub.subscriberCount();
  }

  /** The route table, for the tests that walk every route. */
  List<Route> routes() {
    return routes;
  }

  /** Checkpoints the durable head now (the server does every minute and when it stops). */
  public Optional<Checkpoint> checkpointNow() {
    return checkpoints.checkpointNow();
  }

  /**
   * Writes a state snapshot now (the server does every {@value #SNAPSHOT_EVERY_ENTRIES} entries and
   * when it stops); returns the seq it was taken at.
   */
  public long snapshotNow() {
    return sequencer.snapshotNow().join();
  }

  /** Stops accepting requests, finishes queued commands, and closes the journal. */
  @Override
  public void close() {
    // Event streams first: they are open-ended requests that a graceful stop would wait for.
    hub.close();
    headers.close();
    app.stop();
    time.close();
    sequencer.close();
    checkpoints.close();
    if (sequencer.stoppedBy() == null) {
      engine.close();
    }
    model.close();
  }
}
