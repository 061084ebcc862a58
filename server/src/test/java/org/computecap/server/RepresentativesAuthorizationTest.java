package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix for persons (issue 15): on a server with representatives on, a person's
 * token gets exactly the access of its account's own token over every route of the table (ann for
 * alice, bo for bob, rex for the regulator account), as {@link AuthorizationMatrixTest} computes it
 * from the route's access alone, except that the routes only persons may call (approvals,
 * cancellations, revoking a person token) are open to them and issuing an account token is not.
 * Routes on another's resource (an order, a bid, an account token) and the event stream are left to
 * the account matrix.
 */
class RepresentativesAuthorizationTest {
  /** A person's token does not mint account tokens (they would act as nobody). */
  private static final String ISSUE_TOKEN = "POST /api/tokens";

  @Test
  void a_persons_token_gets_exactly_its_accounts_access_on_every_route() throws Exception {
    Path dir = Files.createTempDirectory("computecap-reps-matrix");
    RepresentativesHttpTest.setUp(
        RepresentativesHttpTest.serve(dir, RepresentativesHttpTest.program(dir, 93_600_000L)));
    try {
      List<String> wrong = new ArrayList<>();
      Map<AuthorizationMatrixTest.Who, ApiClient> persons =
          Map.of(
              AuthorizationMatrixTest.Who.ALICE_OWNER, RepresentativesHttpTest.ann,
              AuthorizationMatrixTest.Who.BOB_OTHER, RepresentativesHttpTest.bo,
              AuthorizationMatrixTest.Who.REGULATOR_ACCOUNT, RepresentativesHttpTest.rex);
      int cells = 0;
      for (Route r : RepresentativesHttpTest.server.routes()) {
        String key = r.method() + " " + r.path();
        if (r.reply().kind() == Reply.Kind.EVENT_STREAM
            || AuthorizationMatrixTest.OWNED.containsKey(key)) {
          continue;
        }
        for (Map.Entry<AuthorizationMatrixTest.Who, ApiClient> p : persons.entrySet()) {
          // Sign-in (issue 16): the sample credentials are no one's (401); a person may ask to
          // set another's password, TOTP or subject, and the engine refuses it unless the person
          // represents a regulator (409), as SignInHttpTest checks.
          String signIn = AuthorizationMatrixTest.SIGN_IN.get(key);
          String expected =
              signIn != null
                  ? signIn.equals("credentials") ? "401" : "allowed"
                  : AuthorizationMatrixTest.PERSONS_ONLY.contains(key)
                      ? "allowed"
                      : key.equals(ISSUE_TOKEN)
                          ? "403"
                          : AuthorizationMatrixTest.expected(r, p.getKey());
          int status = call(p.getValue(), r);
          boolean ok =
              expected.equals("403") || expected.equals("401")
                  ? status == Integer.parseInt(expected)
                  : status != 401 && status != 403 && status < 500;
          cells++;
          if (!ok) {
            wrong.add(
                key
                    + " as a person of "
                    + p.getKey()
                    + ": expected "
                    + expected
                    + ", got "
                    + status);
          }
        }
      }
      assertThat(wrong).isEmpty();
      assertThat(cells).isGreaterThan(100);
    } finally {
      RepresentativesHttpTest.server.close();
    }
  }

  private static int call(ApiClient c, Route r) {
    Matcher m = Pattern.compile("\\{([A-Za-z]+)}").matcher(r.path());
    StringBuilder path = new StringBuilder();
    while (m.find()) {
      // No live token: a person revoking their own would lose it for the rest of the walk.
      m.appendReplacement(path, m.group(1).equals("tokenId") ? "999" : "1");
    }
    m.appendTail(path);
    List<String> names = new ArrayList<>();
    for (Field<?> f : r.fields()) {
      names.add(f.name());
    }
    String body =
        r.method().equals("GET")
            ? null
            : names.isEmpty() ? "" : ApiClient.toJson(Harness.sampleBody(names));
    return c.send(r.method(), path.toString(), body).status();
  }
}
