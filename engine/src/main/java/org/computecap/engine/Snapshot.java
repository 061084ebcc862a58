package org.computecap.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.computecap.engine.exchange.OrderBooks;

/**
 * The whole engine state at one seq, written so that an engine can be restored from it instead of
 * replaying the journal from the start (a fast restart, issue 9). The body is the canonical
 * encoding itself ({@link EngineState#writeCanonical}), so its SHA-256 is the state hash, and a
 * restored engine must reach that same hash: the check is built in.
 *
 * <p>Format: the magic {@code CCSNAP}, a format version byte, the seq (8 bytes, big-endian), the
 * journal's chain hash at that seq (a length byte and the bytes), then the body, then the 32-byte
 * state hash. The seq and the chain hash let a loader check the snapshot against the journal (the
 * entry at {@code seq} must carry that chain hash) before it replays only the entries after it.
 *
 * <p>{@link #read} refuses, with {@link IllegalArgumentException} naming the problem, a wrong magic
 * or version, a truncated or malformed body, a body whose hash differs from the recorded one, a seq
 * in the header that differs from the body's, and a restored state whose hash or invariants do not
 * hold. No I/O beyond the streams it is given: files are the caller's.
 */
public final class Snapshot {
  private static final byte[] MAGIC = "CCSNAP".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;
  private static final int HASH_BYTES = 32;

  private final Engine engine;
  private final long seq;
  private final byte[] chainHash;
  private final byte[] stateHash;

  private Snapshot(Engine engine, long seq, byte[] chainHash, byte[] stateHash) {
    this.engine = engine;
    this.seq = seq;
    this.chainHash = chainHash;
    this.stateHash = stateHash;
  }

  /**
   * Writes {@code engine}'s whole state to {@code out} (which stays open) with the journal's {@code
   * chainHash} at the engine's seq; returns the state hash, which ends the snapshot.
   */
  public static byte[] write(Engine engine, byte[] chainHash, OutputStream out) {
    Objects.requireNonNull(chainHash, "chainHash");
    if (chainHash.length > 255) {
      throw new IllegalArgumentException("chainHash must be at most 255 bytes");
    }
    try {
      BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
      DataOutputStream data = new DataOutputStream(buffered);
      data.write(MAGIC);
      data.writeByte(VERSION);
      data.writeLong(engine.state().seq());
      data.writeByte(chainHash.length);
      data.write(chainHash);
      CanonicalWriter body = new CanonicalWriter(data);
      engine.state().writeCanonical(body);
      byte[] hash = body.finish();
      data.write(hash);
      data.flush();
      return hash;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the snapshot", e);
    }
  }

  /**
   * Restores an engine on the fast order books; see {@link #read(InputStream, ProgramParser,
   * OrderBooks)}.
   */
  public static Snapshot read(InputStream in, ProgramParser parser) {
    return read(in, parser, OrderBooks.FAST);
  }

  /**
   * Reads a snapshot from {@code in} (which stays open) and restores the engine it holds, after
   * checking it (see the class comment); {@code parser} parses the program text it holds.
   */
  public static Snapshot read(InputStream in, ProgramParser parser, OrderBooks books) {
    DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 16));
    try {
      byte[] magic = new byte[MAGIC.length];
      data.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new IllegalArgumentException("snapshot: not a snapshot (no CCSNAP magic)");
      }
      int version = data.readUnsignedByte();
      if (version != VERSION) {
        throw new IllegalArgumentException(
            "snapshot: format version " + version + ", this engine reads " + VERSION);
      }
      long seq = data.readLong();
      byte[] chainHash = new byte[data.readUnsignedByte()];
      data.readFully(chainHash);
      Engine engine = new Engine(parser, books);
      CanonicalReader body = new CanonicalReader(data);
      engine.state().readCanonical(body, parser);
      byte[] bodyHash = body.finish();
      byte[] recorded = new byte[HASH_BYTES];
      data.readFully(recorded);
      check(bodyHash, recorded, seq, engine);
      return new Snapshot(engine, seq, chainHash, recorded);
    } catch (EOFException e) {
      throw new IllegalArgumentException("snapshot: ends before its state hash", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the snapshot", e);
    }
  }

  private static void check(byte[] bodyHash, byte[] recorded, long seq, Engine engine) {
    if (!Arrays.equals(bodyHash, recorded)) {
      throw new IllegalArgumentException(
          "snapshot: the state hashes to "
              + hex(bodyHash)
              + " but the snapshot records "
              + hex(recorded)
              + " (damaged)");
    }
    if (engine.state().seq() != seq) {
      throw new IllegalArgumentException(
          "snapshot: the header says seq " + seq + ", the state " + engine.state().seq());
    }
    byte[] restored = engine.stateHash();
    if (!Arrays.equals(restored, recorded)) {
      throw new IllegalArgumentException(
          "snapshot: the restored state hashes to "
              + hex(restored)
              + ", not to the recorded "
              + hex(recorded));
    }
    try {
      engine.checkInvariants();
    } catch (AssertionError e) {
      throw new IllegalArgumentException("snapshot: the restored state breaks an invariant", e);
    }
  }

  private static String hex(byte[] hash) {
    return HexFormat.of().formatHex(hash);
  }

  /** The restored engine, ready to apply the journal's entries after {@link #seq()}. */
  public Engine engine() {
    return engine;
  }

  /** The number of journal entries the state contains (the last one applied). */
  public long seq() {
    return seq;
  }

  /** The journal's chain hash at {@link #seq()}, as recorded when the snapshot was written. */
  public byte[] chainHash() {
    return chainHash.clone();
  }

  /** The state hash the restored engine has. */
  public byte[] stateHash() {
    return stateHash.clone();
  }
}
