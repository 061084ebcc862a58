package org.computecap.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.computecap.engine.journal.JournalFile;
import org.computecap.engine.journal.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code computecap journal verify FILE}: checks every record's checksum, sequence and hash link.
 * Exit 0 with a one-line summary when intact; exit 1 naming the first bad entry (seq and byte
 * offset) otherwise.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Check a journal's checksums and hash chain; name the first bad entry.")
final class JournalVerifyCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "the journal file")
  Path file;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file)) {
      System.err.println("journal verify: no such file: " + file);
      return 2;
    }
    Verification v = JournalFile.verify(file);
    if (v.intact()) {
      System.out.println(v.summary());
      return 0;
    }
    System.out.println(v.summary());
    return 1;
  }
}
