package org.computecap.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/** {@code computecap data ...}: derives the project's data extracts and what is built from them. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description =
        "Derive data extracts (Epoch AI's notable models) and the scenarios built on them.",
    subcommands = {DataEpochCommand.class, DataEpochScenarioCommand.class})
final class DataCommand {

  /** Checks a verb's {@code --in} (an existing file) and {@code --out} (not a folder). */
  static void checkInOut(Path in, Path out) {
    if (!Files.isRegularFile(in)) {
      throw new IllegalArgumentException("--in: no such file: " + in);
    }
    if (Files.isDirectory(out)) {
      throw new IllegalArgumentException("--out: " + out + " is a directory, expected a file");
    }
  }
}
