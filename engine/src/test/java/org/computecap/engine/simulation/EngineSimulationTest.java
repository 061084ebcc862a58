package org.computecap.engine.simulation;

import org.junit.jupiter.api.Test;

/**
 * The seeded randomized simulation (in the spirit of TigerBeetle's VOPR): several seeds, each with
 * its own random configuration, at least 10^6 commands in all per run. A failure names its seed;
 * {@code -Dseed=N} runs just that seed, and {@code -Dsim.commands=N} sets the commands per seed.
 */
class EngineSimulationTest {
  private static final long[] SEEDS = {1, 2, 3, 4, 5};
  private static final int COMMANDS_PER_SEED = Integer.getInteger("sim.commands", 210_000);

  @Test
  void random_commands_keep_every_invariant_match_the_reference_and_replay_to_the_same_hash() {
    String only = System.getProperty("seed");
    long[] seeds = only == null ? SEEDS : new long[] {Long.parseLong(only)};
    long total = 0;
    int snapshots = 0;
    long started = System.nanoTime();
    for (long seed : seeds) {
      Simulation sim = new Simulation(seed);
      try {
        sim.run(COMMANDS_PER_SEED);
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError(
            "simulation failed: "
                + sim.describe()
                + " (reproduce with -Dseed="
                + seed
                + "): "
                + e.getMessage(),
            e);
      }
      total += COMMANDS_PER_SEED;
      snapshots += sim.snapshots;
      if (only != null) {
        System.out.println(sim.describe() + " outcomes " + sim.outcomes);
      }
    }
    long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
    System.out.println(
        "simulation: "
            + total
            + " commands over "
            + seeds.length
            + " seeds in "
            + millis
            + " ms ("
            + total * 1000 / millis
            + " commands/s, invariants after each; "
            + snapshots
            + " snapshots restored and run beside)");
    if (only == null) {
      // A run that never restored a snapshot would not test them: the seeds above do.
      org.assertj.core.api.Assertions.assertThat(snapshots).isPositive();
    }
  }
}
