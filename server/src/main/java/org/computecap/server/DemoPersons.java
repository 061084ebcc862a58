package org.computecap.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The people of {@code computecap serve --demo} (issue 16). The demo serves its simulated market
 * with the program's {@code representatives} section on ({@link #SECTION}: four-eyes above 10
 * permits), so every account command comes from a person: each simulated account gets two desk
 * persons (one initiates, the other approves whatever waits) and the regulator's commands come from
 * a desk person of a regulator account; the engine executes an approved command exactly as a direct
 * one, so the served market stays the simulated one. For people to sign in, it opens a demo
 * participant with two representatives (either may approve the other's transfer: four-eyes) and a
 * regulator person, each with a random password and a TOTP secret, which the demo prints.
 */
public final class DemoPersons {
  /** Appended to the simulated program: representatives on, four-eyes above 10 permits. */
  public static final String SECTION =
      "\nrepresentatives:\n"
          + "  minimumPerAccount: 1\n"
          + "  approvalExpiryTicks: 604800000\n"
          + "  regulatorFourEyes: false\n"
          + "  fourEyes:\n"
          + "    abovePermits: 10\n"
          + "    aboveCents: 1000000\n";

  /** The demo's regulator account and participant, far above any simulated account's id. */
  public static final long MINISTRY = 900_000;

  public static final long DEMO_LAB = 900_001;

  /** Desk persons are numbered from here: two per account. */
  private static final long DESK_BASE = 1_000_000;

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A person who signs in: printed by the demo. */
  public record Login(
      long personId, String name, String account, String password, String totpSecret) {}

  private final ApiClient regulator;
  private final Map<Long, ApiClient> initiators = new HashMap<>();
  private final Map<Long, ApiClient> approvers = new HashMap<>();

  /** Through {@code regulator}, a client with the market regulator's own token. */
  public DemoPersons(ApiClient regulator) {
    this.regulator = regulator;
  }

  /**
   * Opens the regulator account and its desk persons, the demo participant with its cash and two
   * representatives, and the regulator person; returns the logins to print.
   */
  public List<Login> setUp() {
    ok(regulator.openAccount(MINISTRY, "ministry", "REGULATOR"), "open the ministry");
    desks(MINISTRY);
    ok(regulator.openAccount(DEMO_LAB, "demo-lab", "PARTICIPANT"), "open demo-lab");
    ok(regulator.deposit(DEMO_LAB, 50_000_000), "fund demo-lab");
    List<Login> out = new ArrayList<>();
    out.add(login(DESK_BASE - 3, "lab-ann", DEMO_LAB, "demo-lab", "BOTH"));
    out.add(login(DESK_BASE - 2, "lab-ben", DEMO_LAB, "demo-lab", "BOTH"));
    out.add(login(DESK_BASE - 1, "regina", MINISTRY, "ministry (regulator)", "BOTH"));
    return out;
  }

  /** Gives a newly opened account its two desk persons. */
  public void desks(long account) {
    long id = DESK_BASE + 2 * account;
    initiators.put(account, desk(id, "desk-" + account + "-a", account, "BOTH"));
    approvers.put(account, desk(id + 1, "desk-" + account + "-b", account, "APPROVER"));
  }

  /** The desk person who initiates for {@code account} (0: the regulator's), or null. */
  public ApiClient initiator(long account) {
    return initiators.get(account == CommandRequests.REGULATOR ? MINISTRY : account);
  }

  /** Approves what {@code answer} left waiting, with the account's second desk person. */
  public ApiClient.Response approveIfWaiting(long account, ApiClient.Response answer) {
    for (JsonNode e : answer.body().path("events")) {
      if (e.path("event").asText().equals("TransactionAwaitingApproval")) {
        long tx = e.path("data").path("transactionId").asLong();
        ApiClient approver =
            approvers.get(account == CommandRequests.REGULATOR ? MINISTRY : account);
        return approver.post("/api/transactions/" + tx + "/approval", Map.of());
      }
    }
    return answer;
  }

  private ApiClient desk(long id, String name, long account, String rights) {
    register(id, name, account, rights, false);
    JsonNode code =
        ok(
                regulator.post("/api/persons/" + id + "/enrolments", Map.of("accountId", account)),
                "a code for " + name)
            .body();
    JsonNode token =
        ok(
                regulator
                    .withToken(null)
                    .post("/api/person-enrolments", Map.of("code", code.path("code").asText())),
                "a token for " + name)
            .body();
    return regulator.withToken(token.path("token").asText());
  }

  private Login login(long id, String name, long account, String accountName, String rights) {
    register(id, name, account, rights, account == MINISTRY);
    String password = password();
    ok(
        regulator.post("/api/persons/" + id + "/password", Map.of("password", password)),
        "a password for " + name);
    JsonNode totp = ok(regulator.post("/api/persons/" + id + "/totp", Map.of()), name).body();
    return new Login(id, name, accountName, password, totp.path("secret").asText());
  }

  private void register(long id, String name, long account, String rights, boolean senior) {
    ok(
        regulator.post(
            "/api/persons",
            Map.of("personId", id, "name", name, "grade", senior ? "SENIOR" : "ORDINARY")),
        "register " + name);
    ok(
        regulator.post(
            "/api/accounts/" + account + "/representatives",
            Map.of("personId", id, "rights", rights)),
        name + " represents " + account);
  }

  /** Four groups of four letters and digits: easy to type, 80 bits. */
  private static String password() {
    String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      if (i > 0 && i % 4 == 0) {
        b.append('-');
      }
      b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  private static ApiClient.Response ok(ApiClient.Response r, String what) {
    if (!r.ok()) {
      throw new IllegalStateException(
          "demo: could not " + what + ": " + r.status() + " " + r.text());
    }
    return r;
  }
}
