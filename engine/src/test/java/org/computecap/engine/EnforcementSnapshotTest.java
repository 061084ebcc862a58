package org.computecap.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.computecap.engine.command.ClosePeriod;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.IssuePermits;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.command.PostCollateral;
import org.computecap.engine.command.RecordAuditFinding;
import org.computecap.engine.command.RecordMeterReading;
import org.computecap.engine.command.ReturnCollateral;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.SubmitReport;
import org.computecap.engine.command.SurrenderPermits;
import org.computecap.engine.compliance.EnforcementState;
import org.computecap.engine.program.Workload;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's enforcement state (collateral posted, raised audit probabilities) is in the state hash
 * and in snapshots: a market restored at any point of a history that posts, forfeits and returns
 * collateral and escalates an audit answers every later command as the original does.
 */
class EnforcementSnapshotTest {
  private static final byte[] CHAIN = new byte[16];

  private static String program() throws IOException {
    try (InputStream in =
        EnforcementSnapshotTest.class.getResourceAsStream("/scripts/enforcement-program.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<Command> history() throws IOException {
    List<Command> c = new ArrayList<>();
    c.add(new OpenMarket(program(), 13));
    for (long a = 1; a <= 3; a++) {
      c.add(new OpenAccount(a, "p" + a, Role.PARTICIPANT));
      c.add(new DepositCash(a, 20_000));
      c.add(new IssuePermits(a, 1, 500));
      c.add(new PostCollateral(a));
    }
    c.add(new SubmitReport(1, 1, Workload.TRAINING, 50));
    c.add(new RecordMeterReading(1, 1, 100));
    c.add(new SurrenderPermits(1, 1, 50));
    c.add(new SubmitReport(2, 1, Workload.TRAINING, 10));
    c.add(new SurrenderPermits(2, 1, 10));
    c.add(new ClosePeriod(1));
    c.add(new RecordAuditFinding(1, 1, 100));
    c.add(new ReturnCollateral(2));
    c.add(new ClosePeriod(2));
    c.add(new RecordAuditFinding(1, 2, 0));
    return c;
  }

  @Test
  void a_market_with_levers_restored_anywhere_has_its_hash_and_answers_the_same()
      throws IOException {
    List<Command> history = history();
    Engine whole = run(history, history.size());
    EnforcementState levers = whole.state().feature(EnforcementState.class);
    // The history did what it is meant to: 1's collateral forfeited, 2's returned, 3's still
    // posted, and 1's audit probability raised and decayed away at the second close.
    assertThat(levers.hasCollateral(1)).isFalse();
    assertThat(levers.hasCollateral(2)).isFalse();
    assertThat(levers.cashCollateralCents(3)).isEqualTo(5_000);
    assertThat(levers.raisePpm(1)).isZero();
    assertThat(run(history, history.size() - 2).state().feature(EnforcementState.class).raisePpm(1))
        .isEqualTo(1_000_000);
    for (int cut = 1; cut < history.size(); cut++) {
      Engine original = run(history, cut);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Snapshot.write(original, CHAIN, out);
      Engine restored =
          Snapshot.read(new ByteArrayInputStream(out.toByteArray()), TestPrograms.PARSER).engine();
      assertThat(restored.stateHash()).isEqualTo(original.stateHash());
      for (int i = cut; i < history.size(); i++) {
        Result a = original.apply(i, history.get(i));
        Result b = restored.apply(i, history.get(i));
        assertThat(b.toString()).as("command %d after a cut at %d", i, cut).isEqualTo(a.toString());
      }
      assertThat(restored.stateHash()).isEqualTo(original.stateHash());
      restored.checkInvariants();
    }
  }

  private static Engine run(List<Command> history, int count) {
    Engine engine = new Engine(TestPrograms.PARSER);
    for (int i = 0; i < count; i++) {
      Result r = engine.apply(i, history.get(i));
      assertThat(r.isAccepted()).as("command %d %s: %s", i, history.get(i), r).isTrue();
    }
    return engine;
  }
}
