package org.computecap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.computecap.sim.calibration.EpochCalibration;
import org.computecap.sim.calibration.EpochData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code computecap data epoch --in RAW.csv --out EXTRACT.csv}: the training runs of at least 1e23
 * FLOP published 2023-2025 from Epoch AI's Notable AI Models CSV (Data: Epoch AI (epochai.org), CC
 * BY 4.0), one row each, with what the calibrated scenario reads; prints what it kept and why it
 * left the rest out.
 */
@Command(
    name = "epoch",
    mixinStandardHelpOptions = true,
    description =
        "Extract the training runs of >= 1e23 FLOP published 2023-01-01..2025-12-31 from Epoch"
            + " AI's notable-ai-models.csv (Data: Epoch AI (epochai.org), CC BY 4.0).")
final class DataEpochCommand implements Callable<Integer> {
  @Option(names = "--in", required = true, paramLabel = "RAW.csv", description = "Epoch's CSV")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "EXTRACT.csv", description = "the extract")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    DataCommand.checkInOut(in, out);
    EpochData.Derivation d =
        EpochData.derive(in.toString(), Files.readString(in, StandardCharsets.UTF_8));
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(out, EpochData.extractCsv(d.runs()), StandardCharsets.UTF_8);
    PrintWriter o = spec.commandLine().getOut();
    o.printf(
        "%d rows: %d without training compute, %d below 1e23 FLOP, %d published outside"
            + " 2023-2025; %d runs by %d organisations written to %s%n",
        d.rows(),
        d.noCompute(),
        d.belowMin(),
        d.outside(),
        d.runs().size(),
        EpochCalibration.organisations(d.runs()).size(),
        out);
    return 0;
  }
}
