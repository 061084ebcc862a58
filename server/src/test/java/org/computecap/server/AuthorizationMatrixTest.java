package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every caller against every route of the route table (token issuance, revocation, enrolment and
 * insurer appointment included), with a well-formed request acting for alice (or for her appointed
 * insurer ines): the answer must be 401 for no or a bad token where a token is needed (and for a
 * bad token everywhere, the event stream included), 403 where the caller's role or ownership does
 * not allow the call, 404 where the resource is another participant's (an order, a bid, a token:
 * indistinguishable from a missing one), and anything else (2xx, 404, 409) where it is allowed. The
 * expected column is computed from the caller and the route's access alone, not from the route's
 * implementation, so a route that forgets a check fails here. Every answer must also be a status
 * the route's OpenAPI description declares.
 */
class AuthorizationMatrixTest {
  private static Harness h;

  enum Who {
    NOBODY,
    BAD_TOKEN,
    ALICE_OWNER,
    BOB_OTHER,
    AUDITOR,
    INSURER,
    REGULATOR_ACCOUNT,
    MARKET_REGULATOR
  }

  /** Routes on a resource that belongs to one account: how a non-owner is answered. */
  static final Map<String, String> OWNED =
      Map.of(
          "GET /api/orders/{orderId}", "read",
          "DELETE /api/orders/{orderId}", "act",
          "DELETE /api/auctions/{auctionId}/bids/{bidId}", "act",
          "DELETE /api/tokens/{tokenId}", "revoke",
          "GET /api/serials/{vintage}/{serial}", "read");

  /**
   * Routes only a person's token may call (issue 15's approvals and person tokens): every account's
   * own token is refused, whatever its role; {@link RepresentativesHttpTest} covers the persons.
   */
  static final Set<String> PERSONS_ONLY =
      Set.of(
          "POST /api/transactions/{transactionId}/approval",
          "POST /api/transactions/{transactionId}/cancellation",
          "DELETE /api/person-tokens/{tokenId}",
          // A person's own browser sessions (issue 16): SignInHttpTest covers the persons.
          "GET /api/sessions",
          "DELETE /api/sessions/{sessionId}");

  /**
   * Sign-in (issue 16): signing in checks the body's credentials whatever token is sent (the
   * sample's are no one's: 401 for everyone); setting a person's password, TOTP or OpenID Connect
   * subject is for a person's session or token (their own, or a regulator's person) or the market
   * regulator's own token, so every other account token is 403 ({@link SignInHttpTest} covers the
   * persons); signing out is for anyone.
   */
  static final Map<String, String> SIGN_IN =
      Map.of(
          "POST /api/session", "credentials",
          "DELETE /api/session", "anyone",
          "POST /api/persons/{personId}/password", "person-or-operator",
          "POST /api/persons/{personId}/totp", "person-or-operator",
          "POST /api/persons/{personId}/oidc-subject", "person-or-operator");

  @BeforeAll
  static void start() throws Exception {
    h = Harness.withCast();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void every_role_gets_exactly_the_access_its_route_grants() throws Exception {
    List<String> wrong = new ArrayList<>();
    int cells = 0;
    for (Route r : h.server.routes()) {
      // Regulators last: their accepted commands (closing the period) must not hide others' cells.
      for (Who who : Who.values()) {
        int status = call(r, who);
        String expected = expected(r, who);
        boolean ok =
            switch (expected) {
              case "401" -> status == 401;
              case "403" -> status == 403;
              case "404" -> status == 404;
              default -> status != 401 && status != 403 && status < 500;
            };
        cells++;
        String cell = r.method() + " " + r.path() + " as " + who;
        if (!ok) {
          wrong.add(cell + ": expected " + expected + ", got " + status);
        } else if (!r.statuses().contains(status)) {
          wrong.add(cell + ": " + status + " is not among the declared " + r.statuses());
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(cells).isEqualTo(h.server.routes().size() * Who.values().length);
  }

  private static String token(Who who) {
    return switch (who) {
      case NOBODY -> null;
      case BAD_TOKEN -> "cc_not-a-token-we-issued";
      case ALICE_OWNER -> h.tokenOf(Harness.ALICE);
      case BOB_OTHER -> h.tokenOf(Harness.BOB);
      case AUDITOR -> h.tokenOf(Harness.AUDREY);
      case INSURER -> h.tokenOf(Harness.INES);
      case REGULATOR_ACCOUNT -> h.tokenOf(Harness.RITA);
      case MARKET_REGULATOR -> h.server.newRegulatorToken();
    };
  }

  private static int call(Route r, Who who) throws Exception {
    String token = token(who);
    String path = h.concrete(r.path());
    if (r.reply().kind() == Reply.Kind.EVENT_STREAM) {
      // Only the status line: the stream itself never ends.
      try (RawHttp c = new RawHttp(h.server.port(), 10_000)) {
        c.send(
            "GET "
                + path
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + "\r\n");
        return Integer.parseInt(c.line().split(" ")[1]);
      }
    }
    ApiClient c = h.anonymous.withToken(token);
    Map<String, Object> body = Harness.sampleBody(names(r));
    return c.send(
            r.method(),
            path,
            r.method().equals("GET") ? null : r.fields().isEmpty() ? "" : ApiClient.toJson(body))
        .status();
  }

  private static List<String> names(Route r) {
    List<String> out = new ArrayList<>();
    for (Field<?> f : r.fields()) {
      out.add(f.name());
    }
    return out;
  }

  /** "401", "403", "404" or "allowed", from the route's access and the caller. */
  static String expected(Route r, Who who) {
    if (who == Who.BAD_TOKEN) {
      return "401";
    }
    String signIn = SIGN_IN.get(r.method() + " " + r.path());
    if (signIn != null) {
      return switch (signIn) {
        case "credentials" -> "401";
        case "person-or-operator" ->
            who == Who.MARKET_REGULATOR ? "allowed" : who == Who.NOBODY ? "401" : "403";
        default -> "allowed";
      };
    }
    if (who == Who.NOBODY) {
      return r.access() == Access.PUBLIC ? "allowed" : "401";
    }
    boolean regulator = who == Who.REGULATOR_ACCOUNT || who == Who.MARKET_REGULATOR;
    boolean supervisor = regulator || who == Who.AUDITOR;
    if (PERSONS_ONLY.contains(r.method() + " " + r.path())) {
      return "403";
    }

    String owned = OWNED.get(r.method() + " " + r.path());
    if (owned != null) {
      return switch (owned) {
        case "read" -> supervisor || who == Who.ALICE_OWNER ? "allowed" : "404";
        case "act" -> supervisor ? "403" : who == Who.ALICE_OWNER ? "allowed" : "404";
        default -> regulator || who == Who.ALICE_OWNER ? "allowed" : "404";
      };
    }
    // The account a request acts for or reads: ines for insurer evaluations, else alice.
    Who owner =
        names(r).contains("insurerId") && r.path().equals("/api/insurer-evaluations")
            ? Who.INSURER
            : Who.ALICE_OWNER;
    boolean allowed =
        switch (r.access()) {
          case PUBLIC, SIGNED_IN -> true;
          case READER -> supervisor || who == owner;
          case SUPERVISOR -> supervisor;
          case REGULATOR -> regulator;
          case ACTOR -> who == owner;
          case ACTOR_OR_REGULATOR -> regulator || who == owner;
          case INSURER_OR_REGULATOR -> regulator || who == Who.INSURER;
          case AUDITOR_OR_REGULATOR -> regulator || who == Who.AUDITOR;
        };
    return allowed ? "allowed" : "403";
  }
}
