package org.computecap.engine.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.computecap.engine.command.CancelOrder;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.command.ExchangeCommand;
import org.computecap.engine.command.PlaceOrder;
import org.computecap.engine.command.RunCallAuction;
import org.computecap.engine.command.StartCallAuction;
import org.junit.jupiter.api.Test;

class ExchangeCodecTest {
  private final CommandCodec codec = CommandCodec.standard();

  static List<Command> examples() {
    return List.of(
        new PlaceOrder(1, 2, Side.BUY, OrderType.LIMIT, 100, 5, 2026),
        new PlaceOrder(
            Long.MAX_VALUE, 3, Side.SELL, OrderType.IOC, 1_000_000_000L, 1_000_000_000L, 0),
        new PlaceOrder(7, 3, Side.BUY, OrderType.MARKET, 0, 1, 1),
        new CancelOrder(9, 4),
        new StartCallAuction(2027),
        new RunCallAuction(2027));
  }

  @Test
  void every_exchange_command_survives_a_round_trip_through_the_codec() {
    for (Command c : examples()) {
      assertThat(codec.decode(codec.encode(c))).isEqualTo(c);
    }
  }

  @Test
  void every_exchange_command_record_has_an_example() {
    List<Class<?>> covered = examples().stream().<Class<?>>map(Object::getClass).toList();
    assertThat(covered).containsAll(List.of(ExchangeCommand.class.getPermittedSubclasses()));
  }

  @Test
  void malformed_orders_are_refused_naming_the_field() {
    assertThatThrownBy(() -> new PlaceOrder(0, 2, Side.BUY, OrderType.LIMIT, 100, 5, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("orderId");
    assertThatThrownBy(() -> new PlaceOrder(1, 2, Side.BUY, OrderType.MARKET, 100, 5, 1))
        .hasMessageContaining("priceCents must be 0");
    assertThatThrownBy(() -> new PlaceOrder(1, 2, Side.BUY, OrderType.IOC, 0, 5, 1))
        .hasMessageContaining("priceCents must be in [1, 1000000000]");
    assertThatThrownBy(() -> new PlaceOrder(1, 2, Side.BUY, OrderType.LIMIT, 1, 0, 1))
        .hasMessageContaining("quantity");
    assertThatThrownBy(() -> new PlaceOrder(1, 2, null, OrderType.LIMIT, 1, 1, 1))
        .hasMessageContaining("side");
    assertThatThrownBy(() -> new CancelOrder(1, -1)).hasMessageContaining("accountId");
    assertThatThrownBy(() -> new RunCallAuction(-1)).hasMessageContaining("vintage");
  }
}
