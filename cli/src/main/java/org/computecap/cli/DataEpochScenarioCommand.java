package org.computecap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.computecap.sim.calibration.EpochCalibration;
import org.computecap.sim.calibration.EpochData;
import org.computecap.sim.calibration.EpochRun;
import org.computecap.sim.calibration.EpochScenario;
import org.computecap.sim.calibration.Organisation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code computecap data epoch-scenario --in EXTRACT.csv --out SCENARIO.yaml [--cap-share S]}:
 * writes the P2 scenario calibrated from the extract ({@link EpochCalibration}) and prints the
 * economics' competitive price at the cap levels the shipped experiment runs.
 */
@Command(
    name = "epoch-scenario",
    mixinStandardHelpOptions = true,
    description =
        "Write the P2 risk-weighted scenario calibrated from an extract of `data epoch`, and print"
            + " the competitive price (P2 Eq. 6) at caps of 100, 80, 60 and 40%% of observed"
            + " compute.")
final class DataEpochScenarioCommand implements Callable<Integer> {
  @Option(names = "--in", required = true, paramLabel = "EXTRACT.csv", description = "the extract")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "SCENARIO.yaml", description = "scenario")
  Path out;

  @Option(
      names = "--cap-share",
      paramLabel = "S",
      description = "the cap as a share of observed compute, in (0, 1] (default 0.8)")
  Double capShare;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    DataCommand.checkInOut(in, out);
    EpochCalibration.Settings s = EpochCalibration.Settings.DEFAULT;
    try {
      s = capShare == null ? s : s.withCapShare(capShare);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--cap-share: " + e.getMessage(), e);
    }
    List<EpochRun> runs =
        EpochData.readExtract(in.toString(), Files.readString(in, StandardCharsets.UTF_8));
    String command =
        "./computecap data epoch-scenario --in "
            + in
            + " --out "
            + out
            + (capShare == null ? "" : " --cap-share " + capShare);
    Files.writeString(out, EpochScenario.yaml(runs, s, command), StandardCharsets.UTF_8);
    List<Organisation> orgs = EpochCalibration.organisations(runs);
    PrintWriter o = spec.commandLine().getOut();
    o.printf(
        Locale.ROOT, "%d developers from %d runs written to %s%n", orgs.size(), runs.size(), out);
    o.printf(
        Locale.ROOT,
        "growth of the runs' compute: %.1f%% a year (--set demand.growthPpm=%d)%n",
        EpochCalibration.growth(runs) * 100,
        EpochCalibration.growthPpm(runs));
    o.printf(Locale.ROOT, "cap share  cap (permits)  competitive price ($/permit, all truthful)%n");
    for (double share : new double[] {1.0, 0.8, 0.6, 0.4}) {
      EpochCalibration.Settings at = s.withCapShare(share);
      long cap = EpochCalibration.capPermits(orgs, at);
      o.printf(
          Locale.ROOT,
          "%8.0f%%  %13d  %.2f%n",
          share * 100,
          cap,
          EpochCalibration.competitivePriceCents(runs, at, cap) / 100);
    }
    return 0;
  }
}
