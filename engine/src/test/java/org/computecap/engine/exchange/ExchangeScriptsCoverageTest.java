package org.computecap.engine.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.computecap.engine.Rejection;
import org.computecap.engine.script.ExchangeVerbs;
import org.junit.jupiter.api.Test;

/**
 * The exchange's scenario scripts (run by core's ScenarioScriptsTest) must exercise every exchange
 * command verb and every rejection an exchange command can give.
 */
class ExchangeScriptsCoverageTest {
  static final List<Rejection> EXCHANGE_REJECTIONS =
      List.of(
          Rejection.UNKNOWN_ACCOUNT,
          Rejection.ROLE_NOT_PERMITTED,
          Rejection.VINTAGE_NOT_TRADABLE,
          Rejection.PRICE_NOT_ON_TICK,
          Rejection.QUANTITY_NOT_MULTIPLE_OF_LOT,
          Rejection.ORDER_TYPE_NOT_ALLOWED_IN_CALL_PHASE,
          Rejection.INSUFFICIENT_PERMITS,
          Rejection.INSUFFICIENT_CASH,
          Rejection.UNKNOWN_ORDER,
          Rejection.ORDER_NOT_OWNED_BY_ACCOUNT,
          Rejection.CALL_AUCTION_ALREADY_OPEN,
          Rejection.NO_CALL_AUCTION_OPEN);

  @Test
  void the_exchange_scripts_cover_every_exchange_command_and_rejection()
      throws IOException, URISyntaxException {
    Path dir = Path.of(getClass().getResource("/scripts").toURI());
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p :
          files
              .filter(
                  p ->
                      p.getFileName().toString().startsWith("exchange-")
                          && p.toString().endsWith(".txt"))
              .sorted()
              .toList()) {
        text.append(Files.readString(p)).append('\n');
      }
    }
    String all = text.toString();
    for (String verb : new ExchangeVerbs().commands().keySet()) {
      assertThat(all).as("verb " + verb).containsPattern("(?m)^" + verb + " .*-> OK");
    }
    for (Rejection r : EXCHANGE_REJECTIONS) {
      assertThat(all).as("rejection " + r).contains("-> REJECT " + r.code());
    }
  }
}
