package org.computecap.engine.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * A journal in a file (format in {@link JournalFile}) with group commit: {@link #append} only
 * encodes into a memory buffer, and {@link #flush} writes the whole batch and forces it to disk
 * with one fsync. Entries appended since the last flush are lost in a crash, which is safe
 * because their results were not released yet; a torn last record is cut off when the journal is
 * opened again. Single-threaded, like the engine it serves.
 */
public final class FileJournal implements Journal {
  private static final int SPILL_BYTES = 1 << 20;

  private final Path path;
  private final FileChannel channel;
  private final MessageDigest sha256 = JournalEntry.sha256();
  private final CRC32C crc = new CRC32C();
  private byte[] buffer = new byte[1 << 16];
  private int buffered;
  private long size;
  private byte[] head;
  private long syncs;

  private FileJournal(Path path, FileChannel channel, long size, byte[] head) {
    this.path = path;
    this.channel = channel;
    this.size = size;
    this.head = head;
  }

  /** Creates a new, empty journal file; refuses to overwrite an existing file. */
  public static FileJournal create(Path path) {
    try {
      FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      ch.write(ByteBuffer.wrap(JournalFile.MAGIC));
      ch.force(true);
      syncDirectory(path);
      return new FileJournal(path, ch, 0, JournalEntry.genesisHash());
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new IllegalArgumentException("journal file already exists: " + path
          + " (a journal is never overwritten)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create journal " + path, e);
    }
  }

  /**
   * Opens an existing journal to append to it. The file is verified first; a truncated last
   * record (a torn write) is cut off, and any other damage is refused with the verify message.
   */
  public static FileJournal open(Path path) {
    Verification v = JournalFile.verify(path);
    if (!v.intact() && v.problem() != Verification.Problem.TRUNCATED) {
      throw new IllegalStateException("cannot append to a damaged journal: " + v.summary());
    }
    try {
      FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE);
      ch.truncate(v.goodBytes());
      ch.position(v.goodBytes());
      return new FileJournal(path, ch, v.entries(), v.headHash());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open journal " + path, e);
    }
  }

  @Override
  public JournalEntry append(long tick, byte[] command) {
    JournalEntry e = JournalEntry.next(size + 1, tick, head, command, sha256);
    int need = JournalFile.recordBytes(command.length);
    if (buffered + need > buffer.length) {
      if (buffered > 0 && buffered + need > SPILL_BYTES) {
        write();
      }
      if (buffered + need > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, buffered + need));
      }
    }
    buffered = JournalFile.encode(e, buffer, buffered, crc);
    size++;
    head = e.hash();
    return e;
  }

  /** Writes the batch and forces it to disk: one fsync however many entries it holds. */
  @Override
  public void flush() {
    write();
    try {
      channel.force(false);
      syncs++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sync journal " + path, e);
    }
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public byte[] headHash() {
    return head.clone();
  }

  /** Reads the entries back from the file (flushing first); throws if the file is damaged. */
  @Override
  public void forEach(Consumer<JournalEntry> visitor) {
    flush();
    Verification v = JournalFile.read(path, visitor);
    if (!v.intact()) {
      throw new IllegalStateException(v.summary());
    }
  }

  /** How many times this journal has forced the file to disk (one per {@link #flush()}). */
  public long syncs() {
    return syncs;
  }

  public Path path() {
    return path;
  }

  @Override
  public void close() {
    try {
      flush();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close journal " + path, e);
    }
  }

  /**
   * Forces the directory entry of a new file to disk, so that a crash right after creation does
   * not lose the file itself. Some platforms cannot open a directory for syncing; there the
   * file system's own ordering is all there is, and that is not an error.
   */
  private static void syncDirectory(Path path) {
    Path dir = path.toAbsolutePath().getParent();
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Best effort, see above.
    }
  }

  private void write() {
    try {
      ByteBuffer b = ByteBuffer.wrap(buffer, 0, buffered);
      while (b.hasRemaining()) {
        channel.write(b);
      }
      buffered = 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write journal " + path, e);
    }
  }
}
