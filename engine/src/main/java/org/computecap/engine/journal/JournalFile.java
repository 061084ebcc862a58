package org.computecap.engine.journal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
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
 * torn, corrupt, edited or out of sequence. When an entry was edited with its own hash and checksum
 * recomputed, the next entry's {@code prevHash} no longer matches, and the edited (earlier) entry
 * is the one named.
 *
 * <p>A record that does not read (its length out of range or past the end of the file, or its
 * checksum wrong) is a torn tail only when it is genuinely the last, incomplete record; the length
 * field alone never decides, because one flipped bit in it would otherwise turn the rest of the
 * journal into a "tail" ({@link TailCheck} has the rules). The format is unchanged from the first
 * version, so every existing journal reads as before.
 *
 * <p>A cut-off tail or an edit of the last entry that recomputes both its hash and checksum is
 * undetectable from the file alone: {@link #verify(Path, List)} compares the chain with head hashes
 * kept elsewhere (the server's signed checkpoints, an operator's note).
 */
public final class JournalFile {
  static final byte[] MAGIC = {'C', 'C', 'J', 'R', 'N', 'L', 0, 1};
  static final int FIXED_BODY = 8 + 8 + JournalEntry.HASH_BYTES * 2;
  static final int MAX_BODY = 64 << 20;

  private JournalFile() {}

  /** Checks the whole file; reads nothing into memory but one record at a time. */
  public static Verification verify(Path path) {
    return verify(path, List.of());
  }

  /**
   * Checks the whole file and that it agrees with head hashes kept elsewhere: a journal cut short
   * or rewritten at its end verifies on its own, but not against a checkpoint taken before.
   */
  public static Verification verify(Path path, List<HeadAnchor> anchors) {
    return read(path, e -> {}, anchors);
  }

  /**
   * Passes every entry of the intact prefix to {@code visitor}, in order, and returns what it
   * found. An entry is passed only after its own checks passed; when entry k breaks the chain link
   * to entry k-1, entry k-1 has already been visited, and the result names it.
   */
  public static Verification read(Path path, Consumer<JournalEntry> visitor) {
    return read(path, visitor, List.of());
  }

  /** {@link #read(Path, Consumer)}, checking every entry against {@code anchors} as it passes. */
  public static Verification read(
      Path path, Consumer<JournalEntry> visitor, List<HeadAnchor> anchors) {
    AnchorCheck check = new AnchorCheck(anchors);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      Verification v = read(in, visitor, check);
      if (v.problem() == Verification.Problem.CORRUPT && UNREADABLE.equals(v.detail())) {
        v = decideTail(path, v, check);
      } else if (v.intact()) {
        v = anchored(v, check.finish(v.entries(), v.headHash()), v.goodBytes());
      }
      return v;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read journal " + path, e);
    }
  }

  /** Marks a record that did not read until {@link TailCheck} says whether it is a torn tail. */
  private static final String UNREADABLE = "unreadable";

  private static Verification decideTail(Path path, Verification v, AnchorCheck check)
      throws IOException {
    TailCheck.Finding f =
        v.goodBytes() < MAGIC.length
            ? new TailCheck.Finding(true, "the file ends inside the journal header")
            : TailCheck.examine(path, v.badOffset(), v.badSeq());
    Verification.Problem problem =
        f.torn() ? Verification.Problem.TRUNCATED : Verification.Problem.CORRUPT;
    Verification decided =
        Verification.bad(
            v.entries(),
            v.headHash(),
            v.goodBytes(),
            v.badSeq(),
            v.badOffset(),
            problem,
            f.detail());
    return f.torn()
        ? anchored(decided, check.finish(v.entries(), v.headHash()), v.badOffset())
        : decided;
  }

  /** {@code v} unless an anchor failed; then the anchor's failure, found at {@code offset}. */
  private static Verification anchored(Verification v, AnchorCheck.Failure f, long offset) {
    if (f == null) {
      return v;
    }
    String detail =
        v.tornTail()
            ? f.detail() + " (the file ends in a torn record at byte offset " + offset + ")"
            : f.detail();
    return Verification.bad(
        v.entries(), v.headHash(), v.goodBytes(), f.badSeq(), offset, f.problem(), detail);
  }

  private static Verification read(
      InputStream in, Consumer<JournalEntry> visitor, AnchorCheck check) throws IOException {
    byte[] header = in.readNBytes(MAGIC.length);
    byte[] head = JournalEntry.genesisHash();
    if (!Arrays.equals(header, MAGIC)) {
      if ((header.length < MAGIC.length && isPrefixOfMagic(header))
          || (isZero(header) && restIsZero(in))) {
        // A crash while the file was created, before its header was durable: no record was ever
        // written after it, so nothing is lost by starting the file again.
        return Verification.bad(0, head, 0, 1, 0, Verification.Problem.CORRUPT, UNREADABLE);
      }
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
      Verification unreadable =
          Verification.bad(
              seq, head, offset, expected, offset, Verification.Problem.CORRUPT, UNREADABLE);
      if (got < 4) {
        return unreadable;
      }
      int length = Bytes.getInt(lengthBytes, 0);
      if (length < FIXED_BODY || length > MAX_BODY) {
        return unreadable;
      }
      byte[] body = in.readNBytes(length);
      byte[] crcBytes = in.readNBytes(4);
      if (body.length < length || crcBytes.length < 4) {
        return unreadable;
      }
      crc.reset();
      crc.update(lengthBytes);
      crc.update(body);
      if ((int) crc.getValue() != Bytes.getInt(crcBytes, 0)) {
        return unreadable;
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
      AnchorCheck.Failure anchor = check.visit(expected, e.hash());
      if (anchor != null) {
        return Verification.bad(
            seq, head, offset, expected, offset, anchor.problem(), anchor.detail());
      }
      visitor.accept(e);
      head = e.hash();
      seq = expected;
      previousOffset = offset;
      offset += 4L + length + 4L;
    }
  }

  private static boolean isPrefixOfMagic(byte[] b) {
    return Arrays.equals(b, Arrays.copyOf(MAGIC, b.length));
  }

  private static boolean restIsZero(InputStream in) throws IOException {
    byte[] chunk = new byte[1 << 12];
    int n;
    while ((n = in.read(chunk)) > 0) {
      if (!isZero(Arrays.copyOf(chunk, n))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isZero(byte[] b) {
    for (byte x : b) {
      if (x != 0) {
        return false;
      }
    }
    return true;
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
