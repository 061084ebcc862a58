package org.computecap.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.Engine;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.journal.JournalFile;
import org.computecap.engine.journal.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code computecap journal replay FILE}: rebuilds the state from the journal and prints {@code
 * stateHash=<hex>} and a summary (entries, accounts, permits issued / held / surrendered, and what
 * each feature reports, such as open orders). Exit 1 when the journal is damaged or an entry does
 * not replay.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = "Rebuild the state from a journal; print its state hash and a summary.")
final class JournalReplayCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "the journal file")
  Path file;

  private final ProgramParser parser;

  JournalReplayCommand() {
    this(null);
  }

  /** With a given program parser (tests); the registered one when null. */
  JournalReplayCommand(ProgramParser parser) {
    this.parser = parser;
  }

  private ProgramParser programParser() {
    return parser != null ? parser : ProgramParser.standard();
  }

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file)) {
      System.err.println("journal replay: no such file: " + file);
      return 2;
    }
    Engine engine;
    try {
      engine = new Engine(programParser());
    } catch (IllegalStateException e) {
      System.err.println("journal replay: " + e.getMessage());
      return 1;
    }
    CommandCodec codec = CommandCodec.standard();
    Verification v;
    try {
      v = JournalFile.read(file, e -> engine.apply(e.tick(), codec.decode(e.command())));
      engine.checkInvariants();
    } catch (IllegalArgumentException e) {
      System.out.println(
          "journal replay: entry seq="
              + (engine.state().seq() + 1)
              + " does not replay: "
              + e.getMessage());
      return 1;
    }
    if (!v.intact()) {
      System.out.println(v.summary());
      return 1;
    }
    System.out.println("stateHash=" + CanonicalWriter.hex(engine.stateHash()));
    for (Map.Entry<String, Long> e : engine.state().summary().entrySet()) {
      System.out.println(e.getKey() + "=" + e.getValue());
    }
    return 0;
  }
}
