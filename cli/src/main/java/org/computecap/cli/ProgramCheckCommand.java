package org.computecap.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.computecap.engine.program.Program;
import org.computecap.engine.program.ProgramLoader;
import org.computecap.engine.program.StabilityReserve;
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
    // The base trajectory, then one column per market stability rule the program turns on
    // (issue 14), so a program without them prints exactly the table it always did.
    Program.Auction a = p.auction();
    boolean escalates = a.reservePriceEscalationPpm() != 0;
    boolean ccr = a.costContainment().isOn();
    boolean ecr = a.emissionsContainment().isOn();
    boolean tiers = p.priceControls().reserve().isOn();
    boolean ceiling = p.priceControls().ceiling().isOn();
    List<String> heads =
        new ArrayList<>(
            List.of(
                "period",
                "cap permits",
                "free permits",
                "new-entrant reserve permits",
                "auctioned permits"));
    addIf(heads, escalates, "reserve price cents");
    addIf(heads, ccr, "CCR room permits");
    addIf(heads, ccr, "CCR trigger cents");
    addIf(heads, ecr, "ECR trigger cents");
    addIf(heads, tiers, "price containment permits");
    int tierCount = p.priceControls().reserve().tiers().size();
    for (int k = 0; k < tierCount; k++) {
      heads.add("tier " + (k + 1) + " cents");
    }
    addIf(heads, ceiling, "ceiling cents");
    TextTable t = new TextTable(heads.toArray(new String[0]));
    for (int period = p.firstPeriod(); period <= p.periods().last(); period++) {
      List<Object> row =
          new ArrayList<>(
              List.of(
                  period,
                  p.capPermits(period),
                  p.freeBudgetPermits(period),
                  p.newEntrantReservePermits(period),
                  p.auctionVolumePermits(period)));
      addIf(row, escalates, p.reservePriceCents(period));
      addIf(row, ccr, p.costContainmentPermits(period));
      addIf(row, ccr, p.costContainmentTriggerCents(period));
      addIf(row, ecr, p.emissionsContainmentTriggerCents(period));
      addIf(row, tiers, p.priceContainmentPermits(period));
      for (int k = 0; k < tierCount; k++) {
        row.add(p.tierPriceCents(k, period));
      }
      addIf(row, ceiling, p.priceCeilingCents(period));
      t.row(row.toArray());
    }
    java.io.PrintWriter w =
        new java.io.PrintWriter(
            new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8));
    t.print(w);
    StabilityReserve r = p.stabilityReserve();
    if (r != null) {
      w.printf(
          java.util.Locale.ROOT,
          "stability reserve: TNAC above %d permits: %.1f%% of it withheld from the next period's"
              + " auctions; above %d: TNAC less %d; below %d: %d released%s%n",
          r.upperThresholdPermits(),
          r.intakeRatePpm() / 1e4,
          r.lowerThresholdPermits(),
          r.lowerThresholdPermits(),
          r.releaseThresholdPermits(),
          r.releaseVolumePermits(),
          r.hasInvalidationLimit()
              ? "; holdings above " + r.invalidationLimitPermits() + " invalidated"
              : "");
      w.flush();
    }
    return 0;
  }

  private static <T> void addIf(List<T> list, boolean on, T value) {
    if (on) {
      list.add(value);
    }
  }
}
