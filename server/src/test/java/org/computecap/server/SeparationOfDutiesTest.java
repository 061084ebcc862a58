package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.computecap.engine.command.AppointInsurer;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.command.CompleteEnrolment;
import org.computecap.engine.command.IssueEnrolmentCode;
import org.computecap.engine.command.IssueToken;
import org.computecap.engine.command.RevokeToken;
import org.computecap.engine.journal.JournalFile;
import org.computecap.server.store.JournalStore;
import org.junit.jupiter.api.Test;

/**
 * No one acts for another, and the journal shows who could act for whom (issue 9 item 5): a
 * regulator cannot obtain a participant's token (it hands over a one-time code; the participant
 * gets a token the regulator never sees; codes work once); every token of an account is listed to
 * its holder, re-enrolments included; revoking a token shuts it out from the next request; insurers
 * are appointed by the participant or a regulator, and an insurer that is not appointed can neither
 * evaluate a participant nor charge it a premium. Issuing, revoking and appointing are journaled
 * commands that name who acted, and no secret reaches the journal.
 */
class SeparationOfDutiesTest {
  @Test
  void a_regulator_can_only_hand_over_a_code_and_the_participant_sees_every_token()
      throws Exception {
    try (Harness h = Harness.withCast()) {
      // The regulator asking for a token gets one for itself; there is no field to name another.
      ApiClient.Response own = h.regulator.post("/api/tokens", Map.of());
      assertThat(own.status()).isEqualTo(201);
      assertThat(own.body().path("accountId").asLong()).isZero();
      ApiClient.Response other = h.regulator.post("/api/tokens", Map.of("accountId", 1));
      assertThat(other.status()).isEqualTo(400);
      assertThat(other.body().path("field").asText()).isEqualTo("accountId");

      // A second enrolment of alice (say she lost her token) is visible to her.
      String code = h.regulator.issueEnrolmentCode(Harness.ALICE);
      String head = h.head();
      ApiClient.Response unknown = h.anonymous.post("/api/enrolments", Map.of("code", code + "x"));
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(h.head()).as("a wrong code is not journaled").isEqualTo(head);
      String token = h.anonymous.enrol(code);
      ApiClient.Response reused = h.anonymous.post("/api/enrolments", Map.of("code", code));
      assertThat(reused.status()).isEqualTo(409);
      assertThat(reused.code()).isEqualTo("ENROLMENT_CODE_ALREADY_USED");
      ApiClient alice = h.as.get(Harness.ALICE);
      List<String> listed = new ArrayList<>();
      alice
          .get("/api/accounts/1/tokens")
          .body()
          .path("items")
          .forEach(
              t ->
                  listed.add(
                      t.path("tokenId")
                          + " by "
                          + t.path("issuedBy")
                          + " enrolment "
                          + t.path("enrolmentId")
                          + " "
                          + t.path("status").asText()));
      assertThat(listed).hasSize(3);
      assertThat(listed.get(2)).contains("by 1 enrolment 6").endsWith("ACTIVE");
      assertThat(alice.get("/api/accounts/1/enrolments").body().path("items")).hasSize(2);
      // Bob sees none of alice's credentials.
      assertThat(h.as.get(Harness.BOB).get("/api/accounts/1/tokens").status()).isEqualTo(403);

      // Alice revokes the token she does not recognise: it is refused from the next request on.
      ApiClient stranger = h.anonymous.withToken(token);
      assertThat(stranger.get("/api/me").status()).isEqualTo(200);
      long id = stranger.get("/api/me").body().path("tokenId").asLong();
      assertThat(alice.delete("/api/tokens/" + id).status()).isEqualTo(200);
      assertThat(stranger.get("/api/me").status()).isEqualTo(401);
      assertThat(stranger.get("/api/market").status()).isEqualTo(401);
      assertThat(alice.delete("/api/tokens/" + id).code()).isEqualTo("TOKEN_ALREADY_REVOKED");
      // Bob may not revoke alice's token: it does not exist for him.
      assertThat(h.as.get(Harness.BOB).delete("/api/tokens/" + h.aliceSecondTokenId).status())
          .isEqualTo(404);
    }
  }

  @Test
  void only_the_participant_or_a_regulator_appoints_an_insurer_and_only_it_may_act()
      throws Exception {
    try (Harness h = Harness.withCast()) {
      ApiClient ines = h.as.get(Harness.INES);
      h.expect(h.regulator.openAccount(7, "other-insurer", "INSURER"), 201);
      ApiClient otto = h.anonymous.withToken(h.regulator.enrolAccount(7));
      Map<String, Object> bobEvaluation =
          Map.of("insurerId", Harness.INES, "accountId", Harness.BOB, "period", 1, "signal", "H");
      // Ines is alice's insurer, not bob's: she may not make herself his.
      assertThat(ines.post("/api/insurer-evaluations", bobEvaluation).status()).isEqualTo(403);
      assertThat(ines.post("/api/accounts/2/insurer", Map.of("insurerId", Harness.INES)).status())
          .isEqualTo(403);
      assertThat(ines.post("/api/premiums", Map.of("accountId", Harness.BOB, "period", 1)).status())
          .isEqualTo(403);
      // Bob appoints otto; otto may evaluate bob, ines still may not.
      h.expect(h.as.get(Harness.BOB).post("/api/accounts/2/insurer", Map.of("insurerId", 7)), 200);
      assertThat(ines.post("/api/insurer-evaluations", bobEvaluation).status()).isEqualTo(403);
      ApiClient.Response byOtto =
          otto.post(
              "/api/insurer-evaluations",
              Map.of("insurerId", 7, "accountId", Harness.BOB, "period", 1, "signal", "L"));
      assertThat(byOtto.status()).isEqualTo(200);
      // Appointing a participant as an insurer is refused by the engine's rule.
      assertThat(
              h.regulator
                  .post("/api/accounts/2/insurer", Map.of("insurerId", Harness.ALICE))
                  .code())
          .isEqualTo("NOT_AN_INSURER");
    }
  }

  @Test
  void issuing_and_revoking_credentials_are_journaled_naming_who_acted_and_no_secret_is()
      throws Exception {
    String aliceToken;
    String code;
    java.nio.file.Path journal;
    try (Harness h = Harness.withCast()) {
      aliceToken = h.tokenOf(Harness.ALICE);
      code = h.regulator.issueEnrolmentCode(Harness.BOB);
      h.as.get(Harness.ALICE).delete("/api/tokens/" + h.aliceSecondTokenId);
      journal = h.dataDir.resolve(JournalStore.FILE_NAME);
    }
    CommandCodec codec = CommandCodec.standard();
    List<Command> access = new ArrayList<>();
    JournalFile.read(
        journal,
        e -> {
          Command c = codec.decode(e.command());
          if (c instanceof org.computecap.engine.command.AccessCommand) {
            access.add(c);
          }
        });
    assertThat(access.get(0)).isInstanceOf(IssueToken.class);
    assertThat(((IssueToken) access.get(0)).issuedBy()).isZero();
    assertThat(access)
        .anySatisfy(
            c -> {
              assertThat(c).isInstanceOf(IssueEnrolmentCode.class);
              assertThat(((IssueEnrolmentCode) c).accountId()).isEqualTo(Harness.ALICE);
              assertThat(((IssueEnrolmentCode) c).issuedBy()).isZero();
            })
        .anySatisfy(c -> assertThat(c).isInstanceOf(CompleteEnrolment.class))
        .anySatisfy(
            c -> {
              assertThat(c).isInstanceOf(IssueToken.class);
              assertThat(((IssueToken) c).issuedBy()).isEqualTo(Harness.ALICE);
            })
        .anySatisfy(
            c -> {
              assertThat(c).isInstanceOf(RevokeToken.class);
              assertThat(((RevokeToken) c).revokedBy()).isEqualTo(Harness.ALICE);
            })
        .anySatisfy(
            c -> {
              assertThat(c).isInstanceOf(AppointInsurer.class);
              assertThat(((AppointInsurer) c).appointedBy()).isZero();
            });
    String bytes = new String(Files.readAllBytes(journal), StandardCharsets.ISO_8859_1);
    assertThat(bytes).doesNotContain(aliceToken).doesNotContain(code);
    assertThat(bytes).contains(Credentials.hash(aliceToken));
  }
}
