package org.computecap.cli;

import picocli.CommandLine.Command;

/** {@code computecap meter ...}: the metering agent (issue 17, docs/metering.md). */
@Command(
    name = "meter",
    mixinStandardHelpOptions = true,
    description = "The metering agent: make a meter key, and read, sign and send energy readings.",
    subcommands = {MeterKeygenCommand.class, MeterRunCommand.class})
final class MeterCommand {}
