package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Participants never see a counterparty's account (issue 9 item 6): not in the answer to their own
 * order, not in trades, not in the event stream; and another participant's order is answered
 * exactly like one that does not exist, so order ids cannot be walked to learn who trades.
 */
class PrivacyTest {
  @Test
  void an_order_that_trades_does_not_name_the_counterparty_to_the_participant() throws Exception {
    try (Harness h = Harness.withCast()) {
      ApiClient.Response buy =
          Harness.expect(
              h.as.get(Harness.BOB).placeOrder(Harness.BOB, "BUY", "LIMIT", 900, 2, 1), 201);
      JsonNode trade = null;
      for (JsonNode e : buy.body().path("events")) {
        if (e.path("event").asText().equals("TradeExecuted")) {
          trade = e.path("data");
        }
      }
      assertThat(trade).as(buy.text()).isNotNull();
      assertThat(trade.path("buyAccountId").asLong()).isEqualTo(Harness.BOB);
      assertThat(trade.path("sellAccountId").isNull()).as(buy.text()).isTrue();
      assertThat(buy.text()).doesNotContain("\"sellAccountId\":" + Harness.ALICE);
      JsonNode seenByAlice = h.as.get(Harness.ALICE).get("/api/trades").body().path("items").get(0);
      assertThat(seenByAlice.path("buyAccountId").isNull()).isTrue();
      assertThat(seenByAlice.path("sellAccountId").asLong()).isEqualTo(Harness.ALICE);
      // A regulator sees both sides.
      JsonNode seenByRegulator = h.regulator.get("/api/trades").body().path("items").get(0);
      assertThat(seenByRegulator.path("buyAccountId").asLong()).isEqualTo(Harness.BOB);
    }
  }

  @Test
  void another_participants_order_is_indistinguishable_from_a_missing_one() throws Exception {
    try (Harness h = Harness.withCast()) {
      ApiClient bob = h.as.get(Harness.BOB);
      long missing = h.aliceOrderId + 1000;
      ApiClient.Response others = bob.get("/api/orders/" + h.aliceOrderId);
      ApiClient.Response none = bob.get("/api/orders/" + missing);
      assertThat(others.status()).isEqualTo(404);
      assertThat(none.status()).isEqualTo(404);
      assertThat(others.text().replace(Long.toString(h.aliceOrderId), "ID"))
          .isEqualTo(none.text().replace(Long.toString(missing), "ID"));
      ApiClient.Response cancelOthers = bob.delete("/api/orders/" + h.aliceOrderId);
      ApiClient.Response cancelNone = bob.delete("/api/orders/" + missing);
      assertThat(cancelOthers.status()).isEqualTo(404);
      assertThat(cancelOthers.text().replace(Long.toString(h.aliceOrderId), "ID"))
          .isEqualTo(cancelNone.text().replace(Long.toString(missing), "ID"));
      assertThat(h.as.get(Harness.ALICE).get("/api/orders/" + h.aliceOrderId).status())
          .isEqualTo(200);
      assertThat(h.as.get(Harness.AUDREY).get("/api/orders/" + h.aliceOrderId).status())
          .isEqualTo(200);
    }
  }
}
