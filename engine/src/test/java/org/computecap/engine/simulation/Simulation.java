package org.computecap.engine.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.computecap.engine.Engine;
import org.computecap.engine.ProgramRules;
import org.computecap.engine.Result;
import org.computecap.engine.TestPrograms;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.journal.InMemoryJournal;
import org.computecap.engine.journal.JournalEntry;
import org.computecap.engine.journal.JournaledEngine;
import org.computecap.engine.journal.Replay;

/**
 * One seeded run of the randomized simulation: a random configuration (accounts, cap, banking,
 * first period, how often periods turn), then a stream of mixed commands from the {@link
 * Generator}s, each checked against its generator's naive model, with every invariant checked after
 * every command, and at the end a replay of the journal that must reach the same state hash.
 * Everything derives from the seed, so a failing seed reproduces exactly.
 *
 * <p>Until the compliance feature's period-closing command joins the generators, the period is
 * turned by calling {@code advancePeriod()} directly; those turns are not in the journal, so the
 * replay re-applies them at the same positions.
 */
final class Simulation {
  /** A source of random commands for one feature, with its own model of the outcomes. */
  interface Generator {
    /** The relative frequency of this generator's commands. */
    int weight();

    /** The next command. */
    Command next(Simulation sim);

    /** Checks the engine's answer against the generator's model (AssertionError if not). */
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
  final ProgramRules rules;
  private final InMemoryJournal journal = new InMemoryJournal();
  private final JournaledEngine journaled;
  private final List<Generator> generators = new ArrayList<>();

  /** The registry generator; its {@code reference} is the model of every balance. */
  final RegistryGenerator registry;

  private final List<Long> advancedAfterSeq = new ArrayList<>();
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
    this.engine = new Engine(TestPrograms.PARSER);
    this.journaled = new JournaledEngine(engine, journal, CommandCodec.standard());
    String yaml = TestPrograms.yaml(firstPeriod, cap, reductionPpm, banking);
    submit(new OpenMarket(yaml, seed));
    this.rules = engine.state().program();
    this.registry = new RegistryGenerator(this);
    generators.add(registry);
    // Each feature adds its generator here, one line each; a generator whose commands move
    // permits or cash keeps registry.reference in step (see ReferenceRegistry's reservation API).
    generators.add(new ExchangeGenerator(this));
    generators.add(new RulesGenerator(this));
    generators.add(new AccessGenerator(this));
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
      if (rnd.nextInt(advanceEvery) == 0 && currentPeriod() < firstPeriod + periodsMax - 1) {
        advancePeriod();
      }
      Generator g = pick(totalWeight);
      Command c = g.next(this);
      Result r = submit(c);
      engine.checkInvariants();
      g.observe(this, c, r);
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
    return journaled.submit(tick, c);
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

  private void advancePeriod() {
    checkpoint();
    engine.state().advancePeriod();
    advancedAfterSeq.add(engine.state().seq());
    registry.reference.period++;
  }

  private void checkpoint() {
    for (Generator g : generators) {
      g.checkpoint(this);
    }
  }

  private void replayMatches() {
    CommandCodec codec = CommandCodec.standard();
    Engine replayed;
    if (advancedAfterSeq.isEmpty()) {
      replayed = Replay.rebuild(journal, TestPrograms.PARSER, codec);
    } else {
      replayed = new Engine(TestPrograms.PARSER);
      int[] next = {0};
      journal.forEach(
          (JournalEntry e) -> {
            while (next[0] < advancedAfterSeq.size()
                && advancedAfterSeq.get(next[0]) == e.seq() - 1) {
              replayed.state().advancePeriod();
              next[0]++;
            }
            replayed.apply(e.tick(), codec.decode(e.command()));
          });
      replayed.checkInvariants();
    }
    if (!Arrays.equals(replayed.stateHash(), engine.stateHash())) {
      throw new AssertionError("replay reached a different state hash");
    }
  }
}
