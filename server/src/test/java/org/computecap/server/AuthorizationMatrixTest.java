package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every caller against every route of the route table, with a well-formed request acting for alice
 * (or the insurer ines): the answer must be 401 for no or a bad token where a token is needed, 403
 * where the caller's role or ownership does not allow the call, and anything else (2xx, 404, 409)
 * where it does. The expected column is computed from the caller alone, not from the route's
 * implementation, so a route that forgets a check fails here.
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

  @BeforeAll
  static void start() throws Exception {
    h = Harness.withCast();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void every_role_gets_exactly_the_access_its_route_grants() {
    List<String> wrong = new ArrayList<>();
    int cells = 0;
    for (Routes.Route r : h.server.routes()) {
      // Regulators last: their accepted commands (closing the period) must not hide others' cells.
      for (Who who : Who.values()) {
        int status = call(r, who).status();
        String expected = expected(r, who);
        boolean ok =
            switch (expected) {
              case "401" -> status == 401;
              case "403" -> status == 403;
              default -> status != 401 && status != 403 && status < 500;
            };
        cells++;
        if (!ok) {
          wrong.add(
              r.method()
                  + " "
                  + r.path()
                  + " as "
                  + who
                  + ": expected "
                  + expected
                  + ", got "
                  + status);
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(cells).isEqualTo(h.server.routes().size() * Who.values().length);
  }

  private static ApiClient.Response call(Routes.Route r, Who who) {
    ApiClient c =
        switch (who) {
          case NOBODY -> h.anonymous;
          case BAD_TOKEN -> h.anonymous.withToken("cc_not-a-token-we-issued");
          case ALICE_OWNER -> h.as.get(Harness.ALICE);
          case BOB_OTHER -> h.as.get(Harness.BOB);
          case AUDITOR -> h.as.get(Harness.AUDREY);
          case INSURER -> h.as.get(Harness.INES);
          case REGULATOR_ACCOUNT -> h.as.get(Harness.RITA);
          case MARKET_REGULATOR -> h.regulator;
        };
    String path = h.concrete(r.path());
    Map<String, Object> body = Harness.sampleBody(r.fields());
    return c.send(
        r.method(),
        path,
        r.method().equals("GET") ? null : r.fields().isEmpty() ? "" : ApiClient.toJson(body));
  }

  /** "401", "403" or "allowed", from the route's access and the caller. */
  static String expected(Routes.Route r, Who who) {
    if (who == Who.BAD_TOKEN) {
      return "401";
    }
    if (who == Who.NOBODY) {
      return r.access() == Access.PUBLIC ? "allowed" : "401";
    }
    boolean regulator = who == Who.REGULATOR_ACCOUNT || who == Who.MARKET_REGULATOR;
    boolean supervisor = regulator || who == Who.AUDITOR;
    // The account a request acts for or reads: ines for insurer evaluations, else alice.
    Who owner = r.fields().contains("insurerId") ? Who.INSURER : Who.ALICE_OWNER;
    boolean allowed =
        switch (r.access()) {
          case PUBLIC, SIGNED_IN -> true;
          case READER -> supervisor || who == owner;
          case SUPERVISOR -> supervisor;
          case REGULATOR -> regulator;
          case ACTOR -> who == owner;
          case ACTOR_OR_REGULATOR -> regulator || who == owner;
          case INSURER_OR_REGULATOR -> regulator || who == Who.INSURER;
        };
    return allowed ? "allowed" : "403";
  }
}
