package org.computecap.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.computecap.economics.market.Demand;
import org.computecap.economics.market.Equilibrium;
import org.computecap.economics.market.Population;
import org.computecap.engine.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick mode: every benchmark body runs once on small inputs, so the benchmarks cannot rot
 * between full runs. No timing is asserted; what is asserted is that the bodies compute the right
 * thing (both engines agree on the flow, replay rebuilds the state, the baseline root finder agrees
 * with the closed forms).
 */
class BenchmarksRunOnceTest {
  private static final int ORDERS = 10_000;

  @TempDir Path dir;

  private OrderMatchingBenchmark.Flow flow() throws IOException {
    OrderMatchingBenchmark.Flow flow = new OrderMatchingBenchmark.Flow();
    flow.orders = ORDERS;
    flow.synthetic = true;
    flow.load();
    return flow;
  }

  @Test
  void engine_and_exchange_core_agree_on_fills_remainders_and_the_final_book() throws Exception {
    OrderMatchingBenchmark.Flow flow = flow();
    System.setProperty(BenchFiles.PROPERTY, dir.toString());
    OrderMatchingBenchmark bench = new OrderMatchingBenchmark();

    OrderMatchingBenchmark.InMemory memory = new OrderMatchingBenchmark.InMemory();
    memory.prepare(flow);
    FlowOutcome ours = bench.engineInMemoryJournal(memory);
    memory.report();

    OrderMatchingBenchmark.Durable durable = new OrderMatchingBenchmark.Durable();
    durable.prepare(flow);
    FlowOutcome durableOutcome = bench.engineFileJournal(durable);
    durable.report();

    OrderMatchingBenchmark.ExchangeCore anchor = new OrderMatchingBenchmark.ExchangeCore();
    anchor.prepare(flow);
    FlowOutcome theirs = bench.exchangeCore(anchor);
    anchor.report();

    assertThat(ours.fills()).isPositive();
    assertThat(ours.iocRemainders()).isPositive();
    assertThat(ours.rejected()).isZero();
    assertThat(durableOutcome).isEqualTo(ours);
    assertThat(theirs).isEqualTo(ours);
  }

  @Test
  void replay_of_a_generated_journal_rebuilds_the_state_of_a_direct_run() throws Exception {
    System.setProperty(BenchFiles.PROPERTY, dir.toString());
    ReplayBenchmark bench = new ReplayBenchmark();
    bench.entries = 20_000;
    bench.synthetic = true;
    bench.generate();
    Engine replayed = bench.replay();
    bench.check();

    Engine direct = new Engine(org.computecap.engine.ProgramParser.standard());
    org.computecap.engine.journal.JournalFile.read(
        bench.journal,
        e ->
            direct.apply(
                e.tick(),
                org.computecap.engine.command.CommandCodec.standard().decode(e.command())));
    assertThat(replayed.state().seq()).isEqualTo(20_000);
    assertThat(replayed.stateHash()).isEqualTo(direct.stateHash());

    bench.generate();
    assertThat(bench.replay().stateHash()).isEqualTo(direct.stateHash());
  }

  @Test
  void a_simulation_journal_replays_to_the_simulations_own_state_hash() throws Exception {
    System.setProperty(BenchFiles.PROPERTY, dir.toString());
    SimulationReplayBenchmark bench = new SimulationReplayBenchmark();
    bench.developers = 90;
    bench.periods = 2;
    bench.simulate();
    Engine replayed = bench.replay();
    bench.check();
    assertThat(replayed.state().seq()).isEqualTo(bench.entries).isGreaterThan(1_000);
    assertThat(java.util.HexFormat.of().formatHex(replayed.stateHash()))
        .isEqualTo(bench.expectedHash);
    bench.delete();
    assertThat(java.nio.file.Files.exists(bench.journal)).isFalse();
  }

  @Test
  void equilibrium_solve_floor_and_brent_baseline_run_on_a_small_population() {
    EquilibriumBenchmark bench = new EquilibriumBenchmark();
    bench.developers = 999;
    bench.build();
    Equilibrium eq = bench.solve();
    assertThat(eq.price())
        .isCloseTo(Populations.TARGET_PRICE, org.assertj.core.data.Percentage.withPercentage(1e-6));
    assertThat(bench.streamFloor()).isPositive();

    BrentBaselineBenchmark brent = new BrentBaselineBenchmark();
    brent.developers = 999;
    brent.build();
    double[] demand = brent.brentPass();
    Population pop = brent.population;
    for (int i = 0; i < pop.size(); i++) {
      double exact = Demand.compute(pop, i, Populations.TARGET_PRICE);
      assertThat(demand[i])
          .as("developer %d (%s)", i, pop.family(i))
          .isCloseTo(exact, org.assertj.core.data.Percentage.withPercentage(1e-7));
    }
  }

  @Test
  void the_scaled_default_scenario_has_the_asked_population_and_replications_agree_on_threads() {
    SimulationBenchmark bench = new SimulationBenchmark();
    SimulationBenchmark.Scaled scaled = new SimulationBenchmark.Scaled();
    scaled.developers = 120;
    scaled.periods = 2;
    scaled.load();
    assertThat(scaled.scenario.developerCount()).isEqualTo(120);
    assertThat(scaled.scenario.periods()).isEqualTo(2);
    assertThat(scaled.scenario.program().capStartPermits()).isEqualTo(2 * 3_120_000L);
    org.computecap.sim.run.SimulationResult once = bench.simulate(scaled);
    assertThat(once.periods()).hasSize(2);
    assertThat(bench.simulate(scaled).stateHash()).isEqualTo(once.stateHash());

    SimulationBenchmark.Large large = new SimulationBenchmark.Large();
    large.largeDevelopers = 90;
    large.largePeriods = 1;
    large.load();
    assertThat(bench.simulateLarge(large).periods()).hasSize(1);

    SimulationBenchmark.Replicated one = new SimulationBenchmark.Replicated();
    one.replications = 2;
    one.threads = 1;
    one.replicationDevelopers = 61;
    one.load();
    SimulationBenchmark.Replicated two = new SimulationBenchmark.Replicated();
    two.replications = 2;
    two.threads = 2;
    two.replicationDevelopers = 61;
    two.load();
    java.util.List<String> serial =
        bench.replications(one).runs().stream()
            .map(org.computecap.sim.run.SimulationResult::stateHash)
            .toList();
    java.util.List<String> parallel =
        bench.replications(two).runs().stream()
            .map(org.computecap.sim.run.SimulationResult::stateHash)
            .toList();
    assertThat(serial).hasSize(2).doesNotHaveDuplicates();
    assertThat(parallel).isEqualTo(serial);
  }

  @Test
  void scaling_the_scenario_below_its_number_of_types_is_refused_naming_the_field() {
    org.computecap.sim.scenario.Scenario s =
        org.computecap.sim.scenario.ScenarioLoader.load(SimulationBenchmark.defaultScenario());
    assertThatThrownBy(() -> SimulationBenchmark.scaled(s, 3, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("developers");
    assertThatThrownBy(() -> SimulationBenchmark.scaled(s, 100, 9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("periods");
  }

  @Test
  void every_order_over_http_and_every_bare_post_is_acknowledged_with_2xx() throws Exception {
    java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
    java.util.List<HttpBenchmark.Round> rounds =
        HttpBenchmark.run(
            200, 8, 0, 1, 60, new java.io.PrintStream(text, true, StandardCharsets.UTF_8));
    assertThat(rounds)
        .extracting(HttpBenchmark.Round::target)
        .containsExactly("bare-javalin", "server-orders");
    for (HttpBenchmark.Round r : rounds) {
      assertThat(r.sent()).as(r.target()).isEqualTo(200);
      assertThat(r.ok()).as(r.target()).isEqualTo(200);
      assertThat(r.failed()).as(r.target()).isZero();
      assertThat(r.latencies()).hasSize(200).isSorted();
    }
    assertThat(rounds.get(1).fsyncs()).isBetween(1L, 200L);
    assertThat(text.toString(StandardCharsets.UTF_8)).contains("commands per fsync");
  }

  @Test
  void the_percentile_is_the_nearest_rank() {
    long[] sorted = new long[100];
    for (int i = 0; i < 100; i++) {
      sorted[i] = i + 1;
    }
    assertThat(HttpBenchmark.percentile(sorted, 0.5)).isEqualTo(50);
    assertThat(HttpBenchmark.percentile(sorted, 0.99)).isEqualTo(99);
    assertThat(HttpBenchmark.percentile(new long[] {7}, 0.99)).isEqualTo(7);
  }

  @Test
  void the_flow_file_is_read_with_its_header_and_a_bad_side_is_named() throws IOException {
    Path good = dir.resolve("flow.csv.gz");
    write(good, OrderFlow.HEADER + "\n1,7,BUY,GTC,100001,3\n2,8,SELL,IOC,99980,2\n");
    OrderFlow flow = OrderFlow.load(good, 10);
    assertThat(flow.size).isEqualTo(2);
    assertThat(flow.maxAccount()).isEqualTo(8);
    assertThat(flow.buys).containsExactly(true, false);
    assertThat(flow.iocs).containsExactly(false, true);
    assertThat(flow.prices).containsExactly(100_001L, 99_980L);

    Path bad = dir.resolve("bad.csv.gz");
    write(bad, OrderFlow.HEADER + "\n1,7,HOLD,GTC,100001,3\n");
    assertThatThrownBy(() -> OrderFlow.load(bad, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("side");
  }

  private static void write(Path file, String text) throws IOException {
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.US_ASCII));
    }
  }
}
