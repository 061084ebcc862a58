package org.computecap.engine.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Decides whether a record that failed to read is a torn tail or damage. A crash in the middle of a
 * write leaves the last record incomplete: the file ends inside it, or (after a power loss) its
 * unwritten part reads as zeros. Both look, by the length field alone, like a record whose length
 * was damaged, and a reader that trusted the length would cut acknowledged history off. So the
 * checksums decide:
 *
 * <ul>
 *   <li>if any valid record (its checksum right, a plausible seq) starts anywhere after the bad
 *       one, the bad one is not the last record: damage;
 *   <li>if the file ends inside the record by its length, it is torn, unless the bytes to the end
 *       of the file are that record complete with another length (its checksum matches with the
 *       length that fits): then only the length was damaged;
 *   <li>if the record ends inside the file, it is torn only when its checksum field lies in the
 *       file's trailing run of zero bytes (a zero-filled tail); a wrong checksum over bytes that
 *       were all written is damage.
 * </ul>
 *
 * <p>Only the failure path runs this, once per open of a journal whose last record did not read. It
 * scans forward from the bad record and stops at the first valid record, which for damage in the
 * middle of a journal is the very next one.
 */
final class TailCheck {
  /** What the bytes from the bad record to the end of the file are. */
  record Finding(boolean torn, String detail) {}

  private static final int WINDOW = 1 << 16;

  private final FileChannel channel;
  private final long end;
  private final ByteBuffer window = ByteBuffer.allocate(WINDOW);
  private long windowAt = -1;
  private final CRC32C crc = new CRC32C();

  private TailCheck(FileChannel channel, long end) {
    this.channel = channel;
    this.end = end;
  }

  /** Examines the record at {@code at}, expected to hold entry {@code expectedSeq}. */
  static Finding examine(Path path, long at, long expectedSeq) throws IOException {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      return new TailCheck(ch, ch.size()).examine(at, expectedSeq);
    }
  }

  private Finding examine(long at, long expectedSeq) throws IOException {
    long remaining = end - at;
    long next = nextValidRecord(at + 1, expectedSeq, remaining);
    if (next >= 0) {
      return new Finding(
          false,
          whyUnreadable(at, remaining)
              + ", but a valid record (seq "
              + getLong(next + 4)
              + ") follows at byte offset "
              + next
              + ": damage, not a torn tail");
    }
    if (remaining < 4) {
      return new Finding(true, "the file ends inside the record's length");
    }
    long length = getInt(at) & 0xFFFFFFFFL;
    long recordEnd = at + 4 + length + 4;
    if (recordEnd > end) {
      long fits = remaining - 8;
      if (fits >= JournalFile.FIXED_BODY && checksumMatches(at, fits)) {
        return new Finding(
            false,
            "record length "
                + length
                + " runs past the end of the file, but the record is complete with length "
                + fits
                + " (its checksum matches): the length was damaged");
      }
      return new Finding(
          true,
          "the file ends inside the record: its length says "
              + (4 + length + 4)
              + " bytes, "
              + remaining
              + " are there");
    }
    long zeros = trailingZerosFrom(at);
    if (zeros <= recordEnd - 4) {
      return new Finding(
          true, "zero-filled from byte offset " + zeros + ", where a power loss left no data");
    }
    if (length < JournalFile.FIXED_BODY || length > JournalFile.MAX_BODY) {
      return new Finding(
          false,
          "record length "
              + length
              + " is outside "
              + JournalFile.FIXED_BODY
              + ".."
              + JournalFile.MAX_BODY);
    }
    return new Finding(false, "checksum mismatch");
  }

  /** Why the record at {@code at} did not read, in the reader's words. */
  private String whyUnreadable(long at, long remaining) throws IOException {
    if (remaining < 4) {
      return "the file ends inside the record's length";
    }
    long length = getInt(at) & 0xFFFFFFFFL;
    if (at + 4 + length + 4 > end) {
      return "record length " + length + " runs past the end of the file";
    }
    if (length < JournalFile.FIXED_BODY || length > JournalFile.MAX_BODY) {
      return "record length "
          + length
          + " is outside "
          + JournalFile.FIXED_BODY
          + ".."
          + JournalFile.MAX_BODY;
    }
    return "checksum mismatch";
  }

  /**
   * The offset of the first valid record in [{@code from}, end), or -1. A candidate must have a
   * length that fits, a seq from 1 to {@code expectedSeq} plus the most records the rest could hold
   * (a cheap filter that random bytes almost never pass), and a matching checksum.
   */
  private long nextValidRecord(long from, long expectedSeq, long remaining) throws IOException {
    long maxSeq = expectedSeq + remaining / (8 + JournalFile.FIXED_BODY) + 1;
    for (long p = from; p + 8 + JournalFile.FIXED_BODY <= end; p++) {
      long length = getInt(p) & 0xFFFFFFFFL;
      if (length < JournalFile.FIXED_BODY
          || length > JournalFile.MAX_BODY
          || p + 8 + length > end) {
        continue;
      }
      long seq = getLong(p + 4);
      if (seq < 1 || seq > maxSeq) {
        continue;
      }
      if (checksumMatches(p, length)) {
        return p;
      }
    }
    return -1;
  }

  /** Whether the record at {@code at} with body length {@code length} has a matching checksum. */
  private boolean checksumMatches(long at, long length) throws IOException {
    crc.reset();
    byte[] lengthBytes = new byte[4];
    Bytes.putInt(lengthBytes, 0, (int) length);
    crc.update(lengthBytes);
    ByteBuffer body = ByteBuffer.allocate((int) Math.min(length, WINDOW));
    long pos = at + 4;
    long left = length;
    while (left > 0) {
      body.clear().limit((int) Math.min(left, body.capacity()));
      readFully(body, pos);
      body.flip();
      crc.update(body);
      pos += body.limit();
      left -= body.limit();
    }
    return (int) crc.getValue() == getInt(at + 4 + length);
  }

  /** The offset where the file's trailing run of zero bytes starts, or end if the last is not 0. */
  private long trailingZerosFrom(long notBefore) throws IOException {
    ByteBuffer chunk = ByteBuffer.allocate(WINDOW);
    long p = end;
    while (p > notBefore) {
      long from = Math.max(notBefore, p - WINDOW);
      chunk.clear().limit((int) (p - from));
      readFully(chunk, from);
      for (int i = chunk.limit() - 1; i >= 0; i--) {
        if (chunk.get(i) != 0) {
          return from + i + 1;
        }
      }
      p = from;
    }
    return p;
  }

  private int getInt(long pos) throws IOException {
    int v = 0;
    for (int i = 0; i < 4; i++) {
      v = (v << 8) | (byteAt(pos + i) & 0xFF);
    }
    return v;
  }

  private long getLong(long pos) throws IOException {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (byteAt(pos + i) & 0xFF);
    }
    return v;
  }

  private byte byteAt(long pos) throws IOException {
    if (windowAt < 0 || pos < windowAt || pos >= windowAt + window.limit()) {
      windowAt = Math.max(0, Math.min(pos, end - WINDOW));
      window.clear().limit((int) Math.min(WINDOW, end - windowAt));
      readFully(window, windowAt);
      window.flip();
    }
    return window.get((int) (pos - windowAt));
  }

  private void readFully(ByteBuffer b, long pos) throws IOException {
    while (b.hasRemaining()) {
      int n = channel.read(b, pos + b.position());
      if (n < 0) {
        throw new IOException("the journal shrank while it was being read");
      }
    }
  }
}
