package org.computecap.engine.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExchangeCodecTest {
  private final CommandCodec codec = CommandCodec.standard();

  static List<Command> examples() {
    return List.of(
        new PlaceOrder(2, Side.BUY, OrderType.LIMIT, 100, 5, 2026),
        new PlaceOrder(3, Side.SELL, OrderType.IOC, 1_000_000_000L, 1_000_000_000L, 0),
        new PlaceOrder(3, Side.BUY, OrderType.MARKET, 0, 1, 1),
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
  void a_journal_entry_of_the_retired_place_order_with_a_caller_chosen_id_is_refused_by_name() {
    byte[] old = {0, 64, 0, 0, 0, 0, 0, 0, 0, 1};
    assertThatThrownBy(() -> codec.decode(old))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tag 64")
        .hasMessageContaining("retired");
  }

  @Test
  void malformed_orders_are_refused_naming_the_field() {
    assertThatThrownBy(() -> new PlaceOrder(2, Side.BUY, OrderType.MARKET, 100, 5, 1))
        .hasMessageContaining("priceCents must be 0");
    assertThatThrownBy(() -> new PlaceOrder(2, Side.BUY, OrderType.IOC, 0, 5, 1))
        .hasMessageContaining("priceCents must be in [1, 1000000000]");
    assertThatThrownBy(() -> new PlaceOrder(2, Side.BUY, OrderType.LIMIT, 1, 0, 1))
        .hasMessageContaining("quantity");
    assertThatThrownBy(() -> new PlaceOrder(2, null, OrderType.LIMIT, 1, 1, 1))
        .hasMessageContaining("side");
    assertThatThrownBy(() -> new CancelOrder(1, -1)).hasMessageContaining("accountId");
    assertThatThrownBy(() -> new RunCallAuction(-1)).hasMessageContaining("vintage");
  }
}
