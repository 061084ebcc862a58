package org.computecap.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.journal.JournalFile;
import org.computecap.engine.journal.Verification;
import org.computecap.server.ApiClient;
import org.computecap.server.DemoPersons;
import org.computecap.server.HttpReplay;
import org.computecap.sim.run.Progress;
import org.computecap.sim.run.Simulator;
import org.computecap.sim.scenario.Scenario;
import org.computecap.sim.scenario.ScenarioLoader;

/**
 * {@code computecap serve --demo}: the simulator's agents play the default scenario, and their
 * commands go to the live server over its HTTP API at a pace a person can watch, each with its
 * account's own token. The agents decide on the simulator's in-process copy of the engine; since
 * the engine is deterministic and the server numbers orders as the simulator does, the served
 * market is the simulated one, command for command, and any refusal is reported.
 */
final class ServeDemo {
  /** The simulated run: the program and seed of its genesis, and every later command. */
  record Run(String programYaml, long seed, List<Command> commands) {}

  private ServeDemo() {}

  /** Runs {@code scenarioFile} in the simulator, journaling into {@code work}. */
  static Run simulate(Path scenarioFile, Path work) throws IOException {
    return simulate(ScenarioLoader.load(scenarioFile), work);
  }

  /** Runs {@code scenario} in the simulator, journaling into {@code work}. */
  static Run simulate(Scenario scenario, Path work) throws IOException {
    Path journal = work.resolve("simulated-journal");
    Simulator.run(scenario, journal, Progress.silent(scenario.periods()));
    CommandCodec codec = CommandCodec.standard();
    List<Command> commands = new ArrayList<>();
    Verification v = JournalFile.read(journal, e -> commands.add(codec.decode(e.command())));
    if (!v.intact() || commands.isEmpty() || !(commands.get(0) instanceof OpenMarket)) {
      throw new IllegalStateException("the simulated journal is not usable: " + v.summary());
    }
    OpenMarket open = (OpenMarket) commands.get(0);
    // Served with representatives on (issue 16): people sign in, and the agents act through
    // desk persons (DemoPersons), which leaves the market as simulated.
    Files.writeString(
        work.resolve("program.yaml"),
        open.programYaml() + DemoPersons.SECTION,
        StandardCharsets.UTF_8);
    return new Run(open.programYaml(), open.seed(), commands.subList(1, commands.size()));
  }

  /** Deletes a directory and everything in it (nothing when null or absent). */
  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.err.println("demo: could not remove " + dir + ": " + e.getMessage());
    }
  }

  /**
   * Opens the demo's people (issue 16) and prints how to sign in as each: name, password, TOTP
   * secret, and how to get the current code without an authenticator app.
   */
  static DemoPersons people(String host, int port, String regulatorToken, PrintStream out) {
    ApiClient reg = new ApiClient(URI.create("http://127.0.0.1:" + port), regulatorToken);
    DemoPersons persons = new DemoPersons(reg);
    List<DemoPersons.Login> logins = persons.setUp();
    out.printf("demo: sign in at http://%s:%d/office/signin.html as%n", host, port);
    for (DemoPersons.Login l : logins) {
      out.printf(
          "demo:   %-8s password %s  TOTP secret %s  (%s)%n",
          l.name(), l.password(), l.totpSecret(), l.account());
    }
    out.println(
        "demo: the code: add the secret to an authenticator app, or run `computecap totp SECRET`;"
            + " lab-ann and lab-ben represent demo-lab together (a transfer above 10 permits by"
            + " one waits for the other)");
    return persons;
  }

  /** Sends the run's commands to the server on a daemon thread, then says how it went. */
  static void play(
      Run run,
      int port,
      String regulatorToken,
      DemoPersons persons,
      int perSecond,
      PrintStream out) {
    Thread t =
        new Thread(
            () -> {
              ApiClient reg = new ApiClient(URI.create("http://127.0.0.1:" + port), regulatorToken);
              HttpReplay replay = new HttpReplay(reg).withPersons(persons);
              long t0 = System.nanoTime();
              try {
                for (Command c : run.commands()) {
                  replay.sendPaced(c, perSecond);
                }
              } catch (java.io.UncheckedIOException e) {
                // The server went away (Ctrl-C stops it while this thread still sends): one
                // line, not a stack trace.
                out.printf(
                    "demo: stopped after %d of %d commands: the server is no longer reachable (%s)%n",
                    replay.sent(), run.commands().size(), e.getCause());
                return;
              }
              double seconds = (System.nanoTime() - t0) / 1e9;
              out.printf(
                  "demo: sent %d commands in %.1f s (%.0f/s), %d refused%n",
                  replay.sent(), seconds, replay.sent() / seconds, replay.rejected());
              out.println(
                  "demo: "
                      + (replay.firstRejection() == null
                          ? "the served market is the " + "simulated one"
                          : "first refusal: " + replay.firstRejection())
                      + "; the server keeps running (Ctrl-C to stop)");
            },
            "computecap-demo");
    t.setDaemon(true);
    t.start();
  }
}
