package org.computecap.server;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.Engine;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.Snapshot;
import org.computecap.engine.journal.PrivateFiles;
import org.computecap.server.store.JournalStore;

/**
 * State snapshots of a running server, so that a restart replays only the journal's tail: {@code
 * DIR/snapshots/state-SEQ.ccs} holds the engine at journal seq {@code SEQ} ({@link Snapshot}, with
 * the chain hash of entry {@code SEQ}) and the read model at the same seq ({@link ReadModelImage}),
 * then the SHA-256 of everything before it.
 *
 * <p>Writing is atomic: the file is written as {@code state-SEQ.ccs.tmp} (mode 0600), synced, and
 * renamed, and the directory synced; a crash at any point leaves at most a {@code .tmp} file, which
 * the next start deletes and never reads. The newest {@value #KEEP} snapshots are kept.
 *
 * <p>Loading takes the newest snapshot that reads whole (its trailing hash, the engine's own state
 * hash and invariant checks) and prints why it ignored any newer one; the server then checks its
 * chain hash against the journal entry at its seq before it replays the entries after it, and falls
 * back to a full replay when that does not match. A snapshot is only ever a shortcut: nothing in it
 * is trusted that the journal could not rebuild.
 */
final class StateSnapshots {
  /** The directory of the snapshots, inside the data directory. */
  static final String DIR = "snapshots";

  /** How many snapshots are kept (older ones are deleted after a new one is written). */
  static final int KEEP = 2;

  private static final byte[] MAGIC = "CCSTATE1".getBytes(StandardCharsets.US_ASCII);
  private static final String PREFIX = "state-";
  private static final String SUFFIX = ".ccs";
  private static final String TEMP = ".tmp";
  private static final int HASH_BYTES = 32;

  /** A snapshot read back: the engine restored, and the read model image still to restore. */
  record Loaded(Path file, Snapshot engine, String generation, DataInputStream image) {
    long seq() {
      return engine.seq();
    }

    byte[] chainHash() {
      return engine.chainHash();
    }
  }

  private StateSnapshots() {}

  /**
   * Writes a snapshot of {@code engine} and {@code projector}'s read model at the journal's {@code
   * chainHash} (the hash of entry {@code engine.state().seq()}); returns the file. Writer thread,
   * with every batch durable and installed.
   */
  static Path write(Path dataDir, Engine engine, byte[] chainHash, Projector projector)
      throws IOException {
    Path dir = dataDir.resolve(DIR);
    JournalStore.createPrivateDirectory(dir);
    long seq = engine.state().seq();
    Path file = dir.resolve(name(seq));
    Path tmp = dir.resolve(name(seq) + TEMP);
    Files.deleteIfExists(tmp);
    ByteArrayOutputStream enginePart = new ByteArrayOutputStream(1 << 20);
    Snapshot.write(engine, chainHash, enginePart);
    MessageDigest sha = sha256();
    try (FileChannel ch = PrivateFiles.createNew(tmp)) {
      OutputStream raw = Channels.newOutputStream(ch);
      DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(new DigestOutputStream(raw, sha), 1 << 16));
      out.write(MAGIC);
      out.writeLong(enginePart.size());
      enginePart.writeTo(out);
      ReadModelImage.write(projector, out);
      out.flush();
      ByteBuffer hash = ByteBuffer.wrap(sha.digest());
      while (hash.hasRemaining()) {
        ch.write(hash);
      }
      ch.force(true);
    }
    // rename(2) replaces a snapshot of the same seq (one asked for twice) atomically.
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDirectory(dir);
    prune(dir);
    return file;
  }

  /**
   * The newest snapshot in {@code dataDir} that reads whole, or null; {@code log} is told of each
   * snapshot ignored and why, and of leftover temporary files deleted.
   */
  static Loaded newest(Path dataDir, PrintStream log) {
    Path dir = dataDir.resolve(DIR);
    if (!Files.isDirectory(dir)) {
      return null;
    }
    for (Path f : files(dir, TEMP)) {
      log.println("snapshot: deleting " + f + " (a snapshot whose writing did not finish)");
      try {
        Files.deleteIfExists(f);
      } catch (IOException e) {
        log.println("snapshot: cannot delete " + f + " (" + e.getMessage() + ")");
      }
    }
    List<Path> found = files(dir, SUFFIX);
    for (int i = found.size() - 1; i >= 0; i--) {
      Path f = found.get(i);
      try {
        return read(f);
      } catch (IOException | RuntimeException e) {
        log.println("snapshot: ignoring " + f + " (" + e.getMessage() + ")");
      }
    }
    return null;
  }

  /** Reads and checks one snapshot file; IllegalArgumentException names what is wrong. */
  static Loaded read(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    if (all.length < MAGIC.length + 8 + HASH_BYTES
        || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
      throw new IllegalArgumentException("not a state snapshot (no CCSTATE1 header)");
    }
    int body = all.length - HASH_BYTES;
    MessageDigest sha = sha256();
    sha.update(all, 0, body);
    if (!Arrays.equals(sha.digest(), Arrays.copyOfRange(all, body, all.length))) {
      throw new IllegalArgumentException("damaged: its contents do not match its SHA-256");
    }
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, 0, body));
    in.skipNBytes(MAGIC.length);
    long engineBytes = in.readLong();
    if (engineBytes < 0 || engineBytes > body) {
      throw new IllegalArgumentException("damaged: an engine part of " + engineBytes + " bytes");
    }
    int at = MAGIC.length + 8;
    Snapshot engine =
        Snapshot.read(
            new ByteArrayInputStream(all, at, (int) engineBytes), ProgramParser.standard());
    if (!name(engine.seq()).equals(file.getFileName().toString())) {
      throw new IllegalArgumentException(
          "it holds seq " + engine.seq() + ", not the seq its name says");
    }
    in.skipNBytes(engineBytes);
    String generation = ReadModelImage.generation(in);
    return new Loaded(file, engine, generation, in);
  }

  /** Writes {@code bytes} to {@code path} atomically (temporary file, sync, rename), mode 0600. */
  static void writeAtomically(Path path, byte[] bytes) throws IOException {
    Path tmp = path.resolveSibling(path.getFileName() + TEMP);
    Files.deleteIfExists(tmp);
    try (FileChannel ch = PrivateFiles.createNew(tmp)) {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
    Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDirectory(path.toAbsolutePath().getParent());
  }

  /** A line for the log about a snapshot written. */
  static String describe(Path file, Engine engine, long millis) throws IOException {
    return "snapshot: seq "
        + engine.state().seq()
        + ", state "
        + CanonicalWriter.hex(engine.stateHash())
        + ", "
        + Files.size(file) / 1024
        + " KiB in "
        + millis
        + " ms -> "
        + file;
  }

  private static String name(long seq) {
    return PREFIX + String.format("%020d", seq) + SUFFIX;
  }

  /** The files in {@code dir} named {@code state-*SUFFIX}, oldest seq first. */
  private static List<Path> files(Path dir, String suffix) {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, PREFIX + "*" + suffix)) {
      s.forEach(out::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    out.sort(null);
    return out;
  }

  private static void prune(Path dir) throws IOException {
    List<Path> all = files(dir, SUFFIX);
    for (int i = 0; i < all.size() - KEEP; i++) {
      Files.deleteIfExists(all.get(i));
    }
  }

  private static void syncDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Best effort, as for the journal: some platforms cannot sync a directory.
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
