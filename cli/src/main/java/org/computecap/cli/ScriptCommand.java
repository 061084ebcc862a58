package org.computecap.cli;

import picocli.CommandLine.Command;

/** {@code computecap script ...}: scenario scripts (see docs/scripts.md). */
@Command(
    name = "script",
    mixinStandardHelpOptions = true,
    description = "Run scenario scripts against a fresh engine.",
    subcommands = {ScriptRunCommand.class})
final class ScriptCommand {}
