package org.computecap.engine.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.computecap.engine.Engine;
import org.computecap.engine.TestPrograms;
import org.computecap.engine.command.IssuePermits;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.TransferPermits;
import org.computecap.engine.registry.PermitMovements;
import org.computecap.engine.registry.SystemAccount;
import org.junit.jupiter.api.Test;

/** The serial book as a projection of movements, its audit trail, its image and its checks. */
class SerialBookTest {
  private static final long ISSUANCE = SystemAccount.ISSUANCE.id();
  private static final long RETIREMENT = SystemAccount.RETIREMENT.id();

  private static PermitMovements moves(long... flat) {
    return PermitMovements.of(flat);
  }

  @Test
  void issuance_numbers_serials_in_order_and_movements_take_the_lowest_first() {
    SerialBook book = new SerialBook();
    book.apply(1, moves(ISSUANCE, 1, 2026, 100, ISSUANCE, 2, 2026, 50));
    book.apply(2, moves(1, 3, 2026, 30, 2, 3, 2026, 10));
    assertThat(book.ranges(1, 2026)).containsExactly(new SerialRange(31, 100));
    assertThat(book.ranges(3, 2026))
        .containsExactly(new SerialRange(1, 30), new SerialRange(101, 110));
    assertThat(book.holder(2026, 105)).isEqualTo(3);
    assertThat(book.holder(2026, 151)).isZero();
    assertThat(book.issued(2026)).isEqualTo(150);
    assertThat(book.history(3, 0, 10))
        .containsExactly(
            new SerialMove(3, 2, 1, 3, 2026, 1, 30), new SerialMove(4, 2, 2, 3, 2026, 101, 110));
    assertThat(book.history(3, 3, 10)).extracting(SerialMove::index).containsExactly(4L);
    assertThat(book.history(0, 10)).hasSize(4);
  }

  @Test
  void a_reversed_surrender_gives_back_the_accounts_own_serials_first_then_the_lowest() {
    SerialBook book = new SerialBook();
    book.apply(1, moves(ISSUANCE, 1, 1, 10, ISSUANCE, 2, 1, 10));
    book.apply(2, moves(1, RETIREMENT, 1, 5, 2, RETIREMENT, 1, 5));
    book.apply(3, moves(RETIREMENT, 2, 1, 3));
    assertThat(book.ranges(2, 1)).containsExactly(new SerialRange(11, 13), new SerialRange(16, 20));
    // Two more than the account surrendered and still has retired: the lowest of the rest.
    book.apply(4, moves(RETIREMENT, 2, 1, 4));
    assertThat(book.ranges(2, 1)).containsExactly(new SerialRange(1, 2), new SerialRange(11, 20));
    assertThat(book.ranges(RETIREMENT, 1)).containsExactly(new SerialRange(3, 5));
    book.checkRanges();
    // Account 1's attribution lost 1-2 with them: giving it back 3 takes 3-5.
    book.apply(5, moves(RETIREMENT, 1, 1, 3));
    assertThat(book.ranges(1, 1)).containsExactly(new SerialRange(3, 10));
    book.checkRanges();
  }

  @Test
  void a_trade_between_two_orders_of_one_account_moves_no_serials() {
    SerialBook book = new SerialBook();
    book.apply(1, moves(ISSUANCE, 1, 1, 10));
    book.apply(2, moves(1, 1, 1, 4));
    assertThat(book.ranges(1, 1)).containsExactly(new SerialRange(1, 10));
    assertThat(book.moveCount()).isEqualTo(1);
  }

  @Test
  void moving_more_than_an_account_holds_is_a_broken_projection() {
    SerialBook book = new SerialBook();
    book.apply(1, moves(ISSUANCE, 1, 1, 10));
    assertThatThrownBy(() -> book.apply(2, moves(1, 2, 1, 11)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("account 1 holds 10 serials of vintage 1, the ledger moved 11");
  }

  @Test
  void the_image_reads_back_the_same_ranges_and_audit_trail() throws IOException {
    SerialBook book = new SerialBook();
    book.apply(1, moves(ISSUANCE, 1, 1, 10, ISSUANCE, 2, 2, 7));
    book.apply(2, moves(1, 2, 1, 4, 1, RETIREMENT, 1, 2, RETIREMENT, 1, 1, 1));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    book.write(new DataOutputStream(bytes));
    SerialBook back =
        SerialBook.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    for (long account : new long[] {1, 2, RETIREMENT}) {
      for (int v : new int[] {1, 2}) {
        assertThat(back.ranges(account, v)).isEqualTo(book.ranges(account, v));
      }
      assertThat(back.history(account, 0, 100)).isEqualTo(book.history(account, 0, 100));
    }
    assertThat(back.vintages()).containsExactly(1, 2);
    back.checkRanges();
    // The attribution came back too: account 1's reversal takes its own retired serial.
    back.apply(3, moves(RETIREMENT, 1, 1, 1));
    assertThat(back.ranges(1, 1)).containsExactly(new SerialRange(5, 10));
  }

  @Test
  void the_engine_finds_a_book_that_drifted_from_the_registry() {
    Engine engine = new Engine(TestPrograms.PARSER);
    SerialBook book = engine.trackSerials();
    engine.apply(0, new OpenMarket(TestPrograms.yaml(1, 1_000, true), 7));
    engine.apply(0, new OpenAccount(1, "a", Role.PARTICIPANT));
    engine.apply(0, new OpenAccount(2, "b", Role.PARTICIPANT));
    engine.apply(0, new IssuePermits(1, 1, 100));
    engine.apply(0, new TransferPermits(1, 2, 1, 40));
    engine.checkInvariants();
    book.checkRanges();
    assertThat(book.ranges(2, 1)).containsExactly(new SerialRange(1, 40));
    assertThat(engine.movements().size()).isEqualTo(1);
    // A movement the ledger never made: the counts no longer match the registry's holdings.
    book.apply(99, moves(1, 2, 1, 5));
    assertThatThrownBy(engine::checkInvariants)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("account 1 vintage 1: serial ranges hold 55 but the holding is 60");
  }

  @Test
  void only_a_new_engine_can_track_serials() {
    Engine engine = new Engine(TestPrograms.PARSER);
    engine.apply(0, new OpenMarket(TestPrograms.yaml(1, 1_000, true), 7));
    assertThatThrownBy(engine::trackSerials)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("1 were applied");
  }
}
