package org.computecap.sim.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.computecap.sim.run.DeveloperPeriodRow;
import org.computecap.sim.run.RowSink;
import org.computecap.sim.run.TradeRow;

/**
 * A {@link RowSink} that streams trades.csv and developer-periods.csv into a run's output directory
 * as the rows come, so a run keeps none of them in memory however many developers and periods it
 * has. The same lines as {@link Outputs} writes from memory. Close it when the run ends.
 */
public final class RowFiles implements RowSink, AutoCloseable {
  private final BufferedWriter trades;
  private final BufferedWriter developerPeriods;

  /** Creates (replacing) the two files in {@code dir}, which must exist. */
  public RowFiles(Path dir) {
    try {
      trades = Files.newBufferedWriter(dir.resolve("trades.csv"), StandardCharsets.UTF_8);
      developerPeriods =
          Files.newBufferedWriter(dir.resolve("developer-periods.csv"), StandardCharsets.UTF_8);
      trades.write(Outputs.TRADES_HEADER);
      developerPeriods.write(Outputs.DEVELOPER_PERIODS_HEADER);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the row files in " + dir, e);
    }
  }

  @Override
  public void trade(TradeRow row) {
    write(trades, Outputs.tradeLine(row));
  }

  @Override
  public void developerPeriod(DeveloperPeriodRow row) {
    write(developerPeriods, Outputs.developerPeriodLine(row));
  }

  private static void write(BufferedWriter w, String line) {
    try {
      w.write(line);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a row", e);
    }
  }

  @Override
  public void close() {
    try {
      trades.close();
      developerPeriods.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the row files", e);
    }
  }
}
