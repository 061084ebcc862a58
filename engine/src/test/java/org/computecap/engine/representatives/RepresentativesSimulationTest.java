package org.computecap.engine.representatives;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.computecap.engine.Engine;
import org.computecap.engine.Event;
import org.computecap.engine.Result;
import org.computecap.engine.Snapshot;
import org.computecap.engine.TestPrograms;
import org.computecap.engine.command.AddTrustedAccount;
import org.computecap.engine.command.AdvanceTime;
import org.computecap.engine.command.ApproveTransaction;
import org.computecap.engine.command.CancelTransaction;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.EnrolPersonTotp;
import org.computecap.engine.command.Initiate;
import org.computecap.engine.command.IssuePermits;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.command.RegisterPerson;
import org.computecap.engine.command.RemoveTrustedAccount;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.SetPersonOidcSubject;
import org.computecap.engine.command.SetPersonPassword;
import org.computecap.engine.command.SetRepresentative;
import org.computecap.engine.command.SurrenderPermits;
import org.computecap.engine.command.TransferPermits;
import org.computecap.engine.command.WithdrawCash;
import org.computecap.engine.journal.InMemoryJournal;
import org.computecap.engine.journal.JournaledEngine;
import org.computecap.engine.journal.Replay;
import org.junit.jupiter.api.Test;

/**
 * Seeded random commands under a program with every representative rule on: persons and rights set
 * and removed at random, account commands and issuances initiated by random persons, approvals and
 * cancellations by random persons, and time advancing in jumps. After every command the engine's
 * invariants (conservation included) hold; the rules are checked from the events: a transaction
 * that waited for approval executes only after a different person approved it, and a delayed one
 * never before its tick. A snapshot restored midway and a replay of the journal reach the same
 * state hash. A failure names its seed.
 */
class RepresentativesSimulationTest {
  private static final int ACCOUNTS = 5;
  private static final int PERSONS = 8;

  @Test
  void random_initiations_approvals_and_delays_keep_the_rules_and_replay_exactly() {
    for (long seed = 1; seed <= 3; seed++) {
      try {
        run(seed, 8_000);
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError("representatives simulation failed, seed " + seed, e);
      }
    }
  }

  private static String program() {
    return TestPrograms.yaml(2026, 1_000_000, true)
        + "representatives:\n"
        + "  minimumPerAccount: 2\n"
        + "  approvalExpiryTicks: 300\n"
        + "  regulatorFourEyes: true\n"
        + "  fourEyes:\n"
        + "    abovePermits: 20\n"
        + "    aboveCents: 500\n"
        + "  trustedList:\n"
        + "    entryDelayTicks: 50\n"
        + "    untrustedDelayTicks: 200\n"
        + "    untrustedMaxPermits: 100\n";
  }

  private void run(long seed, int commands) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Engine engine = new Engine(TestPrograms.PARSER);
    engine.trackSerials();
    InMemoryJournal journal = new InMemoryJournal();
    JournaledEngine journaled = new JournaledEngine(engine, journal, CommandCodec.standard());
    long tick = 0;
    assertThat(journaled.submit(tick, new OpenMarket(program(), seed)).isAccepted()).isTrue();
    for (long a = 1; a <= ACCOUNTS; a++) {
      journaled.submit(tick, new OpenAccount(a, "acct" + a, Role.PARTICIPANT));
      journaled.submit(tick, new DepositCash(a, 100_000));
    }
    for (long p = 1; p <= PERSONS; p++) {
      journaled.submit(tick, new RegisterPerson(p, "person" + p, false, 0));
    }
    Map<Long, Long> initiators = new HashMap<>();
    Map<Long, Long> approvers = new HashMap<>();
    TreeMap<Long, Long> executeAt = new TreeMap<>();
    Map<String, Integer> seen = new TreeMap<>();
    Engine restored = null;
    for (int i = 0; i < commands; i++) {
      if (rnd.nextInt(5) == 0) {
        tick += rnd.nextInt(40);
      }
      Command c = next(rnd, engine);
      Result r = journaled.submit(tick, c);
      engine.checkInvariants();
      if (restored != null) {
        Result twin = restored.apply(tick, c);
        assertThat(twin.events()).as("restored engine's answer to " + c).isEqualTo(r.events());
      }
      for (Event e : r.events()) {
        seen.merge(e.getClass().getSimpleName(), 1, Integer::sum);
        check(e, tick, initiators, approvers, executeAt);
      }
      if (i == commands / 2) {
        restored = restore(engine, journal);
      }
    }
    Engine replayed = Replay.rebuild(journal, TestPrograms.PARSER, CommandCodec.standard());
    assertThat(replayed.stateHash()).isEqualTo(engine.stateHash());
    assertThat(restored.stateHash()).isEqualTo(engine.stateHash());
    // A run in which nothing waited, executed, expired or was cancelled would test little.
    assertThat(seen)
        .as("events seen")
        .containsKeys(
            "CommandInitiated",
            "TransactionApproved",
            "TransactionDelayed",
            "TransactionExecuted",
            "TransactionRefused",
            "TransactionExpired",
            "TransactionCancelled",
            "TrustedAccountAdded",
            "TrustedAccountRemoved",
            "PermitsTransferred");
  }

  /** Follows the events and checks the four-eyes and delay rules on them. */
  private static void check(
      Event e,
      long tick,
      Map<Long, Long> initiators,
      Map<Long, Long> approvers,
      TreeMap<Long, Long> executeAt) {
    if (e instanceof TransactionAwaitingApproval a) {
      initiators.put(a.transactionId(), a.initiatorId());
    } else if (e instanceof TransactionApproved a) {
      assertThat(a.approverId()).isNotEqualTo(initiators.get(a.transactionId()));
      approvers.put(a.transactionId(), a.approverId());
    } else if (e instanceof TransactionDelayed d) {
      assertThat(d.executeAtTick()).isEqualTo(tick + 200);
      executeAt.put(d.transactionId(), d.executeAtTick());
    } else if (e instanceof TransactionExecuted x || e instanceof TransactionRefused) {
      long id =
          e instanceof TransactionExecuted x2
              ? x2.transactionId()
              : ((TransactionRefused) e).transactionId();
      if (initiators.containsKey(id)) {
        assertThat(approvers).as("transaction " + id + " approved").containsKey(id);
      }
      if (executeAt.containsKey(id)) {
        assertThat(tick).isGreaterThanOrEqualTo(executeAt.get(id));
      }
    }
  }

  private static Command next(SplittableRandom rnd, Engine engine) {
    long account = 1 + rnd.nextInt(ACCOUNTS);
    long other = 1 + rnd.nextInt(ACCOUNTS);
    long person = 1 + rnd.nextInt(PERSONS);
    long tx = 1 + rnd.nextInt(transactions(engine) + 2);
    switch (rnd.nextInt(13)) {
      case 0:
        long rights = rnd.nextInt(4);
        long where = rnd.nextInt(8) == 0 ? 0 : account;
        return new SetRepresentative(where, person, (rights & 1) != 0, (rights & 2) != 0, 0);
      case 1:
        return new Initiate(person, new IssuePermits(account, 2026, 1 + rnd.nextInt(200)));
      case 2:
      case 3:
        return new Initiate(
            person, new TransferPermits(account, other, 2026, 1 + rnd.nextInt(150)));
      case 4:
        return new Initiate(person, new WithdrawCash(account, 1 + rnd.nextInt(1_000)));
      case 5:
        return new Initiate(person, new SurrenderPermits(account, 2026, 1 + rnd.nextInt(40)));
      case 6:
        return new Initiate(
            person,
            rnd.nextInt(3) == 0
                ? new RemoveTrustedAccount(account, other)
                : new AddTrustedAccount(account, other));
      case 7:
      case 8:
      case 9:
        return new ApproveTransaction(tx, person);
      case 10:
        return new CancelTransaction(tx, person);
      case 11:
        return signIn(rnd, person);
      default:
        return new AdvanceTime();
    }
  }

  /** A sign-in command (issue 16) by the person, another person or the market regulator. */
  private static Command signIn(SplittableRandom rnd, long person) {
    long by = rnd.nextInt(3) == 0 ? 0 : 1 + rnd.nextInt(PERSONS);
    int salt = rnd.nextInt(1_000);
    switch (rnd.nextInt(3)) {
      case 0:
        return new SetPersonPassword(
            person,
            "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ"
                + salt
                + "$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNo",
            by);
      case 1:
        return new EnrolPersonTotp(person, "JBSWY3DPEHPK3PXP" + "A".repeat(salt % 8), by);
      default:
        return new SetPersonOidcSubject(person, "subject-" + rnd.nextInt(PERSONS + 2), by);
    }
  }

  private static int transactions(Engine engine) {
    RepresentativeState s = engine.state().feature(RepresentativeState.class);
    return s.transactions.size();
  }

  private static Engine restore(Engine engine, InMemoryJournal journal) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Snapshot.write(engine, journal.headHash(), out);
    Snapshot s = Snapshot.read(new ByteArrayInputStream(out.toByteArray()), TestPrograms.PARSER);
    assertThat(s.engine().stateHash()).isEqualTo(engine.stateHash());
    return s.engine();
  }
}
