package org.computecap.engine.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15's commands survive the journal encoding; Initiate carries any command it may wrap. */
class RepresentativeCodecTest {
  private static final String HASH = "a".repeat(64);
  private final CommandCodec codec = CommandCodec.standard();

  @Test
  void every_representative_command_survives_a_round_trip_through_the_codec() {
    List<Command> examples =
        List.of(
            new RegisterPerson(7, "ann", true, 0),
            new SetRepresentative(0, 7, true, false, 5),
            new IssuePersonEnrolmentCode(7, 3, HASH, 0, 99),
            new CompletePersonEnrolment(HASH, "b".repeat(64), 100),
            new RevokePersonToken(2, 7),
            new Initiate(7, new TransferPermits(1, 2, 2026, 40)),
            new Initiate(7, new AddTrustedAccount(1, 2)),
            new Initiate(8, new ClosePeriod(2026)),
            new ApproveTransaction(3, 8),
            new CancelTransaction(3, 8),
            new AdvanceTime(),
            new AddTrustedAccount(1, 2),
            new Initiate(7, new RemoveTrustedAccount(1, 2)));
    for (Command c : examples) {
      assertThat(codec.decode(codec.encode(c))).isEqualTo(c);
    }
  }

  @Test
  void initiate_refuses_to_wrap_market_access_and_representative_administration() {
    assertThatThrownBy(() -> new Initiate(1, new OpenMarket("x: 1", 1)))
        .hasMessageContaining("command must be an account command or a regulator action");
    assertThatThrownBy(() -> new Initiate(1, new RevokeToken(1, 1)))
        .hasMessageContaining("got RevokeToken");
    assertThatThrownBy(() -> new Initiate(1, new Initiate(2, new AdvanceTime())))
        .hasMessageContaining("got AdvanceTime");
  }
}
