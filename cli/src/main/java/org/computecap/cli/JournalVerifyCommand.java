package org.computecap.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.computecap.engine.journal.Checkpoint;
import org.computecap.engine.journal.CheckpointLog;
import org.computecap.engine.journal.HeadAnchor;
import org.computecap.engine.journal.JournalFile;
import org.computecap.engine.journal.Verification;
import org.computecap.journal.postgres.PostgresJournal;
import org.computecap.journal.postgres.TableVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code computecap journal verify FILE|JDBC-URL [--expect-head HASH[@SEQ]]... [--checkpoints
 * FILE]}: checks every record's checksum, sequence and hash link, and that the chain agrees with
 * head hashes kept elsewhere: the server's signed checkpoints (by default the file's own {@code
 * FILE.checkpoints} when it exists) and heads an operator recorded. A journal cut short or
 * rewritten at its end verifies on its own; only those catch it. Exit 0 with a one-line summary
 * when intact and in agreement; 1 naming the first bad entry (seq, and byte offset in a file)
 * otherwise, with the line {@code serve} refuses to start with; 2 for bad arguments.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description =
        "Check a journal's checksums and hash chain, and its head against checkpoints or a"
            + " recorded head; name the first bad entry.")
final class JournalVerifyCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "FILE|JDBC-URL",
      description = "the journal file, or a jdbc:postgresql: URL of a journal table")
  String target;

  @Option(
      names = "--expect-head",
      paramLabel = "HASH[@SEQ]",
      description =
          "a head hash recorded elsewhere (e.g. from GET /api/journal/checkpoint): entry SEQ must"
              + " have it, or without @SEQ some entry must")
  List<String> expectHeads = new ArrayList<>();

  @Option(
      names = "--checkpoints",
      paramLabel = "FILE",
      description =
          "the server's signed checkpoints to check against (default for a journal file:"
              + " FILE.checkpoints when it exists)")
  Path checkpoints;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean table = target.startsWith(PostgresJournal.URL_PREFIX);
    if (!table && !Files.isRegularFile(Path.of(target))) {
      err.println("journal verify: no such file: " + target);
      return 2;
    }
    List<HeadAnchor> anchors = new ArrayList<>();
    try {
      for (String h : expectHeads) {
        anchors.add(HeadAnchor.parse(h, "--expect-head " + h));
      }
    } catch (IllegalArgumentException e) {
      err.println("journal verify: " + e.getMessage());
      return 2;
    }
    Path cpFile = checkpoints;
    if (cpFile == null && !table && Files.isRegularFile(Path.of(target + ".checkpoints"))) {
      cpFile = Path.of(target + ".checkpoints");
    }
    List<Checkpoint> signed = List.of();
    if (cpFile != null) {
      if (!Files.isRegularFile(cpFile)) {
        err.println("journal verify: --checkpoints: no such file: " + cpFile);
        return 2;
      }
      try {
        signed = CheckpointLog.read(cpFile).checkpoints();
      } catch (IllegalArgumentException e) {
        out.println("checkpoints damaged: " + e.getMessage());
        return 1;
      }
      for (Checkpoint c : signed) {
        anchors.add(c.anchor(cpFile.toString()));
      }
    }
    boolean intact;
    if (table) {
      TableVerification v;
      try {
        v = PostgresJournal.verify(target, anchors);
      } catch (IllegalArgumentException | IllegalStateException e) {
        err.println("journal verify: " + e.getMessage());
        return 2;
      }
      out.println(v.summary());
      intact = v.intact();
    } else {
      Verification v = JournalFile.verify(Path.of(target), anchors);
      out.println(v.summary());
      intact = v.intact();
    }
    if (intact) {
      describeAnchors(out, signed, cpFile);
    }
    return intact ? 0 : 1;
  }

  /** What the chain was checked against, so that "intact" says how much it is worth. */
  private void describeAnchors(PrintWriter out, List<Checkpoint> signed, Path cpFile) {
    for (String h : expectHeads) {
      out.println("agrees with --expect-head " + h);
    }
    if (cpFile == null) {
      if (expectHeads.isEmpty()) {
        out.println(
            "no checkpoints or expected head given: a cut-off tail or a rewritten last entry"
                + " would not show");
      }
      return;
    }
    if (signed.isEmpty()) {
      out.println("no checkpoints in " + cpFile + " yet");
      return;
    }
    Checkpoint last = signed.get(signed.size() - 1);
    Set<String> keys = new LinkedHashSet<>();
    for (Checkpoint c : signed) {
      keys.add(c.keyFingerprint());
    }
    out.println(
        "agrees with "
            + signed.size()
            + " signed checkpoints in "
            + cpFile
            + " (latest: seq "
            + last.seq()
            + " at "
            + last.time()
            + "; signed by key "
            + String.join(", ", keys)
            + ")");
  }
}
