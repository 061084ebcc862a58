package org.computecap.engine.representatives;

import java.util.ArrayList;
import java.util.List;
import org.computecap.engine.EngineState;
import org.computecap.engine.Event;
import org.computecap.engine.Rejection;
import org.computecap.engine.Result;
import org.computecap.engine.WriteAccess;
import org.computecap.engine.command.AddTrustedAccount;
import org.computecap.engine.command.AdvanceTime;
import org.computecap.engine.command.ApproveTransaction;
import org.computecap.engine.command.CancelPermits;
import org.computecap.engine.command.CancelTransaction;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.CompletePersonEnrolment;
import org.computecap.engine.command.EnrolPersonTotp;
import org.computecap.engine.command.Initiate;
import org.computecap.engine.command.IssuePersonEnrolmentCode;
import org.computecap.engine.command.PlaceOrder;
import org.computecap.engine.command.RecordAuditFinding;
import org.computecap.engine.command.RegisterPerson;
import org.computecap.engine.command.RemoveTrustedAccount;
import org.computecap.engine.command.RepresentativeCommand;
import org.computecap.engine.command.RevokePersonToken;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.SetPersonOidcSubject;
import org.computecap.engine.command.SetPersonPassword;
import org.computecap.engine.command.SetRepresentative;
import org.computecap.engine.command.SurrenderPermits;
import org.computecap.engine.command.TransferPermits;
import org.computecap.engine.command.WithdrawCash;
import org.computecap.engine.program.Representatives;
import org.computecap.engine.registry.Registry;
import org.computecap.engine.representatives.RepresentativeState.Status;
import org.computecap.engine.representatives.RepresentativeState.Transaction;

/**
 * Applies the representative commands (issue 15). A command a person initiates is checked here (the
 * person's right to initiate for its account, the account's number of representatives), then either
 * executed at once through the engine's own dispatch ({@link Executor}), so every feature's rules
 * apply unchanged, or kept as a transaction that waits for a second person (four-eyes) or for a
 * delay (a transfer to an account off the trusted list). A waiting transaction executes when it is
 * approved or when {@code AdvanceTime} reaches its delay, under the rules of that moment: it may
 * then be refused, which is recorded. Checks run first, in a fixed order; only then does the state
 * change.
 */
public final class RepresentativeHandler {
  /** Executes a command with the engine's normal dispatch (no representative gate). */
  @FunctionalInterface
  public interface Executor {
    Result execute(Command command);
  }

  private RepresentativeHandler() {}

  /**
   * The gate in front of every command: with representatives on, an account command or regulator
   * action sent directly, not through {@code Initiate}, is refused. Null when it may pass.
   */
  public static Rejection gate(EngineState state, Command command) {
    if (!state.program().hasRepresentatives() || !Actors.needsInitiator(state, command)) {
      return null;
    }
    return Rejection.INITIATOR_REQUIRED;
  }

  public static Result apply(
      WriteAccess access, long tick, RepresentativeCommand command, Executor executor) {
    EngineState state = access.state();
    if (!state.program().hasRepresentatives()) {
      return Result.rejected(Rejection.REPRESENTATIVES_NOT_ENABLED);
    }
    RepresentativeState s = state.feature(RepresentativeState.class);
    Context x = new Context(state, s, state.program().representatives(), tick, executor);
    if (command instanceof RegisterPerson c) {
      return Credentials.register(x, c);
    } else if (command instanceof SetRepresentative c) {
      return Credentials.setRepresentative(x, c);
    } else if (command instanceof IssuePersonEnrolmentCode c) {
      return Credentials.issueCode(x, c);
    } else if (command instanceof CompletePersonEnrolment c) {
      return Credentials.complete(x, c);
    } else if (command instanceof RevokePersonToken c) {
      return Credentials.revoke(x, c);
    } else if (command instanceof Initiate c) {
      return initiate(x, c);
    } else if (command instanceof ApproveTransaction c) {
      return approve(x, c);
    } else if (command instanceof CancelTransaction c) {
      return cancel(x, c);
    } else if (command instanceof AdvanceTime) {
      return advance(x);
    } else if (command instanceof SetPersonPassword c) {
      return SignInHandler.password(x, c);
    } else if (command instanceof EnrolPersonTotp c) {
      return SignInHandler.totp(x, c);
    } else if (command instanceof SetPersonOidcSubject c) {
      return SignInHandler.oidcSubject(x, c);
    } else if (command instanceof AddTrustedAccount || command instanceof RemoveTrustedAccount) {
      // Only through Initiate; the gate refuses it before it gets here.
      return Result.rejected(Rejection.INITIATOR_REQUIRED);
    }
    throw new AssertionError("no representative handler for " + command.getClass().getName());
  }

  /** What every step needs: the state, the program's rules, the tick and the engine's dispatch. */
  record Context(
      EngineState state,
      RepresentativeState s,
      Representatives rules,
      long tick,
      Executor executor) {
    Registry registry() {
      return state.registry();
    }
  }

  private static Result initiate(Context x, Initiate c) {
    Command inner = c.command();
    long account = Actors.accountOf(x.state(), inner);
    boolean seniors = Actors.needsSeniors(inner);
    Rejection r = null;
    if (!x.s().personExists(c.personId())) {
      r = Rejection.UNKNOWN_PERSON;
    } else if (!Actors.needsInitiator(x.state(), inner)) {
      // An operation any initiator of its account, or a regulator's, may send as theirs.
      boolean holder = account != Actors.NO_ACCOUNT && x.s().isInitiator(c.personId(), account);
      if (!holder && !x.s().forRegulator(x.state(), c.personId(), RepresentativeState.INITIATOR)) {
        r = Rejection.NOT_AN_INITIATOR;
      }
    } else if (account == Actors.NO_ACCOUNT) {
      // An audit finding is a regulator action that an auditor's initiator records too (issue 16).
      boolean auditor =
          inner instanceof RecordAuditFinding
              && x.s()
                  .forRole(x.state(), c.personId(), RepresentativeState.INITIATOR, Role.AUDITOR);
      if (!auditor && !x.s().forRegulator(x.state(), c.personId(), RepresentativeState.INITIATOR)) {
        r = Rejection.NOT_AN_INITIATOR;
      } else if (seniors && !x.s().isSenior(c.personId())) {
        r = Rejection.INITIATOR_NOT_SENIOR;
      }
    } else if (!x.s().isInitiator(c.personId(), account)) {
      r = Rejection.NOT_AN_INITIATOR;
    } else if (x.s().representativeCount(account) < x.rules().minimumPerAccount()) {
      r = Rejection.TOO_FEW_REPRESENTATIVES;
    }
    boolean delayed = r == null && untrusted(x, inner);
    if (delayed && ((TransferPermits) inner).quantity() > x.rules().untrustedMaxPermits()) {
      r = Rejection.ABOVE_UNTRUSTED_TRANSFER_LIMIT;
    }
    if (r == null && inner instanceof AddTrustedAccount a) {
      r = trustCheck(x, a);
    }
    if (r == null && inner instanceof RemoveTrustedAccount a) {
      r = x.s().listed(a.accountId(), a.trustedAccountId()) ? null : Rejection.NOT_TRUSTED;
    }
    if (r != null) {
      return Result.rejected(r);
    }
    boolean approval = needsApproval(x, inner, account);
    if (!approval && !delayed) {
      Result done = execute(x, inner);
      if (!done.isAccepted()) {
        return done;
      }
      List<Event> events = new ArrayList<>();
      events.add(new CommandInitiated(c.personId(), account, inner.toString()));
      events.addAll(done.events());
      return Result.accepted(events);
    }
    long id = x.s().transactions.isEmpty() ? 1 : x.s().transactions.lastKey() + 1;
    Transaction t =
        new Transaction(
            id,
            account,
            c.personId(),
            inner,
            x.tick(),
            saturatedAdd(x.tick(), x.rules().approvalExpiryTicks()),
            delayed);
    if (approval) {
      t.status = Status.AWAITING_APPROVAL;
      x.s().addTransaction(t);
      return Result.accepted(
          new TransactionAwaitingApproval(
              id, account, c.personId(), inner.toString(), t.expiresTick));
    }
    return Result.accepted(startDelay(x, t, true));
  }

  /** Whether the command is a transfer to an account off the sender's trusted list. */
  private static boolean untrusted(Context x, Command inner) {
    return x.rules().trustedList()
        && inner instanceof TransferPermits t
        && !x.s().trusts(t.fromAccountId(), t.toAccountId(), x.tick());
  }

  /** Whether a second person must approve: four-eyes by size, regulator actions, trusted list. */
  private static boolean needsApproval(Context x, Command inner, long account) {
    Representatives rules = x.rules();
    if (!Actors.needsInitiator(x.state(), inner)) {
      return false;
    }
    if (inner instanceof AddTrustedAccount) {
      return true;
    }
    if (account == Actors.NO_ACCOUNT) {
      return Actors.needsSeniors(inner)
          || rules.regulatorFourEyes() && Actors.isRegulatorAction(inner);
    }
    if (!rules.fourEyes()) {
      return false;
    }
    long permits = rules.fourEyesAbovePermits();
    if (inner instanceof TransferPermits t) {
      return t.quantity() > permits;
    } else if (inner instanceof SurrenderPermits s) {
      return s.quantity() > permits;
    } else if (inner instanceof CancelPermits c) {
      return c.quantity() > permits;
    } else if (inner instanceof PlaceOrder o) {
      return o.quantity() > permits;
    } else if (inner instanceof WithdrawCash w) {
      return w.amountCents() > rules.fourEyesAboveCents();
    }
    return false;
  }

  private static Result approve(Context x, ApproveTransaction c) {
    Transaction t = x.s().transactions.get(c.transactionId());
    Rejection r = null;
    if (t == null) {
      r = Rejection.UNKNOWN_TRANSACTION;
    } else if (t.status != Status.AWAITING_APPROVAL) {
      r = Rejection.TRANSACTION_NOT_PENDING;
    } else if (x.tick() >= t.expiresTick) {
      r = Rejection.TRANSACTION_EXPIRED;
    } else if (!x.s().personExists(c.personId())) {
      r = Rejection.UNKNOWN_PERSON;
    } else if (c.personId() == t.initiatorId) {
      r = Rejection.APPROVER_IS_INITIATOR;
    } else if (!mayApprove(x, c.personId(), t.accountId)) {
      r = Rejection.NOT_AN_APPROVER;
    } else if (Actors.needsSeniors(t.command) && !x.s().isSenior(c.personId())) {
      r = Rejection.APPROVER_NOT_SENIOR;
    }
    if (r != null) {
      return Result.rejected(r);
    }
    t.approverId = c.personId();
    List<Event> events = new ArrayList<>();
    events.add(new TransactionApproved(t.id, c.personId()));
    if (t.delayed) {
      events.add(startDelay(x, t, false));
    } else {
      events.addAll(run(x, t));
    }
    return Result.accepted(events);
  }

  private static boolean mayApprove(Context x, long personId, long account) {
    return account == Actors.NO_ACCOUNT
        ? x.s().forRegulator(x.state(), personId, RepresentativeState.APPROVER)
        : x.s().isApprover(personId, account);
  }

  private static Result cancel(Context x, CancelTransaction c) {
    Transaction t = x.s().transactions.get(c.transactionId());
    Rejection r = null;
    if (t == null) {
      r = Rejection.UNKNOWN_TRANSACTION;
    } else if (!t.isOpen()) {
      r = Rejection.TRANSACTION_NOT_PENDING;
    } else if (!x.s().personExists(c.personId())) {
      r = Rejection.UNKNOWN_PERSON;
    } else if (t.accountId == Actors.NO_ACCOUNT
        ? !x.s().forRegulator(x.state(), c.personId(), RepresentativeState.ANY)
        : !x.s().represents(c.personId(), t.accountId)) {
      r = Rejection.NOT_A_REPRESENTATIVE;
    }
    if (r != null) {
      return Result.rejected(r);
    }
    x.s().end(t, Status.CANCELLED, c.personId());
    return Result.accepted(new TransactionCancelled(t.id, c.personId()));
  }

  /** Expires what waited too long for approval, then executes what fell due, by id. */
  private static Result advance(Context x) {
    List<Event> events = new ArrayList<>();
    for (long id : List.copyOf(x.s().open)) {
      Transaction t = x.s().transactions.get(id);
      if (t.status == Status.AWAITING_APPROVAL && x.tick() >= t.expiresTick) {
        x.s().end(t, Status.EXPIRED, 0);
        events.add(new TransactionExpired(t.id));
      } else if (t.status == Status.DELAYED && x.tick() >= t.executeAtTick) {
        events.addAll(run(x, t));
      }
    }
    return Result.accepted(events);
  }

  /** Starts the untrusted-transfer delay of {@code t} (new when {@code added} is false). */
  private static Event startDelay(Context x, Transaction t, boolean add) {
    t.status = Status.DELAYED;
    t.executeAtTick = saturatedAdd(x.tick(), x.rules().untrustedDelayTicks());
    if (add) {
      x.s().addTransaction(t);
    }
    return new TransactionDelayed(
        t.id, t.accountId, t.initiatorId, t.command.toString(), t.executeAtTick);
  }

  /** Executes a waiting transaction now: its events, or its refusal, recorded either way. */
  private static List<Event> run(Context x, Transaction t) {
    Result done = execute(x, t.command);
    List<Event> events = new ArrayList<>();
    if (done.isAccepted()) {
      x.s().end(t, Status.EXECUTED, 0);
      events.add(new TransactionExecuted(t.id));
      events.addAll(done.events());
    } else {
      x.s().end(t, Status.REFUSED, 0);
      t.refusal = done.rejection().code();
      events.add(new TransactionRefused(t.id, t.refusal));
    }
    return events;
  }

  /** The command's execution: the trusted list here, anything else through the engine. */
  private static Result execute(Context x, Command inner) {
    if (inner instanceof AddTrustedAccount a) {
      Rejection r = trustCheck(x, a);
      if (r != null) {
        return Result.rejected(r);
      }
      long effective = saturatedAdd(x.tick(), x.rules().trustedEntryDelayTicks());
      x.s().trust(a.accountId(), a.trustedAccountId(), effective);
      return Result.accepted(
          new TrustedAccountAdded(a.accountId(), a.trustedAccountId(), effective));
    }
    if (inner instanceof RemoveTrustedAccount a) {
      x.s().distrust(a.accountId(), a.trustedAccountId());
      return Result.accepted(new TrustedAccountRemoved(a.accountId(), a.trustedAccountId()));
    }
    return x.executor().execute(inner);
  }

  private static Rejection trustCheck(Context x, AddTrustedAccount a) {
    if (!x.registry().exists(a.accountId()) || !x.registry().exists(a.trustedAccountId())) {
      return Rejection.UNKNOWN_ACCOUNT;
    }
    if (a.accountId() == a.trustedAccountId()) {
      return Rejection.TRANSFER_TO_SELF;
    }
    return x.s().listed(a.accountId(), a.trustedAccountId()) ? Rejection.ALREADY_TRUSTED : null;
  }

  /** {@code tick + delay}, held at {@link Long#MAX_VALUE} (never) rather than overflowing. */
  static long saturatedAdd(long tick, long delay) {
    long sum = tick + delay;
    return sum < tick ? Long.MAX_VALUE : sum;
  }

  /** The market regulator (0) or an account whose role is REGULATOR. */
  static boolean isRegulator(Registry registry, long principal) {
    return principal == 0
        || registry.exists(principal) && registry.role(principal) == Role.REGULATOR;
  }
}
