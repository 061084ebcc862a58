package org.computecap.engine.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.KeyPair;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.computecap.engine.Engine;
import org.computecap.engine.Rejection;
import org.computecap.engine.Result;
import org.computecap.engine.Snapshot;
import org.computecap.engine.TestPrograms;
import org.computecap.engine.command.ClosePeriod;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.command.MeterSignatures;
import org.computecap.engine.command.MeterSpec;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.command.RegisterMeter;
import org.computecap.engine.command.ReplaceMeter;
import org.computecap.engine.command.RetireMeter;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.SubmitMeterReading;
import org.computecap.engine.journal.InMemoryJournal;
import org.computecap.engine.journal.JournaledEngine;
import org.computecap.engine.journal.Replay;
import org.computecap.engine.script.ScriptMeterKeys;
import org.junit.jupiter.api.Test;

/**
 * Seeded random metering commands (issue 17) against a reference model of the rules: meters
 * registered on random accounts with keys from a small pool (so keys and ids collide), retired and
 * replaced at random, and readings that are either the meter's valid next one or broken in one of
 * the ways a reading can be (another key, altered after signing, another account, a used or skipped
 * sequence number, a gap, an overlap, a counter that ran backwards), with periods closing between
 * them. Every answer must be the model's; after every command the invariants hold; the attested
 * totals equal the model's sums; a snapshot restored midway and a replay of the journal reach the
 * same state hash. A failure names its seed.
 */
class MeteringSimulationTest {
  private static final int ACCOUNTS = 4;
  private static final int KEYS = 16;
  private static final int METER_IDS = 16;
  private static final KeyPair[] POOL = new KeyPair[KEYS];

  static {
    String[] names = {"alice", "bob", "carol", "dave", "erin", "mallory"};
    for (int k = 0; k < KEYS; k++) {
      POOL[k] = ScriptMeterKeys.pair(k < names.length ? names[k] : "sim-" + (k - names.length));
    }
  }

  /** The reference model of one meter. */
  private static final class Model {
    long account;
    int key;
    boolean retired;
    long seq;
    long end;
    long counter;
    boolean first = true;
    long notBefore;
  }

  @Test
  void random_meter_commands_follow_the_reference_model_and_replay_exactly() {
    for (long seed = 1; seed <= 3; seed++) {
      try {
        run(seed, 800);
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError("metering simulation failed, seed " + seed, e);
      }
    }
  }

  private static String program() {
    return TestPrograms.yaml(2026, 1_000_000, true)
        + "metering:\n  attested: SETTLES\n  measures: ENERGY\n  unitJoules: 1000\n";
  }

  private void run(long seed, int commands) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Engine engine = new Engine(TestPrograms.PARSER);
    InMemoryJournal journal = new InMemoryJournal();
    JournaledEngine journaled = new JournaledEngine(engine, journal, CommandCodec.standard());
    assertThat(journaled.submit(0, new OpenMarket(program(), seed)).isAccepted()).isTrue();
    for (long a = 1; a <= ACCOUNTS; a++) {
      journaled.submit(0, new OpenAccount(a, "acct" + a, Role.PARTICIPANT));
    }
    journaled.submit(0, new OpenAccount(9, "auditor", Role.AUDITOR));
    Map<Long, Model> meters = new TreeMap<>();
    TreeSet<Integer> usedKeys = new TreeSet<>();
    Map<String, Long> energy = new TreeMap<>();
    Map<String, Integer> outcomes = new TreeMap<>();
    Engine restored = null;
    for (int i = 0; i < commands; i++) {
      int kind = rnd.nextInt(40);
      Command c;
      Rejection expected;
      int period = engine.state().currentPeriod();
      if (i % 40 == 39) {
        // 20 closes in 800 commands: readings fall into many periods within the program's 50.
        c = new ClosePeriod(period);
        expected = null;
      } else if (kind <= 2) {
        long id = 1 + rnd.nextInt(METER_IDS);
        long account = rnd.nextInt(6) == 0 ? 9 : 1 + rnd.nextInt(ACCOUNTS);
        int key = rnd.nextInt(KEYS);
        c = new RegisterMeter(id, account, spec(key));
        expected =
            meters.containsKey(id)
                ? Rejection.METER_ALREADY_REGISTERED
                : account == 9
                    ? Rejection.ROLE_NOT_PERMITTED
                    : usedKeys.contains(key) ? Rejection.METER_KEY_ALREADY_REGISTERED : null;
        if (expected == null) {
          Model m = new Model();
          m.account = account;
          m.key = key;
          meters.put(id, m);
          usedKeys.add(key);
        }
      } else if (kind == 3) {
        long id = 1 + rnd.nextInt(METER_IDS);
        Model m = meters.get(id);
        c = new RetireMeter(id, "test");
        expected = m == null ? Rejection.UNKNOWN_METER : m.retired ? Rejection.METER_RETIRED : null;
        if (expected == null) {
          m.retired = true;
        }
      } else if (kind <= 7) {
        long id = 1 + rnd.nextInt(METER_IDS);
        long next = 1 + rnd.nextInt(METER_IDS);
        int key = rnd.nextInt(KEYS);
        Model m = meters.get(id);
        if (next == id) {
          continue;
        }
        c = new ReplaceMeter(id, next, spec(key), "test");
        expected =
            m == null
                ? Rejection.UNKNOWN_METER
                : m.retired
                    ? Rejection.METER_RETIRED
                    : meters.containsKey(next)
                        ? Rejection.METER_ALREADY_REGISTERED
                        : usedKeys.contains(key) ? Rejection.METER_KEY_ALREADY_REGISTERED : null;
        if (expected == null) {
          m.retired = true;
          Model n = new Model();
          n.account = m.account;
          n.key = key;
          n.notBefore = Math.max(m.notBefore, m.end);
          meters.put(next, n);
          usedKeys.add(key);
        }
      } else {
        long id = 1 + rnd.nextInt(METER_IDS);
        Model m = meters.get(id);
        Reading r = reading(rnd, id, m);
        c = r.command;
        expected = r.expected;
        if (expected == null) {
          m.first = false;
          m.seq = r.command.sequence();
          m.end = r.command.intervalEndSeconds();
          m.counter = r.command.counterEndJoules();
          energy.merge(m.account + "/" + period, r.command.energyJoules(), Long::sum);
        }
      }
      long tick = i + 1;
      Result result = journaled.submit(tick, c);
      engine.checkInvariants();
      assertThat(result.rejection()).as("answer to %s", c).isEqualTo(expected);
      outcomes.merge(
          expected == null ? c.getClass().getSimpleName() : expected.code(), 1, Integer::sum);
      if (restored != null) {
        assertThat(restored.apply(tick, c).events()).isEqualTo(result.events());
      }
      if (i == commands / 2) {
        restored = restore(engine);
      }
    }
    MeteringState state = engine.state().feature(MeteringState.class);
    for (Map.Entry<String, Long> e : energy.entrySet()) {
      String[] ap = e.getKey().split("/");
      assertThat(state.attested(Long.parseLong(ap[0]), Integer.parseInt(ap[1])).energyJoules())
          .as("attested energy of %s", e.getKey())
          .isEqualTo(e.getValue());
    }
    Engine replayed = Replay.rebuild(journal, TestPrograms.PARSER, CommandCodec.standard());
    assertThat(replayed.stateHash()).isEqualTo(engine.stateHash());
    assertThat(restored.stateHash()).isEqualTo(engine.stateHash());
    assertThat(outcomes)
        .as("outcomes seen")
        .containsKeys(
            "SubmitMeterReading",
            "ReplaceMeter",
            "RetireMeter",
            "METER_SIGNATURE_INVALID",
            "METER_READING_REPLAYED",
            "METER_READING_GAP",
            "METER_READING_OVERLAP",
            "METER_COUNTER_BACKWARDS",
            "METER_BOUND_TO_OTHER_ACCOUNT",
            "METER_RETIRED",
            "METER_KEY_ALREADY_REGISTERED",
            "UNKNOWN_METER");
  }

  private record Reading(SubmitMeterReading command, Rejection expected) {}

  /** The meter's valid next reading, or one broken in a random way, with the model's answer. */
  private static Reading reading(SplittableRandom rnd, long id, Model m) {
    long account = m == null ? 1 : m.account;
    int key = m == null ? 0 : m.key;
    long seq = m == null ? 1 : m.seq + 1;
    long start = m == null || m.first ? (m == null ? 0 : m.notBefore) + rnd.nextInt(3) : m.end;
    long end = start + 1 + rnd.nextInt(600);
    long c0 = m == null || m.first ? rnd.nextInt(1_000) : m.counter;
    long c1 = c0 + rnd.nextInt(5_000_000);
    boolean altered = false;
    int flaw = rnd.nextInt(2) == 0 ? 0 : 1 + rnd.nextInt(9);
    switch (flaw) {
      case 1 -> key = (key + 1 + rnd.nextInt(KEYS - 1)) % KEYS;
      case 2 -> altered = true;
      case 3 -> account = account % ACCOUNTS + 1;
      case 4 -> seq = Math.max(1, seq - 1 - rnd.nextInt(3));
      case 5 -> seq += 1 + rnd.nextInt(3);
      case 6 -> start += 1 + rnd.nextInt(5);
      case 7 -> start = Math.max(0, start - 1 - rnd.nextInt(5));
      case 8 -> c1 = c0 - 1 - rnd.nextInt((int) Math.min(c0 + 1, 50));
      case 9 -> c0 += 1 + rnd.nextInt(10);
      default -> {}
    }
    if (end <= start) {
      end = start + 1;
    }
    if (c1 < 0) {
      c1 = 0;
    }
    SubmitMeterReading unsigned =
        new SubmitMeterReading(
            id, account, seq, start, end, c0, c1, 0, "sim", SubmitMeterReading.UNSIGNED);
    String sig = MeterSignatures.sign(POOL[key].getPrivate(), unsigned.signedBytes());
    long sent = altered ? c1 + 1 : c1;
    SubmitMeterReading r =
        new SubmitMeterReading(id, account, seq, start, end, c0, sent, 0, "sim", sig);
    return new Reading(r, expect(m, r, key, altered));
  }

  private static Rejection expect(Model m, SubmitMeterReading r, int key, boolean altered) {
    if (m == null) {
      return Rejection.UNKNOWN_METER;
    } else if (r.accountId() != m.account) {
      return Rejection.METER_BOUND_TO_OTHER_ACCOUNT;
    } else if (key != m.key || altered) {
      return Rejection.METER_SIGNATURE_INVALID;
    } else if (r.sequence() <= m.seq) {
      return Rejection.METER_READING_REPLAYED;
    } else if (m.retired) {
      return Rejection.METER_RETIRED;
    } else if (r.counterEndJoules() < r.counterStartJoules()
        || !m.first && r.counterStartJoules() < m.counter) {
      return Rejection.METER_COUNTER_BACKWARDS;
    } else if (r.sequence() != m.seq + 1
        || !m.first && r.intervalStartSeconds() > m.end
        || !m.first && r.counterStartJoules() > m.counter) {
      return Rejection.METER_READING_GAP;
    } else if (r.intervalStartSeconds() < (m.first ? m.notBefore : m.end)) {
      return Rejection.METER_READING_OVERLAP;
    }
    return null;
  }

  private static MeterSpec spec(int key) {
    return new MeterSpec(MeterSignatures.encode(POOL[key].getPublic()), "sim", "SIM", 10_000 * key);
  }

  private static Engine restore(Engine engine) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Snapshot.write(engine, new byte[32], out);
    return Snapshot.read(new ByteArrayInputStream(out.toByteArray()), TestPrograms.PARSER).engine();
  }
}
