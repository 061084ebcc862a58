package org.computecap.cli;

import picocli.CommandLine.Command;

/** {@code computecap program ...}: works with program (rules) files. */
@Command(
    name = "program",
    mixinStandardHelpOptions = true,
    description = "Check a program file.",
    subcommands = {ProgramCheckCommand.class})
final class ProgramCommand {}
