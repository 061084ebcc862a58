package org.computecap.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.computecap.engine.program.Program;
import org.computecap.engine.program.ProgramLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code computecap program check FILE}: validates a program (§2) the way the engine will when the
 * market opens, and prints its cap trajectory, so a regulator can dry-run a rule change before it
 * reaches a journal. Exit 0 when valid; exit 2 with the file, the field and its allowed range
 * otherwise.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Validate a program file and print its caps per period.")
final class ProgramCheckCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "FILE",
      description = "the program YAML file, or a shipped one: p1-energy, p2-risk-weighted")
  String file;

  @Override
  public Integer call() {
    Path path = ProgramOption.file(file);
    ProgramOption.Source shipped = path == null ? ProgramOption.shipped(file) : null;
    if (path == null && shipped == null) {
      System.err.println("program check: " + ProgramOption.unknown("FILE", file).getMessage());
      return 2;
    }
    Program p;
    try {
      p =
          path != null
              ? ProgramLoader.load(path)
              : ProgramLoader.parse(shipped.label(), shipped.text());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    System.out.println(
        (path != null ? path.getFileName() : shipped.label())
            + ": valid program \""
            + p.name()
            + "\" ("
            + p.coveredQuantity()
            + " in "
            + p.unit()
            + ", scope "
            + p.scope()
            + ", "
            + p.periods().label()
            + " periods "
            + p.firstPeriod()
            + ".."
            + p.periods().last()
            + ", "
            + p.allocation().method()
            + " allocation, banking "
            + (p.banking() ? "on" : "off")
            + ")");
    TextTable t =
        new TextTable(
            "period",
            "cap permits",
            "free permits",
            "new-entrant reserve permits",
            "auctioned permits");
    for (int period = p.firstPeriod(); period <= p.periods().last(); period++) {
      t.row(
          period,
          p.capPermits(period),
          p.freeBudgetPermits(period),
          p.newEntrantReservePermits(period),
          p.auctionVolumePermits(period));
    }
    java.io.PrintWriter w =
        new java.io.PrintWriter(
            new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8));
    t.print(w);
    return 0;
  }
}
