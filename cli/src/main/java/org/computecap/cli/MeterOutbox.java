package org.computecap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.computecap.engine.command.SubmitMeterReading;

/**
 * The metering agent's outbox on disk (issue 17): each signed reading is written, with the agent's
 * counter state after it, to {@code pending/SEQ.json} before it is sent, and moved to {@code sent/}
 * once the server has it; only the newest sent reading is kept (it carries the state the next
 * reading continues from). Every write is a temporary file, forced to disk, renamed, and the
 * directory forced, so a crash leaves either the old file or the new one; a restart finds the
 * newest reading of either folder and continues from it, and sends what is pending, in order.
 */
final class MeterOutbox {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A stored reading and the agent's counter state right after it. */
  record Entry(SubmitMeterReading reading, long totalMillijoules, long[] rawMillijoules) {}

  private final Path pending;
  private final Path sent;

  MeterOutbox(Path dir) {
    this.pending = dir.resolve("pending");
    this.sent = dir.resolve("sent");
    try {
      Files.createDirectories(pending);
      Files.createDirectories(sent);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the outbox " + dir, e);
    }
  }

  /** Stores a new reading durably (before it is sent). */
  void add(Entry e) {
    writeAtomically(pending.resolve(name(e.reading().sequence())), encode(e));
  }

  /** The readings not yet delivered, oldest first. */
  List<Entry> pending() {
    List<Entry> out = new ArrayList<>();
    for (Path p : files(pending)) {
      out.add(read(p));
    }
    return out;
  }

  /** The newest reading made, pending or sent, or null before the first. */
  Entry last() {
    List<Path> all = new ArrayList<>(files(pending));
    all.addAll(files(sent));
    Path newest = null;
    for (Path p : all) {
      if (newest == null
          || p.getFileName().toString().compareTo(newest.getFileName().toString()) > 0) {
        newest = p;
      }
    }
    return newest == null ? null : read(newest);
  }

  /** Marks a reading delivered: it moves to sent/, and older sent readings are dropped. */
  void delivered(long sequence) {
    Path from = pending.resolve(name(sequence));
    try {
      Files.move(from, sent.resolve(name(sequence)), StandardCopyOption.ATOMIC_MOVE);
      force(sent);
      force(pending);
      for (Path p : files(sent)) {
        if (p.getFileName().toString().compareTo(name(sequence)) < 0) {
          Files.delete(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot mark reading " + sequence + " delivered", e);
    }
  }

  private static String name(long sequence) {
    return String.format("%020d.json", sequence);
  }

  private static List<Path> files(Path dir) {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.json")) {
      for (Path p : s) {
        out.add(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    out.sort(null);
    return out;
  }

  private static byte[] encode(Entry e) {
    SubmitMeterReading r = e.reading();
    ObjectNode n = JSON.createObjectNode();
    n.put("meterId", r.meterId())
        .put("accountId", r.accountId())
        .put("sequence", r.sequence())
        .put("intervalStartSeconds", r.intervalStartSeconds())
        .put("intervalEndSeconds", r.intervalEndSeconds())
        .put("counterStartJoules", r.counterStartJoules())
        .put("counterEndJoules", r.counterEndJoules())
        .put("computeGflop", r.computeGflop())
        .put("method", r.method())
        .put("signature", r.signature())
        .put("totalMillijoules", e.totalMillijoules());
    var raw = n.putArray("rawMillijoules");
    for (long v : e.rawMillijoules()) {
      raw.add(v);
    }
    try {
      return JSON.writeValueAsBytes(n);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private static Entry read(Path p) {
    try {
      JsonNode n = JSON.readTree(Files.readAllBytes(p));
      SubmitMeterReading r =
          new SubmitMeterReading(
              n.path("meterId").asLong(),
              n.path("accountId").asLong(),
              n.path("sequence").asLong(),
              n.path("intervalStartSeconds").asLong(),
              n.path("intervalEndSeconds").asLong(),
              n.path("counterStartJoules").asLong(),
              n.path("counterEndJoules").asLong(),
              n.path("computeGflop").asLong(),
              n.path("method").asText(),
              n.path("signature").asText());
      JsonNode raw = n.path("rawMillijoules");
      long[] values = new long[raw.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = raw.get(i).asLong();
      }
      return new Entry(r, n.path("totalMillijoules").asLong(), values);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("the outbox file " + p + " is damaged: " + e.getMessage(), e);
    }
  }

  private static void writeAtomically(Path target, byte[] bytes) {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + tmp, e);
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      force(target.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  private static void force(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }
}
