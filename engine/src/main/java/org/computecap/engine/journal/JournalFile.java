package org.computecap.engine.journal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The journal's file format and its reader. A file is an 8-byte header ({@code CCJRNL} and a
 * two-byte version) followed by records:
 *
 * <pre>
 *   int    bodyLength                      (big-endian)
 *   body:  long seq, long tick, byte[32] prevHash, byte[32] hash, byte[] command
 *   int    crc32c(bodyLength bytes + body)
 * </pre>
 *
 * <p>The checksum catches damaged bytes; the hash chain catches edits that kept the checksum right.
 * Reading stops at the first bad record and names it: its seq, its byte offset, and whether it was
 * truncated, corrupt, edited or out of sequence. When an entry was edited with its own hash and
 * checksum recomputed, the next entry's {@code prevHash} no longer matches, and the edited
 * (earlier) entry is the one named. An edit of the last entry that recomputes both is undetectable
 * from the file alone: compare the head hash with one kept elsewhere.
 */
public final class JournalFile {
  static final byte[] MAGIC = {'C', 'C', 'J', 'R', 'N', 'L', 0, 1};
  static final int FIXED_BODY = 8 + 8 + JournalEntry.HASH_BYTES * 2;
  static final int MAX_BODY = 64 << 20;

  private JournalFile() {}

  /** Checks the whole file; reads nothing into memory but one record at a time. */
  public static Verification verify(Path path) {
    return read(path, e -> {});
  }

  /**
   * Passes every entry of the intact prefix to {@code visitor}, in order, and returns what it
   * found. An entry is passed only after its own checks passed; when entry k breaks the chain link
   * to entry k-1, entry k-1 has already been visited, and the result names it.
   */
  public static Verification read(Path path, Consumer<JournalEntry> visitor) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      return read(in, visitor);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read journal " + path, e);
    }
  }

  private static Verification read(InputStream in, Consumer<JournalEntry> visitor)
      throws IOException {
    byte[] header = in.readNBytes(MAGIC.length);
    byte[] head = JournalEntry.genesisHash();
    if (!Arrays.equals(header, MAGIC)) {
      return Verification.bad(
          0,
          head,
          0,
          1,
          0,
          Verification.Problem.NOT_A_JOURNAL,
          "the file does not start with the journal header CCJRNL v1");
    }
    MessageDigest sha256 = JournalEntry.sha256();
    CRC32C crc = new CRC32C();
    long offset = MAGIC.length;
    long previousOffset = -1;
    long seq = 0;
    byte[] lengthBytes = new byte[4];
    while (true) {
      int got = in.readNBytes(lengthBytes, 0, 4);
      if (got == 0) {
        return Verification.ok(seq, head, offset);
      }
      long expected = seq + 1;
      if (got < 4) {
        return Verification.bad(
            seq,
            head,
            offset,
            expected,
            offset,
            Verification.Problem.TRUNCATED,
            "the file ends inside the record's length");
      }
      int length = Bytes.getInt(lengthBytes, 0);
      if (length < FIXED_BODY || length > MAX_BODY) {
        return Verification.bad(
            seq,
            head,
            offset,
            expected,
            offset,
            Verification.Problem.CORRUPT,
            "record length " + length + " is outside " + FIXED_BODY + ".." + MAX_BODY);
      }
      byte[] body = in.readNBytes(length);
      byte[] crcBytes = in.readNBytes(4);
      if (body.length < length || crcBytes.length < 4) {
        return Verification.bad(
            seq,
            head,
            offset,
            expected,
            offset,
            Verification.Problem.TRUNCATED,
            "the file ends inside the record");
      }
      crc.reset();
      crc.update(lengthBytes);
      crc.update(body);
      if ((int) crc.getValue() != Bytes.getInt(crcBytes, 0)) {
        return Verification.bad(
            seq, head, offset, expected, offset, Verification.Problem.CORRUPT, "checksum mismatch");
      }
      long foundSeq = Bytes.getLong(body, 0);
      if (foundSeq != expected) {
        return Verification.bad(
            seq,
            head,
            offset,
            expected,
            offset,
            Verification.Problem.OUT_OF_SEQUENCE,
            "found seq " + foundSeq);
      }
      JournalEntry e = parse(body);
      if (!e.hashMatches(sha256)) {
        return Verification.bad(
            seq,
            head,
            offset,
            expected,
            offset,
            Verification.Problem.EDITED,
            "the entry's contents do not match its hash");
      }
      if (!Arrays.equals(e.prevHash(), head)) {
        return Verification.bad(
            seq - 1,
            head,
            previousOffset,
            seq,
            previousOffset,
            Verification.Problem.EDITED,
            "its hash differs from the prevHash recorded by entry "
                + expected
                + " (this entry was edited and rehashed, or entry "
                + expected
                + "'s link was)");
      }
      visitor.accept(e);
      head = e.hash();
      seq = expected;
      previousOffset = offset;
      offset += 4L + length + 4L;
    }
  }

  private static JournalEntry parse(byte[] body) {
    long seq = Bytes.getLong(body, 0);
    long tick = Bytes.getLong(body, 8);
    byte[] prev = Arrays.copyOfRange(body, 16, 16 + JournalEntry.HASH_BYTES);
    byte[] hash = Arrays.copyOfRange(body, 48, 48 + JournalEntry.HASH_BYTES);
    byte[] command = Arrays.copyOfRange(body, FIXED_BODY, body.length);
    return new JournalEntry(seq, tick, prev, hash, command);
  }

  /** The bytes one record of {@code commandLength} command bytes takes in the file. */
  static int recordBytes(int commandLength) {
    return 4 + FIXED_BODY + commandLength + 4;
  }
}
