package org.computecap.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.Engine;
import org.computecap.engine.Rejection;
import org.computecap.engine.Result;
import org.computecap.engine.TestPrograms;
import org.computecap.engine.command.CancelPermits;
import org.computecap.engine.command.ClosePeriod;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.IssuePermits;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.SurrenderPermits;
import org.computecap.engine.command.TransferPermits;
import org.computecap.engine.command.WithdrawCash;
import org.junit.jupiter.api.Test;

class RegistryCommandsTest {
  private final Engine engine = TestPrograms.openEngine(2026, 1_000, true);
  private long tick = 1;

  private Result apply(Command c) {
    Result r = engine.apply(tick++, c);
    engine.checkInvariants();
    return r;
  }

  private Registry registry() {
    return engine.state().registry();
  }

  private void participants() {
    assertThat(apply(new OpenAccount(1, "alice", Role.PARTICIPANT)).isAccepted()).isTrue();
    assertThat(apply(new OpenAccount(2, "bob", Role.PARTICIPANT)).isAccepted()).isTrue();
  }

  private void rejected(Command c, Rejection expected) {
    byte[] before = ledgerHash();
    Result r = apply(c);
    assertThat(r.rejection()).isEqualTo(expected);
    assertThat(r.events()).isEmpty();
    assertThat(ledgerHash()).isEqualTo(before);
  }

  @Test
  void opening_an_account_twice_is_rejected() {
    participants();
    rejected(new OpenAccount(1, "again", Role.AUDITOR), Rejection.ACCOUNT_ALREADY_EXISTS);
    assertThat(registry().name(1)).isEqualTo("alice");
  }

  @Test
  void system_accounts_exist_from_the_opening_of_the_market() {
    int open = 0;
    for (SystemAccount s : SystemAccount.values()) {
      // The stability and price containment reserves and the collateral hold only for a program
      // that uses them; this one does not.
      boolean expected =
          s != SystemAccount.STABILITY_RESERVE
              && s != SystemAccount.PRICE_CONTAINMENT_RESERVE
              && s != SystemAccount.COLLATERAL_HOLD;
      assertThat(s.isOpenFor(engine.state().program())).isEqualTo(expected);
      assertThat(registry().exists(s.id())).as("%s", s).isEqualTo(expected);
      if (expected) {
        assertThat(registry().role(s.id())).isEqualTo(Role.REGULATOR);
        open++;
      }
    }
    assertThat(registry().accountCount()).isEqualTo(open);
  }

  @Test
  void deposit_then_withdraw_moves_cash_in_and_out() {
    participants();
    assertThat(apply(new DepositCash(1, 10_000)).events())
        .containsExactly(new CashDeposited(1, 10_000));
    assertThat(apply(new WithdrawCash(1, 2_500)).isAccepted()).isTrue();
    assertThat(registry().freeCash(1)).isEqualTo(7_500);
    assertThat(registry().cashDeposited()).isEqualTo(10_000);
    assertThat(registry().cashWithdrawn()).isEqualTo(2_500);
  }

  @Test
  void withdrawing_more_than_the_free_cash_is_rejected() {
    participants();
    apply(new DepositCash(1, 100));
    rejected(new WithdrawCash(1, 101), Rejection.INSUFFICIENT_CASH);
    assertThat(registry().freeCash(1)).isEqualTo(100);
  }

  @Test
  void cash_operations_on_unknown_or_non_cash_accounts_are_rejected() {
    participants();
    apply(new OpenAccount(3, "auditor", Role.AUDITOR));
    apply(new OpenAccount(4, "insurer", Role.INSURER));
    rejected(new DepositCash(9, 1), Rejection.UNKNOWN_ACCOUNT);
    rejected(new DepositCash(3, 1), Rejection.ROLE_NOT_PERMITTED);
    rejected(new WithdrawCash(9, 1), Rejection.UNKNOWN_ACCOUNT);
    assertThat(apply(new DepositCash(4, 5)).isAccepted()).isTrue();
  }

  @Test
  void issuing_is_bounded_by_the_cap_of_the_period() {
    participants();
    assertThat(apply(new IssuePermits(1, 2026, 600)).isAccepted()).isTrue();
    assertThat(apply(new IssuePermits(2, 2026, 400)).isAccepted()).isTrue();
    rejected(new IssuePermits(2, 2026, 1), Rejection.CAP_EXCEEDED);
    assertThat(registry().issued(2026)).isEqualTo(1_000);
    assertThat(registry().remainingCap(2026)).isZero();
  }

  @Test
  void issuing_into_another_vintage_than_the_current_period_is_rejected() {
    participants();
    rejected(new IssuePermits(1, 2027, 1), Rejection.VINTAGE_NOT_CURRENT);
    rejected(new IssuePermits(1, 2025, 1), Rejection.VINTAGE_NOT_CURRENT);
  }

  @Test
  void issuing_to_accounts_that_cannot_hold_permits_is_rejected() {
    participants();
    apply(new OpenAccount(3, "auditor", Role.AUDITOR));
    rejected(new IssuePermits(3, 2026, 1), Rejection.ROLE_NOT_PERMITTED);
    rejected(
        new IssuePermits(SystemAccount.RETIREMENT.id(), 2026, 1), Rejection.ROLE_NOT_PERMITTED);
    rejected(new IssuePermits(SystemAccount.TREASURY.id(), 2026, 1), Rejection.ROLE_NOT_PERMITTED);
    rejected(new IssuePermits(77, 2026, 1), Rejection.UNKNOWN_ACCOUNT);
    assertThat(
            apply(new IssuePermits(SystemAccount.NEW_ENTRANT_RESERVE.id(), 2026, 50)).isAccepted())
        .isTrue();
  }

  @Test
  void transfer_moves_free_permits_between_participants() {
    participants();
    apply(new IssuePermits(1, 2026, 100));
    assertThat(apply(new TransferPermits(1, 2, 2026, 30)).events())
        .containsExactly(new PermitsTransferred(1, 2, 2026, 30));
    assertThat(registry().freePermits(1, 2026)).isEqualTo(70);
    assertThat(registry().freePermits(2, 2026)).isEqualTo(30);
  }

  @Test
  void transfer_is_rejected_when_permits_are_short_or_accounts_are_wrong() {
    participants();
    apply(new OpenAccount(3, "auditor", Role.AUDITOR));
    apply(new IssuePermits(1, 2026, 10));
    rejected(new TransferPermits(1, 2, 2026, 11), Rejection.INSUFFICIENT_PERMITS);
    rejected(new TransferPermits(1, 1, 2026, 1), Rejection.TRANSFER_TO_SELF);
    rejected(new TransferPermits(1, 9, 2026, 1), Rejection.UNKNOWN_ACCOUNT);
    rejected(new TransferPermits(9, 1, 2026, 1), Rejection.UNKNOWN_ACCOUNT);
    rejected(new TransferPermits(1, 3, 2026, 1), Rejection.ROLE_NOT_PERMITTED);
    rejected(new TransferPermits(1, 2, 2027, 1), Rejection.INSUFFICIENT_PERMITS);
  }

  @Test
  void surrender_takes_the_oldest_vintage_first_when_banking_is_on() {
    participants();
    apply(new IssuePermits(1, 2026, 10));
    advancePeriod();
    apply(new IssuePermits(1, 2027, 10));
    Result r = apply(new SurrenderPermits(1, 2027, 15));
    assertThat(r.events())
        .containsExactly(
            new PermitsSurrendered(1, 2027, 2026, 10), new PermitsSurrendered(1, 2027, 2027, 5));
    assertThat(registry().freePermits(1, 2026)).isZero();
    assertThat(registry().freePermits(1, 2027)).isEqualTo(5);
    assertThat(registry().surrendered(1, 2027)).isEqualTo(15);
    assertThat(registry().surrenderedTotal()).isEqualTo(15);
  }

  @Test
  void surrender_counts_only_the_period_vintage_when_banking_is_off() {
    Engine noBanking = TestPrograms.openEngine(2026, 1_000, false);
    noBanking.apply(1, new OpenAccount(1, "alice", Role.PARTICIPANT));
    noBanking.apply(1, new IssuePermits(1, 2026, 10));
    assertThat(noBanking.apply(1, new ClosePeriod(2026)).isAccepted()).isTrue();
    noBanking.apply(1, new IssuePermits(1, 2027, 5));
    assertThat(noBanking.apply(2, new SurrenderPermits(1, 2027, 6)).rejection())
        .isEqualTo(Rejection.INSUFFICIENT_PERMITS);
    assertThat(noBanking.apply(2, new SurrenderPermits(1, 2027, 5)).isAccepted()).isTrue();
    noBanking.checkInvariants();
  }

  @Test
  void surrender_for_a_period_outside_the_program_is_rejected() {
    participants();
    apply(new IssuePermits(1, 2026, 10));
    rejected(new SurrenderPermits(1, 2027, 1), Rejection.PERIOD_NOT_STARTED);
    rejected(new SurrenderPermits(1, 2025, 1), Rejection.PERIOD_BEFORE_PROGRAM);
    rejected(new SurrenderPermits(1, 2026, 11), Rejection.INSUFFICIENT_PERMITS);
    rejected(new SurrenderPermits(5, 2026, 1), Rejection.UNKNOWN_ACCOUNT);
  }

  @Test
  void cancelled_permits_leave_the_holder_for_the_cancellation_account() {
    participants();
    apply(new IssuePermits(1, 2026, 10));
    assertThat(apply(new CancelPermits(1, 2026, 4)).events())
        .containsExactly(new PermitsCancelled(1, 2026, 4));
    assertThat(registry().cancelledTotal()).isEqualTo(4);
    assertThat(registry().heldTotal()).isEqualTo(6);
    rejected(new CancelPermits(1, 2026, 7), Rejection.INSUFFICIENT_PERMITS);
    rejected(new CancelPermits(3, 2026, 1), Rejection.UNKNOWN_ACCOUNT);
  }

  @Test
  void a_rejected_command_leaves_the_ledger_as_it_was() {
    participants();
    apply(new DepositCash(1, 50));
    apply(new IssuePermits(1, 2026, 5));
    Engine twin = TestPrograms.openEngine(2026, 1_000, true);
    twin.apply(1, new OpenAccount(1, "alice", Role.PARTICIPANT));
    twin.apply(2, new OpenAccount(2, "bob", Role.PARTICIPANT));
    twin.apply(3, new DepositCash(1, 50));
    twin.apply(4, new IssuePermits(1, 2026, 5));
    twin.apply(5, new DepositCash(1, 1));
    twin.apply(5, new WithdrawCash(1, 1));
    apply(new WithdrawCash(1, 51));
    apply(new TransferPermits(1, 2, 2026, 6));
    // Both engines have applied six commands by tick 5; only the ledger's history differs.
    assertThat(registry().freeCash(1)).isEqualTo(50);
    assertThat(registry().freePermits(1, 2026)).isEqualTo(5);
    assertThat(engine.state().seq()).isEqualTo(twin.state().seq());
    assertThat(engine.stateHash()).isNotEqualTo(twin.stateHash());
  }

  @Test
  void reserve_release_and_settle_move_permits_and_cash_through_reservations() {
    participants();
    apply(new IssuePermits(1, 2026, 10));
    apply(new DepositCash(2, 1_000));
    Registry r = registry();
    r.reservePermits(1, 2026, 4, Hold.EXCHANGE);
    r.reserveCash(2, 600, Hold.EXCHANGE);
    r.checkInvariants();
    r.settlePermits(1, 2, 2026, 3, Hold.EXCHANGE);
    r.settleCash(2, 1, 450, Hold.EXCHANGE);
    r.releasePermits(1, 2026, 1, Hold.EXCHANGE);
    r.releaseCash(2, 150, Hold.EXCHANGE);
    r.checkInvariants();
    assertThat(r.freePermits(1, 2026)).isEqualTo(7);
    assertThat(r.freePermits(2, 2026)).isEqualTo(3);
    assertThat(r.freeCash(1)).isEqualTo(450);
    assertThat(r.freeCash(2)).isEqualTo(550);
    assertThat(r.reservedPermits(1, Hold.EXCHANGE)).isZero();
    assertThat(r.reservedCash(2, Hold.EXCHANGE)).isZero();
  }

  @Test
  void charge_moves_free_cash_to_a_system_account() {
    participants();
    apply(new DepositCash(1, 1_000));
    registry().charge(1, SystemAccount.TREASURY.id(), 300);
    registry().checkInvariants();
    assertThat(registry().freeCash(SystemAccount.TREASURY.id())).isEqualTo(300);
    assertThat(registry().freeCash(1)).isEqualTo(700);
  }

  @Test
  void expired_permits_leave_the_holder_for_the_expiry_account_for_good() {
    participants();
    apply(new IssuePermits(1, 2026, 10));
    registry().expire(1, 2026, 10);
    registry().checkInvariants();
    assertThat(registry().expiredTotal()).isEqualTo(10);
    assertThat(registry().heldTotal()).isZero();
    assertThat(registry().issuedTotal()).isEqualTo(10);
    assertThatThrownBy(() -> registry().transfer(SystemAccount.EXPIRY.id(), 1, 2026, 1))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("never leave a sink");
  }

  @Test
  void surrender_through_the_api_can_start_at_a_later_vintage() {
    participants();
    apply(new IssuePermits(1, 2026, 10));
    advancePeriod();
    apply(new IssuePermits(1, 2027, 10));
    long[] taken = registry().surrender(1, 2027, 4, 2027);
    assertThat(taken).containsExactly(4);
    assertThat(registry().freePermits(1, 2026)).isEqualTo(10);
    assertThat(registry().freePermits(1, 2026, 2027)).isEqualTo(16);
    registry().checkInvariants();
  }

  @Test
  void reservations_are_kept_apart_by_holder() {
    participants();
    apply(new IssuePermits(1, 2026, 10));
    apply(new DepositCash(1, 100));
    registry().reservePermits(1, 2026, 3, Hold.EXCHANGE);
    registry().reserveCash(1, 40, Hold.AUCTION);
    assertThat(registry().reservedPermits(1, Hold.EXCHANGE)).isEqualTo(3);
    assertThat(registry().reservedPermits(1, Hold.AUCTION)).isZero();
    assertThat(registry().reservedCash(1, Hold.AUCTION)).isEqualTo(40);
    assertThat(registry().reservedCash(1)).isEqualTo(40);
    assertThatThrownBy(() -> registry().releaseCash(1, 1, Hold.EXCHANGE))
        .isInstanceOf(AssertionError.class);
    registry().settleCash(1, SystemAccount.TREASURY.id(), 40, Hold.AUCTION);
    registry().checkInvariants();
    assertThat(registry().freeCash(SystemAccount.TREASURY.id())).isEqualTo(40);
  }

  @Test
  void a_mutation_whose_rule_was_not_checked_stops_the_engine() {
    participants();
    assertThatThrownBy(() -> registry().withdraw(1, 1))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("caller must check");
    assertThatThrownBy(() -> registry().transfer(SystemAccount.RETIREMENT.id(), 1, 2026, 1))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void commands_before_the_market_opens_are_rejected() {
    Engine closed = new Engine(TestPrograms.PARSER);
    assertThat(closed.apply(0, new DepositCash(1, 1)).rejection())
        .isEqualTo(Rejection.MARKET_NOT_OPEN);
  }

  private byte[] ledgerHash() {
    CanonicalWriter w = new CanonicalWriter();
    registry().writeCanonical(w);
    return w.finish();
  }

  /** Closes the current period, which starts the next one. */
  private void advancePeriod() {
    assertThat(apply(new ClosePeriod(engine.state().currentPeriod())).isAccepted()).isTrue();
  }
}
