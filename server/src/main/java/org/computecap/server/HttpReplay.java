package org.computecap.server;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.computecap.engine.command.AppointInsurer;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.Initiate;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.RecordInsurerEvaluation;
import org.computecap.engine.command.SubmitBid;
import org.computecap.engine.command.WithdrawBid;

/**
 * Sends a stream of engine commands to a server through its HTTP API, each with the token of the
 * account it acts for: the regulator's for regulator commands, and for every account a token it
 * gets by enrolment right after the account is opened (the replay plays both the regulator, who
 * issues the code, and the holder, who exchanges it). Before an insurer's evaluation of a
 * participant whose appointment the stream did not carry (an older recording), the regulator
 * appoints that insurer. The demo uses it to play a simulator run against a live server; because
 * the engine is deterministic and the engine numbers orders the same way behind both, the server's
 * market follows the simulated one command for command, and any rejection means the two have
 * diverged (it is counted).
 */
public final class HttpReplay {
  private final ApiClient regulator;
  private final Map<Long, ApiClient> accounts = new HashMap<>();
  private final Map<String, Long> bidOwners = new HashMap<>();
  private final Map<Long, Long> insurers = new HashMap<>();
  private DemoPersons persons;
  private long sent;
  private long rejected;
  private String firstRejection;

  /** Replays through {@code regulator}, a client holding a regulator token. */
  public HttpReplay(ApiClient regulator) {
    this.regulator = regulator;
  }

  /**
   * From now on, account commands and regulator actions go as desk persons of {@code persons}
   * (issue 16's demo: a program with representatives), and what waits for approval is approved.
   */
  public HttpReplay withPersons(DemoPersons persons) {
    this.persons = persons;
    return this;
  }

  /** Sends one command and waits for its answer; false when it was not accepted. */
  public boolean send(Command c) {
    CommandRequests.Request r = CommandRequests.of(c);
    long actor = r.actor();
    if (c instanceof SubmitBid b) {
      bidOwners.put(b.auctionId() + "/" + b.bidId(), b.accountId());
    } else if (c instanceof WithdrawBid w) {
      actor = bidOwners.getOrDefault(w.auctionId() + "/" + w.bidId(), CommandRequests.REGULATOR);
    } else if (c instanceof RecordInsurerEvaluation e) {
      appoint(e.accountId(), e.insurerId());
    }
    ApiClient client = actor == CommandRequests.REGULATOR ? regulator : accounts.get(actor);
    boolean asPerson = persons != null && Initiate.wraps(c);
    if (asPerson) {
      client = persons.initiator(actor);
    }
    if (client == null) {
      throw new IllegalStateException(
          "no token for account " + actor + " (its OpenAccount " + "was not replayed)");
    }
    ApiClient.Response resp =
        client.send(r.method(), r.path(), r.body() == null ? null : ApiClient.toJson(r.body()));
    if (asPerson && resp.ok()) {
      resp = persons.approveIfWaiting(actor, resp);
    }
    sent++;
    if (!resp.ok()) {
      rejected++;
      if (firstRejection == null) {
        firstRejection = r.method() + " " + r.path() + " -> " + resp.status() + " " + resp.text();
      }
      return false;
    }
    if (c instanceof OpenAccount a) {
      accounts.put(a.accountId(), regulator.withToken(regulator.enrolAccount(a.accountId())));
      if (persons != null) {
        persons.desks(a.accountId());
      }
    } else if (c instanceof AppointInsurer a) {
      insurers.put(a.accountId(), a.insurerId());
    }
    return true;
  }

  /** Has the regulator appoint {@code insurer} for {@code account} unless it already is. */
  private void appoint(long account, long insurer) {
    if (insurers.getOrDefault(account, 0L) == insurer) {
      return;
    }
    ApiClient client = persons == null ? regulator : persons.initiator(CommandRequests.REGULATOR);
    ApiClient.Response r =
        client.post("/api/accounts/" + account + "/insurer", Map.of("insurerId", insurer));
    if (r.ok()) {
      insurers.put(account, insurer);
    }
  }

  /** Sends {@code c}, then waits so that commands go out at about {@code perSecond}. */
  public boolean sendPaced(Command c, int perSecond) {
    long start = System.nanoTime();
    boolean ok = send(c);
    long left = 1_000_000_000L / perSecond - (System.nanoTime() - start);
    if (left > 0) {
      LockSupport.parkNanos(left);
    }
    return ok;
  }

  public long sent() {
    return sent;
  }

  public long rejected() {
    return rejected;
  }

  /** The first refused request with its answer, or null. */
  public String firstRejection() {
    return firstRejection;
  }
}
