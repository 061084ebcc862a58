package org.computecap.engine.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.computecap.engine.Engine;
import org.computecap.engine.Result;
import org.computecap.engine.Snapshot;
import org.computecap.engine.TestPrograms;
import org.computecap.engine.command.ClosePeriod;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.journal.InMemoryJournal;
import org.computecap.engine.journal.JournaledEngine;
import org.computecap.engine.journal.Replay;
import org.computecap.engine.program.Program;

/**
 * One seeded run of the randomized simulation: a random configuration (accounts, cap, banking,
 * first period, how often periods turn), then a stream of mixed commands from the {@link
 * Generator}s, each checked against its generator's naive model, with every invariant checked after
 * every command, and at the end a replay of the journal that must reach the same state hash.
 * Everything derives from the seed, so a failing seed reproduces exactly.
 *
 * <p>Every command goes through the journal, period turns included (a {@code ClosePeriod} of the
 * current period now and then, besides the ones the rules generator sends), and every generator
 * observes every command, so each model follows what other features did to it (a close without
 * banking cancels the exchange's orders of the closed vintage before its permits expire).
 *
 * <p>A few times a run, at random points, the engine is written to a {@link Snapshot} and a second
 * engine is restored from it (it must reach the same state hash, seq and chain hash); from then on
 * every command is applied to both, their answers must be equal, and at every checkpoint their
 * state hashes too, until the next snapshot replaces the restored engine.
 */
final class Simulation {
  /** A source of random commands for one feature, with its own model of the outcomes. */
  interface Generator {
    /** The relative frequency of this generator's commands. */
    int weight();

    /** The next command. */
    Command next(Simulation sim);

    /**
     * Checks the engine's answer to any generator's command against this generator's model, or
     * follows its effect there (AssertionError if they disagree); commands of no concern to this
     * generator are ignored.
     */
    void observe(Simulation sim, Command command, Result result);

    /** Compares the generator's model with the engine's whole state (AssertionError if not). */
    void checkpoint(Simulation sim);
  }

  final long seed;
  final SplittableRandom rnd;
  final int firstPeriod;
  final int periodsMax;
  final long cap;
  final boolean banking;
  final int accountIdMax;
  final int advanceEvery;
  final Engine engine;
  final Program rules;
  private final InMemoryJournal journal = new InMemoryJournal();
  private final JournaledEngine journaled;
  private final List<Generator> generators = new ArrayList<>();

  /** The engine last restored from a snapshot, run beside {@link #engine}; null before one. */
  private Engine restored;

  /** How often (one command in so many, on average) a snapshot is taken. */
  private final int snapshotEvery;

  /** Snapshots taken and restored so far. */
  int snapshots;

  /** The registry generator; its {@code reference} is the model of every balance. */
  final RegistryGenerator registry;

  private long tick;

  /** How often each outcome happened, by command type: a run that never rejects tests little. */
  final java.util.SortedMap<String, Long> outcomes = new java.util.TreeMap<>();

  Simulation(long seed) {
    this.seed = seed;
    this.rnd = new SplittableRandom(seed);
    this.firstPeriod = rnd.nextInt(3) == 0 ? 0 : 2000 + rnd.nextInt(100);
    this.periodsMax = rnd.nextInt(6) == 0 ? 1 : 2 + rnd.nextInt(7);
    this.cap = rnd.nextInt(3) == 0 ? 50 + rnd.nextInt(500) : 1_000 + rnd.nextLong(1_000_000_000L);
    this.banking = rnd.nextBoolean();
    this.accountIdMax = 2 + rnd.nextInt(40);
    this.advanceEvery = 2_000 + rnd.nextInt(20_000);
    long reductionPpm = rnd.nextInt(100_000);
    this.snapshotEvery = 20_000 + rnd.nextInt(60_000);
    this.engine = new Engine(TestPrograms.PARSER);
    // Serial ranges partition every vintage's issued permits after every command (issue 15).
    engine.trackSerials();
    this.journaled = new JournaledEngine(engine, journal, CommandCodec.standard());
    // Half the runs recognise another program's permits (issue 18), at a rate around par and
    // with a quota or none, so linked units are issued, refused and counted against the cap.
    long linkRate = rnd.nextBoolean() ? 0 : 1 + rnd.nextInt(3_000_000);
    long linkQuota = rnd.nextBoolean() ? -1 : rnd.nextInt(300_001);
    String yaml = TestPrograms.yaml(firstPeriod, cap, reductionPpm, banking);
    if (linkRate > 0) {
      yaml +=
          "linking:\n  exchangeRatePpm: "
              + linkRate
              + (linkQuota >= 0 ? "\n  quotaPpm: " + linkQuota : "")
              + "\n";
    }
    submit(new OpenMarket(yaml, seed));
    this.rules = engine.state().program();
    this.registry = new RegistryGenerator(this);
    registry.reference.linkRatePpm = linkRate;
    registry.reference.linkQuotaPpm = linkRate > 0 ? linkQuota : -1;
    generators.add(registry);
    // Each feature adds its generator here, one line each; a generator whose commands move
    // permits or cash keeps registry.reference in step (see ReferenceRegistry's reservation API).
    generators.add(new ExchangeGenerator(this));
    generators.add(new RulesGenerator(this));
    generators.add(new AccessGenerator(this));
    generators.add(new LinkingGenerator());
  }

  String describe() {
    return "seed="
        + seed
        + " firstPeriod="
        + firstPeriod
        + " periods<="
        + periodsMax
        + " cap="
        + cap
        + " banking="
        + banking
        + " accountIds<="
        + accountIdMax;
  }

  /** Runs {@code commands} random commands, then the final checkpoint and replay. */
  void run(int commands) {
    int totalWeight = generators.stream().mapToInt(Generator::weight).sum();
    for (int i = 0; i < commands; i++) {
      Command c;
      if (rnd.nextInt(advanceEvery) == 0 && currentPeriod() < firstPeriod + periodsMax - 1) {
        checkpoint();
        c = new ClosePeriod(currentPeriod());
      } else {
        c = pick(totalWeight).next(this);
      }
      if (i > 0 && rnd.nextInt(snapshotEvery) == 0) {
        snapshotAndRestore();
      }
      Result r = submit(c);
      engine.checkInvariants();
      for (Generator g : generators) {
        g.observe(this, c, r);
      }
      outcomes.merge(
          c.getClass().getSimpleName() + " " + (r.isAccepted() ? "OK" : r.rejection().code()),
          1L,
          Long::sum);
    }
    checkpoint();
    replayMatches();
  }

  int currentPeriod() {
    return engine.state().currentPeriod();
  }

  /** A quantity near {@code base}: below, exactly, just above, or far above it. */
  long around(long base) {
    int r = rnd.nextInt(10);
    if (r < 6) {
      return 1 + rnd.nextLong(Math.max(1, base));
    } else if (r < 8) {
      return Math.max(1, base);
    } else if (r < 9) {
      return base + 1;
    }
    return 1 + rnd.nextLong(1_000_000_000_000L);
  }

  private Result submit(Command c) {
    if (rnd.nextInt(4) == 0) {
      tick += rnd.nextInt(3);
    }
    Result r = journaled.submit(tick, c);
    if (restored != null) {
      Result twin = restored.apply(tick, c);
      if (twin.isAccepted() != r.isAccepted()
          || twin.rejection() != r.rejection()
          || !twin.events().equals(r.events())) {
        throw new AssertionError(
            c + ": the engine restored from a snapshot answered " + twin + ", the engine " + r);
      }
    }
    return r;
  }

  /** Writes the engine to a snapshot and restores a second engine from it. */
  private void snapshotAndRestore() {
    byte[] chainHash = journal.headHash();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] written = Snapshot.write(engine, chainHash, out);
    Snapshot s =
        Snapshot.read(new java.io.ByteArrayInputStream(out.toByteArray()), TestPrograms.PARSER);
    if (!Arrays.equals(written, engine.stateHash())
        || !Arrays.equals(s.stateHash(), written)
        || !Arrays.equals(s.engine().stateHash(), written)
        || s.seq() != engine.state().seq()
        || !Arrays.equals(s.chainHash(), chainHash)) {
      throw new AssertionError("the snapshot at seq " + engine.state().seq() + " did not restore");
    }
    restored = s.engine();
    snapshots++;
  }

  private Generator pick(int totalWeight) {
    int x = rnd.nextInt(totalWeight);
    for (Generator g : generators) {
      x -= g.weight();
      if (x < 0) {
        return g;
      }
    }
    throw new AssertionError("weights");
  }

  private void checkpoint() {
    for (Generator g : generators) {
      g.checkpoint(this);
    }
    engine.state().serials().checkRanges();
    if (restored != null) {
      restored.checkInvariants();
      if (!Arrays.equals(restored.stateHash(), engine.stateHash())) {
        throw new AssertionError("the engine restored from a snapshot drifted from the engine");
      }
    }
  }

  private void replayMatches() {
    Engine replayed = Replay.rebuild(journal, TestPrograms.PARSER, CommandCodec.standard());
    if (!Arrays.equals(replayed.stateHash(), engine.stateHash())) {
      throw new AssertionError("replay reached a different state hash");
    }
  }
}
