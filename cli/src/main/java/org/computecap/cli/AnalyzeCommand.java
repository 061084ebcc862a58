package org.computecap.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code analyze} verb: the papers' analytical results computed by the economics module, shown
 * as tables, JSON, CSV and charts. It only groups its sub-verbs; each sub-verb is one class and
 * holds no economics of its own.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description =
        "Analytical results of the papers (economics library): figures, equilibria,"
            + " audit design, insurance, efficiency investment, the stability reserve.",
    subcommands = {
      AnalyzeFig1.class,
      AnalyzeSensitivity.class,
      AnalyzeEquilibrium.class,
      AnalyzeAudit.class,
      AnalyzeInsurance.class,
      AnalyzeEfficiency.class,
      AnalyzeMsr.class
    })
final class AnalyzeCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "analyze needs a sub-verb: fig1, sensitivity, equilibrium, audit, insurance, efficiency"
            + " or msr");
  }
}
