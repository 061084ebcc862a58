package org.computecap.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Fixed-size records in one file, record {@code i} at offset {@code i · size}: the on-disk half of
 * the read model, so that history (every order and trade ever made) lives in the page cache and on
 * disk rather than on the heap. The writer thread writes records with positional writes; readers on
 * any thread read them with positional reads, which need no lock. What readers may read is decided
 * by counts the writer publishes after it wrote, never by the file's length. The file is derived
 * from the journal: rebuilt from it on a start without a usable state snapshot, and kept (and
 * synced, {@link #force}) when a snapshot that refers to its records is written.
 */
final class RecordFile implements AutoCloseable {
  private final FileChannel channel;
  private final int size;

  /** Opens {@code path}, emptied unless {@code keep} (a restored snapshot refers to it). */
  RecordFile(Path path, int recordSize, boolean keep) {
    this.size = recordSize;
    try {
      this.channel =
          keep
              ? FileChannel.open(
                  path,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.READ,
                  StandardOpenOption.WRITE)
              : FileChannel.open(
                  path,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.TRUNCATE_EXISTING,
                  StandardOpenOption.READ,
                  StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + path, e);
    }
  }

  int recordSize() {
    return size;
  }

  /** Writes {@code buf} (whole records) starting at record {@code index}. */
  void write(long index, ByteBuffer buf) {
    long pos = index * size;
    try {
      while (buf.hasRemaining()) {
        pos += channel.write(buf, pos);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the read model", e);
    }
  }

  /** Reads {@code count} records starting at record {@code index} into a new buffer. */
  ByteBuffer read(long index, int count) {
    ByteBuffer buf = ByteBuffer.allocate(count * size);
    long pos = index * size;
    try {
      while (buf.hasRemaining()) {
        int n = channel.read(buf, pos + buf.position());
        if (n < 0) {
          throw new IllegalStateException("the read model ends before record " + index);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the read model", e);
    }
    return buf.flip();
  }

  /** How many whole records the file holds (written or a hole before a written one). */
  long records() {
    try {
      return channel.size() / size;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the read model's size", e);
    }
  }

  /** Refuses a file shorter than {@code records} records (a snapshot says it holds them). */
  void requireRecords(long records, String what) {
    if (records() < records) {
      throw new IllegalArgumentException(
          "the read model's "
              + what
              + " holds "
              + records()
              + " records, the snapshot needs "
              + records);
    }
  }

  /** Makes every record written so far durable (before a snapshot that refers to them). */
  void force() {
    try {
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sync the read model", e);
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
