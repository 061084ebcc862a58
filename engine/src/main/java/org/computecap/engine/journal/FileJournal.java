package org.computecap.engine.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * A journal in a file (format in {@link JournalFile}) with group commit: {@link #append} only
 * encodes into a memory buffer, and {@link #flush} writes the whole batch and forces it to disk
 * with one fsync. Entries appended since the last flush are lost in a crash, which is safe because
 * their results were not released yet; a torn last record is cut off when the journal is opened
 * again. Appended to from one thread, like the engine it serves.
 *
 * <p>{@link #commit} is the pipelined form of {@link #flush}, for adapters that run a sync thread
 * of their own (the engine module starts no threads): it hands the batch over and returns, the
 * engine goes on into a second buffer, and the adapter's thread, looping on {@link #syncNext},
 * writes and forces it; {@link #durableSize} tells how far the file is known durable (a result is
 * released once its seq is within it). While a batch is being forced, commits hand nothing over and
 * the entries join the next batch, so one fsync covers everything that arrived during the one
 * before: an fsync costs milliseconds on common disks, and forcing each batch in line made the
 * engine wait on the disk for most of a durable run. Exactly one party writes a handed-over batch
 * ({@link #flush} writes it itself if no sync thread took it), so the file's order is the append
 * order; a write or sync failure stops the journal (every later call throws), as the fail-stop rule
 * asks.
 *
 * <p>Whoever writes a batch also seals it first: fills in each record's previous hash, its SHA-256
 * chain hash and its CRC32C. {@link #add} only copies the encoded command into the buffer, so with
 * a sync thread the hashing runs beside the engine rather than in its path (the chain link per
 * entry was most of what the journal cost the engine thread). Sealing is done by one party at a
 * time, in append order, by the same rule as writing; {@link #headHash} and {@link #append} seal
 * what is pending first, so they see the same chain as before.
 */
public final class FileJournal implements Journal {
  private static final int SPILL_BYTES = 1 << 20;

  private final Path path;
  private final FileChannel channel;
  private final ChainHash hasher = new ChainHash();
  private final CRC32C crc = new CRC32C();
  private byte[] buffer = new byte[1 << 16];
  private int buffered;
  private long size;

  /** The hash of the last sealed entry, updated in place by sealing. */
  private final byte[] head;

  /** Bytes at the start of {@link #buffer} already sealed. */
  private int bufferSealed;

  private long syncs;

  private final Object lock = new Object();

  /** A batch handed over by commit and not yet durable, or null. */
  private byte[] handed;

  private int handedBytes;
  private int handedSealed;
  private long handedSize;

  /** Whether a thread is writing the handed batch now. */
  private boolean writing;

  /** The buffer of the last written batch, reused for the next one. */
  private byte[] spare;

  private IOException failure;
  private boolean closed;
  private volatile long durable;
  private TornTail tornTail;

  private FileJournal(Path path, FileChannel channel, long size, byte[] head) {
    this.path = path;
    this.channel = channel;
    this.size = size;
    this.head = head.clone();
    this.durable = size;
  }

  /** Creates a new, empty journal file (mode 0600); refuses to overwrite an existing file. */
  public static FileJournal create(Path path) {
    try {
      FileChannel ch = PrivateFiles.createNew(path);
      ch.write(ByteBuffer.wrap(JournalFile.MAGIC));
      ch.force(true);
      syncDirectory(path);
      return new FileJournal(path, ch, 0, JournalEntry.genesisHash());
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new IllegalArgumentException(
          "journal file already exists: " + path + " (a journal is never overwritten)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create journal " + path, e);
    }
  }

  /** Opens an existing journal to append to it; see {@link #open(Path, List)}. */
  public static FileJournal open(Path path) {
    return open(path, List.of());
  }

  /**
   * Opens an existing journal to append to it. The file is verified first, against {@code anchors}
   * too (head hashes recorded elsewhere, such as the server's last checkpoint). A torn tail (the
   * incomplete last record a crash leaves, see {@link JournalFile}) is moved into a side file next
   * to the journal ({@link #tornTail}) and cut off; it never held an acknowledged entry, and if an
   * anchor says it did, or anything else is wrong, the file is left untouched and opening is
   * refused with the verify message.
   */
  public static FileJournal open(Path path, List<HeadAnchor> anchors) {
    return open(path, anchors, e -> {});
  }

  /**
   * Opens an existing journal like {@link #open(Path, List)}, passing each entry of the intact
   * prefix to {@code visitor} as the one verifying pass reads it: a replay that reads the file only
   * once. The visitor sees entries before the verdict on the rest of the file, so when opening is
   * refused, what it built from them must be dropped; a torn tail is never visited.
   */
  public static FileJournal open(
      Path path, List<HeadAnchor> anchors, Consumer<JournalEntry> visitor) {
    Verification v = JournalFile.read(path, visitor, anchors);
    if (!v.intact() && !v.tornTail()) {
      throw new IllegalStateException("cannot append to a damaged journal: " + v.summary());
    }
    try {
      FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.READ);
      TornTail torn = null;
      if (v.tornTail()) {
        torn = moveAside(path, ch, v.goodBytes(), v.detail());
        if (v.goodBytes() < JournalFile.MAGIC.length) {
          ch.write(ByteBuffer.wrap(JournalFile.MAGIC), 0);
          ch.force(true);
        }
      }
      ch.position(ch.size());
      FileJournal j = new FileJournal(path, ch, v.entries(), v.headHash());
      j.tornTail = torn;
      return j;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open journal " + path, e);
    }
  }

  /**
   * A torn tail that opening moved aside: where it started, how many bytes it held, the side file
   * that keeps them, and why it counted as torn.
   */
  public record TornTail(long offset, long bytes, Path savedTo, String detail) {}

  /** The torn tail this open moved aside, if there was one. */
  public Optional<TornTail> tornTail() {
    return Optional.ofNullable(tornTail);
  }

  /**
   * Copies the bytes from {@code at} to the end into {@code JOURNAL.torn-AT} (mode 0600, synced),
   * then cuts the journal at {@code at}. A crash between the two leaves both; the next open finds
   * the same tail and the same side file, and reuses it.
   */
  private static TornTail moveAside(Path path, FileChannel ch, long at, String detail)
      throws IOException {
    long size = ch.size();
    byte[] tail = new byte[Math.toIntExact(size - at)];
    ByteBuffer b = ByteBuffer.wrap(tail);
    while (b.hasRemaining()) {
      if (ch.read(b, at + b.position()) < 0) {
        throw new IOException("the journal shrank while its torn tail was saved");
      }
    }
    Path side = null;
    for (int n = 1; side == null; n++) {
      Path candidate =
          path.resolveSibling(path.getFileName() + ".torn-" + at + (n == 1 ? "" : "-" + n));
      if (!Files.exists(candidate)) {
        try (FileChannel out = PrivateFiles.createNew(candidate)) {
          ByteBuffer w = ByteBuffer.wrap(tail);
          while (w.hasRemaining()) {
            out.write(w);
          }
          out.force(true);
        }
        syncDirectory(candidate);
        side = candidate;
      } else if (Arrays.equals(Files.readAllBytes(candidate), tail)) {
        side = candidate;
      }
    }
    ch.truncate(at);
    ch.force(true);
    return new TornTail(at, tail.length, side, detail);
  }

  @Override
  public JournalEntry append(long tick, byte[] command) {
    byte[] prev = headHash();
    add(tick, command);
    return new JournalEntry(size, tick, prev, headHash(), command);
  }

  /**
   * Copies the record into the batch buffer, leaving its previous hash, hash and checksum to be
   * filled in when the batch is sealed.
   */
  @Override
  public void add(long tick, byte[] command) {
    int need = JournalFile.recordBytes(command.length);
    if (buffered + need > buffer.length) {
      if (buffered > 0 && buffered + need > SPILL_BYTES) {
        drainHanded();
        sealBuffer();
        write();
      }
      if (buffered + need > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, buffered + need));
      }
    }
    long seq = size + 1;
    int at = buffered;
    int length = JournalFile.FIXED_BODY + command.length;
    Bytes.putInt(buffer, at, length);
    Bytes.putLong(buffer, at + 4, seq);
    Bytes.putLong(buffer, at + 12, tick);
    System.arraycopy(command, 0, buffer, at + 4 + JournalFile.FIXED_BODY, command.length);
    buffered = at + need;
    size = seq;
  }

  private void sealBuffer() {
    bufferSealed = seal(buffer, bufferSealed, buffered);
  }

  /** Fills in the chain link, hash and checksum of the records in [from, to); returns to. */
  private int seal(byte[] b, int from, int to) {
    int at = from;
    while (at < to) {
      int length = Bytes.getInt(b, at);
      long seq = Bytes.getLong(b, at + 4);
      long tick = Bytes.getLong(b, at + 12);
      System.arraycopy(head, 0, b, at + 20, JournalEntry.HASH_BYTES);
      hasher.hash(
          seq,
          tick,
          head,
          b,
          at + 4 + JournalFile.FIXED_BODY,
          length - JournalFile.FIXED_BODY,
          b,
          at + 52);
      System.arraycopy(b, at + 52, head, 0, JournalEntry.HASH_BYTES);
      crc.reset();
      crc.update(b, at, 4 + length);
      Bytes.putInt(b, at + 4 + length, (int) crc.getValue());
      at += 4 + length + 4;
    }
    return to;
  }

  /** Writes the batch and forces it to disk: one fsync however many entries it holds. */
  @Override
  public void flush() {
    drainHanded();
    sealBuffer();
    write();
    try {
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sync journal " + path, e);
    }
    synchronized (lock) {
      syncs++;
      durable = size;
    }
  }

  /**
   * Hands everything appended so far to the sync thread and returns at once (see the class
   * comment). If the batch handed over before is still waiting for the sync thread, the entries
   * join it, so the batch keeps growing until the disk is free to take it (clients answered one by
   * one come back one by one, and would otherwise trickle to the disk in small batches); if it is
   * being written, the entries wait for the next commit.
   */
  @Override
  public void commit() {
    synchronized (lock) {
      throwIfFailed();
      if (buffered == 0 || (handed != null && writing)) {
        return;
      }
      if (handed != null) {
        joinHanded();
        return;
      }
      handed = buffer;
      handedBytes = buffered;
      handedSealed = bufferSealed;
      handedSize = size;
      buffer = spare != null && spare.length >= buffer.length ? spare : new byte[buffer.length];
      spare = null;
      buffered = 0;
      bufferSealed = 0;
      lock.notifyAll();
    }
  }

  /** Appends the buffer to the handed batch nobody took yet; called holding the lock. */
  private void joinHanded() {
    if (handedBytes + buffered > handed.length) {
      handed = Arrays.copyOf(handed, Math.max(handed.length * 2, handedBytes + buffered));
    }
    System.arraycopy(buffer, 0, handed, handedBytes, buffered);
    // Sealing goes in append order: the buffer holds sealed records only after a sealed batch.
    if (handedSealed == handedBytes) {
      handedSealed += bufferSealed;
    }
    handedBytes += buffered;
    handedSize = size;
    buffered = 0;
    bufferSealed = 0;
  }

  /**
   * The sync thread's step: waits for a batch handed over by {@link #commit}, writes it and forces
   * it to disk. Returns false once the journal is closed; throws if the write fails (and the
   * journal stops). Call it from one thread at a time.
   */
  @Override
  public boolean syncNext() throws InterruptedException {
    byte[] batch;
    synchronized (lock) {
      while (!closed && failure == null && (handed == null || writing)) {
        lock.wait();
      }
      if (closed || failure != null) {
        return false;
      }
      batch = handed;
      writing = true;
    }
    writeHanded(batch, true);
    return true;
  }

  /** How many entries are known durable: forced to disk by a flush or a synced commit. */
  @Override
  public long durableSize() {
    return durable;
  }

  // Makes sure no handed batch is pending, writing it in this thread if nobody took it.
  private void drainHanded() {
    byte[] batch;
    synchronized (lock) {
      while (handed != null && writing) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while the journal was syncing", e);
        }
      }
      throwIfFailed();
      if (handed == null) {
        return;
      }
      batch = handed;
      writing = true;
    }
    writeHanded(batch, false);
    throwIfFailed();
  }

  private void writeHanded(byte[] batch, boolean force) {
    seal(batch, handedSealed, handedBytes);
    IOException failed = null;
    try {
      ByteBuffer b = ByteBuffer.wrap(batch, 0, handedBytes);
      while (b.hasRemaining()) {
        channel.write(b);
      }
      if (force) {
        channel.force(false);
      }
    } catch (IOException e) {
      failed = e;
    }
    synchronized (lock) {
      if (failed != null) {
        failure = failed;
      } else if (force) {
        syncs++;
        durable = handedSize;
      }
      spare = batch;
      handed = null;
      writing = false;
      lock.notifyAll();
      throwIfFailed();
    }
  }

  private void throwIfFailed() {
    if (failure != null) {
      throw new UncheckedIOException(
          "cannot write journal " + path + " (the journal stopped at its first failure)", failure);
    }
  }

  @Override
  public long size() {
    return size;
  }

  /**
   * Seals what is pending and returns the head. Sealing the buffer needs the head after the batch
   * handed over before it, so this waits for that batch only if nobody sealed it yet; an adapter
   * that asks for the head before every commit (the server does, to report it) seals each batch
   * itself and never waits here for the disk.
   */
  @Override
  public byte[] headHash() {
    boolean unsealedHanded;
    synchronized (lock) {
      unsealedHanded = handed != null && handedSealed < handedBytes;
    }
    if (unsealedHanded) {
      drainHanded();
    }
    sealBuffer();
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

  /** How many times this journal has forced the file to disk (per flush and per sync). */
  public long syncs() {
    synchronized (lock) {
      return syncs;
    }
  }

  public Path path() {
    return path;
  }

  @Override
  public void close() {
    try {
      flush();
      synchronized (lock) {
        closed = true;
        lock.notifyAll();
      }
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close journal " + path, e);
    }
  }

  /**
   * Forces the directory entry of a new file to disk, so that a crash right after creation does not
   * lose the file itself. Some platforms cannot open a directory for syncing; there the file
   * system's own ordering is all there is, and that is not an error.
   */
  static void syncDirectory(Path path) {
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
      bufferSealed = 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write journal " + path, e);
    }
  }
}
