package org.computecap.cli;

import picocli.CommandLine.Command;

/** {@code computecap data ...}: derives the project's data extracts and what is built from them. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description =
        "Derive data extracts (Epoch AI's notable models) and the scenarios built on them.",
    subcommands = {DataEpochCommand.class, DataEpochScenarioCommand.class})
final class DataCommand {}
