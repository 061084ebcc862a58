package org.computecap.engine.representatives;

import java.util.Set;
import org.computecap.engine.EngineState;
import org.computecap.engine.command.AccessCommand;
import org.computecap.engine.command.AddTrustedAccount;
import org.computecap.engine.command.AllocateFreePermits;
import org.computecap.engine.command.AllocateNewEntrant;
import org.computecap.engine.command.BuyAtCeiling;
import org.computecap.engine.command.CancelOrder;
import org.computecap.engine.command.CancelPermits;
import org.computecap.engine.command.ClosePeriod;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.IssuePermits;
import org.computecap.engine.command.MarketCommand;
import org.computecap.engine.command.PayOutstandingPenalty;
import org.computecap.engine.command.PlaceOrder;
import org.computecap.engine.command.PostCollateral;
import org.computecap.engine.command.RecordAuditFinding;
import org.computecap.engine.command.RegisterMeter;
import org.computecap.engine.command.RemoveTrustedAccount;
import org.computecap.engine.command.ReplaceMeter;
import org.computecap.engine.command.RepresentativeCommand;
import org.computecap.engine.command.RetireMeter;
import org.computecap.engine.command.ReturnCollateral;
import org.computecap.engine.command.ReverseAllocation;
import org.computecap.engine.command.ReverseSurrender;
import org.computecap.engine.command.SetAccountStatus;
import org.computecap.engine.command.SubmitBid;
import org.computecap.engine.command.SubmitReport;
import org.computecap.engine.command.SubmitReserveBid;
import org.computecap.engine.command.SurrenderPermits;
import org.computecap.engine.command.TransferPermits;
import org.computecap.engine.command.WithdrawBid;
import org.computecap.engine.command.WithdrawCash;
import org.computecap.engine.command.WithdrawReserveBid;

/**
 * Who acts in a command, for the representative rules: an account command acts for the account it
 * names (its representatives initiate it); a regulator action is the regulator's (its persons
 * initiate it, and a second regulator person approves it when the program says so). Every other
 * command (a deposit, operations such as opening an auction or recording a meter reading) may be
 * initiated by a person (an initiator of its account, or a regulator's) but is not required to be.
 *
 * <p>Regulator actions are named by type, the account lifecycle's {@code SetAccountStatus}, the
 * meter registry's commands (issue 17) and the reversals among them; the reversals ({@code
 * ReverseSurrender}, {@code ReverseAllocation}) need two senior regulators.
 */
final class Actors {
  /** What {@link #accountOf} answers for a command that acts for no account. */
  static final long NO_ACCOUNT = -1;

  private static final Set<Class<?>> REGULATOR_ACTIONS =
      Set.of(
          IssuePermits.class,
          AllocateFreePermits.class,
          AllocateNewEntrant.class,
          ClosePeriod.class,
          RecordAuditFinding.class,
          SetAccountStatus.class,
          RegisterMeter.class,
          RetireMeter.class,
          ReplaceMeter.class,
          ReturnCollateral.class);

  private static final Set<Class<?>> SENIOR_ACTIONS =
      Set.of(ReverseSurrender.class, ReverseAllocation.class);

  private Actors() {}

  /**
   * The account the command acts for, or {@link #NO_ACCOUNT}; a withdrawn auction bid acts for the
   * account that placed it (read from {@code state}).
   */
  static long accountOf(EngineState state, Command c) {
    if (c instanceof WithdrawBid w) {
      long account = state.auction().bidAccount(w.auctionId(), w.bidId());
      return account == 0 ? NO_ACCOUNT : account;
    } else if (c instanceof WithdrawReserveBid w) {
      return w.accountId();
    } else if (c instanceof TransferPermits t) {
      return t.fromAccountId();
    } else if (c instanceof SurrenderPermits s) {
      return s.accountId();
    } else if (c instanceof CancelPermits x) {
      return x.accountId();
    } else if (c instanceof WithdrawCash w) {
      return w.accountId();
    } else if (c instanceof PlaceOrder o) {
      return o.accountId();
    } else if (c instanceof CancelOrder o) {
      return o.accountId();
    } else if (c instanceof SubmitBid b) {
      return b.accountId();
    } else if (c instanceof SubmitReserveBid b) {
      return b.accountId();
    } else if (c instanceof BuyAtCeiling b) {
      return b.accountId();
    } else if (c instanceof SubmitReport r) {
      return r.accountId();
    } else if (c instanceof PayOutstandingPenalty p) {
      return p.accountId();
    } else if (c instanceof PostCollateral p) {
      return p.accountId();
    } else if (c instanceof AddTrustedAccount a) {
      return a.accountId();
    } else if (c instanceof RemoveTrustedAccount a) {
      return a.accountId();
    } else if (c instanceof DepositCash d) {
      return d.accountId();
    }
    return NO_ACCOUNT;
  }

  /** Whether the command is a regulator action (issuance, allocation, penalties, close...). */
  static boolean isRegulatorAction(Command c) {
    return REGULATOR_ACTIONS.contains(c.getClass()) || needsSeniors(c);
  }

  /** Whether the command needs two senior regulators (reversals). */
  static boolean needsSeniors(Command c) {
    return SENIOR_ACTIONS.contains(c.getClass());
  }

  /**
   * Whether, with representatives on, the command must come from a person ({@code Initiate}): the
   * account commands and the regulator actions. Market, access and the representatives' own
   * administration stay direct, so a market can be set up before it has persons.
   */
  static boolean needsInitiator(EngineState state, Command c) {
    if (c instanceof MarketCommand || c instanceof AccessCommand) {
      return false;
    }
    if (c instanceof RepresentativeCommand) {
      return c instanceof AddTrustedAccount || c instanceof RemoveTrustedAccount;
    }
    if (c instanceof DepositCash) {
      // Cash comes in from outside; the regulator deposits for holders, as before.
      return false;
    }
    return accountOf(state, c) != NO_ACCOUNT || isRegulatorAction(c);
  }
}
