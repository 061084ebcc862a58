package org.computecap.engine.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandCodecTest {
  private final CommandCodec codec = CommandCodec.standard();

  /** One example of every command record; features add theirs to their own codec tests. */
  static List<Command> coreExamples() {
    return List.of(
        new OpenMarket("firstPeriod: 2026\ncap: 100\n", -7L),
        new OpenAccount(5, "acme-ai", Role.INSURER),
        new DepositCash(5, 1_000_000_000_000L),
        new WithdrawCash(5, 1),
        new IssuePermits(-6, 2026, 40),
        new TransferPermits(1, 2, 2027, Long.MAX_VALUE),
        new SurrenderPermits(1, 2026, 3),
        new CancelPermits(2, 0, 9),
        new IssueLinkedUnits(3, 2026, 1_000_000_000_000L));
  }

  @Test
  void every_core_command_survives_a_round_trip_through_the_codec() {
    for (Command c : coreExamples()) {
      assertThat(codec.decode(codec.encode(c))).isEqualTo(c);
    }
  }

  @Test
  void every_sealed_command_record_has_an_encoder() {
    List<Class<?>> leaves = new ArrayList<>();
    collectLeaves(Command.class, leaves);
    List<Class<?>> examples = coreExamples().stream().<Class<?>>map(Object::getClass).toList();
    for (Class<?> leaf : leaves) {
      if (leaf.getPackageName().equals(Command.class.getPackageName())
          && (MarketCommand.class.isAssignableFrom(leaf)
              || RegistryCommand.class.isAssignableFrom(leaf))) {
        assertThat(examples).as("an example of " + leaf.getSimpleName()).contains(leaf);
      }
    }
    assertThat(leaves).hasSizeGreaterThanOrEqualTo(8);
  }

  @Test
  void truncated_or_trailing_bytes_are_refused_with_the_offset() {
    byte[] bytes = codec.encode(new DepositCash(5, 10));
    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 1);
    assertThatThrownBy(() -> codec.decode(truncated))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset");
    byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
    assertThatThrownBy(() -> codec.decode(longer))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ends at offset");
  }

  @Test
  void an_unknown_tag_is_refused() {
    assertThatThrownBy(() -> codec.decode(new byte[] {(byte) 0xFF, (byte) 0xFE}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown");
  }

  @Test
  void decoding_revalidates_the_fields_of_a_command() {
    byte[] bytes = codec.encode(new DepositCash(5, 10));
    bytes[bytes.length - 1] = 0;
    assertThatThrownBy(() -> codec.decode(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("amountCents");
  }

  @Test
  void overlapping_tag_ranges_are_refused() {
    assertThatThrownBy(() -> new CommandCodec(List.of(new MarketCodec(), new MarketCodec())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("overlap");
  }

  @Test
  void malformed_fields_are_named_in_the_error() {
    assertThatThrownBy(() -> new OpenAccount(0, "x", Role.PARTICIPANT))
        .hasMessageContaining("accountId must be >= 1");
    assertThatThrownBy(() -> new OpenAccount(1, "with space", Role.PARTICIPANT))
        .hasMessageContaining("name must be");
    assertThatThrownBy(() -> new IssuePermits(1, 2026, 0))
        .hasMessageContaining("quantity must be >= 1");
    assertThatThrownBy(() -> new SurrenderPermits(1, -1, 1))
        .hasMessageContaining("period must be >= 0");
    assertThatThrownBy(() -> new OpenMarket(" ", 1)).hasMessageContaining("programYaml");
  }

  static void collectLeaves(Class<?> type, List<Class<?>> out) {
    Class<?>[] permitted = type.getPermittedSubclasses();
    if (permitted == null) {
      if (!type.isInterface()) {
        out.add(type);
      }
      return;
    }
    for (Class<?> p : permitted) {
      collectLeaves(p, out);
    }
  }
}
