package org.computecap.engine.journal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The checkpoints file: one {@link Checkpoint} line per checkpoint, appended and synced, never
 * rewritten (mode 0600, next to the journal). A crash in the middle of an append leaves a last line
 * without its newline; that line was never complete, so readers skip it and {@link #open} cuts it
 * before appending again. Any other line that does not parse, or whose signature does not verify,
 * means the file was damaged or edited, and is refused naming its line number.
 */
public final class CheckpointLog implements AutoCloseable {
  /** What a read found: the checkpoints in file order and whether a torn last line was skipped. */
  public record Contents(List<Checkpoint> checkpoints, boolean tornLastLine) {
    /** The last checkpoint written, if any. */
    public Optional<Checkpoint> latest() {
      return checkpoints.isEmpty()
          ? Optional.empty()
          : Optional.of(checkpoints.get(checkpoints.size() - 1));
    }
  }

  private final Path path;
  private final FileChannel channel;
  private Checkpoint latest;

  private CheckpointLog(Path path, FileChannel channel, Checkpoint latest) {
    this.path = path;
    this.channel = channel;
    this.latest = latest;
  }

  /**
   * Reads every line of {@code path} (none when it does not exist) and checks every signature: what
   * {@code journal verify --checkpoints} does.
   */
  public static Contents read(Path path) {
    List<Checkpoint> all = new ArrayList<>();
    boolean torn = scan(path, true, all::add);
    return new Contents(List.copyOf(all), torn);
  }

  /**
   * The last checkpoint of {@code path}, with its signature checked: every line is parsed, but only
   * the last one's signature is verified, which is the only one a starting server relies on, so a
   * start stays quick after years of checkpoints.
   */
  public static Optional<Checkpoint> latest(Path path) {
    Checkpoint[] last = new Checkpoint[1];
    scan(path, false, c -> last[0] = c);
    if (last[0] != null && !last[0].signatureValid()) {
      throw new IllegalArgumentException(
          "checkpoints " + path + ": the last checkpoint's signature does not verify");
    }
    return Optional.ofNullable(last[0]);
  }

  /** Passes every complete line's checkpoint to {@code sink}; true when a torn line was skipped. */
  private static boolean scan(Path path, boolean verifyAll, Consumer<Checkpoint> sink) {
    if (!Files.exists(path)) {
      return false;
    }
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      boolean endsWithNewline = endsWithNewline(path);
      long lineNo = 0;
      String line = in.readLine();
      while (line != null) {
        lineNo++;
        String next = in.readLine();
        if (next == null && !endsWithNewline) {
          return true;
        }
        if (!line.isBlank()) {
          sink.accept(parse(path, lineNo, line, verifyAll));
        }
        line = next;
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read checkpoints " + path, e);
    }
  }

  private static Checkpoint parse(Path path, long lineNo, String line, boolean verify) {
    Checkpoint c;
    try {
      c = Checkpoint.parse(line);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "checkpoints " + path + " line " + lineNo + ": " + e.getMessage());
    }
    if (verify && !c.signatureValid()) {
      throw new IllegalArgumentException(
          "checkpoints "
              + path
              + " line "
              + lineNo
              + ": the signature does not verify (the line was edited)");
    }
    return c;
  }

  /**
   * Opens {@code path} for appending (creating it with mode 0600), after cutting a torn last line a
   * crash may have left.
   */
  public static CheckpointLog open(Path path) {
    Optional<Checkpoint> last = latest(path);
    boolean existed = Files.exists(path);
    try {
      FileChannel ch =
          PrivateFiles.open(
              path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
      if (ch.size() > 0 && lastByte(ch) != '\n') {
        ch.truncate(lastNewline(ch) + 1);
        ch.force(true);
      }
      ch.position(ch.size());
      if (!existed) {
        FileJournal.syncDirectory(path);
      }
      return new CheckpointLog(path, ch, last.orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open checkpoints " + path, e);
    }
  }

  /** Appends {@code c} as one line and forces it to disk. */
  public synchronized void append(Checkpoint c) {
    ByteBuffer b = ByteBuffer.wrap((c.line() + "\n").getBytes(StandardCharsets.UTF_8));
    try {
      while (b.hasRemaining()) {
        channel.write(b);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to checkpoints " + path, e);
    }
    latest = c;
  }

  /** The last checkpoint in the file, if any. */
  public synchronized Optional<Checkpoint> latest() {
    return Optional.ofNullable(latest);
  }

  public Path path() {
    return path;
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close checkpoints " + path, e);
    }
  }

  private static boolean endsWithNewline(Path path) throws IOException {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      return ch.size() == 0 || lastByte(ch) == '\n';
    }
  }

  private static byte lastByte(FileChannel ch) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    ch.read(one, ch.size() - 1);
    return one.get(0);
  }

  /** The offset of the last newline, or -1. */
  private static long lastNewline(FileChannel ch) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    for (long p = ch.size() - 1; p >= 0; p--) {
      one.clear();
      ch.read(one, p);
      if (one.get(0) == '\n') {
        return p;
      }
    }
    return -1;
  }
}
