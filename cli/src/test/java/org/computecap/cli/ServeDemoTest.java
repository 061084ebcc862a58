package org.computecap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.computecap.engine.Engine;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.exchange.BookView;
import org.computecap.engine.exchange.ExchangeState;
import org.computecap.engine.registry.Registry;
import org.computecap.server.ApiClient;
import org.computecap.server.DemoPersons;
import org.computecap.server.HttpReplay;
import org.computecap.server.Server;
import org.computecap.sim.scenario.Scenario;
import org.computecap.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's promise: a simulated run sent to a live server over HTTP is accepted command for
 * command and leaves the served market exactly where the simulation left it (trades, volume, last
 * price, every account's cash and permits).
 */
class ServeDemoTest {
  @Test
  void a_simulated_run_sent_over_http_gives_the_served_market_the_simulated_state(
      @TempDir Path work) throws Exception {
    // One period keeps the test in seconds: every command goes through its own fsync here.
    Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "allocation-ablation.yaml"));
    Scenario onePeriod =
        new Scenario(
            s.name(),
            s.description(),
            s.seed(),
            1,
            s.programYaml(),
            s.program(),
            s.market(),
            s.developers());
    ServeDemo.Run run = ServeDemo.simulate(onePeriod, work);
    Engine reference = new Engine(ProgramParser.standard());
    reference.apply(0, new OpenMarket(run.programYaml(), run.seed()));
    long tick = 1;
    for (Command c : run.commands()) {
      reference.apply(tick++, c);
    }
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    try (Server server =
        Server.start(
            new Server.Options(
                work.resolve("data"),
                null,
                work.resolve("program.yaml"),
                run.seed(),
                "127.0.0.1",
                0),
            quiet,
            e -> {})) {
      ApiClient reg =
          new ApiClient(
              URI.create("http://127.0.0.1:" + server.port()), server.newRegulatorToken());
      // As serve --demo does (issue 16): representatives on, the agents acting through desk
      // persons, people of the demo set up first; the market is still the simulated one.
      DemoPersons persons = new DemoPersons(reg);
      assertThat(persons.setUp())
          .extracting(DemoPersons.Login::name)
          .containsExactly("lab-ann", "lab-ben", "regina");
      HttpReplay replay = new HttpReplay(reg).withPersons(persons);
      for (Command c : run.commands()) {
        replay.send(c);
      }
      assertThat(replay.firstRejection()).isNull();
      assertThat(replay.sent()).isEqualTo(run.commands().size());

      int period = reference.state().currentPeriod();
      BookView book = reference.state().featureOrNull(ExchangeState.class).view(period);
      assertThat(book.tradeCount()).as("the simulated period traded").isPositive();
      ApiClient.Response market = reg.get("/api/market/" + period);
      assertThat(market.body().path("trades").asLong()).isEqualTo(book.tradeCount());
      assertThat(market.body().path("volume").asLong()).isEqualTo(book.volume());
      assertThat(market.body().path("lastPriceCents").asLong()).isEqualTo(book.lastPriceCents());
      Registry r = reference.state().registry();
      for (long id : r.accountIds()) {
        if (id > 0) {
          ApiClient.Response a = reg.get("/api/accounts/" + id);
          assertThat(a.body().path("cash").path("freeCents").asLong())
              .as("cash of " + id)
              .isEqualTo(r.freeCash(id));
          assertThat(a.body().path("holdings").path("freePermits").asLong())
              .as("permits of " + id)
              .isEqualTo(r.freePermitsTotal(id));
        }
      }
    }
  }
}
