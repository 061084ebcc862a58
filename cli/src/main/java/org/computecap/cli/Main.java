package org.computecap.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code computecap} command. Each verb is one picocli command class; the verbs
 * are thin adapters that parse input, call a module and print the result, so no business rule lives
 * here. Exit codes: 0 success, 1 a check failed, 2 bad input.
 *
 * <p>Bad input reaches the user as one line on stderr naming the option, never a stack trace or a
 * page of usage: picocli's own parse errors (an unknown option, a non-numeric value) and an {@link
 * IllegalArgumentException} thrown while a verb runs (a value out of range) both exit with code 2.
 * An I/O error (a file that cannot be written) is one line too, with exit code 1.
 */
@Command(
    name = "computecap",
    mixinStandardHelpOptions = true,
    version = "computecap 0.1.0",
    description = "A cap-and-trade system for AI compute.",
    subcommands = {
      CommandLine.HelpCommand.class,
      AnalyzeCommand.class,
      JournalCommand.class,
      ScriptCommand.class,
      ProgramCommand.class,
      SimulateCommand.class,
      SweepCommand.class,
      ExperimentCommand.class,
      ScenariosCommand.class,
      ServeCommand.class,
      CompletionCommand.class,
      TotpCommand.class,
      MeterCommand.class,
      DataCommand.class,
      SearchCommand.class
    })
public final class Main {

  /** Builds the command line with the exit-code conventions shared by every verb. */
  static CommandLine commandLine() {
    CommandLine cmd = new CommandLine(new Main());
    cmd.setExitCodeExceptionMapper(Main::exitCodeOf);
    cmd.setParameterExceptionHandler(Main::badOption);
    cmd.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof IllegalArgumentException) {
            commandLine.getErr().println("computecap: " + e.getMessage());
            return exitCodeOf(e);
          }
          Throwable io = e instanceof UncheckedIOException ? e.getCause() : e;
          if (io instanceof IOException) {
            commandLine.getErr().println("computecap: I/O error: " + io);
            return exitCodeOf(e);
          }
          throw e;
        });
    return cmd;
  }

  /**
   * A malformed command line (an unknown option, a value of the wrong type, {@code --set x} without
   * {@code =}) is one line naming the option and where the usage is, not the whole usage.
   */
  private static int badOption(CommandLine.ParameterException e, String[] args) {
    CommandLine c = e.getCommandLine();
    c.getErr()
        .println(
            "computecap: "
                // picocli 4.7 writes "option option '--set'" in its key=value message.
                + e.getMessage().replace("option option", "option")
                + " (see "
                + c.getCommandSpec().qualifiedName()
                + " --help)");
    return 2;
  }

  private static int exitCodeOf(Throwable e) {
    boolean badInput =
        e instanceof IllegalArgumentException || e instanceof CommandLine.ParameterException;
    return badInput ? 2 : 1;
  }

  public static void main(String[] args) {
    // Charts are rendered off-screen; a server or CI machine has no display.
    System.setProperty("java.awt.headless", "true");
    System.exit(commandLine().execute(args));
  }
}
