package org.computecap.sim.run;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a run puts the rows that grow with its length and population (trades and
 * developer-periods): kept in memory for a result's callers, or streamed to files as they come so
 * that memory stays bounded however large the population ({@code sim/report/RowFiles}).
 */
public interface RowSink {

  void trade(TradeRow row);

  void developerPeriod(DeveloperPeriodRow row);

  /** The trades kept, empty when they were streamed away. */
  default List<TradeRow> trades() {
    return List.of();
  }

  /** The developer-period rows kept, empty when they were streamed away. */
  default List<DeveloperPeriodRow> developerPeriods() {
    return List.of();
  }

  /** A sink that keeps no row (a replication whose rows nobody reads). */
  static RowSink discard() {
    return new RowSink() {
      @Override
      public void trade(TradeRow row) {}

      @Override
      public void developerPeriod(DeveloperPeriodRow row) {}
    };
  }

  /** A sink that keeps every row in memory. */
  static RowSink memory() {
    return new RowSink() {
      private final List<TradeRow> trades = new ArrayList<>();
      private final List<DeveloperPeriodRow> rows = new ArrayList<>();

      @Override
      public void trade(TradeRow row) {
        trades.add(row);
      }

      @Override
      public void developerPeriod(DeveloperPeriodRow row) {
        rows.add(row);
      }

      @Override
      public List<TradeRow> trades() {
        return trades;
      }

      @Override
      public List<DeveloperPeriodRow> developerPeriods() {
        return rows;
      }
    };
  }
}
