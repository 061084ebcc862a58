package org.computecap.engine.simulation;

import java.util.HashMap;
import java.util.Map;
import org.computecap.engine.Event;
import org.computecap.engine.Result;
import org.computecap.engine.allocation.FreePermitsAllocated;
import org.computecap.engine.allocation.FreePermitsGranted;
import org.computecap.engine.allocation.NewEntrantAllocated;
import org.computecap.engine.auction.AuctionOpened;
import org.computecap.engine.auction.BidSettled;
import org.computecap.engine.auction.BidSubmitted;
import org.computecap.engine.auction.BidWithdrawn;
import org.computecap.engine.command.AllocateFreePermits;
import org.computecap.engine.command.AllocateNewEntrant;
import org.computecap.engine.command.AllocationCommand;
import org.computecap.engine.command.AuctionCommand;
import org.computecap.engine.command.ChargeInsurancePremium;
import org.computecap.engine.command.ClearAuction;
import org.computecap.engine.command.ClosePeriod;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.ComplianceCommand;
import org.computecap.engine.command.OpenAuction;
import org.computecap.engine.command.PayOutstandingPenalty;
import org.computecap.engine.command.RecordAuditFinding;
import org.computecap.engine.command.RecordEvaluation;
import org.computecap.engine.command.RecordInsurerEvaluation;
import org.computecap.engine.command.RecordMeterReading;
import org.computecap.engine.command.RecordVerifiedActivity;
import org.computecap.engine.command.SetAssistanceFactor;
import org.computecap.engine.command.SubmitBid;
import org.computecap.engine.command.SubmitReport;
import org.computecap.engine.command.WithdrawBid;
import org.computecap.engine.compliance.AuditFindingRecorded;
import org.computecap.engine.compliance.ComplianceAssessed;
import org.computecap.engine.compliance.InsurancePremiumCharged;
import org.computecap.engine.compliance.PenaltyPaid;
import org.computecap.engine.compliance.PeriodClosed;
import org.computecap.engine.compliance.PermitsExpired;
import org.computecap.engine.program.RiskSignal;
import org.computecap.engine.program.Workload;
import org.computecap.engine.registry.SystemAccount;

/**
 * Random allocation, auction and compliance commands for the shared simulation. Their outcomes are
 * judged by the rules' own tests and simulation ({@code RulesSimulationTest}); here every accepted
 * command's events are replayed into the {@link ReferenceRegistry} (issuance, reserve transfers,
 * bid reservations and settlement, penalties, premiums, expiry, the period turned by {@code
 * ClosePeriod}, whoever sent it), so the checkpoints prove that what the rules report is exactly
 * what happened in the ledger, and the registry generator's predictions stay right while the rules
 * move permits and cash.
 */
final class RulesGenerator implements Simulation.Generator {
  private static final long TREASURY = SystemAccount.TREASURY.id();
  private static final long NEW_ENTRANT_RESERVE = SystemAccount.NEW_ENTRANT_RESERVE.id();
  private static final long AUCTION_RESERVE = SystemAccount.AUCTION_RESERVE.id();

  private final ReferenceRegistry reference;

  /** auction id -> its vintage; only for the model, never iterated. */
  private final Map<Long, Integer> auctionPeriods = new HashMap<>();

  private long nextAuctionId = 1;
  private long nextBidId = 1;

  RulesGenerator(Simulation sim) {
    this.reference = sim.registry.reference;
  }

  @Override
  public int weight() {
    return 25;
  }

  @Override
  public Command next(Simulation sim) {
    long a = 1 + sim.rnd.nextInt(sim.accountIdMax);
    int current = sim.currentPeriod();
    int p = sim.rnd.nextInt(20) == 0 ? current + sim.rnd.nextInt(3) - 1 : current;
    p = Math.max(0, p);
    long q = sim.rnd.nextLong(1 + Math.max(1, sim.cap / 1_000));
    switch (sim.rnd.nextInt(17)) {
      case 0:
        return new RecordVerifiedActivity(a, current - 1 - sim.rnd.nextInt(2), q, q / 2);
      case 1:
        return new SetAssistanceFactor(a, sim.rnd.nextInt(2_000_000));
      case 2:
        return new AllocateFreePermits(p);
      case 3:
        return new AllocateNewEntrant(a, q);
      case 4:
        return new OpenAuction(nextAuctionId++, p, 1 + q);
      case 5:
        return new SubmitBid(
            1 + sim.rnd.nextLong(nextAuctionId), nextBidId++, a, 1 + q, 1 + sim.rnd.nextInt(1_000));
      case 6:
        return new WithdrawBid(
            1 + sim.rnd.nextLong(nextAuctionId), 1 + sim.rnd.nextLong(nextBidId));
      case 7:
        return new ClearAuction(1 + sim.rnd.nextLong(nextAuctionId));
      case 8:
      case 9:
        return new SubmitReport(
            a, p, sim.rnd.nextBoolean() ? Workload.INFERENCE : Workload.TRAINING, q);
      case 10:
        return new RecordMeterReading(a, p, q);
      case 11:
        return new RecordEvaluation(a, p, sim.rnd.nextBoolean() ? RiskSignal.L : RiskSignal.H);
      case 12:
        // Mostly the participant's appointed insurer (the access generator appoints them), else
        // any account, which the engine refuses (INSURER_NOT_APPOINTED, or a wrong role).
        long appointed = sim.engine.state().access().insurerOf(a);
        return new RecordInsurerEvaluation(
            appointed != 0 && sim.rnd.nextInt(4) != 0
                ? appointed
                : 1 + sim.rnd.nextInt(sim.accountIdMax),
            a,
            p,
            sim.rnd.nextBoolean() ? RiskSignal.L : RiskSignal.H);
      case 13:
        return new ChargeInsurancePremium(a, p);
      case 14:
        return new RecordAuditFinding(a, Math.max(0, current - 1), q);
      case 15:
        return new PayOutstandingPenalty(a);
      default:
        // Rare, so that periods last long enough for the other commands to matter.
        return sim.rnd.nextInt(200) == 0 ? new ClosePeriod(current) : new PayOutstandingPenalty(a);
    }
  }

  @Override
  public void observe(Simulation sim, Command command, Result result) {
    if (!(command instanceof AllocationCommand
        || command instanceof AuctionCommand
        || command instanceof ComplianceCommand)) {
      return;
    }
    for (Event e : result.events()) {
      mirror(e);
    }
  }

  /** Applies one event's effect on balances to the reference ledger. */
  private void mirror(Event e) {
    if (e instanceof FreePermitsGranted g) {
      issue(g.accountId(), g.period(), g.permits());
    } else if (e instanceof FreePermitsAllocated f && f.newEntrantReservePermits() > 0) {
      issue(NEW_ENTRANT_RESERVE, f.period(), f.newEntrantReservePermits());
    } else if (e instanceof NewEntrantAllocated n) {
      takeOldestFirst(n.accountId(), n.period(), n.grantedPermits());
    } else if (e instanceof AuctionOpened o) {
      auctionPeriods.put(o.auctionId(), o.period());
      issue(AUCTION_RESERVE, o.period(), o.supplyPermits());
    } else if (e instanceof BidSubmitted b) {
      reference.reserveCash(b.accountId(), b.reservedCents());
    } else if (e instanceof BidWithdrawn w) {
      reference.releaseCash(w.accountId(), w.releasedCents());
    } else if (e instanceof BidSettled s) {
      if (s.wonPermits() > 0) {
        reference.move(
            AUCTION_RESERVE, s.accountId(), auctionPeriods.get(s.auctionId()), s.wonPermits());
      }
      reference.settleCash(s.accountId(), TREASURY, s.paidCents());
      reference.releaseCash(s.accountId(), s.releasedCents());
    } else if (e instanceof InsurancePremiumCharged i) {
      charge(i.accountId(), i.insurerId(), i.premiumCents());
    } else if (e instanceof ComplianceAssessed c) {
      charge(c.accountId(), TREASURY, c.penaltyCents() - c.penaltyUnpaidCents());
    } else if (e instanceof AuditFindingRecorded f) {
      charge(f.accountId(), TREASURY, f.penaltyCents() - f.penaltyUnpaidCents());
    } else if (e instanceof PenaltyPaid p) {
      charge(p.accountId(), TREASURY, p.paidCents());
    } else if (e instanceof PermitsExpired x) {
      reference.move(x.accountId(), SystemAccount.EXPIRY.id(), x.vintage(), x.quantity());
    } else if (e instanceof PeriodClosed) {
      reference.period++;
    }
  }

  private void issue(long account, int vintage, long quantity) {
    reference.accounts.get(account).permits.merge(vintage, quantity, Long::sum);
    reference.issued.merge(vintage, quantity, Long::sum);
  }

  private void charge(long from, long to, long cents) {
    ReferenceRegistry.Acc payer = reference.accounts.get(from);
    if (cents > payer.cash) {
      throw new AssertionError(
          "account " + from + " paid " + cents + " cents but held " + payer.cash);
    }
    payer.cash -= cents;
    reference.accounts.get(to).cash += cents;
  }

  /** The reserve gives its eligible vintages, oldest first, as the rules promise. */
  private void takeOldestFirst(long account, int period, long quantity) {
    int oldest = reference.banking ? reference.firstPeriod : period;
    long left = quantity;
    for (int v = oldest; v <= period && left > 0; v++) {
      long take =
          Math.min(left, reference.accounts.get(NEW_ENTRANT_RESERVE).permits.getOrDefault(v, 0L));
      if (take > 0) {
        reference.move(NEW_ENTRANT_RESERVE, account, v, take);
        left -= take;
      }
    }
    if (left != 0) {
      throw new AssertionError("the new-entrant reserve could not give " + quantity);
    }
  }

  @Override
  public void checkpoint(Simulation sim) {
    // The registry generator compares the whole ledger with the shared reference.
  }
}
