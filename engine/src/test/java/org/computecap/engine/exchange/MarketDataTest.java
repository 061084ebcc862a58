package org.computecap.engine.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarketDataTest {

  @Test
  void a_fresh_market_has_no_last_price_and_no_vwap() {
    MarketData data = new MarketData();
    assertThat(data.lastPriceCents()).isEqualTo(OrderBook.NO_PRICE);
    assertThat(data.vwapCents()).isZero();
    assertThat(data.ohlc(1)).isNull();
  }

  @Test
  void trades_build_last_price_vwap_and_ohlc_per_period() {
    MarketData data = new MarketData();
    data.record(1, 100, 2);
    data.record(1, 120, 1);
    data.record(1, 90, 1);
    data.record(1, 110, 4);
    data.record(2, 130, 1);
    assertThat(data.lastPriceCents()).isEqualTo(130);
    assertThat(data.volume()).isEqualTo(9);
    assertThat(data.tradeCount()).isEqualTo(5);
    // (200 + 120 + 90 + 440 + 130) / 9 = 980 / 9 = 108.9 -> 108
    assertThat(data.vwapCents()).isEqualTo(108);
    // (200 + 120 + 90 + 440) / 8 = 106.25 -> 106
    assertThat(data.ohlc(1)).isEqualTo(new Ohlc(1, 100, 120, 90, 110, 8, 106));
    assertThat(data.ohlc(2)).isEqualTo(new Ohlc(2, 130, 130, 130, 130, 1, 130));
    assertThat(data.periodCount()).isEqualTo(2);
  }

  @Test
  void the_vwap_stays_exact_when_the_notional_passes_the_range_of_a_long() {
    MarketData data = new MarketData();
    for (int i = 0; i < 20; i++) {
      data.record(1, 1_000_000_000L - i % 2, 1_000_000_000L);
    }
    // Notional 10 * 10^18 + 10 * (10^18 - 10^9) > 2^63; the average price is 10^9 - 0.5.
    assertThat(data.vwapCents()).isEqualTo(999_999_999L);
    assertThat(data.ohlc(1).vwapCents()).isEqualTo(999_999_999L);
    assertThat(data.volume()).isEqualTo(20_000_000_000L);
  }

  @Test
  void a_trade_in_an_earlier_period_is_refused() {
    MarketData data = new MarketData();
    data.record(3, 100, 1);
    assertThatThrownBy(() -> data.record(2, 100, 1)).hasMessageContaining("period");
  }

  @Test
  void many_periods_grow_the_table() {
    MarketData data = new MarketData();
    for (int p = 0; p < 20; p++) {
      data.record(p, 100 + p, 1);
    }
    assertThat(data.row(19)).isEqualTo(new Ohlc(19, 119, 119, 119, 119, 1, 119));
  }
}
