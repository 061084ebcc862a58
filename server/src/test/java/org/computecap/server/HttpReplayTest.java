package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.computecap.engine.Engine;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.Result;
import org.computecap.engine.command.AllocateFreePermits;
import org.computecap.engine.command.AllocateNewEntrant;
import org.computecap.engine.command.AppointInsurer;
import org.computecap.engine.command.CancelOrder;
import org.computecap.engine.command.CancelPermits;
import org.computecap.engine.command.ChargeInsurancePremium;
import org.computecap.engine.command.ClearAuction;
import org.computecap.engine.command.ClosePeriod;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.IssuePermits;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenAuction;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.command.OrderType;
import org.computecap.engine.command.PayOutstandingPenalty;
import org.computecap.engine.command.PlaceOrder;
import org.computecap.engine.command.RecordEvaluation;
import org.computecap.engine.command.RecordInsurerEvaluation;
import org.computecap.engine.command.RecordMeterReading;
import org.computecap.engine.command.RecordVerifiedActivity;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.RunCallAuction;
import org.computecap.engine.command.SetAssistanceFactor;
import org.computecap.engine.command.Side;
import org.computecap.engine.command.StartCallAuction;
import org.computecap.engine.command.SubmitBid;
import org.computecap.engine.command.SubmitReport;
import org.computecap.engine.command.SurrenderPermits;
import org.computecap.engine.command.TransferPermits;
import org.computecap.engine.command.WithdrawBid;
import org.computecap.engine.command.WithdrawCash;
import org.computecap.engine.program.RiskSignal;
import org.computecap.engine.program.Workload;
import org.computecap.engine.registry.Registry;
import org.junit.jupiter.api.Test;

/**
 * The client side for agents: a stream of commands of every kind, applied to an engine in process
 * and sent to a server through {@link HttpReplay}, must be accepted there too and leave every
 * account with the same cash and permits (the demo relies on it).
 */
class HttpReplayTest {
  @Test
  void every_kind_of_command_replays_over_http_into_the_same_holdings() throws Exception {
    String yaml = Files.readString(Harness.program());
    long seed = 7;
    List<Command> cmds = commands();
    Engine reference = new Engine(ProgramParser.standard());
    assertThat(reference.apply(0, new OpenMarket(yaml, seed)).isAccepted()).isTrue();
    for (int i = 0; i < cmds.size(); i++) {
      Result r = reference.apply(i + 1, cmds.get(i));
      assertThat(r.isAccepted()).as(cmds.get(i) + " " + r).isTrue();
    }
    Path dir = Files.createTempDirectory("computecap-replay");
    try (Server server = Harness.startServer(dir)) {
      ApiClient reg =
          new ApiClient(
              URI.create("http://127.0.0.1:" + server.port()), server.newRegulatorToken());
      HttpReplay replay = new HttpReplay(reg);
      for (Command c : cmds) {
        replay.send(c);
      }
      assertThat(replay.firstRejection()).isNull();
      assertThat(replay.sent()).isEqualTo(cmds.size());
      Registry expected = reference.state().registry();
      for (long id : new long[] {1, 2, 3}) {
        ApiClient.Response acct = reg.get("/api/accounts/" + id);
        assertThat(acct.body().path("cash").path("freeCents").asLong())
            .isEqualTo(expected.freeCash(id));
        assertThat(acct.body().path("holdings").path("freePermits").asLong())
            .isEqualTo(expected.freePermitsTotal(id));
      }
    }
  }

  /** One of every command but OpenMarket, all accepted by the p2 program. */
  private static List<Command> commands() {
    List<Command> c = new ArrayList<>();
    c.add(new OpenAccount(1, "alice", Role.PARTICIPANT));
    c.add(new OpenAccount(2, "bob", Role.PARTICIPANT));
    c.add(new OpenAccount(3, "ines", Role.INSURER));
    c.add(new DepositCash(1, 10_000_000));
    c.add(new DepositCash(2, 10_000_000));
    c.add(new WithdrawCash(2, 1000));
    c.add(new RecordVerifiedActivity(1, 0, 1000, 100));
    c.add(new SetAssistanceFactor(1, 1_000_000));
    c.add(new AllocateFreePermits(1));
    c.add(new OpenAccount(4, "dora", Role.PARTICIPANT));
    c.add(new AllocateNewEntrant(4, 10));
    c.add(new IssuePermits(1, 1, 500));
    c.add(new TransferPermits(1, 2, 1, 10));
    c.add(new CancelPermits(1, 1, 1));
    c.add(new PlaceOrder(1, Side.SELL, OrderType.LIMIT, 900, 20, 1));
    c.add(new PlaceOrder(2, Side.BUY, OrderType.LIMIT, 950, 5, 1));
    c.add(new CancelOrder(1, 1));
    c.add(new StartCallAuction(1));
    c.add(new PlaceOrder(1, Side.SELL, OrderType.LIMIT, 800, 5, 1));
    c.add(new PlaceOrder(2, Side.BUY, OrderType.LIMIT, 850, 5, 1));
    c.add(new RunCallAuction(1));
    c.add(new OpenAuction(1, 1, 100));
    c.add(new SubmitBid(1, 1, 2, 10, 2000));
    c.add(new SubmitBid(1, 2, 1, 10, 1500));
    c.add(new WithdrawBid(1, 2));
    c.add(new ClearAuction(1));
    c.add(new SubmitReport(1, 1, Workload.TRAINING, 10));
    c.add(new SubmitReport(2, 1, Workload.TRAINING, 1000));
    c.add(new RecordMeterReading(1, 1, 10));
    c.add(new RecordEvaluation(1, 1, RiskSignal.L));
    c.add(new AppointInsurer(1, 3, 1));
    c.add(new RecordInsurerEvaluation(3, 1, 1, RiskSignal.L));
    c.add(new ChargeInsurancePremium(1, 1));
    c.add(new SurrenderPermits(1, 1, 10));
    c.add(new ClosePeriod(1));
    c.add(new DepositCash(2, 1000));
    c.add(new PayOutstandingPenalty(2));
    return c;
  }
}
