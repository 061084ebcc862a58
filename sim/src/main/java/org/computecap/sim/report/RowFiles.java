package org.computecap.sim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.computecap.figures.CsvTable;
import org.computecap.sim.run.DeveloperPeriodRow;
import org.computecap.sim.run.RowSink;
import org.computecap.sim.run.TradeRow;

/**
 * A {@link RowSink} that streams trades.csv and developer-periods.csv into a run's output directory
 * as the rows come ({@link CsvTable#open}), so a run keeps none of them in memory however many
 * developers and periods it has. The same tables {@link Outputs} writes from memory. Close it when
 * the run ends.
 */
public final class RowFiles implements RowSink, AutoCloseable {
  private final CsvTable.Rows<TradeRow> trades;
  private final CsvTable.Rows<DeveloperPeriodRow> developerPeriods;

  /** Creates (replacing) the two files in {@code dir}, which must exist. */
  public RowFiles(Path dir) {
    try {
      trades = Outputs.TRADES.open(dir.resolve("trades.csv"));
      developerPeriods = Outputs.DEVELOPER_PERIODS.open(dir.resolve("developer-periods.csv"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the row files in " + dir, e);
    }
  }

  @Override
  public void trade(TradeRow row) {
    trades.write(row);
  }

  @Override
  public void developerPeriod(DeveloperPeriodRow row) {
    developerPeriods.write(row);
  }

  @Override
  public void close() {
    trades.close();
    developerPeriods.close();
  }
}
