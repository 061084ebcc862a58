package org.computecap.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.computecap.engine.command.AppointInsurer;
import org.computecap.engine.command.ClearAuction;
import org.computecap.engine.command.ClosePeriod;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.CompleteEnrolment;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.IssueEnrolmentCode;
import org.computecap.engine.command.IssuePermits;
import org.computecap.engine.command.IssueToken;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenAuction;
import org.computecap.engine.command.OrderType;
import org.computecap.engine.command.PlaceOrder;
import org.computecap.engine.command.RecordEvaluation;
import org.computecap.engine.command.RevokeToken;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.Side;
import org.computecap.engine.command.StartCallAuction;
import org.computecap.engine.command.SubmitBid;
import org.computecap.engine.command.SubmitReport;
import org.computecap.engine.command.SurrenderPermits;
import org.computecap.engine.program.RiskSignal;
import org.computecap.engine.program.Workload;
import org.junit.jupiter.api.Test;

/** Engine snapshots: written at a seq with the journal's chain hash, restored, checked. */
class SnapshotTest {
  private static final byte[] CHAIN = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");

  @Test
  void an_unopened_engine_round_trips() {
    Engine engine = new Engine(TestPrograms.PARSER);
    Snapshot s = restore(write(engine, CHAIN));
    assertThat(s.engine().state().isOpen()).isFalse();
    assertThat(s.seq()).isZero();
    assertThat(s.engine().stateHash()).isEqualTo(engine.stateHash());
  }

  @Test
  void a_market_restored_mid_period_has_its_hash_and_answers_every_later_command_the_same() {
    List<Command> history = history();
    for (int cut = 1; cut < history.size(); cut += 3) {
      Engine original = run(history.subList(0, cut));
      Snapshot s = restore(write(original, CHAIN));
      assertThat(s.seq()).isEqualTo(cut);
      assertThat(s.chainHash()).isEqualTo(CHAIN);
      assertThat(s.stateHash()).isEqualTo(original.stateHash());
      Engine restored = s.engine();
      for (int i = cut; i < history.size(); i++) {
        Result a = original.apply(i, history.get(i));
        Result b = restored.apply(i, history.get(i));
        assertThat(b.toString()).as("command %d after a cut at %d", i, cut).isEqualTo(a.toString());
        assertThat(b.events()).isEqualTo(a.events());
      }
      assertThat(restored.stateHash()).isEqualTo(original.stateHash());
      restored.checkInvariants();
    }
  }

  @Test
  void a_damaged_snapshot_is_refused_naming_the_damage() {
    Engine engine = run(history());
    byte[] good = write(engine, CHAIN);
    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 0x04;
    assertThatThrownBy(() -> restore(flipped))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("snapshot: ");
    byte[] otherHash = good.clone();
    otherHash[good.length - 1] ^= 0x01;
    assertThatThrownBy(() -> restore(otherHash)).hasMessageContaining("(damaged)");
    assertThatThrownBy(() -> restore(Arrays.copyOf(good, good.length - 40)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ends");
    byte[] notOne = good.clone();
    notOne[0] = 'X';
    assertThatThrownBy(() -> restore(notOne)).hasMessageContaining("CCSNAP");
    byte[] future = good.clone();
    future[6] = 9;
    assertThatThrownBy(() -> restore(future)).hasMessageContaining("format version 9");
  }

  @Test
  void the_history_reaches_every_feature() {
    Engine engine = run(history());
    assertThat(engine.state().summary())
        .containsEntry("trades", 6L)
        .containsEntry("permitsAuctioned", 41L)
        .containsEntry("permitsSurrendered", 50L)
        .containsEntry("currentPeriod", 2027L)
        .containsEntry("auctionsOpen", 0L)
        .containsEntry("tokensIssued", 2L)
        .containsEntry("tokensRevoked", 1L);
    assertThat(engine.state().access().insurerOf(1)).isEqualTo(5);
    assertThat(engine.state().compliance().assessment(1, 2026).shortfallPermits()).isEqualTo(30);
  }

  @Test
  void a_restored_engine_writes_the_same_snapshot_again() {
    byte[] first = write(run(history()), CHAIN);
    assertThat(write(restore(first).engine(), CHAIN)).isEqualTo(first);
  }

  /**
   * A history touching every feature: accounts and cash, issuance, a call auction with resting
   * orders on both sides, continuous trades, tokens (issued, enrolled, revoked) and an insurer, an
   * open and a cleared primary auction, reports and an evaluation, a surrender and a period close.
   */
  private static List<Command> history() {
    List<Command> c = new ArrayList<>();
    String program =
        TestPrograms.yaml(2026, 10_000, true)
            .replace("freeSharePpm: 1000000", "freeSharePpm: 500000");
    c.add(new org.computecap.engine.command.OpenMarket(program, 7));
    for (long a = 1; a <= 4; a++) {
      c.add(new OpenAccount(a, "p" + a, Role.PARTICIPANT));
      c.add(new DepositCash(a, 1_000_000));
    }
    c.add(new OpenAccount(5, "insurer", Role.INSURER));
    c.add(new IssueToken(0, sha256("operator"), 0, 1_000));
    c.add(new IssueEnrolmentCode(1, sha256("code"), 0, 1_000));
    c.add(new CompleteEnrolment(sha256("code"), sha256("p1-token"), 1_000));
    c.add(new AppointInsurer(1, 5, 1));
    c.add(new RevokeToken(1, 0));
    c.add(new IssuePermits(1, 2026, 300));
    c.add(new IssuePermits(2, 2026, 200));
    c.add(new PlaceOrder(1, Side.SELL, OrderType.LIMIT, 105, 20, 2026));
    c.add(new PlaceOrder(2, Side.SELL, OrderType.LIMIT, 104, 10, 2026));
    c.add(new PlaceOrder(3, Side.BUY, OrderType.LIMIT, 101, 15, 2026));
    c.add(new PlaceOrder(4, Side.BUY, OrderType.LIMIT, 104, 5, 2026));
    c.add(new PlaceOrder(3, Side.BUY, OrderType.IOC, 106, 12, 2026));
    c.add(new StartCallAuction(2026));
    c.add(new PlaceOrder(4, Side.BUY, OrderType.LIMIT, 110, 7, 2026));
    c.add(new PlaceOrder(2, Side.SELL, OrderType.LIMIT, 100, 9, 2026));
    c.add(new OpenAuction(1, 2026, 40));
    c.add(new SubmitBid(1, 1, 4, 30, 90));
    c.add(new SubmitBid(1, 2, 3, 30, 95));
    c.add(new SubmitReport(1, 2026, Workload.INFERENCE, 40));
    c.add(new RecordEvaluation(1, 2026, RiskSignal.H));
    c.add(new SurrenderPermits(1, 2026, 50));
    c.add(new ClosePeriod(2026));
    c.add(new ClearAuction(1));
    c.add(new ClosePeriod(2026));
    c.add(new OpenAuction(2, 2027, 1));
    c.add(new SubmitBid(2, 1, 3, 1, 5));
    c.add(new ClearAuction(2));
    c.add(new org.computecap.engine.command.RunCallAuction(2026));
    c.add(new PlaceOrder(4, Side.SELL, OrderType.MARKET, 0, 3, 2026));
    return c;
  }

  private static String sha256(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static Engine run(List<Command> commands) {
    Engine engine = new Engine(TestPrograms.PARSER);
    for (int i = 0; i < commands.size(); i++) {
      engine.apply(i, commands.get(i));
    }
    engine.checkInvariants();
    return engine;
  }

  private static byte[] write(Engine engine, byte[] chainHash) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] hash = Snapshot.write(engine, chainHash, out);
    assertThat(hash).isEqualTo(engine.stateHash());
    return out.toByteArray();
  }

  private static Snapshot restore(byte[] bytes) {
    return Snapshot.read(new ByteArrayInputStream(bytes), TestPrograms.PARSER);
  }
}
