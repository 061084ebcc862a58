package org.computecap.cli;

import picocli.CommandLine.Command;

/** {@code computecap journal ...}: checks and replays journal files. */
@Command(
    name = "journal",
    mixinStandardHelpOptions = true,
    description = "Verify or replay a journal file.",
    subcommands = {JournalVerifyCommand.class, JournalReplayCommand.class})
final class JournalCommand {}
