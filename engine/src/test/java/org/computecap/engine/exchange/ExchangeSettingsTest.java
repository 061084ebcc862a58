package org.computecap.engine.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExchangeSettingsTest {

  @Test
  void exchange_settings_come_from_the_program_with_defaults_and_named_errors() {
    assertThat(ExchangeSettings.fromProgram("cap: 5\n")).isEqualTo(ExchangeSettings.DEFAULT);
    assertThat(
            ExchangeSettings.fromProgram(
                "exchange:\n  tickCents: 5\n  lotPermits: 10\n  selfTradePrevention: false\n"
                    + "  books: SINGLE\n"))
        .isEqualTo(new ExchangeSettings(5, 10, false, false));
    assertThatThrownBy(() -> ExchangeSettings.fromProgram("exchange:\n  tickCents: 0\n"))
        .hasMessageContaining("exchange.tickCents");
    assertThatThrownBy(() -> ExchangeSettings.fromProgram("exchange:\n  books: MANY\n"))
        .hasMessageContaining("exchange.books");
  }

  @Test
  void settings_out_of_range_or_of_the_wrong_kind_are_refused() {
    assertThatThrownBy(() -> ExchangeSettings.fromProgram("exchange:\n  lotPermits: 1000000001\n"))
        .hasMessageContaining("exchange.lotPermits must be in [1, 1000000000]");
    assertThatThrownBy(() -> ExchangeSettings.fromProgram("exchange:\n  tickCents: 2.5\n"))
        .hasMessageContaining("exchange.tickCents must be a whole number");
    assertThatThrownBy(() -> ExchangeSettings.fromProgram("exchange:\n  selfTradePrevention: 1\n"))
        .hasMessageContaining("exchange.selfTradePrevention must be true or false");
    assertThatThrownBy(() -> ExchangeSettings.fromProgram("exchange: 5\n"))
        .hasMessageContaining("exchange must be a mapping");
  }
}
