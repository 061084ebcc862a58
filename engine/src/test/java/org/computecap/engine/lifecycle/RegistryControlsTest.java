package org.computecap.engine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.computecap.engine.Engine;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.Rejection;
import org.computecap.engine.Result;
import org.computecap.engine.Snapshot;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.IssuePermits;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.command.OrderType;
import org.computecap.engine.command.PlaceOrder;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.SetAccountStatus;
import org.computecap.engine.command.Side;
import org.computecap.engine.program.AccountStatus;
import org.junit.jupiter.api.Test;

/**
 * The registry controls' state across a snapshot (the lifecycle state in it, the holding limit's
 * count of resting buy orders rebuilt from the books) and their program fields' validation.
 */
class RegistryControlsTest {
  private static final ProgramParser PARSER = ProgramParser.standard();

  private static String program(String name) throws IOException {
    return Files.readString(Path.of("src/test/resources/scripts", name));
  }

  @Test
  void a_snapshot_keeps_statuses_and_rebuilds_the_holding_limits_count_of_buy_orders()
      throws IOException {
    Engine engine = new Engine(PARSER);
    List<Command> history =
        List.of(
            new OpenMarket(program("lifecycle-limit-program.yaml"), 3),
            new OpenAccount(1, "a", Role.PARTICIPANT),
            new OpenAccount(2, "b", Role.PARTICIPANT),
            new DepositCash(1, 100_000),
            new IssuePermits(2, 1, 50),
            new PlaceOrder(1, Side.BUY, OrderType.LIMIT, 100, 60, 1),
            new SetAccountStatus(2, AccountStatus.SUSPENDED, "inquiry"));
    long tick = 0;
    for (Command c : history) {
      assertThat(engine.apply(tick++, c).isAccepted()).as("%s", c).isTrue();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Snapshot.write(engine, new byte[32], out);
    Engine restored = Snapshot.read(new ByteArrayInputStream(out.toByteArray()), PARSER).engine();

    assertThat(restored.stateHash()).isEqualTo(engine.stateHash());
    restored.checkInvariants();
    assertThat(restored.state().accountStatus(2)).isEqualTo(AccountStatus.SUSPENDED);
    assertThat(restored.state().exchange().openBuyPermits(1)).isEqualTo(60);
    Command more = new PlaceOrder(1, Side.BUY, OrderType.LIMIT, 100, 41, 1);
    Result a = engine.apply(tick, more);
    Result b = restored.apply(tick, more);
    assertThat(a.rejection()).isEqualTo(Rejection.HOLDING_LIMIT_EXCEEDED);
    assertThat(b.rejection()).isEqualTo(Rejection.HOLDING_LIMIT_EXCEEDED);
  }

  @Test
  void holding_limit_fields_are_validated_by_name_and_range() throws IOException {
    String base = program("rules-program.yaml");
    assertThatThrownBy(
            () ->
                PARSER.parse(
                    base
                        + "registryControls:\n  holdingLimit:\n    basePermits: 10\n"
                        + "    baseSharePpm: 0\n    aboveBaseSharePpm: 0\n"))
        .hasMessageContaining("registryControls.holdingLimit.aboveBaseSharePpm");
    assertThatThrownBy(
            () ->
                PARSER.parse(
                    base
                        + "registryControls:\n  holdingLimit:\n    basePermits: 10\n"
                        + "    baseSharePpm: 1000001\n    aboveBaseSharePpm: 0\n"))
        .hasMessageContaining(
            "registryControls.holdingLimit.baseSharePpm: 1000001 is above 1000000");
    assertThatThrownBy(
            () ->
                PARSER.parse(
                    base
                        + "registryControls:\n  holdingLimit:\n    baseSharePpm: 5\n"
                        + "    aboveBaseSharePpm: 5\n"))
        .hasMessageContaining("registryControls.holdingLimit.basePermits is missing");
  }
}
