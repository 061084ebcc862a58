package org.computecap.engine.command;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a command's fields as explicit big-endian bytes for the journal. The encoding is
 * positional (no field names), so a codec part must write and read its fields in the same order,
 * and must never change that order for an existing tag: old journals must still replay.
 */
public final class CommandWriter {
  private byte[] bytes = new byte[64];
  private int length;

  public CommandWriter writeByte(int v) {
    ensure(1);
    bytes[length++] = (byte) v;
    return this;
  }

  public CommandWriter writeBoolean(boolean v) {
    return writeByte(v ? 1 : 0);
  }

  public CommandWriter writeShort(int v) {
    ensure(2);
    bytes[length++] = (byte) (v >>> 8);
    bytes[length++] = (byte) v;
    return this;
  }

  public CommandWriter writeInt(int v) {
    ensure(4);
    for (int s = 24; s >= 0; s -= 8) {
      bytes[length++] = (byte) (v >>> s);
    }
    return this;
  }

  public CommandWriter writeLong(long v) {
    ensure(8);
    for (int s = 56; s >= 0; s -= 8) {
      bytes[length++] = (byte) (v >>> s);
    }
    return this;
  }

  /** A length-prefixed UTF-8 string. */
  public CommandWriter writeString(String s) {
    return writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /** A length-prefixed byte array. */
  public CommandWriter writeBytes(byte[] b) {
    writeInt(b.length);
    ensure(b.length);
    System.arraycopy(b, 0, bytes, length, b.length);
    length += b.length;
    return this;
  }

  /** An enum as its ordinal's position in the constant list, which must only ever grow. */
  public CommandWriter writeEnum(Enum<?> e) {
    return writeByte(e.ordinal());
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, length);
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
