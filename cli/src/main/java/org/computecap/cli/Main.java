package org.computecap.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code computecap} command. Each verb is one picocli command class;
 * the verbs are thin adapters that parse input, call a module and print the result, so no
 * business rule lives here. Exit codes: 0 success, 1 a check failed, 2 bad input.
 */
@Command(
    name = "computecap",
    mixinStandardHelpOptions = true,
    version = "computecap 0.1.0",
    description = "A cap-and-trade system for AI compute.",
    subcommands = {CommandLine.HelpCommand.class, JournalCommand.class, ScriptCommand.class,
        ProgramCommand.class})
public final class Main {

  /** Builds the command line with the exit-code conventions shared by every verb. */
  static CommandLine commandLine() {
    CommandLine cmd = new CommandLine(new Main());
    cmd.setExitCodeExceptionMapper(e -> e instanceof IllegalArgumentException ? 2 : 1);
    return cmd;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
